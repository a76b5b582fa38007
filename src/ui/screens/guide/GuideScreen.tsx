import {
  Badge,
  Button,
  Link,
  Radio,
  RadioGroup,
  Select,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  FACILITATOR_ROLE_LABELS,
  GUIDE_STEP_SHORT_TITLES,
  decideRole,
  nextStep,
  previousStep,
  recordingReminder,
  type FacilitatorRole,
} from '../../../domain/guide';
import { CONVERSATION_STEP_IDS, type ConversationStepId } from '../../../domain/method/conversation-steps';
import type { Conversation, Participant, ReviewSnapshot } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';
import { GuideTimerBar } from './GuideTimerBar';
import { roleStorage, viewedStepStorage } from './guide-storage';
import { OfflineIndicator } from './OfflineIndicator';
import { ShareToStageButton } from '../../components/ShareToStageButton';
import { CapturedItems, EpisodeCaptureForm } from './QuickCapture';
import { RecordPanel } from './RecordPanel';
import { StepPanel } from './StepPanel';
import { useGuideTimer } from './use-guide-timer';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    maxWidth: '52rem',
    margin: '0 auto',
    padding: tokens.spacingHorizontalS,
    display: 'grid',
    // minmax(0, …): a long option in the step list must not widen a 320 px panel.
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    background: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
    // A native select is as wide as its longest option unless told otherwise; so are grids of them.
    '& .fui-Select, & select': { minWidth: 0, maxWidth: '100%' },
    '& .fui-Field': { minWidth: 0 },
  },
  header: { display: 'grid', gap: tokens.spacingVerticalS },
  panel: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  who: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'baseline' },
  nav: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) auto', gap: tokens.spacingHorizontalXS, alignItems: 'end' },
  stepChoice: { minWidth: 0, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  capture: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  captureButtons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    appearance: 'none',
    border: 'none',
    borderBottom: `3px solid transparent`,
    background: 'transparent',
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  tabSelected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
});

type View = 'guide' | 'record';
const VIEWS: ReadonlyArray<{ value: View; label: string }> = [
  { value: 'guide', label: 'Guide' },
  { value: 'record', label: 'Record and transcript' },
];

/**
 * Two tabs, built by hand: Fluent's TabList adds focus-trapping helper elements that axe reports as focusable
 * content hidden from assistive technology (aria-hidden-focus).
 */
function ViewTabs({ value, onChange, panelId }: { value: View; onChange: (view: View) => void; panelId: string }) {
  const styles = useStyles();
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (index + step + VIEWS.length) % VIEWS.length;
    onChange(VIEWS[next]!.value);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Guide or record" className={styles.tabs}>
      {VIEWS.map((view, index) => (
        <button
          key={view.value}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={`${panelId}-${view.value}`}
          aria-selected={value === view.value}
          aria-controls={panelId}
          tabIndex={value === view.value ? 0 : -1}
          className={mergeClasses(styles.tab, value === view.value && styles.tabSelected)}
          onClick={() => onChange(view.value)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {view.label}
        </button>
      ))}
    </div>
  );
}

/**
 * Opened in a browser tab of its own (not inside a Teams side panel or stage, which embed it in a frame): the guide
 * has no app header there, so it offers the way back to the workspace itself.
 */
function inPlainBrowser(): boolean {
  try {
    return window.self === window.top;
  } catch {
    return false;
  }
}

/** The facilitators' guide in the meeting side panel (about 320 px wide), also usable full width. */
export function GuideScreen({ recordId }: { recordId?: string | undefined }) {
  const { snapshot } = useReview();
  const conversation = snapshot.conversations.find((candidate) => candidate.id === recordId);
  const participant = conversation && snapshot.participants.find((candidate) => candidate.id === conversation.participantId);
  if (!conversation || !participant) {
    return (
      <main style={{ padding: tokens.spacingHorizontalM }}>
        <h1 style={{ fontSize: tokens.fontSizeBase400 }}>Conversation guide</h1>
        <Text role="alert" block>
          This conversation could not be found in the review. It may have been removed.
        </Text>
        <Link href={hrefOf(paths.section(snapshot.review.id, 'conversations'))}>Back to the conversations</Link>
      </main>
    );
  }
  return <Guide key={conversation.id} conversation={conversation} participant={participant} snapshot={snapshot} />;
}

type QuickCaptureKind = 'episode' | 'wentWell' | 'suggestedChanges';

