import { z } from 'zod';
import {
  AgencyIdSchema,
  AuditEntryIdSchema,
  CapturedItemIdSchema,
  CommentIdSchema,
  ConversationIdSchema,
  DocumentIdSchema,
  EpisodeIdSchema,
  FactorTagIdSchema,
  IdentifierIdSchema,
  LanguageDismissalIdSchema,
  MeetingIdSchema,
  NarrativeEntryIdSchema,
  ParticipantIdSchema,
  PatternIdSchema,
  RecommendationIdSchema,
  ReportStageIdSchema,
  ReviewIdSchema,
  StepNoteIdSchema,
  TeamMemberIdSchema,
} from './ids';
import { CONVERSATION_STEP_IDS } from './method/conversation-steps';
import { isFactorId } from './method/factor-framework';
import { RECOMMENDATION_KIND_IDS } from './method/recommendation-kinds';
import { REPORT_STAGE_KINDS } from './method/report-stages';
import { findSubPattern } from './method/typology';
import { CalendarDateSchema, InstantSchema, LIMITS, OpenPeriodSchema, PeriodSchema, optionalText, requiredText } from './primitives';

/**
 * The shape version every stored record carries; older records are lifted by ./migrations/record-migrations.ts
 * (version 2: a step note's facilitators' comments apart from the participant's words; a pattern's citations).
 */
export const RECORD_SCHEMA_VERSION = 2 as const;

const stamps = {
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  /** Optimistic concurrency: the store bumps it on each write and refuses a stale one. */
  version: z.number().int().min(1),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  createdBy: requiredText(LIMITS.shortText, 'Created by'),
  updatedBy: requiredText(LIMITS.shortText, 'Updated by'),
};

const childStamps = { ...stamps, reviewId: ReviewIdSchema };

// ---------------------------------------------------------------- review

export const REVIEW_TRIGGERS = ['seriousHarm', 'routinePractice', 'goodPractice', 'innovation', 'other'] as const;
export type ReviewTrigger = (typeof REVIEW_TRIGGERS)[number];

/** The phases of a review, in the order the method runs them. */
export const REVIEW_PHASES = ['preparation', 'dataCollection', 'analysis', 'preliminaryReport', 'interimReport', 'finalDraftReport', 'publication'] as const;
export type ReviewPhase = (typeof REVIEW_PHASES)[number];

export const REPORT_DATE_STYLES = ['calendar', 'relativeToPeriod'] as const;
export type ReportDateStyle = (typeof REPORT_DATE_STYLES)[number];

export const AgencySchema = z.object({
  id: AgencyIdSchema,
  name: requiredText(LIMITS.shortText, 'Agency name'),
});
export type Agency = z.infer<typeof AgencySchema>;

export const PhaseChangeSchema = z.object({
  from: z.enum(REVIEW_PHASES),
  to: z.enum(REVIEW_PHASES),
  at: InstantSchema,
  by: requiredText(LIMITS.shortText, 'Changed by'),
  /** Guards that were not met but the team chose to go ahead, with their reason. */
  overriddenGuards: z.array(z.string()).default([]),
  reason: optionalText(LIMITS.mediumText, 'Reason').default(''),
});
export type PhaseChange = z.infer<typeof PhaseChangeSchema>;

export const ReviewSchema = z
  .object({
    ...stamps,
    id: ReviewIdSchema,
    codename: requiredText(80, 'Codename'),
    questions: z.array(requiredText(LIMITS.mediumText, 'Question for review')).min(1, 'at least one question for review is required'),
    trigger: z.enum(REVIEW_TRIGGERS),
    triggerNote: optionalText(LIMITS.mediumText, 'Trigger note').default(''),
    periodUnderReview: PeriodSchema,
    agencies: z.array(AgencySchema),
    phase: z.enum(REVIEW_PHASES),
    phaseHistory: z.array(PhaseChangeSchema).default([]),
    /** True for the built-in fictional training case. */
    fictional: z.boolean().default(false),
    /** How reports show dates: as calendar dates, or relative to the period under review ("month 3"). */
    reportDates: z.enum(REPORT_DATE_STYLES).default('calendar'),
  })
  .superRefine((review, ctx) => {
    const seen = new Set<string>();
    review.agencies.forEach((agency, index) => {
      const key = agency.name.trim().toLocaleLowerCase('en-GB');
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['agencies', index, 'name'], message: `${agency.name} is listed twice` });
      }
      seen.add(key);
    });
  });
export type Review = z.infer<typeof ReviewSchema>;

// ---------------------------------------------------------------- team and participants

