import { REVIEW_PHASES, isFamilyKind, type ReviewPhase, type ReviewSnapshot } from './model';
import { PHASE_TITLES } from './labels';
import { err, ok, type Result } from './result';
import type { Failure } from './failures';

/** Where the person can go to put an unmet guard right (a workspace screen). */
export type GuardScreen =
  | 'overview'
  | 'team'
  | 'participants'
  | 'documents'
  | 'conversations'
  | 'narrative'
  | 'episodes'
  | 'patterns'
  | 'recommendations'
  | 'reports';

export interface GuardResult {
  readonly id: string;
  /** Plain words, e.g. "3 conversations have no written record". */
  readonly message: string;
  readonly screen: GuardScreen;
  /** Safety guards can never be overridden; the rest can, with a recorded reason. */
  readonly severity: 'advisory' | 'safety';
}

// The titles live in labels.ts (no zod model behind them); re-exported here where they were first defined.
export { PHASE_TITLES };

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const advisory = (id: string, message: string, screen: GuardScreen): GuardResult => ({ id, message, screen, severity: 'advisory' });

function preparationGuards(snapshot: ReviewSnapshot): GuardResult[] {
  const guards: GuardResult[] = [];
  const roles = snapshot.teamMembers.map((member) => member.role);
  if (!roles.includes('leadReviewer')) guards.push(advisory('team.lead', 'The review team has no lead reviewer', 'team'));
  const leads = roles.filter((role) => role === 'leadReviewer').length;
  if (leads > 1) guards.push(advisory('team.leads', `The review team has ${leads} lead reviewers: a review has one`, 'team'));
  const facilitators = roles.filter((role) => role === 'facilitator').length;
  if (facilitators < 2) {
    guards.push(
      advisory('team.facilitators', `The review team has ${facilitators} of the 2 facilitators who hold the conversations`, 'team'),
    );
  }
  if (snapshot.participants.length === 0) guards.push(advisory('participants.none', 'No participants have been identified yet', 'participants'));
  if (!snapshot.participants.some((participant) => isFamilyKind(participant.kind))) {
    guards.push(advisory('participants.family', 'No family members are among the participants: their perspective would be missing', 'participants'));
  }
  const unsent = snapshot.participants.filter((participant) => participant.introductionLetter.status === 'notSent').length;
  if (unsent > 0) {
    guards.push(advisory('participants.letters', `${plural(unsent, 'participant has', 'participants have')} not been sent the introductory letter`, 'participants'));
  }
  const unacknowledged = snapshot.participants.filter((participant) => participant.confidentialityAcknowledgedOn === null).length;
  if (unacknowledged > 0) {
    guards.push(
      advisory('participants.confidentiality', `${plural(unacknowledged, 'participant has', 'participants have')} not acknowledged the confidentiality terms`, 'participants'),
    );
  }
  return guards;
}

function dataCollectionGuards(snapshot: ReviewSnapshot): GuardResult[] {
  const guards: GuardResult[] = [];
  if (snapshot.documents.length === 0) guards.push(advisory('documents.none', 'No agency documents have been logged', 'documents'));
  const active = snapshot.conversations.filter((conversation) => conversation.status !== 'cancelled');
  const withConversation = new Set(active.map((conversation) => conversation.participantId));
  const without = snapshot.participants.filter((participant) => !withConversation.has(participant.id)).length;
  if (without > 0) {
    guards.push(advisory('conversations.missing', `${plural(without, 'participant has', 'participants have')} no conversation planned`, 'conversations'));
  }
  const notHeld = active.filter((conversation) => conversation.status !== 'held').length;
  if (notHeld > 0) guards.push(advisory('conversations.notHeld', `${plural(notHeld, 'conversation has', 'conversations have')} not been held yet`, 'conversations'));
  const noRecord = active.filter((conversation) => conversation.status === 'held' && conversation.writtenRecord === null).length;
  if (noRecord > 0) guards.push(advisory('conversations.record', `${plural(noRecord, 'conversation has', 'conversations have')} no written record`, 'conversations'));
  return guards;
}

function analysisGuards(snapshot: ReviewSnapshot): GuardResult[] {
  const guards: GuardResult[] = [];
  const accounts = snapshot.narrative.filter((entry) => entry.kind === 'account');
  const perspectives = new Set(accounts.map((entry) => JSON.stringify(entry.perspective)));
  if (perspectives.size < 2) {
    guards.push(advisory('narrative.perspectives', 'The narrative has fewer than 2 perspectives side by side', 'narrative'));
  }
  if (snapshot.episodes.length === 0) guards.push(advisory('episodes.none', 'No key practice episodes have been identified', 'episodes'));
  const unjudged = snapshot.episodes.filter((episode) => episode.judgement === null).length;
  if (unjudged > 0) guards.push(advisory('episodes.judgement', `${plural(unjudged, 'episode has', 'episodes have')} no judgement of adequacy`, 'episodes'));
  const noFactors = snapshot.episodes.filter((episode) => episode.factors.length === 0).length;
  if (noFactors > 0) guards.push(advisory('episodes.factors', `${plural(noFactors, 'episode has', 'episodes have')} no contributory factors`, 'episodes'));
  const unexplained = snapshot.episodes.flatMap((episode) => episode.factors).filter((tag) => tag.whyItMadeSense.trim() === '').length;
  if (unexplained > 0) {
    guards.push(advisory('episodes.whyItMadeSense', `${plural(unexplained, 'contributory factor does', 'contributory factors do')} not yet say why it made sense at the time`, 'episodes'));
  }
  if (snapshot.patterns.length === 0) guards.push(advisory('patterns.none', 'No underlying patterns have been identified', 'patterns'));
  else if (!snapshot.patterns.some((pattern) => pattern.prioritisation.selected)) {
    guards.push(advisory('patterns.prioritised', 'No patterns have been selected as priorities', 'patterns'));
  }
  return guards;
}

