import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { TRIGGER_LABELS } from '../../../domain/labels';
import { REVIEW_PHASES, REVIEW_TRIGGERS, type ReviewPhase, type ReviewTrigger } from '../../../domain/model';
import { agenciesInUse } from '../../../domain/rules/references';
import { PHASE_TITLES, guardsToLeave, nextPhase, type GuardResult, type GuardScreen } from '../../../domain/workflow';
import type { AgencyId } from '../../../domain/ids';
import { useAppServices } from '../../app-services';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { ExportBundleButton } from '../../components/BundleTransfer';
import { AgenciesEditor, Notice, ScreenTitle, TextListEditor } from '../../components/workspace/FormParts';
import { PeriodFields } from '../../kit/PeriodFields';
import { useAutosavedReview } from '../../hooks/use-autosave';
import { formatInstant } from '../../london-format';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';
import { TRIGGER_EXPLANATIONS } from '../trigger-explanations';
import { SchedulingOverview } from './SchedulingOverview';
import { issueFor, validationProps } from '../../kit/field-state';

const SCREEN_TITLES: Record<GuardScreen, string> = {
  overview: 'Overview',
  team: 'Review team',
  participants: 'Participants',
  documents: 'Documents',
  conversations: 'Conversations',
  narrative: 'Narrative',
  episodes: 'Key practice episodes',
  patterns: 'Patterns',
  recommendations: 'Recommendations',
  reports: 'Reports',
};

