import { Badge, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ThumbLike16Regular, Warning16Regular } from '@fluentui/react-icons';
import { PATTERN_INFLUENCE_LABELS, PRIORITY_LABELS, describePerspective, patternEvidence, patternTitle } from '../../../domain/analysis';
import type { Pattern } from '../../../domain/model';
import { excerpt, formatPeriod } from '../../london-format';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';
import { narrativeContextOf } from '../narrative/narrative-context';

const useStyles = makeStyles({
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    background: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  recorded: { border: `1px dashed ${tokens.colorNeutralStroke1}`, background: tokens.colorNeutralBackground3 },
  current: { outline: `3px solid ${tokens.colorStrokeFocus2}` },
  title: { margin: 0, fontSize: tokens.fontSizeBase300 },
  statement: { display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: 4, overflow: 'hidden' },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  influence: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS, alignItems: 'center', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  evidence: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** A pattern on the board: title, statement, influence and the two prioritisation criteria. */
export function PatternCard({ pattern, href, current, recorded }: { pattern: Pattern; href: string; current: boolean; recorded: boolean }) {
  const styles = useStyles();
  const { widespread, contemporaryRelevance, rank } = pattern.prioritisation;
  const good = pattern.influence === 'supportsGoodPractice';
  const { snapshot } = useReview();
  const evidence = patternEvidence(pattern, snapshot);
  const context = narrativeContextOf(snapshot);
  return (
    <li className={mergeClasses(styles.card, recorded ? styles.recorded : undefined, current ? styles.current : undefined)} data-pattern-id={pattern.id}>
      <div className={styles.row}>
        {rank !== null && !recorded ? (
          <Badge appearance="filled" color="brand">
            Rank {rank}
          </Badge>
        ) : null}
        {recorded ? (
          <Badge appearance="outline" color="informative">
            Not prioritised
          </Badge>
        ) : null}
        <h4 className={styles.title}>
          <Link href={href}>{patternTitle(pattern)}</Link>
        </h4>
      </div>
      <Text className={styles.statement}>{pattern.statement}</Text>
      <span className={styles.influence}>
        {good ? <ThumbLike16Regular aria-hidden /> : <Warning16Regular aria-hidden />}
        {PATTERN_INFLUENCE_LABELS[pattern.influence]}
      </span>
      <span className={styles.meta}>
        How widespread beyond this case: {widespread ? PRIORITY_LABELS[widespread] : 'not yet assessed'} · Relevance now:{' '}
        {contemporaryRelevance ? PRIORITY_LABELS[contemporaryRelevance] : 'not yet assessed'}
      </span>
      <span className={styles.meta}>
        Draws on {pattern.episodeIds.length} {pattern.episodeIds.length === 1 ? 'episode' : 'episodes'}
      </span>
      {evidence.factors.length > 0 ? (
        <div data-testid="pattern-cited-factors">
          <span className={styles.meta}>Rests on these contributory factors:</span>
          <ul className={styles.evidence}>
            {evidence.factors.map((cited) => (
              <li key={cited.factorTagId}>
                {cited.factorLabel} (in <Link href={hrefOf(paths.record(pattern.reviewId, 'episodes', cited.episodeId))}>{cited.episodeTitle}</Link>)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {evidence.entries.length > 0 ? (
        <div data-testid="pattern-cited-entries">
          <span className={styles.meta}>Evidence from the narrative:</span>
          <ul className={styles.evidence}>
            {evidence.entries.map((entry) => (
              <li key={entry.id}>
                <Link href={hrefOf(paths.record(pattern.reviewId, 'narrative', entry.id))}>
                  {describePerspective(entry.perspective, context).title}, {formatPeriod(entry.period)}
                </Link>
                : {excerpt(entry.text, 80)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