export const TEAM_ROLES = ['leadReviewer', 'facilitator', 'reviewer', 'lscbCoordinator', 'observer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TeamMemberSchema = z.object({
  ...childStamps,
  id: TeamMemberIdSchema,
  name: requiredText(LIMITS.shortText, 'Name'),
  email: z.union([z.literal(''), z.email('an email address')]).default(''),
  role: z.enum(TEAM_ROLES),
  profession: optionalText(LIMITS.shortText, 'Profession').default(''),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const PARTICIPANT_KINDS = ['practitioner', 'firstLineManager', 'seniorManager', 'familyMember', 'carer', 'childOrYoungPerson'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const FAMILY_KINDS: readonly ParticipantKind[] = ['familyMember', 'carer', 'childOrYoungPerson'];
export const isFamilyKind = (kind: ParticipantKind): boolean => FAMILY_KINDS.includes(kind);

export const SIGNIFICANCE_LEVELS = ['notYetKnown', 'peripheral', 'significant', 'key'] as const;
export const LETTER_STATUSES = ['notSent', 'sent', 'acknowledged'] as const;
export const MEETING_ATTENDANCE = ['notInvited', 'invited', 'attended', 'couldNotAttend'] as const;

export const ParticipantSchema = z
  .object({
    ...childStamps,
    id: ParticipantIdSchema,
    kind: z.enum(PARTICIPANT_KINDS),
    /** Null for family members and carers, who belong to no agency. */
    agencyId: AgencyIdSchema.nullable(),
    roleTitle: optionalText(LIMITS.shortText, 'Role title').default(''),
    /** Private: never leaves the review team's drafts. */
    realName: requiredText(LIMITS.shortText, 'Real name'),
    /** A role for professionals, a pseudonym for family members: what reports print. */
    reportLabel: requiredText(LIMITS.shortText, 'Report label'),
    email: z.union([z.literal(''), z.email('an email address')]).default(''),
    significance: z.enum(SIGNIFICANCE_LEVELS).default('notYetKnown'),
    significanceNote: optionalText(LIMITS.mediumText, 'Significance note').default(''),
    introductionLetter: z.object({ status: z.enum(LETTER_STATUSES), on: CalendarDateSchema.nullable() }),
    introductoryMeeting: z.enum(MEETING_ATTENDANCE).default('notInvited'),
    confidentialityAcknowledgedOn: CalendarDateSchema.nullable().default(null),
    /** Other names, nicknames and initials the leak scan must also look for. */
    otherIdentifiers: z.array(requiredText(LIMITS.shortText, 'Identifier')).default([]),
  })
  .superRefine((participant, ctx) => {
    if (!isFamilyKind(participant.kind) && participant.agencyId === null) {
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'a professional participant belongs to an agency' });
    }
    if (participant.introductionLetter.status !== 'notSent' && participant.introductionLetter.on === null) {
      ctx.addIssue({ code: 'custom', path: ['introductionLetter', 'on'], message: 'the date the letter was sent is required' });
    }
    if (participant.reportLabel.trim().toLocaleLowerCase('en-GB') === participant.realName.trim().toLocaleLowerCase('en-GB')) {
      ctx.addIssue({ code: 'custom', path: ['reportLabel'], message: 'the report label must not be the real name' });
    }
  });
export type Participant = z.infer<typeof ParticipantSchema>;

// ---------------------------------------------------------------- documents

export const DocumentRecordSchema = z.object({
  ...childStamps,
  id: DocumentIdSchema,
  agencyId: AgencyIdSchema,
  title: requiredText(LIMITS.shortText, 'Title'),
  recordType: requiredText(LIMITS.shortText, 'Record type'),
  coveredPeriod: PeriodSchema,
  accessRestrictions: optionalText(LIMITS.mediumText, 'Access restrictions').default(''),
  heldBy: optionalText(LIMITS.shortText, 'Held by').default(''),
  notes: optionalText(LIMITS.longText, 'Notes').default(''),
});
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

// ---------------------------------------------------------------- conversations

export const CONVERSATION_STATUSES = ['toArrange', 'scheduled', 'held', 'cancelled'] as const;
export const CONVERSATION_MODES = ['video', 'faceToFace', 'telephone'] as const;
export const RECORDING_STATES = ['none', 'held', 'transcribed', 'destroyed'] as const;
export type RecordingState = (typeof RECORDING_STATES)[number];

export const TranscriptCueSchema = z.object({
  startSeconds: z.number().min(0),
  endSeconds: z.number().min(0),
  speaker: optionalText(LIMITS.shortText, 'Speaker').default(''),
  text: optionalText(LIMITS.longText, 'Cue text'),
});

