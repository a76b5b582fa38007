import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { describePerspective, describeSource, type NarrativeContext } from '../../../domain/analysis';
import { NARRATIVE_KIND_LABELS } from '../../../domain/labels';
import type { NarrativeEntry } from '../../../domain/model';
import { VirtualTable } from '../../components/analysis/VirtualTable';
import { formatPeriod } from '../../london-format';
import { KindBadge, useKindStyles } from './KindBadge';
import { RelatedEntryLinks } from './RelatedEntryLinks';
import { useOnColourStyles } from '../../components/analysis/on-colour';

const useStyles = makeStyles({
  text: { display: '-webkit-box', WebkitLineClamp: 5, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  judgements: {
    marginTop: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    borderTop: `4px double ${tokens.colorBrandStroke1}`,
    background: tokens.colorNeutralBackground1,
  },
  plain: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' },
  cell: { verticalAlign: 'top', textAlign: 'start', padding: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
});

const COLUMNS = [
  { key: 'when', header: 'When', width: '13%' },
  { key: 'perspective', header: 'Whose perspective', width: '17%' },
  { key: 'kind', header: 'Kind', width: '13%' },
  { key: 'text', header: 'Entry', width: '35%' },
  { key: 'source', header: 'Source and links', width: '22%' },
] as const;

const JUDGEMENTS_SHOWN = 20;

/**
 * The same entries as rows, in order of the period they refer to. Only the rows in view are drawn. Reviewers'
 * judgements have their own table below, so they are never read as one of the accounts.
 */
export function NarrativeTable({
  entries,
  judgements,
  context,
  byId,
  href,
  currentId,
}: {
  entries: readonly NarrativeEntry[];
  judgements: readonly NarrativeEntry[];
  context: NarrativeContext;
  byId: ReadonlyMap<string, NarrativeEntry>;
  href: (id: string) => string;
  currentId: string | null;
}) {
  const styles = useStyles();
  const kindStyles = useKindStyles();
  const onColour = useOnColourStyles();
  const [allJudgements, setAllJudgements] = useState(false);
  const links = (entry: NarrativeEntry, fallback?: ReactNode) => (
    <RelatedEntryLinks entry={entry} byId={byId} context={context} href={href} className={styles.meta} fallback={fallback} />
  );
  const textCell = (entry: NarrativeEntry) => (
    <>
      <Text className={styles.text}>{entry.text}</Text>
      <Link href={href(entry.id)} className={onColour.link} aria-label={`Open ${NARRATIVE_KIND_LABELS[entry.kind].toLocaleLowerCase('en-GB')}, ${formatPeriod(entry.period)}`}>
        Open
      </Link>
    </>
  );
  const shownJudgements = allJudgements ? judgements : judgements.slice(0, JUDGEMENTS_SHOWN);
  return (
    <>
      <VirtualTable
        label="Narrative entries, by period"
        testId="narrative-table"
        columns={COLUMNS}
        rows={entries}
        rowKey={(entry) => entry.id}
        estimateRowHeight={110}
        currentKey={currentId}
        rowClassName={(entry) => (entry.kind === 'account' ? undefined : kindStyles[entry.kind])}
        renderCells={(entry) => {
          const perspective = describePerspective(entry.perspective, context);
          return [
            formatPeriod(entry.period),
            <>
              <Text weight="semibold" block>
                {perspective.title}
              </Text>
              <span className={styles.meta}>{perspective.subtitle}</span>
            </>,
            <KindBadge kind={entry.kind} />,
            textCell(entry),
            <>
              <div>{describeSource(entry.source, context)}</div>
              {links(entry)}
            </>,
          ];
        }}
      />
      <section className={styles.judgements} aria-labelledby="judgements-table-title" data-testid="judgements-table">
        <h2 id="judgements-table-title" style={{ fontSize: tokens.fontSizeBase400, margin: 0 }}>
          Reviewers’ judgement
        </h2>
        <Text block className={styles.meta}>
          The review team’s own view, kept apart from participants’ and agencies’ accounts.
        </Text>
        {judgements.length === 0 ? (
          <Text block>No reviewers’ judgements to show.</Text>
        ) : (
          <table className={styles.plain}>
            <thead>
              <tr>
                <th scope="col" className={styles.cell} style={{ width: '15%' }}>
                  When
                </th>
                <th scope="col" className={styles.cell}>
                  Judgement
                </th>
                <th scope="col" className={styles.cell} style={{ width: '30%' }}>
                  About
                </th>
              </tr>
            </thead>
            <tbody>
              {shownJudgements.map((entry) => (
                <tr key={entry.id} data-row-key={entry.id} className={kindStyles.reviewersJudgement}>
                  <td className={styles.cell}>{formatPeriod(entry.period)}</td>
                  <td className={styles.cell}>{textCell(entry)}</td>
                  <td className={styles.cell}>{links(entry, <span className={styles.meta}>No linked entries</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {judgements.length > JUDGEMENTS_SHOWN ? (
          <Button size="small" onClick={() => setAllJudgements((value) => !value)} aria-expanded={allJudgements}>
            {allJudgements ? `Show the first ${JUDGEMENTS_SHOWN} only` : `Show all ${judgements.length} judgements`}
          </Button>
        ) : null}
      </section>
    </>
  );
}
