import { Badge, Button, Link, MessageBar, MessageBarBody, Text, Title2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Add20Regular, Clock16Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { RECOMMENDATION_LEVEL_LABELS, RECOMMENDATION_STATUS_LABELS, isOverdue, patternTitle, recommendationsByKind } from '../../../domain/analysis';
import { RecordNotFound } from '../../kit/RecordNotFound';
import { excerpt, formatDate, londonToday } from '../../london-format';
import { useRecordNavigation } from '../../kit/use-record-navigation';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';
import { NewRecommendation } from './NewRecommendation';
import { RecommendationEditor } from './RecommendationEditor';

const useStyles = makeStyles({
  screen: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalL, minWidth: 0 },
  intro: { maxWidth: '60rem' },
  toolbar: { display: 'flex', justifyContent: 'flex-end' },
  kind: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderTop: `4px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
  },
  kindTitle: { margin: 0, fontSize: tokens.fontSizeBase500 },
  description: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground2,
  },
  current: { outline: `3px solid ${tokens.colorStrokeFocus2}` },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  overdue: {
    display: 'inline-flex',
    gap: tokens.spacingHorizontalXXS,
    alignItems: 'center',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
});

/**
 * Recommendations under the method's three kinds: clear-cut and local; needing senior management's judgement; needing
 * research or national action. Each is tied to the patterns it answers and tracked to completion.
 */
export function RecommendationsScreen({ recordId }: { recordId?: string | undefined }) {
  const styles = useStyles();
  const { snapshot } = useReview();
  const navigation = useRecordNavigation('recommendations');
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const groups = useMemo(() => recommendationsByKind(snapshot.recommendations), [snapshot.recommendations]);
  const patterns = useMemo(() => new Map(snapshot.patterns.map((pattern) => [pattern.id as string, pattern])), [snapshot.patterns]);
  const today = londonToday();
  const current = recordId ? snapshot.recommendations.find((recommendation) => recommendation.id === recordId) : undefined;

  return (
    <section aria-labelledby="screen-title" className={styles.screen}>
      <Title2 as="h1" id="screen-title">
        Recommendations
      </Title2>
      <Text block className={styles.intro}>
        Not every recommendation can be SMART straight away. The method distinguishes three kinds, each answering one or more of the patterns found.
      </Text>
      <div className={styles.toolbar}>
        <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>
          Add recommendation
        </Button>
      </div>
      {recordId && !current ? <RecordNotFound what="recommendation" backHref={hrefOf(paths.section(snapshot.review.id, 'recommendations'))} /> : null}
      {announcement ? (
        <MessageBar intent="success">
          <MessageBarBody>{announcement}</MessageBarBody>
        </MessageBar>
      ) : null}

      {groups.map(({ kind, recommendations }) => (
        <section key={kind.id} className={styles.kind} aria-labelledby={`kind-${kind.id}`} data-kind={kind.id}>
          <h2 className={styles.kindTitle} id={`kind-${kind.id}`}>
            {kind.number}. {kind.title}
          </h2>
          <Text block className={styles.description}>
            {kind.description}
          </Text>
          {recommendations.length === 0 ? <Text>None yet.</Text> : null}
          <ul className={styles.list}>
            {recommendations.map((recommendation) => {
              const { tracking } = recommendation;
              const late = isOverdue(recommendation, today);
              return (
                <li
                  key={recommendation.id}
                  className={mergeClasses(styles.card, recommendation.id === current?.id ? styles.current : undefined)}
                  data-recommendation-id={recommendation.id}
                >
                  <Link href={navigation.href(recommendation.id)} style={{ fontWeight: tokens.fontWeightSemibold }}>
                    {excerpt(recommendation.text, 160)}
                  </Link>
                  <div className={styles.row}>
                    <span className={styles.meta}>To: {recommendation.addressee}</span>
                    <span className={styles.meta}>Level: {RECOMMENDATION_LEVEL_LABELS[recommendation.level]}</span>
                    <Badge
                      appearance="tint"
                      color={tracking.status === 'implemented' ? 'success' : tracking.status === 'notTakenForward' ? 'subtle' : 'informative'}
                    >
                      {RECOMMENDATION_STATUS_LABELS[tracking.status]}
                    </Badge>
                    {tracking.owner ? <span className={styles.meta}>Owner: {tracking.owner}</span> : null}
                    {tracking.dueOn ? <span className={styles.meta}>Due {formatDate(tracking.dueOn)}</span> : null}
                    {tracking.completedOn ? <span className={styles.meta}>Completed {formatDate(tracking.completedOn)}</span> : null}
                    {late ? (
                      <span className={styles.overdue}>
                        <Clock16Regular aria-hidden /> Past its due date
                      </span>
                    ) : null}
                  </div>
                  <span className={styles.meta}>
                    Responds to:{' '}
                    {recommendation.patternIds.length === 0
                      ? 'no pattern linked yet'
                      : recommendation.patternIds.map((id, index) => {
                          const pattern = patterns.get(id);
                          return (
                            <span key={id}>
                              {index > 0 ? '; ' : ''}
                              {pattern ? <Link href={navigation.hrefTo('patterns', id)}>{patternTitle(pattern)}</Link> : 'a pattern no longer in this review'}
                            </span>
                          );
                        })}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      {adding ? (
        <NewRecommendation
          onClose={() => setAdding(false)}
          onAdded={(recommendation) => {
            setAdding(false);
            setAnnouncement(`Recommendation added under “${groups.find((group) => group.kind.id === recommendation.kind)?.kind.title ?? ''}”.`);
          }}
        />
      ) : null}
      {current ? <RecommendationEditor key={current.id} recommendation={current} onClose={navigation.close} /> : null}
    </section>
  );
}
