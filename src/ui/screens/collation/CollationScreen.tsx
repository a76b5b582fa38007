// Learning across reviews (issue 14): pooled, de-identified findings collated, with a chart and its table for each
// figure, filters, and the reviews behind a figure for those who can open them.
import { Button, Checkbox, Dropdown, Field, Input, Link, MessageBar, MessageBarBody, Option, Spinner, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { DrillDownRow, PooledLearningService } from '../../../app/collation/pooled-learning-service';
import { describeFailure } from '../../../app/failure-messages';
import { TRIGGER_LABELS } from '../../../domain/labels';
import { REVIEW_TRIGGERS, type ReviewTrigger } from '../../../domain/model';
import type { ReviewSummary } from '../../../domain/review-summary';
import { AGENCY_TYPE_TITLES, AGENCY_TYPES, type AgencyType } from '../../../domain/pooling/agency-types';
import type { CollationFilter, CollationSelector } from '../../../domain/pooling/collate';
import { describeCollation, describeHeadline, type CollationTable } from '../../../domain/pooling/describe';
import type { PooledReviewFindings } from '../../../domain/pooling/pooled-findings';
import { useAppServices } from '../../app-services';
import { hrefOf, paths } from '../../routes';

const CollationChart = lazy(() => import('./CollationChart'));

/** The tables that get a chart: the first numeric column is drawn. */
const CHARTED: ReadonlySet<CollationTable['id']> = new Set(['categories', 'factorLevels', 'factorTypes', 'episodes', 'recommendationKinds', 'openByOwner']);

type Loaded = { readonly service: PooledLearningService; readonly records: readonly PooledReviewFindings[]; readonly reviews: readonly ReviewSummary[] };

function download(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  URL.revokeObjectURL(url);
}

export function CollationScreen() {
  const services = useAppServices();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fromYear, setFromYear] = useState('');
  const [toYear, setToYear] = useState('');
  const [triggers, setTriggers] = useState<ReviewTrigger[]>([]);
  const [agencyTypes, setAgencyTypes] = useState<AgencyType[]>([]);
  const [includeFictional, setIncludeFictional] = useState(true);
  const [drill, setDrill] = useState<{ readonly title: string; readonly rows: readonly DrillDownRow[] } | null>(null);

  const reload = useCallback(async () => {
    if (!services.pooledLearning) {
      setProblem('Pooled learning is not available in this mode.');
      return;
    }
    const service = await services.pooledLearning();
    const reviews = await services.service.listReviews();
    if (!reviews.ok) return setProblem(describeFailure(reviews.error));
    // Reviews that reached the pooling phase since they were last pooled (or went back) are brought up to date.
    const caught = await service.catchUp(reviews.value, (id) => services.service.loadReview(id));
    if (!caught.ok) setProblem(describeFailure(caught.error));
    const records = await service.records();
    if (!records.ok) return setProblem(describeFailure(records.error));
    setLoaded({ service, records: records.value, reviews: reviews.value });
  }, [services]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const filter: CollationFilter = useMemo(
    () => ({
      fromYear: /^\d{4}$/.test(fromYear) ? Number(fromYear) : null,
      toYear: /^\d{4}$/.test(toYear) ? Number(toYear) : null,
      triggers,
      agencyTypes,
      includeFictional,
    }),
    [fromYear, toYear, triggers, agencyTypes, includeFictional],
  );
  const summary = useMemo(() => (loaded ? loaded.service.summarise(loaded.records, filter) : null), [loaded, filter]);
  const tables = useMemo(() => (summary ? describeCollation(summary) : []), [summary]);

  const showReviews = (title: string, selector: CollationSelector) => {
    if (!loaded) return;
    setDrill({ title, rows: loaded.service.drillDown(loaded.records, filter, selector, loaded.reviews) });
  };

  const importFile = async (file: File) => {
    if (!loaded) return;
    const imported = await loaded.service.importFile(await file.text(), file.name);
    if (!imported.ok) return setProblem(describeFailure(imported.error));
    setNotice(
      `Imported ${imported.value.imported} pooled ${imported.value.imported === 1 ? 'review' : 'reviews'} from ${file.name}.` +
        (imported.value.rejected.length > 0 ? ` Left out: ${imported.value.rejected.map((issue) => `${issue.path} ${issue.message}`.trim()).join('; ')}.` : ''),
    );
    await reload();
  };

  return (
    <section aria-labelledby="screen-title" data-testid="collation-screen" style={{ display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '80rem' }}>
      <h1 id="screen-title" style={{ margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold }}>
        Learning across reviews
      </h1>
      <Text>
        De-identified findings pooled from reviews that have reached final draft agreed: typology patterns, contributory factors, judgements of good and
        problematic practice, and recommendations. Codes and counts only; no names, places or words from the reviews.
      </Text>
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <form
        aria-label="Filters"
        onSubmit={(event) => event.preventDefault()}
        style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' }}
      >
        <Field label="From year">
          <Input value={fromYear} onChange={(_, data) => setFromYear(data.value)} inputMode="numeric" style={{ width: '7rem' }} />
        </Field>
        <Field label="To year">
          <Input value={toYear} onChange={(_, data) => setToYear(data.value)} inputMode="numeric" style={{ width: '7rem' }} />
        </Field>
        <Field label="Trigger">
          <Dropdown
            multiselect
            placeholder="All triggers"
            selectedOptions={triggers}
            onOptionSelect={(_, data) => setTriggers(data.selectedOptions as ReviewTrigger[])}
          >
            {REVIEW_TRIGGERS.map((trigger) => (
              <Option key={trigger} value={trigger}>
                {TRIGGER_LABELS[trigger]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Agency type">
          <Dropdown
            multiselect
            placeholder="All agencies"
            selectedOptions={agencyTypes}
            onOptionSelect={(_, data) => setAgencyTypes(data.selectedOptions as AgencyType[])}
          >
            {AGENCY_TYPES.map((type) => (
              <Option key={type} value={type}>
                {AGENCY_TYPE_TITLES[type]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Checkbox label="Include fictional reviews" checked={includeFictional} onChange={(_, data) => setIncludeFictional(data.checked === true)} />
      </form>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM }}>
        <Button
          disabled={!loaded}
          onClick={async () => {
            const text = await loaded?.service.exportJson();
            if (text?.ok) download('pooled-findings.json', text.value, 'application/json');
          }}
        >
          Export JSON
        </Button>
        <Button
          disabled={!loaded}
          onClick={async () => {
            const text = await loaded?.service.exportCsv();
            if (text?.ok) download('pooled-findings.csv', text.value, 'text/csv');
          }}
        >
          Export CSV
        </Button>
        <label>
          <Text>Import another LSCB’s pooled findings (JSON) </Text>
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-pooled"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {!summary ? (
        <Spinner label="Collating pooled findings…" />
      ) : (
        <>
          <Text weight="semibold" role="status" data-testid="collation-headline">
            {describeHeadline(summary)}
          </Text>
          {drill && (
            <section
              aria-labelledby="drill-title"
              data-testid="drill-down"
              style={{ border: `1px solid ${tokens.colorNeutralStroke1}`, padding: tokens.spacingHorizontalM }}
            >
              <h2 id="drill-title" style={{ marginTop: 0, fontSize: tokens.fontSizeBase400 }}>
                Reviews behind “{drill.title}”
              </h2>
              <ul>
                {drill.rows.map((row) => (
                  <li key={`${row.source}/${row.reviewKey}`}>
                    {row.review ? (
                      <Link href={hrefOf(paths.review(row.review.id))}>{row.review.codename}</Link>
                    ) : (
                      <Text>
                        {row.reviewKey} ({row.source}: a review you cannot open here)
                      </Text>
                    )}{' '}
                    — {row.count}, {row.year}
                  </li>
                ))}
              </ul>
              <Button onClick={() => setDrill(null)}>Close</Button>
            </section>
          )}
          {tables.map((table) => (
            <CollationSection key={table.id} table={table} onShowReviews={showReviews} />
          ))}
        </>
      )}
    </section>
  );
}

function CollationSection({
  table,
  onShowReviews,
}: {
  readonly table: CollationTable;
  readonly onShowReviews: (title: string, selector: CollationSelector) => void;
}) {
  const headingId = `collation-${table.id}`;
  return (
    <section aria-labelledby={headingId} data-testid={`collation-${table.id}`}>
      <h2 id={headingId} style={{ fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold }}>
        {table.title}
      </h2>
      {CHARTED.has(table.id) && table.rows.length > 0 && (
        <Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>
          <CollationChart
            title={table.title}
            bars={table.rows.map((row) => ({ label: row.label, value: typeof row.values[0] === 'number' ? row.values[0] : Number(row.values[1]) || 0 }))}
          />
        </Suspense>
      )}
      {table.rows.length === 0 ? (
        <Text>None yet.</Text>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <caption style={{ textAlign: 'left', position: 'absolute', left: '-10000px' }}>{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th
                  key={column}
                  scope="col"
                  style={{ textAlign: 'left', padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke1}` }}
                >
                  {column}
                </th>
              ))}
              {table.rows.some((row) => row.selector) && <th scope="col">Behind the figure</th>}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" style={{ textAlign: 'left', fontWeight: tokens.fontWeightRegular, padding: tokens.spacingHorizontalXS }}>
                  {row.label}
                </th>
                {row.values.map((value, index) => (
                  <td key={index} style={{ padding: tokens.spacingHorizontalXS }}>
                    {value}
                  </td>
                ))}
                {row.selector && (
                  <td>
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={`Show the reviews behind ${row.label}`}
                      onClick={() => row.selector && onShowReviews(row.label, row.selector)}
                    >
                      Show reviews
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
