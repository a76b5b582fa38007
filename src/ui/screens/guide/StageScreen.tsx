import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { participantStageView, type StageView } from '../../../domain/guide';
import type { ConversationId } from '../../../domain/ids';
import { useReview } from '../../review-context';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    minHeight: '100vh',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    color: tokens.colorNeutralForeground1,
  },
  inner: { maxWidth: '60rem', margin: '0 auto', display: 'grid', gap: tokens.spacingVerticalXXL },
  title: { margin: 0, fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold },
  intro: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, color: tokens.colorNeutralForeground2 },
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalM },
  item: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    background: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  when: { display: 'block', fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  summary: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, whiteSpace: 'pre-wrap', margin: 0 },
  empty: { fontSize: tokens.fontSizeBase400, color: tokens.colorNeutralForeground2 },
});

/**
 * "Summing up: have we got your view?" — shared with the participant at step 8, on the meeting stage or a shared
 * screen. It shows only what this participant said in this conversation (see participantStageView), in large,
 * calm type, and updates as the facilitators capture more.
 */
export function StageScreen({ recordId }: { recordId?: string | undefined }) {
  const styles = useStyles();
  const { snapshot } = useReview();
  const view = recordId ? participantStageView(snapshot, recordId as ConversationId) : null;
  return (
    <main className={styles.page} data-testid="stage">
      <div className={styles.inner}>
        <div>
          <h1 className={styles.title}>{view?.heading ?? 'Summing up: have we got your view?'}</h1>
          <Text className={styles.intro} block>
            This is what we have noted from you today, in your words as far as we could. Tell us anything we have missed or got wrong.
          </Text>
        </div>
        {view ? <StageContent view={view} /> : <Text className={styles.empty}>There is nothing to show for this conversation.</Text>}
      </div>
    </main>
  );
}

function StageContent({ view }: { view: StageView }) {
  const styles = useStyles();
  const section = (id: string, title: string, items: readonly { key: string; body: React.ReactNode }[], empty: string) => (
    <section className={styles.section} aria-labelledby={id} data-testid={id}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {items.length === 0 ? (
        <Text className={styles.empty}>{empty}</Text>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item.key} className={styles.item}>
              {item.body}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <>
      {section(
        'stage-episodes',
        'The turning points you described',
        view.episodes.map((episode, index) => ({
          key: `episode-${index}`,
          body: (
            <>
              <strong>{episode.title}</strong>
              <span className={styles.when}>{episode.when}</span>
              {episode.description}
            </>
          ),
        })),
        'None noted yet.',
      )}
      {view.influences.length > 0
        ? section('stage-influences', 'What you said influenced you', view.influences.map((label, index) => ({ key: `factor-${index}`, body: label })), '')
        : null}
      {section('stage-went-well', 'What went well', view.wentWell.map((text, index) => ({ key: `well-${index}`, body: text })), 'None noted yet.')}
      {section('stage-changes', 'Changes you suggested', view.suggestedChanges.map((text, index) => ({ key: `change-${index}`, body: text })), 'None noted yet.')}
      {view.summary ? (
        <section className={styles.section} aria-labelledby="stage-summary" data-testid="stage-summary">
          <h2 id="stage-summary" className={styles.heading}>
            Our summary of your view
          </h2>
          <p className={styles.summary}>{view.summary}</p>
        </section>
      ) : null}
    </>
  );
}