export const WrittenRecordSchema = z.object({
  kind: z.enum(['notes', 'transcript']),
  text: optionalText(LIMITS.documentText, 'Written record'),
  fileName: optionalText(LIMITS.shortText, 'File name').default(''),
  cues: z.array(TranscriptCueSchema).default([]),
  /** Speaker label in the transcript → who they are in the review. */
  speakerMap: z
    .record(
      z.string(),
      z.discriminatedUnion('as', [
        z.object({ as: z.literal('participant'), participantId: ParticipantIdSchema }),
        z.object({ as: z.literal('teamMember'), teamMemberId: TeamMemberIdSchema }),
        z.object({ as: z.literal('unknown') }),
      ]),
    )
    .default({}),
  importedAt: InstantSchema,
  importedBy: requiredText(LIMITS.shortText, 'Imported by'),
});
export type WrittenRecord = z.infer<typeof WrittenRecordSchema>;

export const RecordingSchema = z.object({
  state: z.enum(RECORDING_STATES),
  heldSince: InstantSchema.nullable().default(null),
  transcribedAt: InstantSchema.nullable().default(null),
  destroyed: z
    .object({
      at: InstantSchema,
      by: requiredText(LIMITS.shortText, 'Destroyed by'),
      how: requiredText(LIMITS.mediumText, 'How it was destroyed'),
    })
    .nullable()
    .default(null),
});
export type Recording = z.infer<typeof RecordingSchema>;

/** Something said in a conversation that went well, or a suggested change, captured as it is said. */
export const CapturedItemSchema = z.object({
  id: CapturedItemIdSchema,
  text: requiredText(LIMITS.mediumText, 'Text'),
  capturedAt: InstantSchema,
});
export type CapturedItem = z.infer<typeof CapturedItemSchema>;

export const FactorRaisedSchema = z.object({
  factorId: z.string().refine(isFactorId, 'a factor from the SCIE framework'),
  note: optionalText(LIMITS.mediumText, 'Note').default(''),
});

export const ConversationSchema = z
  .object({
    ...childStamps,
    id: ConversationIdSchema,
    participantId: ParticipantIdSchema,
    leadQuestionerId: TeamMemberIdSchema.nullable(),
    leadNoteTakerId: TeamMemberIdSchema.nullable(),
    status: z.enum(CONVERSATION_STATUSES),
    mode: z.enum(CONVERSATION_MODES).default('video'),
    scheduledStart: InstantSchema.nullable().default(null),
    durationMinutes: z.number().int().min(15).max(240).default(90),
    meetingLink: z.union([z.literal(''), z.url('a web address')]).default(''),
    location: optionalText(LIMITS.shortText, 'Location').default(''),
    /** Calendar event id in whichever calendar scheduled it (Graph event id or iCalendar UID). */
    calendarEventId: optionalText(LIMITS.shortText, 'Calendar event id').default(''),
    factorsRaised: z.array(FactorRaisedSchema).default([]),
    wentWell: z.array(CapturedItemSchema).default([]),
    suggestedChanges: z.array(CapturedItemSchema).default([]),
    writtenRecord: WrittenRecordSchema.nullable().default(null),
    recording: RecordingSchema.default({ state: 'none', heldSince: null, transcribedAt: null, destroyed: null }),
    followUpNeeded: z.boolean().default(false),
    followUpNote: optionalText(LIMITS.mediumText, 'Follow-up note').default(''),
  })
  .superRefine((conversation, ctx) => {
    if (conversation.leadQuestionerId !== null && conversation.leadQuestionerId === conversation.leadNoteTakerId) {
      ctx.addIssue({
        code: 'custom',
        path: ['leadNoteTakerId'],
        message: 'the lead note-taker must be a different facilitator from the lead questioner',
      });
    }
    if (conversation.status === 'scheduled' && conversation.scheduledStart === null) {
      ctx.addIssue({ code: 'custom', path: ['scheduledStart'], message: 'a scheduled conversation needs a start time' });
    }
    if (conversation.recording.state === 'destroyed' && conversation.recording.destroyed === null) {
      ctx.addIssue({ code: 'custom', path: ['recording', 'destroyed'], message: 'say who destroyed the recording, when and how' });
    }
  });
export type Conversation = z.infer<typeof ConversationSchema>;

