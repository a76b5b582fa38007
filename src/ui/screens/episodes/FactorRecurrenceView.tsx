import { Button, Checkbox, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDown16Regular, ArrowSortUp16Regular, ArrowSort16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import {
  RECURS_FROM,
  factorPlace,
  factorRecurrence,
  type FactorRecurrence,
  type RecurrenceSortKey,
  type SortDirection,
} from '../../../domain/analysis';
import { ADEQUACY_LABELS } from '../../../domain/labels';
import { ADEQUACY_JUDGEMENTS, type Episode } from '../../../domain/model';
import { useOnColourStyles } from '../../components/analysis/on-colour';

const useStyles = makeStyles({
  summary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  table: { width: '100%', borderCollapse: 'collapse', background: tokens.colorNeutralBackground1 },
  head: {
    textAlign: 'start',
    padding: tokens.spacingHorizontalS,
    background: tokens.colorNeutralBackground3,
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: 'bottom',
  },
  cell: { verticalAlign: 'top', padding: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  recurring: { background: tokens.colorBrandBackground2 },
  factor: { fontWeight: tokens.fontWeightSemibold },
  strong: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase400 },
  bar: { height: '8px', borderRadius: tokens.borderRadiusSmall, background: tokens.colorBrandBackground, marginTop: tokens.spacingVerticalXXS, forcedColorAdjust: 'none' },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  sortButton: { fontWeight: tokens.fontWeightSemibold, paddingInline: 0, minWidth: 0 },
});

const EPISODES_LISTED = 5;

/**
 * Which contributory factors recur across episodes, how often and where. The guide found that repetition across
 * episodes should stand out strongly: recurring factors come first, shaded and with a bar for their count.
 */
export function FactorRecurrenceView({
  episodes,
  href,
  onShowEpisodes,
}: {
  episodes: readonly Episode[];
  href: (id: string) => string;
  onShowEpisodes: (factorId: string) => void;
}) {
  const styles = useStyles();
  const onColour = useOnColourStyles();
  const [sort, setSort] = useState<{ key: RecurrenceSortKey; direction: SortDirection }>({ key: 'count', direction: 'descending' });
  const [includeSingles, setIncludeSingles] = useState(false);
  const rows = useMemo(() => factorRecurrence(episodes, sort), [episodes, sort]);
  const recurring = rows.filter((row) => row.count >= RECURS_FROM).length;
  const shown = includeSingles ? rows : rows.filter((row) => row.count >= RECURS_FROM);
  const max = rows.reduce((highest, row) => Math.max(highest, row.count), 1);
  const titles = useMemo(() => new Map(episodes.map((episode) => [episode.id as string, episode.title])), [episodes]);

  const header = (key: RecurrenceSortKey, label: string) => {
    const active = sort.key === key;
    const next: SortDirection = active && sort.direction === 'descending' ? 'ascending' : active ? 'descending' : key === 'count' ? 'descending' : 'ascending';
    const icon = !active ? <ArrowSort16Regular /> : sort.direction === 'descending' ? <ArrowSortDown16Regular /> : <ArrowSortUp16Regular />;
    return (
      <th scope="col" className={styles.head} aria-sort={active ? sort.direction : 'none'}>
        <Button appearance="transparent" className={styles.sortButton} icon={icon} iconPosition="after" onClick={() => setSort({ key, direction: next })}>
          {label}
        </Button>
      </th>
    );
  };

  const judgementSummary = (row: FactorRecurrence) =>
    [...ADEQUACY_JUDGEMENTS, 'none' as const]
      .filter((judgement) => row.judgements[judgement] > 0)
      .map((judgement) => `${row.judgements[judgement]} ${judgement === 'none' ? 'not yet judged' : ADEQUACY_LABELS[judgement].toLocaleLowerCase('en-GB')}`)
      .join(', ');

  return (
    <div style={{ display: 'grid', gap: tokens.spacingVerticalM }} data-testid="factor-recurrence">
      <div className={styles.summary}>
        <Text role="status" data-testid="recurrence-summary">
          <span className={styles.strong}>{recurring}</span> {recurring === 1 ? 'factor recurs' : 'factors recur'} across two or more episodes;{' '}
          {rows.length} {rows.length === 1 ? 'factor is' : 'factors are'} tagged in {episodes.length} {episodes.length === 1 ? 'episode' : 'episodes'}.
        </Text>
        <Checkbox label="Include factors tagged in one episode only" checked={includeSingles} onChange={(_, data) => setIncludeSingles(data.checked === true)} />
      </div>
      {shown.length === 0 ? (
        <Text block>{rows.length === 0 ? 'No contributory factors have been tagged yet.' : 'No factor recurs yet.'}</Text>
      ) : (
        <table className={styles.table} aria-label="Recurring contributory factors">
          <thead>
            <tr>
              {header('factor', 'Factor')}
              {header('framework', 'Where in the framework')}
              {header('count', 'Episodes')}
              <th scope="col" className={styles.head}>
                Which episodes
              </th>
              <th scope="col" className={styles.head}>
                How the practice was judged
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const label = row.path?.factor.label ?? row.factorId;
              const recurs = row.count >= RECURS_FROM;
              return (
                <tr key={row.factorId} className={recurs ? styles.recurring : undefined} data-factor-id={row.factorId} data-count={row.count}>
                  <td className={mergeClasses(styles.cell, styles.factor)}>{label}</td>
                  <td className={styles.cell}>
                    <span className={styles.meta}>{row.path ? factorPlace(row.path) : 'Not in the current framework'}</span>
                  </td>
                  <td className={styles.cell} style={{ minWidth: '8rem' }}>
                    <span className={recurs ? styles.strong : undefined}>{row.count}</span>
                    <div className={styles.bar} style={{ width: `${Math.max(4, (row.count / max) * 100)}%` }} aria-hidden="true" />
                  </td>
                  <td className={styles.cell}>
                    {row.episodeIds.slice(0, EPISODES_LISTED).map((id, index) => (
                      <span key={id}>
                        {index > 0 ? '; ' : ''}
                        <Link href={href(id)} className={recurs ? onColour.link : undefined}>
                          {titles.get(id) ?? id}
                        </Link>
                      </span>
                    ))}
                    {row.episodeIds.length > EPISODES_LISTED ? <span className={styles.meta}> and {row.episodeIds.length - EPISODES_LISTED} more</span> : null}
                    <div>
                      <Button size="small" appearance="subtle" onClick={() => onShowEpisodes(row.factorId)} aria-label={`Show the episodes with ${label} in the table`}>
                        Show in the table
                      </Button>
                    </div>
                  </td>
                  <td className={styles.cell}>
                    <span className={styles.meta}>{judgementSummary(row)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
