// ONE definition of every SharePoint list the app uses: names, columns, indexes and how each
// record field maps to a column. Provisioning, migrations and the item mappers are all derived from it.
// See docs/decisions/0301-typed-columns-plus-json-payload.md for why records are split this way.
import { CONVERSATION_STEP_IDS } from '../../../domain/method/conversation-steps';
import { RECOMMENDATION_KIND_IDS } from '../../../domain/method/recommendation-kinds';
import { REPORT_STAGE_KINDS } from '../../../domain/method/report-stages';
import {
  ADEQUACY_JUDGEMENTS,
  AUDIT_ACTIONS,
  COMMENT_DISPOSITIONS,
  IDENTIFIER_CATEGORIES,
  PLACE_KINDS,
  CONVERSATION_MODES,
  CONVERSATION_STATUSES,
  LETTER_STATUSES,
  MEETING_PURPOSES,
  MEETING_STATUSES,
  MEETING_ATTENDANCE,
  NARRATIVE_KINDS,
  PARTICIPANT_KINDS,
  PATTERN_INFLUENCES,
  RECOMMENDATION_LEVELS,
  RECOMMENDATION_STATUSES,
  RECORDING_STATES,
  REVIEW_PHASES,
  REVIEW_TRIGGERS,
  SIGNIFICANCE_LEVELS,
  TEAM_ROLES,
  type ChildRecordKind,
} from '../../../domain/model';
import { boolean, choice, date, dateTime, multilineText, number, text, type ColumnSpec } from './columns';

/**
 * The schema version this build writes. Older sites are upgraded by provisioning (see versions.ts).
 * 3: the identifier register and kept-wording lists (created when missing); pooled learning's findings column.
 */
export const CURRENT_SCHEMA_VERSION = 3;

/** What a field column holds when SharePoint has no value: `required` leaves the field out so validation names it. */
export type WhenEmpty = '' | null | false | 'required';

/** A record field stored in its own column. The column is the only place the field lives. */
export interface FieldBinding {
  readonly column: ColumnSpec;
  /** Where the field sits in the record, e.g. ['tracking', 'status']. */
  readonly path: readonly string[];
  readonly whenEmpty: WhenEmpty;
}

/** A derived, write-only column for SharePoint views and filters; the record's own copy stays in the payload. */
export interface Projection {
  readonly column: ColumnSpec;
  readonly from: (record: Readonly<Record<string, unknown>>) => string | number | boolean | null;
}

export type RecordListKey = ChildRecordKind | 'review';
export type SiteLayout = 'lscb' | 'review';

export interface RecordListSpec {
  readonly key: RecordListKey;
  /** The list's title, also how requests address it. No spaces, so URLs need no escaping. */
  readonly listName: string;
  readonly description: string;
  readonly bindings: readonly FieldBinding[];
  readonly projections: readonly Projection[];
  /** What SharePoint shows as the item's Title. */
  readonly title: (record: Readonly<Record<string, unknown>>) => string;
}

export interface PlainListSpec {
  readonly key: 'register' | 'pooledLearning' | 'meetingIndex' | 'schemaInfo';
  readonly listName: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
}

export type ListSpec = RecordListSpec | PlainListSpec;
export const isRecordList = (spec: ListSpec): spec is RecordListSpec => 'bindings' in spec;

// ---------------------------------------------------------------- columns every record list has

const ID_LENGTH = 120;
const SHORT = 200;
/** A review id (≤ 120 characters) plus '#' and an import generation. */
const REVIEW_KEY_LENGTH = 160;

export const COMMON_COLUMNS = {
  reviewKey: text('reviewKey', 'Review key', REVIEW_KEY_LENGTH, {
    indexed: true,
    description: 'Which review (and which import of it) the item belongs to.',
  }),
  recordId: text('recordId', 'Record id', ID_LENGTH, { indexed: true, description: 'The app’s id, chosen by the app so retried creates are recognised.' }),
  recordVersion: number('recordVersion', 'Version', { description: 'Optimistic concurrency: bumped on every save.' }),
  recordSchema: number('recordSchema', 'Record schema', { description: 'The shape version of the record.' }),
  createdBy: text('createdBy', 'Created by (app)', SHORT),
  updatedBy: text('updatedBy', 'Updated by (app)', SHORT),
  payload: multilineText('payload', 'Details (JSON)', { description: 'The rest of the record, as JSON.' }),
  payloadFile: text('payloadFile', 'Details file', 255, {
    description: 'When the details are too long for a column: the file in this site’s library that holds them.',
  }),
} as const satisfies Record<string, ColumnSpec>;