/** The notes for one step of one conversation: a record of its own so two facilitators can edit different steps. */
export const StepNoteSchema = z.object({
  ...childStamps,
  id: StepNoteIdSchema,
  conversationId: ConversationIdSchema,
  step: z.enum(CONVERSATION_STEP_IDS),
  /** The participant's words, as close as the note-taker can get them. */
  text: optionalText(LIMITS.longText, 'Notes'),
  /**
   * The facilitators' own comments on this step (the guide's "your own comments in brackets"): kept apart from the
   * participant's words so the participant's stage view can never show them.
   */
  comments: optionalText(LIMITS.longText, 'Your own comments').default(''),
  /** Step 1's introduction checklist: purpose, confidentiality and ethics, outline of structure. */
  checked: z.array(z.string().max(LIMITS.shortText)).default([]),
});
export type StepNote = z.infer<typeof StepNoteSchema>;

// ---------------------------------------------------------------- narrative

export const NARRATIVE_KINDS = ['account', 'gap', 'discrepancy', 'reviewersJudgement'] as const;
export type NarrativeKind = (typeof NARRATIVE_KINDS)[number];

export const NarrativeSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conversation'), conversationId: ConversationIdSchema }),
  z.object({ kind: z.literal('document'), documentId: DocumentIdSchema }),
  /** The review team's own reasoning: only for reviewers' judgements. */
  z.object({ kind: z.literal('reviewTeam') }),
]);
export type NarrativeSource = z.infer<typeof NarrativeSourceSchema>;

export const NarrativeEntrySchema = z
  .object({
    ...childStamps,
    id: NarrativeEntryIdSchema,
    kind: z.enum(NARRATIVE_KINDS),
    /** Whose perspective: a participant, or an agency's records. */
    perspective: z.discriminatedUnion('of', [
      z.object({ of: z.literal('participant'), participantId: ParticipantIdSchema }),
      z.object({ of: z.literal('agency'), agencyId: AgencyIdSchema }),
      z.object({ of: z.literal('reviewTeam') }),
    ]),
    source: NarrativeSourceSchema,
    period: OpenPeriodSchema,
    text: requiredText(LIMITS.longText, 'Text'),
    /** Entries this one disputes or fills a gap between. */
    relatedEntryIds: z.array(NarrativeEntryIdSchema).default([]),
    /** Participants this entry is about, so step 6 can raise it with them. */
    involvesParticipantIds: z.array(ParticipantIdSchema).default([]),
    resolved: z.boolean().default(false),
  })
  .superRefine((entry, ctx) => {
    const isJudgement = entry.kind === 'reviewersJudgement';
    if (isJudgement !== (entry.source.kind === 'reviewTeam')) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: isJudgement
          ? "a reviewers' judgement comes from the review team"
          : 'an account, gap or discrepancy needs a conversation or document as its source',
      });
    }
    if (isJudgement !== (entry.perspective.of === 'reviewTeam')) {
      ctx.addIssue({
        code: 'custom',
        path: ['perspective'],
        message: isJudgement ? "a reviewers' judgement is the review team's perspective" : 'say whose perspective this is: a participant or an agency',
      });
    }
  });
export type NarrativeEntry = z.infer<typeof NarrativeEntrySchema>;

// ---------------------------------------------------------------- key practice episodes

export const ADEQUACY_JUDGEMENTS = ['good', 'problematic', 'mixed', 'unclear'] as const;
export type AdequacyJudgement = (typeof ADEQUACY_JUDGEMENTS)[number];

export const FactorTagSchema = z.object({
  id: FactorTagIdSchema,
  factorId: z.string().refine(isFactorId, 'a factor from the SCIE framework'),
  /** Appendix 4's third column: why the action or decision made sense at the time. */
  whyItMadeSense: optionalText(LIMITS.mediumText, 'Why it made sense at the time').default(''),
});
export type FactorTag = z.infer<typeof FactorTagSchema>;

export const EpisodeSchema = z.object({
  ...childStamps,
  id: EpisodeIdSchema,
  title: requiredText(LIMITS.shortText, 'Title'),
  period: OpenPeriodSchema,
  /** Appendix 4 column 1: description of the episode and its significance with hindsight. */
  description: requiredText(LIMITS.longText, 'Description'),
  significance: optionalText(LIMITS.longText, 'Significance with hindsight').default(''),
  /** Appendix 4 column 2. */
  judgement: z.enum(ADEQUACY_JUDGEMENTS).nullable().default(null),
  judgementBreakdown: optionalText(LIMITS.longText, 'Breakdown of the judgement').default(''),
  /** Appendix 4 column 3. */
  factors: z.array(FactorTagSchema).default([]),
  narrativeEntryIds: z.array(NarrativeEntryIdSchema).default([]),
  participantIds: z.array(ParticipantIdSchema).default([]),
  /** The conversation in which a participant raised it, if any. */
  raisedInConversationId: ConversationIdSchema.nullable().default(null),
});
export type Episode = z.infer<typeof EpisodeSchema>;