function Guide({ conversation, participant, snapshot }: { conversation: Conversation; participant: Participant; snapshot: ReviewSnapshot }) {
  const styles = useStyles();
  const { userName } = useAppServices();
  const stepSelectId = useId();
  const [tab, setTab] = useState<View>('guide');
  const panelId = useId();
  const [step, setStep] = useState<ConversationStepId>(() => viewedStepStorage.read(conversation.id));
  const [chosenRole, setChosenRole] = useState<FacilitatorRole | null>(() => roleStorage.read(conversation.id));
  const [capture, setCapture] = useState<QuickCaptureKind | null>(null);
  const timer = useGuideTimer(conversation.id);
  const role = decideRole(conversation, snapshot.teamMembers, userName, chosenRole);
  const reminder = recordingReminder(conversation, participant.reportLabel);

  const goTo = (next: ConversationStepId | null) => {
    if (!next) return;
    setStep(next);
    viewedStepStorage.write(conversation.id, next);
    if (timer.summary.running) timer.moveTo(next);
  };

  const chooseRole = (next: FacilitatorRole) => {
    setChosenRole(next);
    roleStorage.write(conversation.id, next);
  };

  return (
    <main className={styles.page} data-testid="guide" data-role={role.role}>
      <header className={styles.header}>
        {inPlainBrowser() ? (
          <nav aria-label="Back to the workspace">
            <Link href={hrefOf(paths.record(snapshot.review.id, 'conversations', conversation.id))} data-testid="guide-back">
              ← Back to the workspace: the conversation with {participant.reportLabel}
            </Link>
          </nav>
        ) : null}
        <div>
          <h1 className={styles.title}>Conversation guide</h1>
          <div className={styles.who}>
            <Text weight="semibold">{participant.realName}</Text>
            <Text size={200}>
              {participant.reportLabel} · {snapshot.review.codename}
            </Text>
          </div>
        </div>
        <OfflineIndicator />
        <ShareToStageButton reviewId={snapshot.review.id} conversationId={conversation.id} />
        {reminder ? (
          <Badge appearance="tint" color="warning" data-testid="recording-badge">
            Recording still held: destroy it
          </Badge>
        ) : null}
        <GuideTimerBar timer={timer} viewedStep={step} />
        <RadioGroup
          layout="horizontal"
          value={role.role}
          onChange={(_, data) => chooseRole(data.value as FacilitatorRole)}
          aria-label={`Your role in this conversation${role.source === 'assigned' ? ' (from the conversation)' : ''}`}
          data-testid="role-switch"
        >
          <Radio value="questioner" label={FACILITATOR_ROLE_LABELS.questioner} />
          <Radio value="noteTaker" label={FACILITATOR_ROLE_LABELS.noteTaker} />
        </RadioGroup>
      </header>

      <ViewTabs value={tab} onChange={setTab} panelId={panelId} />

      <div role="tabpanel" id={panelId} aria-labelledby={`${panelId}-${tab}`} className={styles.panel}>
        {tab === 'guide' ? (
          <>
            <nav className={styles.nav} aria-label="Conversation steps">
              <Button icon={<ChevronLeftRegular />} aria-label="Previous step" disabled={!previousStep(step)} onClick={() => goTo(previousStep(step))} />
              <div className={styles.stepChoice}>
                <label htmlFor={stepSelectId}>
                  <Text size={200}>Step</Text>
                </label>
                <Select id={stepSelectId} value={step} onChange={(_, data) => goTo(data.value as ConversationStepId)} data-testid="step-select">
                  {CONVERSATION_STEP_IDS.map((id) => (
                    <option key={id} value={id}>
                      {id}. {GUIDE_STEP_SHORT_TITLES[id]}
                    </option>
                  ))}
                </Select>
              </div>
              <Button icon={<ChevronRightRegular />} iconPosition="after" aria-label="Next step" disabled={!nextStep(step)} onClick={() => goTo(nextStep(step))} />
            </nav>

            <StepPanel key={step} step={step} conversation={conversation} snapshot={snapshot} role={role.role} />

            <section className={styles.capture} aria-labelledby="capture-heading">
              <h2 id="capture-heading" className={styles.subheading}>
                Quick capture
              </h2>
              <div className={styles.captureButtons} role="group" aria-label="What to capture">
                <ToggleButton size="small" checked={capture === 'episode'} onClick={() => setCapture(capture === 'episode' ? null : 'episode')}>
                  Key practice episode
                </ToggleButton>
                <ToggleButton size="small" checked={capture === 'wentWell'} onClick={() => setCapture(capture === 'wentWell' ? null : 'wentWell')}>
                  Went well
                </ToggleButton>
                <ToggleButton size="small" checked={capture === 'suggestedChanges'} onClick={() => setCapture(capture === 'suggestedChanges' ? null : 'suggestedChanges')}>
                  Suggested change
                </ToggleButton>
              </div>
              {capture === 'episode' ? <EpisodeCaptureForm conversation={conversation} /> : null}
              {capture === 'wentWell' || capture === 'suggestedChanges' ? <CapturedItems key={capture} conversation={conversation} list={capture} showList={false} /> : null}
            </section>
          </>
        ) : (
          <RecordPanel conversation={conversation} participant={participant} snapshot={snapshot} />
        )}
      </div>
    </main>
  );
}