export const recordListColumns = (spec: RecordListSpec): ColumnSpec[] => [
  ...Object.values(COMMON_COLUMNS),
  ...spec.bindings.map((binding) => binding.column),
  ...spec.projections.map((projection) => projection.column),
];

// ---------------------------------------------------------------- helpers for the definitions

const field = (column: ColumnSpec, path: string | readonly string[], whenEmpty: WhenEmpty): FieldBinding => ({
  column,
  path: typeof path === 'string' ? [path] : path,
  whenEmpty,
});
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const nested = (record: Readonly<Record<string, unknown>>, ...path: string[]): unknown =>
  path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), record);

// ---------------------------------------------------------------- the review site's lists

export const REVIEW_DETAILS_LIST: RecordListSpec = {
  key: 'review',
  listName: 'LtReview',
  description: 'Learning Together: the review itself (questions, agencies, phase history).',
  bindings: [
    field(text('codename', 'Codename', 80), 'codename', 'required'),
    field(choice('trigger', 'Trigger', REVIEW_TRIGGERS), 'trigger', 'required'),
    field(choice('phase', 'Phase', REVIEW_PHASES), 'phase', 'required'),
    field(date('periodFrom', 'Period from'), ['periodUnderReview', 'from'], 'required'),
    field(date('periodTo', 'Period to'), ['periodUnderReview', 'to'], 'required'),
    field(boolean('fictional', 'Fictional'), 'fictional', false),
  ],
  projections: [],
  title: (review) => str(review.codename),
};

