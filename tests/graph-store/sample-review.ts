// FICTIONAL test data: a small review with one or more records of every kind, every name invented.
import { ALL_FACTOR_IDS } from '../../src/domain/method/factor-framework';
import { CONVERSATION_STEP_IDS } from '../../src/domain/method/conversation-steps';
import { TYPOLOGY } from '../../src/domain/method/typology';
import {
  CHILD_RECORD_SCHEMAS,
  RECORD_SCHEMA_VERSION,
  ReviewSchema,
  type ChildRecordKind,
  type ChildRecordOf,
  type ReviewSnapshot,
} from '../../src/domain/model';
import { FICTIONAL_AGENCIES } from '../fixtures/builders';

const AT = '2026-03-28T10:15:30.123Z';
const BY = 'Test Reviewer (fictional)';

export interface SampleOptions {
  readonly reviewId?: string;
  readonly codename?: string;
  /** Length of one narrative entry's text, to push a record past what a column holds. */
  readonly longNarrativeLength?: number;
}

/** A whole fictional review: two of most kinds, one conversation with all its step notes. */
export function sampleSnapshot(options: SampleOptions = {}): ReviewSnapshot {
  const reviewId = options.reviewId ?? 'rev-sample';
  const stamps = { schemaVersion: RECORD_SCHEMA_VERSION, version: 1, createdAt: AT, updatedAt: AT, createdBy: BY, updatedBy: BY };
  const child = <K extends ChildRecordKind>(kind: K, value: Record<string, unknown>): ChildRecordOf<K> =>
    CHILD_RECORD_SCHEMAS[kind].parse({ ...stamps, reviewId, ...value }) as ChildRecordOf<K>;
  const agency = FICTIONAL_AGENCIES[0]!.id;
  const subPattern = TYPOLOGY[0]!.subPatterns[0]!.children[0]!.id;

  const review = ReviewSchema.parse({
    ...stamps,
    id: reviewId,
    codename: options.codename ?? 'Kestrel',
    questions: ['Why was the neglect not recognised sooner? (fictional)', 'What helped the school notice? (fictional)'],
    trigger: 'routinePractice',
    periodUnderReview: { from: '2025-01-01', to: '2025-12-31' },
    agencies: FICTIONAL_AGENCIES,
    phase: 'analysis',
    phaseHistory: [{ from: 'preparation', to: 'dataCollection', at: AT, by: BY }],
    fictional: true,
  });
  const participants = [
    child('participant', {
      id: 'par-1',
      kind: 'practitioner',
      agencyId: agency,
      roleTitle: 'Social worker',
      realName: 'Jo Fictional',
      reportLabel: 'Social worker 1',
      email: 'jo@example.test',
      significance: 'key',
      introductionLetter: { status: 'sent', on: '2025-06-30' },
      introductoryMeeting: 'attended',
      confidentialityAcknowledgedOn: '2025-07-01',
      otherIdentifiers: ['JF'],
    }),
    child('participant', {
      id: 'par-2',
      kind: 'familyMember',
      agencyId: null,
      realName: 'Sam Invented',
      reportLabel: 'Mother',
      introductionLetter: { status: 'notSent', on: null },
    }),
  ];
  const teamMembers = [
    child('teamMember', { id: 'tm-1', name: 'Alex Example', role: 'leadReviewer', email: 'alex@example.test' }),
    child('teamMember', { id: 'tm-2', name: 'Robin Sample', role: 'facilitator' }),
  ];
  const documents = [
    child('document', {
      id: 'doc-1',
      agencyId: agency,
      title: 'Case file (fictional)',
      recordType: 'Case notes',
      coveredPeriod: { from: '2025-01-01', to: '2025-06-30' },
    }),
  ];
  const conversations = [
    child('conversation', {
      id: 'con-1',
      participantId: 'par-1',
      leadQuestionerId: 'tm-1',
      leadNoteTakerId: 'tm-2',
      status: 'scheduled',
      scheduledStart: '2026-04-02T09:30:00.000+01:00',
      wentWell: [{ id: 'cap-1', text: 'Supervision was regular (fictional)', capturedAt: AT }],
      factorsRaised: [{ factorId: ALL_FACTOR_IDS[0], note: 'Raised early on' }],
      recording: { state: 'held', heldSince: AT },
      followUpNeeded: true,
      followUpNote: 'Check the school’s log (fictional)',
    }),
    child('conversation', { id: 'con-2', participantId: 'par-2', leadQuestionerId: null, leadNoteTakerId: null, status: 'toArrange' }),
  ];
  const stepNotes = CONVERSATION_STEP_IDS.map((step, index) =>
    child('stepNote', {
      id: `note-${index + 1}`,
      conversationId: 'con-1',
      step,
      text: `Notes for step ${step} (fictional)`,
      checked: step === '1' ? ['purpose'] : [],
    }),
  );
  const narrative = [
    child('narrativeEntry', {
      id: 'nar-1',
      kind: 'account',
      perspective: { of: 'participant', participantId: 'par-1' },
      source: { kind: 'conversation', conversationId: 'con-1' },
      period: { from: '2025-03-01', to: null },
      text: options.longNarrativeLength === undefined ? 'The visit was rescheduled twice (fictional).' : 'A'.repeat(options.longNarrativeLength),
      involvesParticipantIds: ['par-2'],
    }),
    child('narrativeEntry', {
      id: 'nar-2',
      kind: 'reviewersJudgement',
      perspective: { of: 'reviewTeam' },
      source: { kind: 'reviewTeam' },
      period: { from: '2025-03-01', to: '2025-04-30' },
      text: 'The reviewers judge that the rescheduling made sense at the time (fictional).',
      relatedEntryIds: ['nar-1'],
      resolved: true,
    }),
  ];
  const episodes = [
    child('episode', {
      id: 'kpe-1',
      title: 'Missed home visit (fictional)',
      period: { from: '2025-03-01', to: '2025-03-31' },
      description: 'Two visits were rescheduled (fictional).',
      judgement: 'mixed',
      factors: ALL_FACTOR_IDS.slice(0, 3).map((factorId, index) => ({ id: `ft-${index + 1}`, factorId, whyItMadeSense: 'Caseload pressure' })),
      narrativeEntryIds: ['nar-1'],
      participantIds: ['par-1'],
      raisedInConversationId: 'con-1',
    }),
  ];
  const patterns = [
    child('pattern', {
      id: 'pat-1',
      category: 1,
      subPatternId: subPattern,
      statement: 'Assessment forms leave little room for recording unease.',
      influence: 'makesProblematicPracticeMoreLikely',
      episodeIds: ['kpe-1'],
      prioritisation: { widespread: 'high', contemporaryRelevance: 'medium', rank: 1, rationale: 'Seen across teams', selected: true },
    }),
  ];
  const recommendations = [
    child('recommendation', {
      id: 'rec-1',
      kind: 'clearCutLocal',
      level: 'local',
      addressee: 'Children’s Social Care (fictional)',
      text: 'Review the assessment form.',
      patternIds: ['pat-1'],
      tracking: { status: 'agreed', owner: 'Head of service (fictional)', evidence: '', dueOn: '2026-09-30', completedOn: null },
    }),
  ];
  const reportStages = [child('reportStage', { id: 'stage-1', stage: 'preliminary', draftNumber: 1 })];
  const comments = [
    child('comment', { id: 'com-1', reportStageId: 'stage-1', participantId: 'par-1', section: 'Findings', text: 'Please add the school’s view.' }),
  ];
  const audit = [child('audit', { id: 'aud-1', action: 'import', who: BY, at: AT, summary: 'Imported from a bundle (fictional)' })];
  return {
    review,
    teamMembers,
    participants,
    documents,
    conversations,
    stepNotes,
    narrative,
    episodes,
    patterns,
    recommendations,
    reportStages,
    comments,
    audit,
    meetings: [
      child('meeting', {
        id: 'mtg-1',
        purpose: 'conversation',
        conversationId: 'con-1',
        title: 'One-to-one conversation: case review (fictional)',
        start: '2026-03-29T09:30:00.000Z',
        end: '2026-03-29T11:00:00.000Z',
        organiserId: 'tm-1',
        attendees: [
          { as: 'teamMember', teamMemberId: 'tm-1' },
          { as: 'participant', participantId: 'par-1' },
        ],
      }),
    ],
    identifiers: [
      child('identifier', {
        id: 'idn-1',
        category: 'place',
        placeKind: 'street',
        text: 'Larkspur Avenue (fictional)',
        otherForms: ['Larkspur Ave'],
        label: 'a street',
      }),
      child('identifier', { id: 'idn-2', refersTo: { to: 'participant', participantId: 'par-1' }, category: 'professional', otherForms: ['Nan'] }),
    ],
    languageDismissals: [
      child('languageDismissal', {
        id: 'lang-1',
        location: { kind: 'episode', recordId: 'kpe-1', field: 'description' },
        phrase: 'with hindsight',
        reason: 'Appendix 4 asks for it.',
      }),
    ],
  };
}