function dialogueGuards(snapshot: ReviewSnapshot, stage: 'preliminary' | 'interim' | 'finalDraft'): GuardResult[] {
  const guards: GuardResult[] = [];
  const drafts = snapshot.reportStages.filter((reportStage) => reportStage.stage === stage);
  const label = { preliminary: 'preliminary report', interim: 'interim report', finalDraft: 'final draft report' }[stage];
  const meeting = { preliminary: 'preliminary group meeting', interim: 'interim group meeting', finalDraft: 'closing meeting' }[stage];
  const published = drafts.filter((draft) => draft.publishedAt !== null);
  if (published.length === 0) guards.push(advisory(`${stage}.published`, `The ${label} has not been shared with participants`, 'reports'));
  if (!drafts.some((draft) => draft.groupMeeting.heldOn !== null)) {
    guards.push(advisory(`${stage}.meeting`, `The ${meeting} has not been held`, 'reports'));
  }
  const draftIds = new Set(drafts.map((draft) => draft.id));
  const pending = snapshot.comments.filter((comment) => draftIds.has(comment.reportStageId) && comment.disposition === 'pending').length;
  if (pending > 0) guards.push(advisory(`${stage}.comments`, `${plural(pending, 'comment on the ' + label + ' has', 'comments on the ' + label + ' have')} no response yet`, 'reports'));
  if (stage === 'finalDraft') {
    if (snapshot.recommendations.length === 0) guards.push(advisory('recommendations.none', 'No recommendations have been made', 'recommendations'));
    const heldRecordings = snapshot.conversations.filter(
      (conversation) => conversation.recording.state === 'held' || conversation.recording.state === 'transcribed',
    ).length;
    if (heldRecordings > 0) {
      guards.push({
        id: 'recordings.destroyed',
        message: `${plural(heldRecordings, 'conversation recording has', 'conversation recordings have')} not been destroyed, as participants were promised`,
        screen: 'conversations',
        severity: 'safety',
      });
    }
  }
  return guards;
}

/** What must be true before leaving `phase` for the next one. */
export function guardsToLeave(phase: ReviewPhase, snapshot: ReviewSnapshot): GuardResult[] {
  switch (phase) {
    case 'preparation':
      return preparationGuards(snapshot);
    case 'dataCollection':
      return dataCollectionGuards(snapshot);
    case 'analysis':
      return analysisGuards(snapshot);
    case 'preliminaryReport':
      return dialogueGuards(snapshot, 'preliminary');
    case 'interimReport':
      return dialogueGuards(snapshot, 'interim');
    case 'finalDraftReport':
      return dialogueGuards(snapshot, 'finalDraft');
    case 'publication':
      return [];
  }
}

export function nextPhase(phase: ReviewPhase): ReviewPhase | null {
  const index = REVIEW_PHASES.indexOf(phase);
  return REVIEW_PHASES[index + 1] ?? null;
}

export type PhaseMove =
  | { readonly to: ReviewPhase; readonly overriddenGuards: readonly string[]; readonly reason: string };

/**
 * Decide a move between phases. Going back is always allowed (the method returns to participants).
 * Going forward needs every guard met, or an override with a reason for advisory ones. Safety guards never yield.
 */
export function decidePhaseMove(
  snapshot: ReviewSnapshot,
  to: ReviewPhase,
  override: { reason: string } | null,
): Result<PhaseMove, Failure> {
  const from = snapshot.review.phase;
  const fromIndex = REVIEW_PHASES.indexOf(from);
  const toIndex = REVIEW_PHASES.indexOf(to);
  if (toIndex === fromIndex) return err({ kind: 'blocked', what: 'Phase change', reasons: [`The review is already in ${PHASE_TITLES[to]}`] });
  if (toIndex < fromIndex) return ok({ to, overriddenGuards: [], reason: override?.reason ?? '' });
  if (toIndex > fromIndex + 1) {
    return err({ kind: 'blocked', what: 'Phase change', reasons: [`Move one phase at a time: next is ${PHASE_TITLES[REVIEW_PHASES[fromIndex + 1] ?? from]}`] });
  }
  const unmet = guardsToLeave(from, snapshot);
  const safety = unmet.filter((guard) => guard.severity === 'safety');
  if (safety.length > 0) return err({ kind: 'blocked', what: 'Phase change', reasons: safety.map((guard) => guard.message) });
  if (unmet.length > 0 && (override === null || override.reason.trim() === '')) {
    return err({ kind: 'blocked', what: 'Phase change', reasons: unmet.map((guard) => guard.message) });
  }
  return ok({ to, overriddenGuards: unmet.map((guard) => guard.message), reason: override?.reason.trim() ?? '' });
}