const CHILD_LISTS: Record<ChildRecordKind, RecordListSpec> = {
  teamMember: {
    key: 'teamMember',
    listName: 'LtTeamMembers',
    description: 'Learning Together: the review team.',
    bindings: [
      field(text('memberName', 'Name', SHORT), 'name', 'required'),
      field(choice('role', 'Role', TEAM_ROLES), 'role', 'required'),
      field(text('email', 'Email', SHORT), 'email', ''),
      field(text('profession', 'Profession', SHORT), 'profession', ''),
    ],
    projections: [],
    title: (member) => str(member.name),
  },
  participant: {
    key: 'participant',
    listName: 'LtParticipants',
    description: 'Learning Together: participants. Real names are private to this review’s channel.',
    bindings: [
      field(choice('participantKind', 'Kind', PARTICIPANT_KINDS), 'kind', 'required'),
      field(text('agencyId', 'Agency id', ID_LENGTH), 'agencyId', null),
      field(text('roleTitle', 'Role title', SHORT), 'roleTitle', ''),
      field(text('realName', 'Real name', SHORT), 'realName', 'required'),
      field(text('reportLabel', 'Report label', SHORT), 'reportLabel', 'required'),
      field(text('email', 'Email', SHORT), 'email', ''),
      field(choice('significance', 'Significance', SIGNIFICANCE_LEVELS), 'significance', 'required'),
      field(choice('letterStatus', 'Introduction letter', LETTER_STATUSES), ['introductionLetter', 'status'], 'required'),
      field(date('letterSentOn', 'Letter sent on'), ['introductionLetter', 'on'], null),
      field(choice('introductoryMeeting', 'Introductory meeting', MEETING_ATTENDANCE), 'introductoryMeeting', 'required'),
      field(date('confidentialityOn', 'Confidentiality acknowledged'), 'confidentialityAcknowledgedOn', null),
    ],
    projections: [],
    title: (participant) => str(participant.reportLabel),
  },
  document: {
    key: 'document',
    listName: 'LtDocuments',
    description: 'Learning Together: agency records read for the review.',
    bindings: [
      field(text('agencyId', 'Agency id', ID_LENGTH), 'agencyId', 'required'),
      field(text('documentTitle', 'Title', SHORT), 'title', 'required'),
      field(text('recordType', 'Record type', SHORT), 'recordType', 'required'),
      field(date('coveredFrom', 'Covers from'), ['coveredPeriod', 'from'], 'required'),
      field(date('coveredTo', 'Covers to'), ['coveredPeriod', 'to'], 'required'),
      field(text('heldBy', 'Held by', SHORT), 'heldBy', ''),
    ],
    projections: [],
    title: (document) => str(document.title),
  },
  conversation: {
    key: 'conversation',
    listName: 'LtConversations',
    description: 'Learning Together: conversations with participants.',
    bindings: [
      // Indexed from schema 2 so views can group a participant's conversations (the v1 → v2 migration).
      field(text('participantId', 'Participant id', ID_LENGTH, { indexed: true, indexedSince: 2 }), 'participantId', 'required'),
      field(text('leadQuestionerId', 'Lead questioner id', ID_LENGTH), 'leadQuestionerId', null),
      field(text('leadNoteTakerId', 'Lead note-taker id', ID_LENGTH), 'leadNoteTakerId', null),
      field(choice('status', 'Status', CONVERSATION_STATUSES), 'status', 'required'),
      field(choice('mode', 'Mode', CONVERSATION_MODES), 'mode', 'required'),
      field(number('durationMinutes', 'Duration (minutes)'), 'durationMinutes', 'required'),
      field(text('location', 'Location', SHORT), 'location', ''),
      field(text('calendarEventId', 'Calendar event id', SHORT), 'calendarEventId', ''),
      field(choice('recordingState', 'Recording', RECORDING_STATES), ['recording', 'state'], 'required'),
      field(boolean('followUpNeeded', 'Follow-up needed'), 'followUpNeeded', false),
    ],
    projections: [
      {
        // Added in schema 2 and backfilled from the payload: SharePoint stores whole UTC seconds, so the
        // record's exact instant stays in the payload and this column is for views only.
        column: dateTime('scheduledStartAt', 'Scheduled start', { indexed: true, since: 2 }),
        from: (conversation) => (typeof conversation.scheduledStart === 'string' ? conversation.scheduledStart : null),
      },
    ],
    title: (conversation) => `Conversation ${str(conversation.id)}`,
  },
  stepNote: {
    key: 'stepNote',
    listName: 'LtStepNotes',
    description: 'Learning Together: notes for each of the nine steps of a conversation.',
    bindings: [
      field(text('conversationId', 'Conversation id', ID_LENGTH, { indexed: true }), 'conversationId', 'required'),
      field(choice('step', 'Step', CONVERSATION_STEP_IDS), 'step', 'required'),
    ],
    projections: [],
    title: (note) => `${str(note.conversationId)} · ${str(note.step)}`,
  },
  narrativeEntry: {
    key: 'narrativeEntry',
    listName: 'LtNarrative',
    description: 'Learning Together: the multi-agency narrative, with reviewers’ judgements kept separate.',
    bindings: [
      field(choice('narrativeKind', 'Kind', NARRATIVE_KINDS, { indexed: true }), 'kind', 'required'),
      field(date('periodFrom', 'From'), ['period', 'from'], 'required'),
      field(date('periodTo', 'To'), ['period', 'to'], null),
      field(boolean('resolved', 'Resolved'), 'resolved', false),
    ],
    projections: [],
    title: (entry) => `${str(entry.kind)} ${str(nested(entry, 'period', 'from'))}`,
  },
  episode: {
    key: 'episode',
    listName: 'LtEpisodes',
    description: 'Learning Together: key practice episodes and their contributory factors.',
    bindings: [
      field(text('episodeTitle', 'Title', SHORT), 'title', 'required'),
      field(date('periodFrom', 'From'), ['period', 'from'], 'required'),
      field(date('periodTo', 'To'), ['period', 'to'], null),
      field(choice('judgement', 'Judgement', ADEQUACY_JUDGEMENTS), 'judgement', null),
      field(text('raisedInConversationId', 'Raised in conversation', ID_LENGTH, { indexed: true }), 'raisedInConversationId', null),
    ],
    projections: [],
    title: (episode) => str(episode.title),
  },
  pattern: {
    key: 'pattern',
    listName: 'LtPatterns',
    description: 'Learning Together: underlying patterns (typology categories 1 to 6).',
    bindings: [
      field(number('category', 'Category'), 'category', 'required'),
      field(text('subPatternId', 'Sub-pattern', ID_LENGTH), 'subPatternId', null),
      field(choice('influence', 'Influence', PATTERN_INFLUENCES), 'influence', 'required'),
    ],
    projections: [],
    title: (pattern) => `Category ${String(pattern.category)} · ${str(pattern.id)}`,
  },
  recommendation: {
    key: 'recommendation',
    listName: 'LtRecommendations',
    description: 'Learning Together: recommendations and how they are tracked.',
    bindings: [
      field(choice('recommendationKind', 'Kind', RECOMMENDATION_KIND_IDS), 'kind', 'required'),
      field(choice('level', 'Level', RECOMMENDATION_LEVELS), 'level', 'required'),
      field(text('addressee', 'Addressee', SHORT), 'addressee', 'required'),
      field(choice('trackingStatus', 'Status', RECOMMENDATION_STATUSES), ['tracking', 'status'], 'required'),
      field(text('trackingOwner', 'Owner', SHORT), ['tracking', 'owner'], ''),
      field(date('dueOn', 'Due'), ['tracking', 'dueOn'], null),
      field(date('completedOn', 'Completed'), ['tracking', 'completedOn'], null),
    ],
    projections: [],
    title: (recommendation) => `${str(recommendation.addressee)} · ${str(recommendation.id)}`,
  },
  reportStage: {
    key: 'reportStage',
    listName: 'LtReportStages',
    description: 'Learning Together: report drafts and their comment windows.',
    bindings: [field(choice('stage', 'Stage', REPORT_STAGE_KINDS), 'stage', 'required'), field(number('draftNumber', 'Draft'), 'draftNumber', 'required')],
    projections: [],
    title: (stage) => `${str(stage.stage)} v${String(stage.draftNumber)}`,
  },
  comment: {
    key: 'comment',
    listName: 'LtComments',
    description: 'Learning Together: comments on report drafts and their disposition.',
    bindings: [
      field(text('reportStageId', 'Report stage id', ID_LENGTH, { indexed: true }), 'reportStageId', 'required'),
      field(text('participantId', 'Participant id', ID_LENGTH), 'participantId', 'required'),
      field(text('section', 'Section', SHORT), 'section', ''),
      field(choice('disposition', 'Disposition', COMMENT_DISPOSITIONS), 'disposition', 'required'),
    ],
    projections: [],
    title: (comment) => `${str(comment.section) || 'Comment'} · ${str(comment.id)}`,
  },
  audit: {
    key: 'audit',
    listName: 'LtAudit',
    description: 'Learning Together: audit trail of permission changes, publications, exports and destruction of recordings.',
    bindings: [field(choice('action', 'Action', AUDIT_ACTIONS), 'action', 'required'), field(text('who', 'Who', SHORT), 'who', 'required')],
    projections: [],
    title: (entry) => `${str(entry.action)} · ${str(entry.who)}`,
  },
  meeting: {
    key: 'meeting',
    listName: 'LtMeetings',
    description: 'Learning Together: scheduled meetings (introductory, conversations, follow-ups, group meetings) and their calendar events.',
    bindings: [
      field(choice('meetingPurpose', 'Purpose', MEETING_PURPOSES), 'purpose', 'required'),
      field(choice('meetingStatus', 'Status', MEETING_STATUSES), 'status', 'required'),
      field(text('conversationId', 'Conversation id', ID_LENGTH), 'conversationId', null),
      field(text('reportStageId', 'Report stage id', ID_LENGTH), 'reportStageId', null),
    ],
    projections: [
      {
        // Whole UTC seconds for views; the exact instant stays in the payload.
        column: dateTime('meetingStartAt', 'Start', { indexed: true }),
        from: (meeting) => (typeof meeting.start === 'string' ? meeting.start : null),
      },
    ],
    title: (meeting) => `${str(meeting.purpose)} · ${str(meeting.id)}`,
  },
  identifier: {
    key: 'identifier',
    listName: 'LtIdentifiers',
    description: 'Learning Together: the identifier register (places, other names, labels). Confidential to this review; never pooled.',
    bindings: [
      field(choice('identifierCategory', 'Category', IDENTIFIER_CATEGORIES), 'category', 'required'),
      field(choice('placeKind', 'Kind of place', PLACE_KINDS), 'placeKind', null),
    ],
    projections: [],
    title: (entry) => `${str(entry.category)} · ${str(entry.id)}`,
  },
  languageDismissal: {
    key: 'languageDismissal',
    listName: 'LtKeptWording',
    description: 'Learning Together: wording the language check flagged that the team chose to keep, with their reason.',
    bindings: [field(text('phrase', 'Wording', SHORT), 'phrase', 'required')],
    projections: [],
    title: (entry) => str(entry.phrase),
  },
};