// ---------------------------------------------------------------- patterns

export const PATTERN_INFLUENCES = ['supportsGoodPractice', 'makesProblematicPracticeMoreLikely'] as const;
export const PRIORITY_LEVELS = ['low', 'medium', 'high'] as const;

export const PatternSchema = z
  .object({
    ...childStamps,
    id: PatternIdSchema,
    category: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    /** An Appendix 6 sub-pattern, or null for a new one named below. */
    subPatternId: z.string().nullable().default(null),
    newSubPatternTitle: optionalText(LIMITS.shortText, 'New sub-pattern').default(''),
    /** In non-case-specific language. */
    statement: requiredText(LIMITS.longText, 'Statement'),
    influence: z.enum(PATTERN_INFLUENCES),
    episodeIds: z.array(EpisodeIdSchema).default([]),
    /** The episodes' contributory factors (factor tags) this pattern rests on. */
    factorTagIds: z.array(FactorTagIdSchema).default([]),
    /** The narrative entries whose evidence this pattern rests on. */
    narrativeEntryIds: z.array(NarrativeEntryIdSchema).default([]),
    prioritisation: z
      .object({
        widespread: z.enum(PRIORITY_LEVELS).nullable(),
        contemporaryRelevance: z.enum(PRIORITY_LEVELS).nullable(),
        rank: z.number().int().min(1).nullable(),
        rationale: optionalText(LIMITS.longText, 'Rationale'),
        selected: z.boolean(),
      })
      .default({ widespread: null, contemporaryRelevance: null, rank: null, rationale: '', selected: false }),
  })
  .superRefine((pattern, ctx) => {
    if (pattern.subPatternId !== null) {
      const found = findSubPattern(pattern.subPatternId);
      if (!found) {
        ctx.addIssue({ code: 'custom', path: ['subPatternId'], message: 'a sub-pattern from Appendix 6' });
      } else if (found.category.number !== pattern.category) {
        ctx.addIssue({
          code: 'custom',
          path: ['subPatternId'],
          message: `that sub-pattern belongs to category ${found.category.number}, not ${pattern.category}`,
        });
      }
    }
  });
export type Pattern = z.infer<typeof PatternSchema>;

// ---------------------------------------------------------------- recommendations

export const RECOMMENDATION_LEVELS = ['local', 'regional', 'national'] as const;
export const RECOMMENDATION_STATUSES = ['proposed', 'agreed', 'inProgress', 'implemented', 'notTakenForward'] as const;

