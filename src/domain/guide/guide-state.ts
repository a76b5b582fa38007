import type { TeamMemberId } from '../ids';
import type { Conversation, TeamMember } from '../model';
import {
  CONVERSATION_BUDGET_MINUTES,
  CONVERSATION_STEPS,
  CONVERSATION_STEP_IDS,
  type ConversationStepId,
} from '../method/conversation-steps';

/**
 * The facilitators' guide state: which step the conversation is on, and how long each step has taken against the
 * 90-minute budget. Time comes in as timestamps (milliseconds since the epoch); the domain never reads a clock.
 */

/** Short titles for the step list in a 320 px side panel; the full Appendix 3 titles stay in CONVERSATION_STEPS. */
export const GUIDE_STEP_SHORT_TITLES: Record<ConversationStepId, string> = {
  '1': 'Introduction',
  '2': 'Overview',
  '3a': 'Key practice episodes',
  '3b': 'Mindset and local rationality',
  '4': 'Contributory factors',
  '5': 'Things that went well',
  '6': 'Queries from the overview perspective',
  '7': 'Suggested changes',
  '8': 'Summing up',
  '9': 'Reflections',
};

/** Step 1's introduction checklist, stored in StepNote.checked by these ids. */
export const INTRODUCTION_CHECKLIST: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'purpose', label: 'Purpose of the conversation' },
  { id: 'confidentiality', label: 'Confidentiality and ethics' },
  { id: 'structure', label: 'Outline of the structure' },
];

/** Step 8's note carries this in `checked` when the facilitators choose to show their summary on the stage. */
export const SHARE_SUMMARY_ON_STAGE = 'share-on-stage';

export function nextStep(step: ConversationStepId): ConversationStepId | null {
  const index = CONVERSATION_STEP_IDS.indexOf(step);
  return CONVERSATION_STEP_IDS[index + 1] ?? null;
}

export function previousStep(step: ConversationStepId): ConversationStepId | null {
  const index = CONVERSATION_STEP_IDS.indexOf(step);
  return index > 0 ? (CONVERSATION_STEP_IDS[index - 1] ?? null) : null;
}

