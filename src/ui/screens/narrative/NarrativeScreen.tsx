import { Button, MessageBar, MessageBarBody, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Table20Regular, Timeline20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import {
  NARRATIVE_KIND_HINTS,
  NO_FILTER,
  buildLanes,
  filterNarrative,
  isFiltering,
  timeBuckets,
  compareEntries,
  type NarrativeFilter,
} from '../../../domain/analysis';
import { NARRATIVE_KIND_LABELS } from '../../../domain/labels';
import { NARRATIVE_KINDS } from '../../../domain/model';
import { RecordNotFound } from '../../kit/RecordNotFound';
import { formatPeriod } from '../../london-format';
import { useRecordNavigation } from '../../kit/use-record-navigation';
import { useViewParam } from '../../components/analysis/use-view-param';
import { ViewSwitch } from '../../components/analysis/ViewSwitch';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';
import { KindBadge } from './KindBadge';
import { NarrativeEditor } from './NarrativeEditor';
import { NarrativeFilters } from './NarrativeFilters';
import { NarrativeLanes } from './NarrativeLanes';
import { NarrativeTable } from './NarrativeTable';
import { NewNarrativeEntry } from './NewNarrativeEntry';
import { useNarrativeContext } from './narrative-context';

const VIEWS = ['lanes', 'table'] as const;
type View = (typeof VIEWS)[number];

const useStyles = makeStyles({
  screen: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, minWidth: 0 },
  intro: { maxWidth: '60rem' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, listStyle: 'none', padding: 0, margin: 0 },
  legendItem: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', fontSize: tokens.fontSizeBase200 },
  missing: { color: tokens.colorNeutralForeground2 },
});

/**
 * Narrative of multi-agency perspectives. Not a single chronology: each participant's and agency's account keeps
 * a lane of its own, where gaps and discrepancies stand out and the reviewers' judgements stay apart.
 */
export function NarrativeScreen({ recordId }: { recordId?: string | undefined }) {
  const styles = useStyles();
  const { snapshot } = useReview();
  const context = useNarrativeContext();
  const navigation = useRecordNavigation('narrative');
  const [view, setView] = useViewParam<View>('narrativeView', VIEWS, 'lanes');
  const [filter, setFilter] = useState<NarrativeFilter>(NO_FILTER);
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const filtered = useMemo(() => filterNarrative(snapshot.narrative, filter, context), [snapshot.narrative, filter, context]);
  const lanes = useMemo(() => buildLanes(filtered, context), [filtered, context]);
  const buckets = useMemo(() => timeBuckets(snapshot.review.periodUnderReview), [snapshot.review.periodUnderReview]);
  const byId = useMemo(() => new Map(snapshot.narrative.map((entry) => [entry.id as string, entry])), [snapshot.narrative]);
  const disputedCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const entry of snapshot.narrative) {
      if (entry.kind !== 'discrepancy') continue;
      for (const id of entry.relatedEntryIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }, [snapshot.narrative]);
  const accounts = useMemo(() => filtered.filter((entry) => entry.kind !== 'reviewersJudgement').sort(compareEntries), [filtered]);

  const current = recordId ? snapshot.narrative.find((entry) => entry.id === recordId) : undefined;

  return (
    <section aria-labelledby="screen-title" className={styles.screen}>
      <Title2 as="h1" id="screen-title">
        Narrative of multi-agency perspectives
      </Title2>
      <Text block className={styles.intro}>
        Not a single chronology: each participant and each agency’s records keep their own lane across the period under review (
        {formatPeriod(snapshot.review.periodUnderReview)}). Every entry names its source. Gaps and discrepancies are marked, and the review team’s judgements
        are kept apart.
      </Text>

      <div className={styles.toolbar}>
        <ViewSwitch
          label="How to show the narrative"
          value={view}
          onChange={setView}
          options={[
            { value: 'lanes', label: 'Lanes', icon: <Timeline20Regular /> },
            { value: 'table', label: 'Table', icon: <Table20Regular /> },
          ]}
        />
        <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>
          Add entry
        </Button>
      </div>

      <NarrativeFilters filter={filter} onChange={setFilter} shown={filtered.length} total={snapshot.narrative.length} />

      <ul className={styles.legend} aria-label="Kinds of entry">
        {NARRATIVE_KINDS.map((kind) => (
          <li key={kind} className={styles.legendItem} title={NARRATIVE_KIND_HINTS[kind]}>
            <KindBadge kind={kind} />
            <span>{NARRATIVE_KIND_HINTS[kind]}</span>
          </li>
        ))}
      </ul>

      {recordId && !current ? <RecordNotFound what="narrative entry" backHref={hrefOf(paths.section(snapshot.review.id, 'narrative'))} /> : null}
      {announcement ? (
        <MessageBar intent="success">
          <MessageBarBody>{announcement}</MessageBarBody>
        </MessageBar>
      ) : null}

      <div>
        {view === 'lanes' ? (
          <NarrativeLanes
            lanes={lanes.lanes}
            judgements={lanes.judgements}
            buckets={buckets}
            context={context}
            byId={byId}
            disputedCounts={disputedCounts}
            href={navigation.href}
            currentId={current?.id ?? null}
          />
        ) : (
          <NarrativeTable
            entries={accounts}
            judgements={lanes.judgements.entries}
            context={context}
            byId={byId}
            href={navigation.href}
            currentId={current?.id ?? null}
          />
        )}
      </div>

      {!isFiltering(filter) && snapshot.narrative.length > 0 && lanes.missingPerspectives.length > 0 ? (
        <Text block className={styles.missing} data-testid="missing-perspectives">
          No entries yet from the perspective of: {lanes.missingPerspectives.map((participant) => participant.reportLabel).join(', ')}.
        </Text>
      ) : null}

      {adding ? (
        <NewNarrativeEntry
          onClose={() => setAdding(false)}
          onAdded={(entry) => {
            setAdding(false);
            setAnnouncement(`${NARRATIVE_KIND_LABELS[entry.kind]} added, ${formatPeriod(entry.period)}.`);
          }}
        />
      ) : null}
      {current ? <NarrativeEditor key={current.id} entry={current} onClose={navigation.close} /> : null}
    </section>
  );
}