export const childListSpec = (kind: ChildRecordKind): RecordListSpec => CHILD_LISTS[kind];
export const recordListSpec = (key: RecordListKey): RecordListSpec => (key === 'review' ? REVIEW_DETAILS_LIST : CHILD_LISTS[key]);

// ---------------------------------------------------------------- lists in both kinds of site

/** Which schema version a site has been provisioned to: one item, Title "schema". */
export const SCHEMA_INFO_LIST: PlainListSpec = {
  key: 'schemaInfo',
  listName: 'LtSchema',
  description: 'Learning Together: the schema version of this site’s lists. Managed by the app.',
  columns: [number('schemaVersion', 'Schema version'), choice('layout', 'Layout', ['lscb', 'review']), dateTime('appliedAt', 'Applied at')],
};

// ---------------------------------------------------------------- the LSCB team site's lists

export const REGISTER_STATES = ['provisioning', 'importing', 'active'] as const;
export type RegisterState = (typeof REGISTER_STATES)[number];

/** Non-identifying facts about each review: enough to list reviews and find each one's own site. */
export const REGISTER_LIST: PlainListSpec = {
  key: 'register',
  listName: 'LtReviewRegister',
  description: 'Learning Together: the review register. Nothing identifying: codename, phase, dates and where each review lives.',
  columns: [
    text('reviewId', 'Review id', ID_LENGTH, { indexed: true }),
    choice('state', 'State', REGISTER_STATES, { indexed: true }),
    text('codename', 'Codename', 80),
    choice('phase', 'Phase', REVIEW_PHASES),
    choice('trigger', 'Trigger', REVIEW_TRIGGERS),
    date('periodFrom', 'Period from'),
    date('periodTo', 'Period to'),
    text('updatedAt', 'Updated at (exact)', 40),
    dateTime('updated', 'Updated'),
    boolean('fictional', 'Fictional'),
    text('channelId', 'Channel id', 255),
    text('siteId', 'Site id', 255),
    text('storageKey', 'Storage key', REVIEW_KEY_LENGTH),
    number('siteSchema', 'Site schema version'),
    // ADR 0908: a finished review is archived, and its private channel removed after the retention period.
    text('archivedAt', 'Archived at (exact)', 40, { since: 3 }),
    text('channelRemovedAt', 'Channel removed at (exact)', 40, { since: 3 }),
  ],
};

