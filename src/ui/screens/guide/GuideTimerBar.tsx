import { Button, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PauseRegular, PlayRegular } from '@fluentui/react-icons';
import { GUIDE_STEP_SHORT_TITLES, formatDuration, type TimeStatus } from '../../../domain/guide';
import type { ConversationStepId } from '../../../domain/method/conversation-steps';
import type { GuideTimer } from './use-guide-timer';

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'center',
  },
  readout: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline', minWidth: 0 },
  progress: { gridColumn: '1 / -1' },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  near: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const STATUS_WORDS: Record<TimeStatus, string> = { within: '', near: ' (nearly time)', over: ' (over time)' };

/** Elapsed time against the 90-minute budget and the current step's share: small, quiet, one line and a bar. */
export function GuideTimerBar({ timer, viewedStep }: { timer: GuideTimer; viewedStep: ConversationStepId }) {
  const styles = useStyles();
  const { summary } = timer;
  const timed = summary.steps.find((step) => step.step === summary.timedStep);
  const viewed = summary.steps.find((step) => step.step === viewedStep);
  const stepTime = viewedStep === summary.timedStep ? timed : viewed;
  const tone = (status: TimeStatus) => (status === 'over' ? styles.over : status === 'near' ? styles.near : undefined);
  const started = summary.totalSeconds > 0 || summary.running;
  return (
    <div className={styles.bar} data-testid="guide-timer">
      <Button
        size="small"
        appearance={summary.running ? 'subtle' : 'secondary'}
        icon={summary.running ? <PauseRegular /> : <PlayRegular />}
        onClick={summary.running ? timer.pause : () => {
          timer.moveTo(viewedStep);
          timer.start();
        }}
      >
        {summary.running ? 'Pause' : started ? 'Resume' : 'Start timer'}
      </Button>
      <div className={styles.readout} role="timer" aria-live="off" aria-label="Conversation time">
        <Text size={200} className={tone(summary.status)} data-testid="timer-total">
          {formatDuration(summary.totalSeconds)} of {formatDuration(summary.budgetSeconds)}
          {STATUS_WORDS[summary.status]}
        </Text>
        {stepTime ? (
          <Text size={200} className={tone(stepTime.status)} data-testid="timer-step">
            Step {stepTime.step}: {formatDuration(stepTime.elapsedSeconds)} / {formatDuration(stepTime.suggestedSeconds)}
            {STATUS_WORDS[stepTime.status]}
          </Text>
        ) : null}
      </div>
      <ProgressBar
        className={styles.progress}
        thickness="medium"
        aria-label={`Time used: ${formatDuration(summary.totalSeconds)} of 90 minutes; timing ${GUIDE_STEP_SHORT_TITLES[summary.timedStep]}`}
        value={Math.min(1, summary.totalSeconds / summary.budgetSeconds)}
        color={summary.status === 'over' ? 'error' : summary.status === 'near' ? 'warning' : 'brand'}
      />
    </div>
  );
}
