import { Badge, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { RECURS_FROM } from '../../../domain/analysis';
import { findFactor } from '../../../domain/method/factor-framework';
import type { Episode } from '../../../domain/model';
import { VirtualTable } from '../../components/analysis/VirtualTable';
import { formatPeriod } from '../../london-format';
import { JudgementBadge } from './JudgementBadge';

/** Appendix 4's column headings, word for word. */
export const APPENDIX_4_HEADINGS = [
  'Description of key practice episode and significance with hindsight',
  "Breakdown and reviewers' judgement of adequacy of practice",
  'Contributory factors (why did actions/decisions make sense at the time?)',
] as const;

const COLUMNS = [
  { key: 'description', header: APPENDIX_4_HEADINGS[0], width: '36%' },
  { key: 'judgement', header: APPENDIX_4_HEADINGS[1], width: '24%' },
  { key: 'factors', header: APPENDIX_4_HEADINGS[2], width: '40%' },
] as const;

const useStyles = makeStyles({
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, display: 'block' },
  clamp: { display: '-webkit-box', WebkitBoxOrient: 'vertical', overflow: 'hidden', WebkitLineClamp: 6, marginTop: tokens.spacingVerticalXXS },
  short: { WebkitLineClamp: 3 },
  label: { fontWeight: tokens.fontWeightSemibold },
  tags: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  tag: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS },
  recurring: { borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
});

/** The table of key practice episodes, drawing only the rows in view (250 episodes, 1,500 factors stay smooth). */
export function EpisodesTable({
  episodes,
  counts,
  href,
  currentId,
}: {
  episodes: readonly Episode[];
  counts: ReadonlyMap<string, number>;
  href: (id: string) => string;
  currentId: string | null;
}) {
  const styles = useStyles();
  return (
    <VirtualTable
      label="Table of key practice episodes"
      testId="episodes-table"
      columns={COLUMNS}
      rows={episodes}
      rowKey={(episode) => episode.id}
      estimateRowHeight={220}
      currentKey={currentId}
      renderCells={(episode) => [
        <>
          <Link href={href(episode.id)} className={styles.title}>
            {episode.title}
          </Link>
          <span className={styles.meta}>{formatPeriod(episode.period)}</span>
          <Text block className={styles.clamp}>
            {episode.description}
          </Text>
          {episode.significance.trim() ? (
            <Text block className={mergeClasses(styles.clamp, styles.short)}>
              <span className={styles.label}>Significance with hindsight: </span>
              {episode.significance}
            </Text>
          ) : null}
        </>,
        <>
          <JudgementBadge judgement={episode.judgement} />
          {episode.judgementBreakdown.trim() ? (
            <Text block className={styles.clamp}>
              {episode.judgementBreakdown}
            </Text>
          ) : null}
        </>,
        episode.factors.length === 0 ? (
          <span className={styles.meta}>No contributory factors yet</span>
        ) : (
          <ul className={styles.tags} aria-label={`Contributory factors of ${episode.title}`}>
            {episode.factors.map((tag) => {
              const count = counts.get(tag.factorId) ?? 0;
              const recurs = count >= RECURS_FROM;
              return (
                <li key={tag.id} className={mergeClasses(styles.tag, recurs ? styles.recurring : undefined)}>
                  <span className={styles.label}>{findFactor(tag.factorId)?.factor.label ?? tag.factorId}</span>{' '}
                  {recurs ? (
                    <Badge appearance="filled" color="brand" size="small">
                      Recurs in {count} episodes
                    </Badge>
                  ) : null}
                  {tag.whyItMadeSense.trim() ? (
                    <Text block className={mergeClasses(styles.clamp, styles.short)}>
                      {tag.whyItMadeSense}
                    </Text>
                  ) : (
                    <span className={styles.meta}>Why it made sense at the time: not yet recorded</span>
                  )}
                </li>
              );
            })}
          </ul>
        ),
      ]}
    />
  );
}