export function isConversationStepId(value: unknown): value is ConversationStepId {
  return typeof value === 'string' && (CONVERSATION_STEP_IDS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- timer

export type TimerEvent =
  | { readonly kind: 'start'; readonly at: number }
  | { readonly kind: 'pause'; readonly at: number }
  | { readonly kind: 'step'; readonly at: number; readonly step: ConversationStepId };

/** What is kept between reloads: the events, in order. Versioned because it is stored. */
export interface TimerLog {
  readonly format: 1;
  readonly events: readonly TimerEvent[];
}

export const EMPTY_TIMER_LOG: TimerLog = { format: 1, events: [] };

export type TimeStatus = 'within' | 'near' | 'over';

export interface StepTime {
  readonly step: ConversationStepId;
  readonly elapsedSeconds: number;
  readonly suggestedSeconds: number;
  readonly status: TimeStatus;
}

export interface TimerSummary {
  readonly running: boolean;
  /** The step time is being counted against (the last step moved to). */
  readonly timedStep: ConversationStepId;
  readonly totalSeconds: number;
  readonly budgetSeconds: number;
  readonly remainingSeconds: number;
  readonly status: TimeStatus;
  readonly steps: readonly StepTime[];
}

/** "Near" from this share of a budget onwards, so the warning comes before the limit. */
export const NEAR_SHARE = 0.8;

export function timeStatus(elapsedSeconds: number, budgetSeconds: number): TimeStatus {
  if (elapsedSeconds > budgetSeconds) return 'over';
  if (elapsedSeconds >= budgetSeconds * NEAR_SHARE) return 'near';
  return 'within';
}

/** Adds an event, ignoring ones that change nothing (a start while running, a pause while paused, the same step). */
export function recordTimerEvent(log: TimerLog, event: TimerEvent): TimerLog {
  const state = replay(log.events, event.at);
  if (event.kind === 'start' && state.running) return log;
  if (event.kind === 'pause' && !state.running) return log;
  if (event.kind === 'step' && event.step === state.timedStep) return log;
  // Events are kept in time order even if a device clock stepped back.
  const last = log.events[log.events.length - 1];
  const at = last && event.at < last.at ? last.at : event.at;
  return { format: 1, events: [...log.events, { ...event, at }] };
}

export function summariseTimer(log: TimerLog, now: number): TimerSummary {
  const state = replay(log.events, now);
  const steps = CONVERSATION_STEPS.map((step) => {
    const elapsedSeconds = Math.floor((state.perStepMs.get(step.id) ?? 0) / 1000);
    const suggestedSeconds = step.suggestedMinutes * 60;
    return { step: step.id, elapsedSeconds, suggestedSeconds, status: timeStatus(elapsedSeconds, suggestedSeconds) };
  });
  const totalSeconds = steps.reduce((sum, step) => sum + step.elapsedSeconds, 0);
  const budgetSeconds = CONVERSATION_BUDGET_MINUTES * 60;
  return {
    running: state.running,
    timedStep: state.timedStep,
    totalSeconds,
    budgetSeconds,
    remainingSeconds: budgetSeconds - totalSeconds,
    status: timeStatus(totalSeconds, budgetSeconds),
    steps,
  };
}

function replay(events: readonly TimerEvent[], now: number): { running: boolean; timedStep: ConversationStepId; perStepMs: Map<ConversationStepId, number> } {
  const perStepMs = new Map<ConversationStepId, number>();
  let running = false;
  let timedStep: ConversationStepId = '1';
  let since = 0;
  const credit = (until: number) => {
    if (running && until > since) perStepMs.set(timedStep, (perStepMs.get(timedStep) ?? 0) + (until - since));
    since = Math.max(since, until);
  };
  for (const event of events) {
    credit(event.at);
    if (event.kind === 'start') running = true;
    else if (event.kind === 'pause') running = false;
    else timedStep = event.step;
    since = Math.max(since, event.at);
  }
  credit(now);
  return { running, timedStep, perStepMs };
}

/** Reads a stored timer log defensively: anything unrecognised starts afresh rather than breaking the guide. */
export function parseTimerLog(value: unknown): TimerLog {
  if (typeof value !== 'object' || value === null) return EMPTY_TIMER_LOG;
  const candidate = value as { format?: unknown; events?: unknown };
  if (candidate.format !== 1 || !Array.isArray(candidate.events)) return EMPTY_TIMER_LOG;
  const events: TimerEvent[] = [];
  for (const item of candidate.events as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const event = item as { kind?: unknown; at?: unknown; step?: unknown };
    if (typeof event.at !== 'number' || !Number.isFinite(event.at)) continue;
    if (event.kind === 'start' || event.kind === 'pause') events.push({ kind: event.kind, at: event.at });
    else if (event.kind === 'step' && isConversationStepId(event.step)) events.push({ kind: 'step', at: event.at, step: event.step });
  }
  return { format: 1, events };
}

/** "1:05:09" or "12:04": minutes and seconds, hours when there are any. */
export function formatDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '−' : '';
  const seconds = Math.abs(Math.trunc(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const two = (value: number) => value.toString().padStart(2, '0');
  return hours > 0 ? `${sign}${hours}:${two(minutes)}:${two(rest)}` : `${sign}${minutes}:${two(rest)}`;
}

// ---------------------------------------------------------------- role

export type FacilitatorRole = 'questioner' | 'noteTaker';

export const FACILITATOR_ROLE_LABELS: Record<FacilitatorRole, string> = {
  questioner: 'Lead questioner',
  noteTaker: 'Lead note-taker',
};

export interface RoleDecision {
  readonly role: FacilitatorRole;
  /** assigned: this person is named on the conversation; chosen: switched by hand; default: not a named facilitator. */
  readonly source: 'assigned' | 'chosen' | 'default';
  readonly member: TeamMember | null;
}

const normalise = (text: string): string => text.trim().toLocaleLowerCase('en-GB');

/** The review team member signed in, matched by name or email. */
export function signedInMember(teamMembers: readonly TeamMember[], user: string): TeamMember | null {
  const wanted = normalise(user);
  if (wanted === '') return null;
  return teamMembers.find((member) => normalise(member.name) === wanted || (member.email !== '' && normalise(member.email) === wanted)) ?? null;
}

/**
 * The layout to show: the role the conversation gives the signed-in person, unless they switched by hand.
 * Anyone not named on the conversation gets the note-taker's layout: notes are the safer default.
 */
export function decideRole(
  conversation: Pick<Conversation, 'leadQuestionerId' | 'leadNoteTakerId'>,
  teamMembers: readonly TeamMember[],
  user: string,
  chosen: FacilitatorRole | null,
): RoleDecision {
  const member = signedInMember(teamMembers, user);
  if (chosen) return { role: chosen, source: 'chosen', member };
  const id: TeamMemberId | null = member?.id ?? null;
  if (id !== null && id === conversation.leadQuestionerId) return { role: 'questioner', source: 'assigned', member };
  if (id !== null && id === conversation.leadNoteTakerId) return { role: 'noteTaker', source: 'assigned', member };
  return { role: 'noteTaker', source: 'default', member };
}