export const RecommendationSchema = z.object({
  ...childStamps,
  id: RecommendationIdSchema,
  kind: z.enum(RECOMMENDATION_KIND_IDS),
  level: z.enum(RECOMMENDATION_LEVELS),
  addressee: requiredText(LIMITS.shortText, 'Addressee'),
  text: requiredText(LIMITS.longText, 'Recommendation'),
  patternIds: z.array(PatternIdSchema).default([]),
  tracking: z
    .object({
      status: z.enum(RECOMMENDATION_STATUSES),
      owner: optionalText(LIMITS.shortText, 'Owner'),
      evidence: optionalText(LIMITS.longText, 'Evidence'),
      dueOn: CalendarDateSchema.nullable(),
      completedOn: CalendarDateSchema.nullable(),
    })
    .default({ status: 'proposed', owner: '', evidence: '', dueOn: null, completedOn: null }),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

// ---------------------------------------------------------------- report stages and comments

export const ReportStageSchema = z.object({
  ...childStamps,
  id: ReportStageIdSchema,
  stage: z.enum(REPORT_STAGE_KINDS),
  /** The draft's own number within its stage (v1, v2…), distinct from the record's concurrency version. */
  draftNumber: z.number().int().min(1),
  publishedAt: InstantSchema.nullable().default(null),
  commentWindow: z.object({ opensOn: CalendarDateSchema, closesOn: CalendarDateSchema }).nullable().default(null),
  groupMeeting: z
    .object({ plannedFor: InstantSchema.nullable(), heldOn: CalendarDateSchema.nullable(), notes: optionalText(LIMITS.longText, 'Meeting notes') })
    .default({ plannedFor: null, heldOn: null, notes: '' }),
  /** Where the published file lives (a channel file URL or a local archive key). */
  publishedLocation: optionalText(LIMITS.mediumText, 'Published location').default(''),
  /** Each time this draft's document was published: where, and the SHA-256 of the exact bytes shared. */
  publications: z
    .array(
      z.object({
        at: InstantSchema,
        by: requiredText(LIMITS.shortText, 'Published by'),
        location: requiredText(LIMITS.mediumText, 'Published location'),
        fileName: requiredText(LIMITS.shortText, 'File name'),
        sha256: z.string().regex(/^[0-9a-f]{64}$/u, 'a SHA-256 hash in hex'),
      }),
    )
    .default([]),
  /** Why this stage's draft was shared before the previous stage's comment window closed (the method expects it after). */
  earlyStartReason: optionalText(LIMITS.mediumText, 'Reason for starting early').default(''),
});
export type ReportStage = z.infer<typeof ReportStageSchema>;

export const COMMENT_DISPOSITIONS = ['pending', 'accepted', 'partlyAccepted', 'notAccepted', 'noted'] as const;

export const CommentSchema = z.object({
  ...childStamps,
  id: CommentIdSchema,
  reportStageId: ReportStageIdSchema,
  participantId: ParticipantIdSchema,
  section: optionalText(LIMITS.shortText, 'Section').default(''),
  text: requiredText(LIMITS.longText, 'Comment'),
  disposition: z.enum(COMMENT_DISPOSITIONS).default('pending'),
  response: optionalText(LIMITS.longText, 'Response').default(''),
});
export type Comment = z.infer<typeof CommentSchema>;

// ---------------------------------------------------------------- meetings (scheduling)

/** Why a meeting is held: the method's introductory meeting, a one-to-one conversation or its follow-up, a group meeting. */
export const MEETING_PURPOSES = ['introductory', 'conversation', 'followUp', 'groupMeeting'] as const;
export type MeetingPurpose = (typeof MEETING_PURPOSES)[number];
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
/** The calendar that holds the meeting: an Outlook calendar through Graph, or iCalendar files made in the browser. */
export const CALENDAR_SYSTEMS = ['microsoft365', 'icalendar'] as const;
export type CalendarSystem = (typeof CALENDAR_SYSTEMS)[number];

export const MeetingAttendeeSchema = z.discriminatedUnion('as', [
  z.object({ as: z.literal('teamMember'), teamMemberId: TeamMemberIdSchema }),
  z.object({ as: z.literal('participant'), participantId: ParticipantIdSchema }),
]);
export type MeetingAttendee = z.infer<typeof MeetingAttendeeSchema>;

/** Where the meeting lives in a calendar: what a reschedule or cancellation must name again. */
export const CalendarIdentitySchema = z.object({
  system: z.enum(CALENDAR_SYSTEMS),
  /** The Graph event id in the organiser's calendar; empty for iCalendar. */
  eventId: optionalText(LIMITS.mediumText, 'Calendar event id').default(''),
  /** The iCalendar UID (Graph's iCalUId): the same across every reschedule. */
  uid: requiredText(LIMITS.mediumText, 'Calendar UID'),
  /** RFC 5545 SEQUENCE: raised by each reschedule and by the cancellation. */
  sequence: z.number().int().min(0).default(0),
  joinUrl: z.union([z.literal(''), z.url('a web address')]).default(''),
  /** Graph's transactionId of the create: a retried create can never make two events. */
  transactionId: optionalText(LIMITS.shortText, 'Transaction id').default(''),
  /** When the calendar last confirmed the event's start and end (the check when the review opens). */
  confirmedAt: InstantSchema.nullable().default(null),
});
export type CalendarIdentity = z.infer<typeof CalendarIdentitySchema>;

/**
 * A meeting the review schedules (docs/decisions/1100): the introductory meeting, a one-to-one conversation or a
 * follow-up (linked to its conversation), or a report stage's group meeting (linked to its stage). Its calendar
 * identity is kept so a reschedule moves the same event and a cancellation names it.
 */
export const MeetingSchema = z
  .object({
    ...childStamps,
    id: MeetingIdSchema,
    purpose: z.enum(MEETING_PURPOSES),
    conversationId: ConversationIdSchema.nullable().default(null),
    reportStageId: ReportStageIdSchema.nullable().default(null),
    /** What calendars show: the review's codename and the purpose, never anything about the case. */
    title: requiredText(LIMITS.shortText, 'Title'),
    start: InstantSchema,
    end: InstantSchema,
    online: z.boolean().default(true),
    place: optionalText(LIMITS.shortText, 'Place').default(''),
    organiserId: TeamMemberIdSchema,
    attendees: z.array(MeetingAttendeeSchema).default([]),
    status: z.enum(MEETING_STATUSES).default('scheduled'),
    calendar: CalendarIdentitySchema.nullable().default(null),
    /** Participants without a tenant account who were offered the .ics and the letter instead of an invitation. */
    offeredFileTo: z.array(ParticipantIdSchema).default([]),
    /** What the last check against the calendar found, for the facilitator to read. */
    calendarNote: optionalText(LIMITS.mediumText, 'Calendar note').default(''),
  })
  .superRefine((meeting, ctx) => {
    if ((meeting.purpose === 'conversation' || meeting.purpose === 'followUp') && meeting.conversationId === null) {
      ctx.addIssue({ code: 'custom', path: ['conversationId'], message: 'choose the conversation this meeting is for' });
    }
    if (meeting.purpose === 'groupMeeting' && meeting.reportStageId === null) {
      ctx.addIssue({ code: 'custom', path: ['reportStageId'], message: 'choose the report stage this group meeting is for' });
    }
  });
export type Meeting = z.infer<typeof MeetingSchema>;

// ---------------------------------------------------------------- audit

export const AUDIT_ACTIONS = ['permissionChange', 'publication', 'export', 'import', 'recordingDestruction', 'phaseChange', 'reviewDeleted'] as const;

export const AuditEntrySchema = z.object({
  ...childStamps,
  id: AuditEntryIdSchema,
  action: z.enum(AUDIT_ACTIONS),
  who: requiredText(LIMITS.shortText, 'Who'),
  at: InstantSchema,
  summary: requiredText(LIMITS.mediumText, 'Summary'),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

// ---------------------------------------------------------------- identifier register and language check

export const IDENTIFIER_CATEGORIES = ['child', 'familyMember', 'professional', 'agency', 'place', 'other'] as const;
export type IdentifierCategory = (typeof IDENTIFIER_CATEGORIES)[number];
export const PLACE_KINDS = ['town', 'street', 'school', 'gpPractice', 'hospital', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/**
 * One entry of the review's identifier register as the team keeps it: a place or other name they added, or their
 * edits to an entry filled automatically from a participant or an agency (a different label, more forms to look for).
 * Confidential to the review: never pooled. See docs/decisions/1225.
 */
export const IdentifierRecordSchema = z
  .object({
    ...childStamps,
    id: IdentifierIdSchema,
    /** The participant or agency whose automatic entry this refines; `added` for a place or name the team added. */
    refersTo: z
      .discriminatedUnion('to', [
        z.object({ to: z.literal('participant'), participantId: ParticipantIdSchema }),
        z.object({ to: z.literal('agency'), agencyId: AgencyIdSchema }),
        z.object({ to: z.literal('added') }),
      ])
      .default({ to: 'added' }),
    category: z.enum(IDENTIFIER_CATEGORIES).default('other'),
    placeKind: z.enum(PLACE_KINDS).nullable().default(null),
    /** The identifying text itself; empty on an edit of an automatic entry (its source gives it). */
    text: optionalText(LIMITS.shortText, 'Identifier').default(''),
    otherForms: z.array(requiredText(LIMITS.shortText, 'Other form')).default([]),
    /** What the public report prints instead; empty on an edit that keeps the automatic label. */
    label: optionalText(LIMITS.shortText, 'Label').default(''),
  })
  .superRefine((entry, ctx) => {
    if (entry.refersTo.to === 'added') {
      if (entry.text.trim() === '') ctx.addIssue({ code: 'custom', path: ['text'], message: 'say what identifies: a name, place or other word' });
      if (entry.label.trim() === '')
        ctx.addIssue({ code: 'custom', path: ['label'], message: 'say what the public report prints instead, e.g. "a primary school"' });
    }
    if (entry.placeKind !== null && entry.category !== 'place') {
      ctx.addIssue({ code: 'custom', path: ['placeKind'], message: 'only a place has a kind of place' });
    }
    const label = entry.label.trim().toLocaleLowerCase('en-GB');
    const forms = [entry.text, ...entry.otherForms].map((form) => form.trim().toLocaleLowerCase('en-GB')).filter((form) => form !== '');
    if (label !== '' && forms.includes(label)) {
      ctx.addIssue({ code: 'custom', path: ['label'], message: 'the label must not be the identifier itself' });
    }
  });
export type IdentifierRecord = z.infer<typeof IdentifierRecordSchema>;

/** Where a piece of the review's text lives: a record's field. */
export const TextLocationSchema = z.object({
  kind: requiredText(40, 'Record kind'),
  recordId: requiredText(160, 'Record id'),
  field: requiredText(LIMITS.shortText, 'Field'),
});
export type TextLocation = z.infer<typeof TextLocationSchema>;

/** The team read a flagged wording and chose to keep it: the warning stays quiet there, the reason is kept (ADR 1227). */
export const LanguageDismissalSchema = z.object({
  ...childStamps,
  id: LanguageDismissalIdSchema,
  location: TextLocationSchema,
  /** The wording as flagged, in lower case (e.g. "should have"). */
  phrase: requiredText(LIMITS.shortText, 'Wording'),
  reason: requiredText(LIMITS.mediumText, 'Reason'),
});
export type LanguageDismissal = z.infer<typeof LanguageDismissalSchema>;

// ---------------------------------------------------------------- collections

/** The record kinds that belong to a review; the review itself is stored separately. */
export const CHILD_RECORD_SCHEMAS = {
  teamMember: TeamMemberSchema,
  participant: ParticipantSchema,
  document: DocumentRecordSchema,
  conversation: ConversationSchema,
  stepNote: StepNoteSchema,
  narrativeEntry: NarrativeEntrySchema,
  episode: EpisodeSchema,
  pattern: PatternSchema,
  recommendation: RecommendationSchema,
  reportStage: ReportStageSchema,
  comment: CommentSchema,
  audit: AuditEntrySchema,
  meeting: MeetingSchema,
  identifier: IdentifierRecordSchema,
  languageDismissal: LanguageDismissalSchema,
} as const;

export type ChildRecordKind = keyof typeof CHILD_RECORD_SCHEMAS;
export const CHILD_RECORD_KINDS = Object.keys(CHILD_RECORD_SCHEMAS) as ChildRecordKind[];
export type ChildRecordOf<K extends ChildRecordKind> = z.infer<(typeof CHILD_RECORD_SCHEMAS)[K]>;
export type AnyChildRecord = ChildRecordOf<ChildRecordKind>;

/** Plural collection names used in snapshots and bundles. */
export const COLLECTION_OF_KIND = {
  teamMember: 'teamMembers',
  participant: 'participants',
  document: 'documents',
  conversation: 'conversations',
  stepNote: 'stepNotes',
  narrativeEntry: 'narrative',
  episode: 'episodes',
  pattern: 'patterns',
  recommendation: 'recommendations',
  reportStage: 'reportStages',
  comment: 'comments',
  audit: 'audit',
  meeting: 'meetings',
  identifier: 'identifiers',
  languageDismissal: 'languageDismissals',
} as const satisfies Record<ChildRecordKind, string>;
export type CollectionName = (typeof COLLECTION_OF_KIND)[ChildRecordKind];

/** A whole review as one value: what loadReview returns and what a bundle holds. */
export const ReviewSnapshotSchema = z.object({
  review: ReviewSchema,
  teamMembers: z.array(TeamMemberSchema),
  participants: z.array(ParticipantSchema),
  documents: z.array(DocumentRecordSchema),
  conversations: z.array(ConversationSchema),
  stepNotes: z.array(StepNoteSchema),
  narrative: z.array(NarrativeEntrySchema),
  episodes: z.array(EpisodeSchema),
  patterns: z.array(PatternSchema),
  recommendations: z.array(RecommendationSchema),
  reportStages: z.array(ReportStageSchema),
  comments: z.array(CommentSchema),
  audit: z.array(AuditEntrySchema),
  /** Added with scheduling: older bundles have none. */
  meetings: z.array(MeetingSchema).default([]),
  /** Added with the identifier register: older bundles have none. */
  identifiers: z.array(IdentifierRecordSchema).default([]),
  languageDismissals: z.array(LanguageDismissalSchema).default([]),
});
export type ReviewSnapshot = z.infer<typeof ReviewSnapshotSchema>;

export function emptySnapshot(review: Review): ReviewSnapshot {
  return {
    review,
    teamMembers: [],
    participants: [],
    documents: [],
    conversations: [],
    stepNotes: [],
    narrative: [],
    episodes: [],
    patterns: [],
    recommendations: [],
    reportStages: [],
    comments: [],
    audit: [],
    meetings: [],
    identifiers: [],
    languageDismissals: [],
  };
}

export function recordsOfKind<K extends ChildRecordKind>(snapshot: ReviewSnapshot, kind: K): ChildRecordOf<K>[] {
  return snapshot[COLLECTION_OF_KIND[kind]] as ChildRecordOf<K>[];
}