const useStyles = makeStyles({
  card: {
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  tracker: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(7.5rem, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  step: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    background: tokens.colorNeutralBackground1,
  },
  current: { border: `2px solid ${tokens.colorBrandStroke1}`, background: tokens.colorBrandBackground2 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

/** The review at a glance: its stage, what is needed to move on, the history of moves, and its own details. */
export function OverviewScreen({ recordId: _recordId }: { recordId?: string | undefined }) {
  const { snapshot } = useReview();
  const review = snapshot.review;
  return (
    <section aria-labelledby="screen-title" style={{ display: 'grid', gap: tokens.spacingVerticalL }}>
      <ScreenTitle title={review.codename}>
        {review.fictional ? (
          <Badge appearance="outline" color="informative">
            Fictional
          </Badge>
        ) : null}
      </ScreenTitle>
      <ExportBundleButton reviewId={review.id} />
      <StageTracker phase={review.phase} />
      <CurrentPhase />
      <PhaseHistory />
      <SchedulingOverview />
      <ReviewDetails key={review.id} />
    </section>
  );
}

function StageTracker({ phase }: { phase: ReviewPhase }) {
  const styles = useStyles();
  const currentIndex = REVIEW_PHASES.indexOf(phase);
  return (
    <nav aria-label="Stages of the review">
      <ol className={styles.tracker} data-testid="stage-tracker">
        {REVIEW_PHASES.map((each, index) => {
          const state = index < currentIndex ? 'Done' : index === currentIndex ? 'Current stage' : 'To come';
          return (
            <li
              key={each}
              className={index === currentIndex ? `${styles.step} ${styles.current}` : styles.step}
              aria-current={index === currentIndex ? 'step' : undefined}
              data-phase={each}
            >
              <Text size={200}>Stage {index + 1}</Text>
              <Text weight="semibold">{PHASE_TITLES[each]}</Text>
              <Text size={200}>{state}</Text>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function GuardList({ guards, reviewId }: { guards: readonly GuardResult[]; reviewId: string }) {
  return (
    <ul data-testid="unmet-guards" style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXS }}>
      {guards.map((guard) => (
        <li key={guard.id} data-guard={guard.id}>
          <Text>{guard.message}</Text>{' '}
          {guard.severity === 'safety' ? (
            <Badge color="danger" appearance="tint">
              Safety: cannot be overridden
            </Badge>
          ) : null}{' '}
          <Link href={hrefOf(paths.section(reviewId, guard.screen))}>Go to {SCREEN_TITLES[guard.screen]}</Link>
        </li>
      ))}
    </ul>
  );
}

function CurrentPhase() {
  const styles = useStyles();
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const review = snapshot.review;
  const guards = guardsToLeave(review.phase, snapshot);
  const next = nextPhase(review.phase);
  const safety = guards.filter((guard) => guard.severity === 'safety');
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ intent: 'error' | 'success'; text: string } | null>(null);
  const earlier = REVIEW_PHASES.slice(0, REVIEW_PHASES.indexOf(review.phase));
  const [backTo, setBackTo] = useState<ReviewPhase | ''>('');
  const [backReason, setBackReason] = useState('');

  const move = async (to: ReviewPhase, override: { reason: string } | null) => {
    const moved = await service.movePhase(review.id, to, override);
    if (moved.ok) {
      setOutcome({ intent: 'success', text: `The review is now in ${PHASE_TITLES[to]}.` });
      setReason('');
      setBackReason('');
      setBackTo('');
    } else setOutcome({ intent: 'error', text: describeFailure(moved.error) });
  };

  const goForward = () => {
    if (!next) return;
    if (guards.length > 0 && safety.length === 0 && reason.trim() === '') {
      setReasonProblem('Say why the review should go ahead with these still open');
      return;
    }
    setReasonProblem(null);
    void move(next, guards.length > 0 ? { reason } : null);
  };

  return (
    <div className={styles.card} data-testid="current-phase">
      <h2 className={styles.heading}>Now: {PHASE_TITLES[review.phase]}</h2>
      <div role="status" aria-live="polite">
        {outcome ? (
          <Notice intent={outcome.intent} testId="phase-outcome">
            {outcome.text}
          </Notice>
        ) : null}
      </div>
      <h3 className={styles.heading} style={{ fontSize: tokens.fontSizeBase300 }}>
        What needs doing next
      </h3>
      {next === null ? (
        <Text data-testid="next-step">This is the last stage. Publication follows the safety checks in Reports.</Text>
      ) : guards.length === 0 ? (
        <Text data-testid="next-step">Everything for this stage is in place. The review can move on to {PHASE_TITLES[next]}.</Text>
      ) : (
        <>
          <Text data-testid="next-step">
            {guards[0]?.message}.{' '}
            {guards[0] ? <Link href={hrefOf(paths.section(review.id, guards[0].screen))}>Go to {SCREEN_TITLES[guards[0].screen]}</Link> : null}
          </Text>
          <Text>Before moving on to {PHASE_TITLES[next]}, these are still open:</Text>
          <GuardList guards={guards} reviewId={review.id} />
        </>
      )}
      {next !== null ? (
        <div style={{ display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '40rem' }}>
          {safety.length > 0 ? (
            <Notice intent="warning">
              The review cannot move on until the safety points above are dealt with. They protect participants and cannot be overridden.
            </Notice>
          ) : guards.length > 0 ? (
            <Field
              label="Reason for going ahead with these still open"
              hint="Recorded in the phase history with the points that were open."
              {...validationProps(reasonProblem ?? undefined)}
            >
              <Textarea value={reason} onChange={(_, data) => setReason(data.value)} resize="vertical" data-testid="override-reason" />
            </Field>
          ) : null}
          <div>
            <Button appearance="primary" disabledFocusable={safety.length > 0} onClick={goForward} data-testid="move-forward">
              {guards.length > 0 && safety.length === 0 ? `Go ahead to ${PHASE_TITLES[next]} anyway` : `Move on to ${PHASE_TITLES[next]}`}
            </Button>
          </div>
        </div>
      ) : null}
      {earlier.length > 0 ? (
        <details>
          <summary style={{ cursor: 'pointer' }}>Go back to an earlier stage</summary>
          <div style={{ display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '40rem', marginTop: tokens.spacingVerticalS }}>
            <Text>Going back is always possible: the method often returns to participants.</Text>
            <Field label="Stage to go back to">
              <Select value={backTo} onChange={(_, data) => setBackTo(data.value as ReviewPhase)} data-testid="back-to">
                <option value="">Choose a stage</option>
                {earlier.map((phase) => (
                  <option key={phase} value={phase}>
                    {PHASE_TITLES[phase]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Reason (optional)">
              <Input value={backReason} onChange={(_, data) => setBackReason(data.value)} />
            </Field>
            <div>
              <Button disabledFocusable={backTo === ''} onClick={() => backTo && void move(backTo, { reason: backReason })} data-testid="move-back">
                Go back
              </Button>
            </div>
          </div>
        </details>
      ) : null}
    </div>
  );
}

function PhaseHistory() {
  const styles = useStyles();
  const { snapshot } = useReview();
  const history = snapshot.review.phaseHistory;
  return (
    <div className={styles.card}>
      <h2 className={styles.heading}>Stage history</h2>
      {history.length === 0 ? (
        <Text>The review has been in {PHASE_TITLES[snapshot.review.phase]} since it started.</Text>
      ) : (
        <Table size="small" aria-label="Stage history" data-testid="phase-history">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>Move</TableHeaderCell>
              <TableHeaderCell>By</TableHeaderCell>
              <TableHeaderCell>Points still open, and why the team went ahead</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...history].reverse().map((change, index) => (
              <TableRow key={`${change.at}-${index}`}>
                <TableCell>{formatInstant(change.at)}</TableCell>
                <TableCell>
                  {PHASE_TITLES[change.from]} → {PHASE_TITLES[change.to]}
                </TableCell>
                <TableCell>{change.by}</TableCell>
                <TableCell>
                  {change.overriddenGuards.length > 0 ? (
                    <>
                      <ul style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL }}>
                        {change.overriddenGuards.map((guard) => (
                          <li key={guard}>{guard}</li>
                        ))}
                      </ul>
                      <Text>Reason: {change.reason}</Text>
                    </>
                  ) : change.reason ? (
                    <Text>{change.reason}</Text>
                  ) : (
                    <Text>—</Text>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

function ReviewDetails() {
  const styles = useStyles();
  const { snapshot } = useReview();
  const { draft, update, status, issues, message, conflict, resolve, flush } = useAutosavedReview(snapshot.review);
  const inUse = agenciesInUse(snapshot);
  return (
    <div className={styles.card} data-testid="review-details">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' }}>
        <h2 className={styles.heading}>About this review</h2>
        <span style={{ flex: 1 }} />
        <SaveStatus status={status} message={message} />
      </div>
      <Text size={200}>Changes are saved as you type.</Text>
      <Field label="Codename" required {...validationProps(issueFor(issues, 'codename'))}>
        <Input value={draft.codename} onChange={(_, data) => update({ codename: data.value })} onBlur={() => void flush()} data-testid="review-codename" />
      </Field>
      <TextListEditor
        legend="Questions for review"
        itemLabel={(index) => `Question ${index + 1}`}
        values={draft.questions}
        onChange={(questions) => update({ questions })}
        issues={issues}
        path="questions"
        addLabel="Add another question"
        minItems={1}
        multiline
        testId="review-questions"
      />
      <Field label="What prompted the review" {...validationProps(issueFor(issues, 'trigger'))}>
        <RadioGroup value={draft.trigger} onChange={(_, data) => update({ trigger: data.value as ReviewTrigger })}>
          {REVIEW_TRIGGERS.map((kind) => (
            <Radio key={kind} value={kind} label={`${TRIGGER_LABELS[kind]}: ${TRIGGER_EXPLANATIONS[kind]}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Note on what prompted it" {...validationProps(issueFor(issues, 'triggerNote'))}>
        <Textarea value={draft.triggerNote} onChange={(_, data) => update({ triggerNote: data.value })} resize="vertical" />
      </Field>
      <PeriodFields
        legend="Period under review"
        value={draft.periodUnderReview}
        onChange={(periodUnderReview) => update({ periodUnderReview })}
        issues={issues}
        path="periodUnderReview"
      />
      <AgenciesEditor
        agencies={draft.agencies}
        onChange={(agencies) => update({ agencies: agencies.map((agency) => ({ id: agency.id as AgencyId, name: agency.name })) })}
        issues={issues}
        cannotRemove={(agency) => (inUse.has(agency.id) ? 'Participants or documents belong to this agency' : null)}
      />
      <ConflictDialog conflict={conflict} onResolve={resolve} />
    </div>
  );
}
