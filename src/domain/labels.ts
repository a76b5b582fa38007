import type { ChildRecordKind } from './model';
import type { AdequacyJudgement, NarrativeKind, ParticipantKind, RecordingState, ReviewPhase, ReviewTrigger, TeamRole } from './model';

/** Words people see for the model's codes: UK English, respectful ("good and problematic practice"). */
export const RECORD_LABELS: Record<ChildRecordKind | 'review', string> = {
  review: 'Review',
  teamMember: 'Team member',
  participant: 'Participant',
  document: 'Document',
  conversation: 'Conversation',
  stepNote: 'Step notes',
  narrativeEntry: 'Narrative entry',
  episode: 'Key practice episode',
  pattern: 'Pattern',
  recommendation: 'Recommendation',
  reportStage: 'Report stage',
  comment: 'Comment',
  audit: 'Audit entry',
  meeting: 'Meeting',
  identifier: 'Identifier',
  languageDismissal: 'Kept wording',
};
export const recordLabel = (kind: ChildRecordKind | 'review'): string => RECORD_LABELS[kind];

/** The review's phases by name (kept here, free of the zod model, so the reviews list stays light). */
export const PHASE_TITLES: Record<ReviewPhase, string> = {
  preparation: 'Preparation',
  dataCollection: 'Data collection',
  analysis: 'Organising and analysing data',
  preliminaryReport: 'Preliminary report and group meeting',
  interimReport: 'Interim report and group meeting',
  finalDraftReport: 'Final draft report and closing meeting',
  publication: 'Publication',
};

export const TRIGGER_LABELS: Record<ReviewTrigger, string> = {
  seriousHarm: 'Serious harm to a child',
  routinePractice: 'Routine practice',
  goodPractice: 'Good practice',
  innovation: 'An innovation',
  other: 'Other question',
};

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  leadReviewer: 'Lead reviewer',
  facilitator: 'Facilitator',
  reviewer: 'Reviewer',
  lscbCoordinator: 'LSCB coordinator',
  observer: 'Observer',
};

export const PARTICIPANT_KIND_LABELS: Record<ParticipantKind, string> = {
  practitioner: 'Practitioner',
  firstLineManager: 'First-line manager',
  seniorManager: 'Senior manager',
  familyMember: 'Family member',
  carer: 'Carer',
  childOrYoungPerson: 'Child or young person',
};

export const NARRATIVE_KIND_LABELS: Record<NarrativeKind, string> = {
  account: 'Account',
  gap: 'Gap',
  discrepancy: 'Discrepancy',
  reviewersJudgement: "Reviewers' judgement",
};

export const ADEQUACY_LABELS: Record<AdequacyJudgement, string> = {
  good: 'Good practice',
  problematic: 'Problematic practice',
  mixed: 'Mixed: good and problematic',
  unclear: 'Unclear',
};

export const RECORDING_STATE_LABELS: Record<RecordingState, string> = {
  none: 'No recording',
  held: 'Recording held',
  transcribed: 'Transcribed; recording still held',
  destroyed: 'Recording destroyed',
};