export const POOLED_LEARNING_KINDS = ['pattern', 'factor', 'recommendationKind'] as const;

/** De-identified learning pooled across reviews for later collation: codes and counts, never case detail. */
export const POOLED_LEARNING_LIST: PlainListSpec = {
  key: 'pooledLearning',
  listName: 'LtPooledLearning',
  description: 'Learning Together: de-identified patterns, factors and recommendation kinds pooled across reviews.',
  columns: [
    text('reviewRef', 'Review reference', ID_LENGTH, { indexed: true, description: 'An opaque reference, not the codename.' }),
    choice('entryKind', 'Kind', POOLED_LEARNING_KINDS, { indexed: true }),
    number('category', 'Typology category'),
    text('subPatternId', 'Sub-pattern', ID_LENGTH),
    text('factorId', 'Factor', ID_LENGTH),
    choice('influence', 'Influence', PATTERN_INFLUENCES),
    choice('recommendationKind', 'Recommendation kind', RECOMMENDATION_KIND_IDS),
    choice('level', 'Level', RECOMMENDATION_LEVELS),
    number('occurrences', 'Occurrences'),
    text('pooledOn', 'Pooled on', 10),
    // Issue 14 (ADR 1401): one item per review and source, its whole de-identified record checked by the app.
    multilineText('findings', 'Findings (JSON)', { since: 3, description: 'The review’s pooled findings: codes and counts only.' }),
  ],
};

/**
 * Which review and conversation a Teams meeting belongs to, so a meeting side panel finds its conversation with one
 * request instead of opening reviews one after another. Holds ids and a hash of the join link, nothing identifying.
 */
export const MEETING_INDEX_LIST: PlainListSpec = {
  key: 'meetingIndex',
  listName: 'LtMeetingIndex',
  description: 'Learning Together: which review conversation each Teams meeting belongs to (ids only). Managed by the app.',
  columns: [
    text('meetingKey', 'Meeting key', 64, { indexed: true, description: 'A hash of the meeting’s join link.' }),
    text('chatThreadId', 'Meeting chat thread', 255, { indexed: true }),
    text('reviewId', 'Review id', ID_LENGTH, { indexed: true }),
    text('conversationId', 'Conversation id', ID_LENGTH),
    multilineText('joinUrl', 'Join link'),
  ],
};

// ---------------------------------------------------------------- layouts

export const REVIEW_SITE_LISTS: readonly ListSpec[] = [REVIEW_DETAILS_LIST, ...Object.values(CHILD_LISTS), SCHEMA_INFO_LIST];
export const LSCB_SITE_LISTS: readonly ListSpec[] = [REGISTER_LIST, POOLED_LEARNING_LIST, MEETING_INDEX_LIST, SCHEMA_INFO_LIST];

export const listsOfLayout = (layout: SiteLayout): readonly ListSpec[] => (layout === 'review' ? REVIEW_SITE_LISTS : LSCB_SITE_LISTS);

/** Every column of a list, for any kind of list. */
export const columnsOf = (spec: ListSpec): readonly ColumnSpec[] => (isRecordList(spec) ? recordListColumns(spec) : spec.columns);
