// FICTIONAL TRAINING CASE. Every person, family, place, school, surgery and agency here is invented.
// Any resemblance to real people or places is coincidental. Never add real case data here.
//
// The story: a mother, her partner and two young children move to the (invented) town of Kestonbury in
// August 2024. Over the next nine months school, health visiting, the GP practice, the police and the
// housing association each see part of a picture of neglect. A referral is assessed and closed. The signs
// are recognised for what they are only in May 2025, after the older child speaks to her teacher.
// It is a routine-practice review: the learning is about everyday work, good and problematic.
//
// Drafts deliberately contain real (invented) names, nicknames and place names in free text, as real drafts
// do, so the anonymisation leak scan has something to find.
import type { z } from 'zod';
import type { ReviewBundleSchema } from '../bundle/format';
import { RECORD_SCHEMA_VERSION } from '../model';
import { AGENCIES, AGENCY, CONVERSATION, DOCUMENT, PARTICIPANT, TEAM, TEAM_NAMES, TRAINING_CASE_CODENAME, TRAINING_CASE_REVIEW_ID } from './people';

type BundleInput = z.input<typeof ReviewBundleSchema>;
type SnapshotInput = BundleInput['snapshot'];
type RecordIn<K extends keyof SnapshotInput> = SnapshotInput[K] extends ReadonlyArray<infer R> ? R : never;

const STEPS_ALL = ['1', '2', '3a', '3b', '4', '5', '6', '7', '8', '9'] as const;
type Step = (typeof STEPS_ALL)[number];
const STEP_ONE_CHECKLIST = ['Purpose of the conversation', 'Confidentiality and ethics', 'Outline of the structure'];

const stamps = (at: string, by: string = TEAM_NAMES.lead, version = 1) => ({
  schemaVersion: RECORD_SCHEMA_VERSION,
  version,
  createdAt: at,
  updatedAt: at,
  createdBy: by,
  updatedBy: by,
  reviewId: TRAINING_CASE_REVIEW_ID,
});

// ---------------------------------------------------------------- the review

const review: SnapshotInput['review'] = {
  schemaVersion: RECORD_SCHEMA_VERSION,
  version: 6,
  createdAt: '2025-07-14T09:00:00.000Z',
  updatedAt: '2026-01-12T09:05:00.000Z',
  createdBy: TEAM_NAMES.coordinator,
  updatedBy: TEAM_NAMES.lead,
  id: TRAINING_CASE_REVIEW_ID,
  codename: TRAINING_CASE_CODENAME,
  questions: [
    'How well did agencies recognise and respond to the build-up of signs that two young children were being neglected?',
    'What helped and what hindered agencies in sharing and piecing together what each of them knew?',
  ],
  trigger: 'routinePractice',
  triggerNote:
    'FICTIONAL TRAINING CASE. Chosen by the LSCB as a routine-practice review: neglect recognised late, with no single serious incident. Everything in it is invented.',
  periodUnderReview: { from: '2024-08-01', to: '2025-06-30' },
  agencies: AGENCIES,
  phase: 'preliminaryReport',
  phaseHistory: [
    { from: 'preparation', to: 'dataCollection', at: '2025-09-01T08:30:00.000Z', by: TEAM_NAMES.lead, overriddenGuards: [], reason: '' },
    {
      from: 'dataCollection',
      to: 'analysis',
      at: '2025-10-20T16:00:00.000Z',
      by: TEAM_NAMES.lead,
      overriddenGuards: ['2 conversations have not been held yet', '1 conversation has no written record'],
      reason:
        'The housing officer has left and cannot be reached; the police officer’s notes are being typed up. Analysis can start with what we have and return to both.',
    },
    { from: 'analysis', to: 'preliminaryReport', at: '2026-01-12T09:00:00.000Z', by: TEAM_NAMES.lead, overriddenGuards: [], reason: '' },
  ],
  fictional: true,
};

// ---------------------------------------------------------------- team

const teamMembers: RecordIn<'teamMembers'>[] = [
  {
    ...stamps('2025-07-14T09:10:00.000Z', TEAM_NAMES.coordinator),
    id: TEAM.lead,
    name: TEAM_NAMES.lead,
    email: 'elaine.marsh@example.org',
    role: 'leadReviewer',
    profession: 'Independent reviewer, former head of service',
  },
  {
    ...stamps('2025-07-14T09:11:00.000Z', TEAM_NAMES.coordinator),
    id: TEAM.facilitatorRidley,
    name: TEAM_NAMES.facilitatorRidley,
    email: 'tom.ridley@example.org',
    role: 'facilitator',
    profession: 'Named nurse for safeguarding',
  },
  {
    ...stamps('2025-07-14T09:12:00.000Z', TEAM_NAMES.coordinator),
    id: TEAM.facilitatorKarim,
    name: TEAM_NAMES.facilitatorKarim,
    email: 'aisha.karim@example.org',
    role: 'facilitator',
    profession: 'Practice educator, social work',
  },
  {
    ...stamps('2025-07-14T09:13:00.000Z', TEAM_NAMES.coordinator),
    id: TEAM.reviewer,
    name: TEAM_NAMES.reviewer,
    email: 'peter.colwell@example.org',
    role: 'reviewer',
    profession: 'Detective inspector (retired)',
  },
  {
    ...stamps('2025-07-14T09:14:00.000Z', TEAM_NAMES.coordinator),
    id: TEAM.coordinator,
    name: TEAM_NAMES.coordinator,
    email: 'sian.prothero@example.org',
    role: 'lscbCoordinator',
    profession: 'LSCB business manager',
  },
];

// ---------------------------------------------------------------- participants

type ParticipantIn = RecordIn<'participants'>;
const professional = (
  at: string,
  id: string,
  kind: ParticipantIn['kind'],
  agencyId: string,
  roleTitle: string,
  realName: string,
  otherIdentifiers: string[],
  significance: ParticipantIn['significance'],
): ParticipantIn => ({
  ...stamps(at, TEAM_NAMES.coordinator),
  id,
  kind,
  agencyId,
  roleTitle,
  realName,
  reportLabel: roleTitle,
  email: '',
  significance,
  significanceNote: '',
  introductionLetter: { status: 'acknowledged', on: '2025-08-04' },
  introductoryMeeting: 'attended',
  confidentialityAcknowledgedOn: '2025-08-11',
  otherIdentifiers,
});

const participants: ParticipantIn[] = [
  professional(
    '2025-07-21T10:00:00.000Z',
    PARTICIPANT.socialWorker,
    'practitioner',
    AGENCY.socialCare,
    'Social worker',
    'Hannah Crosby',
    ['HC', 'Hannah C'],
    'key',
  ),
  professional(
    '2025-07-21T10:01:00.000Z',
    PARTICIPANT.teamManager,
    'firstLineManager',
    AGENCY.socialCare,
    'Social work team manager',
    'Daniel Ashworth',
    ['Dan Ashworth', 'DA'],
    'significant',
  ),
  professional(
    '2025-07-21T10:02:00.000Z',
    PARTICIPANT.headOfSafeguarding,
    'seniorManager',
    AGENCY.socialCare,
    'Head of safeguarding',
    'Ruth Anstey',
    ['RA'],
    'peripheral',
  ),
  professional('2025-07-21T10:03:00.000Z', PARTICIPANT.healthVisitor, 'practitioner', AGENCY.healthVisiting, 'Health visitor', 'Gemma Fairlie', ['GF'], 'key'),
  professional(
    '2025-07-21T10:04:00.000Z',
    PARTICIPANT.healthVisitingLead,
    'firstLineManager',
    AGENCY.healthVisiting,
    'Health visiting team leader',
    'Olu Adeyemi-Hart',
    ['Olu', 'OAH'],
    'significant',
  ),
  professional('2025-07-21T10:05:00.000Z', PARTICIPANT.gp, 'practitioner', AGENCY.gp, 'GP', 'Imran Sethna', ['Dr Sethna', 'Dr S'], 'significant'),
  professional(
    '2025-07-21T10:06:00.000Z',
    PARTICIPANT.teacher,
    'practitioner',
    AGENCY.school,
    'Class teacher',
    'Laura Penhallow',
    ['Miss Penhallow', 'Mrs P'],
    'key',
  ),
  professional(
    '2025-07-21T10:07:00.000Z',
    PARTICIPANT.safeguardingLead,
    'firstLineManager',
    AGENCY.school,
    'Designated safeguarding lead',
    'Martin Keogh',
    ['Mr Keogh'],
    'significant',
  ),
  professional(
    '2025-07-21T10:08:00.000Z',
    PARTICIPANT.policeOfficer,
    'practitioner',
    AGENCY.police,
    'Police constable',
    'Joanne Merrow',
    ['PC Merrow', 'Jo Merrow'],
    'significant',
  ),
  {
    ...professional(
      '2025-07-21T10:09:00.000Z',
      PARTICIPANT.housingOfficer,
      'practitioner',
      AGENCY.housing,
      'Housing officer',
      'Craig Holloway',
      ['CH'],
      'peripheral',
    ),
    introductionLetter: { status: 'sent', on: '2025-08-04' },
    introductoryMeeting: 'couldNotAttend',
    confidentialityAcknowledgedOn: null,
    significanceNote: 'Left Kestonbury Homes in September 2025; the tenancy notes stand in for an account.',
  },
  {
    ...stamps('2025-07-21T10:10:00.000Z', TEAM_NAMES.coordinator),
    id: PARTICIPANT.mother,
    kind: 'familyMember',
    agencyId: null,
    roleTitle: 'Mother',
    realName: 'Kayleigh Dunmore',
    reportLabel: 'Amy',
    significance: 'key',
    significanceNote: 'Agreed to a conversation at the family centre; declined recording.',
    introductionLetter: { status: 'acknowledged', on: '2025-08-06' },
    introductoryMeeting: 'attended',
    confidentialityAcknowledgedOn: '2025-08-18',
    otherIdentifiers: ['Kay', 'Kayleigh D', 'KD'],
  },
  {
    ...stamps('2025-07-21T10:11:00.000Z', TEAM_NAMES.coordinator),
    id: PARTICIPANT.partner,
    kind: 'familyMember',
    agencyId: null,
    roleTitle: 'Mother’s partner',
    realName: 'Rhys Tallon',
    reportLabel: 'Ben',
    significance: 'significant',
    significanceNote: 'Invited twice; did not reply. His absence from agencies’ records is itself a finding.',
    introductionLetter: { status: 'sent', on: '2025-08-06' },
    introductoryMeeting: 'invited',
    confidentialityAcknowledgedOn: null,
    otherIdentifiers: ['Tally', 'RT'],
  },
  {
    ...stamps('2025-07-21T10:12:00.000Z', TEAM_NAMES.coordinator),
    id: PARTICIPANT.olderChild,
    kind: 'childOrYoungPerson',
    agencyId: null,
    roleTitle: 'Older child, aged 6 at the start of the period',
    realName: 'Maisie Dunmore',
    reportLabel: 'Lily',
    significance: 'key',
    significanceNote: 'Not approached directly because of her age; her voice comes through the school’s records and her teacher.',
    introductionLetter: { status: 'notSent', on: null },
    introductoryMeeting: 'notInvited',
    confidentialityAcknowledgedOn: null,
    otherIdentifiers: ['Mais', 'MD'],
  },
  {
    ...stamps('2025-07-21T10:13:00.000Z', TEAM_NAMES.coordinator),
    id: PARTICIPANT.youngerChild,
    kind: 'childOrYoungPerson',
    agencyId: null,
    roleTitle: 'Younger child, aged 2 at the start of the period',
    realName: 'Tyler Dunmore',
    reportLabel: 'Sam',
    significance: 'key',
    significanceNote: 'Too young to take part; seen through health and GP records.',
    introductionLetter: { status: 'notSent', on: null },
    introductoryMeeting: 'notInvited',
    confidentialityAcknowledgedOn: null,
    otherIdentifiers: ['Ty', 'Tyler D'],
  },
];

// ---------------------------------------------------------------- documents

type DocumentIn = RecordIn<'documents'>;
const document = (
  at: string,
  id: string,
  agencyId: string,
  title: string,
  recordType: string,
  coveredPeriod: { from: string; to: string },
  heldBy: string,
  notes: string,
): DocumentIn => ({
  ...stamps(at, TEAM_NAMES.coordinator),
  id,
  agencyId,
  title,
  recordType,
  coveredPeriod,
  accessRestrictions: 'Review team only. Not to be copied outside the review’s private channel.',
  heldBy,
  notes,
});

const documents: DocumentIn[] = [
  document(
    '2025-08-12T09:00:00.000Z',
    DOCUMENT.policeLog,
    AGENCY.police,
    'Incident log and notification, 16 November 2024',
    'Police incident log',
    { from: '2024-11-16', to: '2024-11-18' },
    TEAM_NAMES.reviewer,
    'Call-out to Flat 4, Orchard Rise, Brook Lane, Kestonbury. Includes the officer’s child notification form.',
  ),
  document(
    '2025-08-12T09:05:00.000Z',
    DOCUMENT.mashScreening,
    AGENCY.socialCare,
    'MASH screening record',
    'Multi-agency safeguarding hub screening',
    { from: '2024-11-18', to: '2024-11-18' },
    TEAM_NAMES.facilitatorKarim,
    'One page; outcome recorded as “information only”.',
  ),
  document(
    '2025-08-12T09:10:00.000Z',
    DOCUMENT.socialCareFile,
    AGENCY.socialCare,
    'Children’s social care case file',
    'Case file with single assessment',
    { from: '2025-01-13', to: '2025-06-30' },
    TEAM_NAMES.facilitatorKarim,
    'Single assessment January to February 2025; early help step-down; strategy discussion and section 47 enquiry May 2025.',
  ),
  document(
    '2025-08-13T09:00:00.000Z',
    DOCUMENT.schoolLog,
    AGENCY.school,
    'School safeguarding log and attendance',
    'Safeguarding log',
    { from: '2024-09-04', to: '2025-05-21' },
    TEAM_NAMES.facilitatorRidley,
    '31 entries about Lily (Maisie), most written by her class teacher. Attendance 81% in the autumn term.',
  ),
  document(
    '2025-08-13T09:05:00.000Z',
    DOCUMENT.schoolReferral,
    AGENCY.school,
    'Referral to children’s social care, 13 January 2025',
    'Multi-agency referral form',
    { from: '2025-01-13', to: '2025-01-13' },
    TEAM_NAMES.facilitatorRidley,
    'Written by the designated safeguarding lead.',
  ),
  document(
    '2025-08-14T09:00:00.000Z',
    DOCUMENT.healthVisitingRecords,
    AGENCY.healthVisiting,
    'Health visiting records for Sam (Tyler)',
    'Child health record',
    { from: '2024-08-20', to: '2025-06-30' },
    TEAM_NAMES.facilitatorRidley,
    'Transfer-in from the previous area arrived in October 2024; three no-access visits.',
  ),
  document(
    '2025-08-14T09:05:00.000Z',
    DOCUMENT.gpRecords,
    AGENCY.gp,
    'GP records summary for both children and mother',
    'GP records summary',
    { from: '2024-09-02', to: '2025-06-30' },
    TEAM_NAMES.facilitatorRidley,
    'Summary prepared by the practice’s safeguarding lead, with centile charts.',
  ),
  document(
    '2025-08-15T09:00:00.000Z',
    DOCUMENT.housingNotes,
    AGENCY.housing,
    'Tenancy notes, Flat 4 Orchard Rise',
    'Housing tenancy notes',
    { from: '2024-08-01', to: '2025-06-30' },
    TEAM_NAMES.coordinator,
    'Arrears letters, a damp and mould report, and a neighbour’s complaint in February 2025.',
  ),
];

// ---------------------------------------------------------------- conversations

type ConversationIn = RecordIn<'conversations'>;
const conversationBase = (
  at: string,
  id: string,
  participantId: string,
  questioner: string,
  noteTaker: string,
  by: string,
): Pick<
  ConversationIn,
  | 'schemaVersion'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'createdBy'
  | 'updatedBy'
  | 'reviewId'
  | 'id'
  | 'participantId'
  | 'leadQuestionerId'
  | 'leadNoteTakerId'
> => ({
  ...stamps(at, by),
  id,
  participantId,
  leadQuestionerId: questioner,
  leadNoteTakerId: noteTaker,
});

const captured = (id: string, text: string, capturedAt: string) => ({ id, text, capturedAt });
const notesRecord = (text: string, importedAt: string, importedBy: string) => ({
  kind: 'notes' as const,
  text,
  fileName: '',
  cues: [],
  speakerMap: {},
  importedAt,
  importedBy,
});

const conversations: ConversationIn[] = [
  {
    ...conversationBase(
      '2025-08-20T10:00:00.000Z',
      CONVERSATION.socialWorker,
      PARTICIPANT.socialWorker,
      TEAM.facilitatorRidley,
      TEAM.facilitatorKarim,
      TEAM_NAMES.facilitatorKarim,
    ),
    status: 'held',
    mode: 'video',
    scheduledStart: '2025-09-16T08:30:00.000Z',
    durationMinutes: 90,
    meetingLink: 'https://teams.example.org/l/meetup-join/brook-lane-sw',
    factorsRaised: [
      { factorId: 'organisational.standards-and-goals', note: 'The 35-working-day expectation for single assessments.' },
      { factorId: 'family.manner-of-presentation', note: 'Amy was warm and open at the announced visit.' },
      { factorId: 'ownTeam.supervision', note: 'Supervision cancelled twice in January.' },
    ],
    wentWell: [
      captured('ww-sw-1', 'The strategy discussion in May was arranged within two hours and everyone came.', '2025-09-16T09:20:00.000Z'),
      captured('ww-sw-2', 'School’s referral was detailed and listed dates, which made the assessment quicker to start.', '2025-09-16T09:22:00.000Z'),
    ],
    suggestedChanges: [
      captured('sc-sw-1', 'When closing an assessment, phone school and health visiting rather than rely on the closure letter.', '2025-09-16T09:40:00.000Z'),
      captured('sc-sw-2', 'Ask directly about every adult in the household, and write down who was asked and what they said.', '2025-09-16T09:41:00.000Z'),
    ],
    writtenRecord: notesRecord(
      'Written record of the conversation with the social worker, 16 September 2025. Typed up from the note-taker’s notes and agreed with Hannah by email on 24 September.',
      '2025-09-24T15:00:00.000Z',
      TEAM_NAMES.facilitatorKarim,
    ),
    recording: {
      state: 'destroyed',
      heldSince: '2025-09-16T10:00:00.000Z',
      transcribedAt: null,
      destroyed: {
        at: '2025-10-20T11:00:00.000Z',
        by: TEAM_NAMES.facilitatorKarim,
        how: 'Deleted from the meeting recording store after the written record was agreed; deletion checked by the LSCB coordinator.',
      },
    },
    followUpNeeded: false,
    followUpNote: '',
  },
  {
    ...conversationBase(
      '2025-08-20T10:05:00.000Z',
      CONVERSATION.healthVisitor,
      PARTICIPANT.healthVisitor,
      TEAM.facilitatorKarim,
      TEAM.facilitatorRidley,
      TEAM_NAMES.facilitatorRidley,
    ),
    status: 'held',
    mode: 'video',
    scheduledStart: '2025-09-18T12:00:00.000Z',
    durationMinutes: 90,
    meetingLink: 'https://teams.example.org/l/meetup-join/brook-lane-hv',
    factorsRaised: [
      { factorId: 'conditions.workload', note: 'About 480 children on the caseload.' },
      { factorId: 'family.availability-for-meeting', note: 'Three no-access visits.' },
    ],
    wentWell: [captured('ww-hv-1', 'The transfer-in from the previous area was chased and arrived within six weeks.', '2025-09-18T12:50:00.000Z')],
    suggestedChanges: [
      captured('sc-hv-1', 'After a second no-access visit, a phone call to school or nursery as a matter of routine.', '2025-09-18T13:10:00.000Z'),
      captured('sc-hv-2', 'A shared flag so the GP can see when the health visitor has not seen a child.', '2025-09-18T13:11:00.000Z'),
    ],
    writtenRecord: {
      kind: 'transcript',
      text: 'Transcript of part of the conversation with the health visitor, 18 September 2025 (extract).',
      fileName: 'brook-lane-hv-2025-09-18.vtt',
      cues: [
        { startSeconds: 612, endSeconds: 619, speaker: 'Aisha Karim', text: 'What was at the front of your mind when the third visit was no access?' },
        {
          startSeconds: 619,
          endSeconds: 641,
          speaker: 'Gemma Fairlie',
          text: 'Honestly, the new birth visits. I had six that week. Sam was a two-year review and Kay had always said she was fine.',
        },
        {
          startSeconds: 641,
          endSeconds: 655,
          speaker: 'Gemma Fairlie',
          text: 'I did not know school had concerns about Lily. I did not know about Orchard Rise being the police call-out either.',
        },
        { startSeconds: 655, endSeconds: 662, speaker: 'Tom Ridley', text: 'And if you had known?' },
        {
          startSeconds: 662,
          endSeconds: 680,
          speaker: 'Gemma Fairlie',
          text: 'I would have gone round with the nursery nurse the same week, and I would have rung Dr Sethna.',
        },
      ],
      speakerMap: {
        'Aisha Karim': { as: 'teamMember', teamMemberId: TEAM.facilitatorKarim },
        'Tom Ridley': { as: 'teamMember', teamMemberId: TEAM.facilitatorRidley },
        'Gemma Fairlie': { as: 'participant', participantId: PARTICIPANT.healthVisitor },
      },
      importedAt: '2025-09-19T10:00:00.000Z',
      importedBy: TEAM_NAMES.facilitatorRidley,
    },
    recording: { state: 'transcribed', heldSince: '2025-09-18T13:30:00.000Z', transcribedAt: '2025-09-19T10:00:00.000Z', destroyed: null },
    followUpNeeded: false,
    followUpNote: '',
  },
  {
    ...conversationBase(
      '2025-08-20T10:10:00.000Z',
      CONVERSATION.teacher,
      PARTICIPANT.teacher,
      TEAM.facilitatorRidley,
      TEAM.facilitatorKarim,
      TEAM_NAMES.facilitatorKarim,
    ),
    status: 'held',
    mode: 'faceToFace',
    scheduledStart: '2025-09-23T14:45:00.000Z',
    durationMinutes: 90,
    location: 'Kestonbury Fields Primary School, small meeting room',
    factorsRaised: [{ factorId: 'ownTeam.team-culture', note: 'Everyone logs everything, however small.' }],
    wentWell: [
      captured('ww-teacher-1', 'The daily log meant the referral could list dates and patterns, not impressions.', '2025-09-23T15:30:00.000Z'),
      captured('ww-teacher-2', 'Mr Keogh took Lily’s words seriously the moment she said them.', '2025-09-23T15:31:00.000Z'),
    ],
    suggestedChanges: [captured('sc-teacher-1', 'Tell the school what happened after a referral is closed, and why.', '2025-09-23T15:50:00.000Z')],
    writtenRecord: notesRecord(
      'Written record of the conversation with the class teacher, 23 September 2025, agreed on 1 October.',
      '2025-10-01T12:00:00.000Z',
      TEAM_NAMES.facilitatorKarim,
    ),
    recording: { state: 'held', heldSince: '2025-09-23T16:15:00.000Z', transcribedAt: null, destroyed: null },
    followUpNeeded: false,
    followUpNote: '',
  },
  {
    ...conversationBase(
      '2025-08-20T10:15:00.000Z',
      CONVERSATION.teamManager,
      PARTICIPANT.teamManager,
      TEAM.facilitatorKarim,
      TEAM.facilitatorRidley,
      TEAM_NAMES.facilitatorRidley,
    ),
    status: 'held',
    mode: 'video',
    scheduledStart: '2025-09-25T09:00:00.000Z',
    durationMinutes: 90,
    meetingLink: 'https://teams.example.org/l/meetup-join/brook-lane-tm',
    factorsRaised: [
      { factorId: 'organisational.standards-and-goals', note: 'Timeliness reported monthly to the board.' },
      { factorId: 'conditions.staffing-and-skill-mix', note: 'Two vacancies in the team over the winter.' },
    ],
    wentWell: [captured('ww-tm-1', 'Once Lily had spoken, the section 47 enquiry was well co-ordinated.', '2025-09-25T09:55:00.000Z')],
    suggestedChanges: [
      captured('sc-tm-1', 'A closure checklist that asks who else knows the family and whether they have been spoken to.', '2025-09-25T10:10:00.000Z'),
    ],
    writtenRecord: notesRecord(
      'Written record of the conversation with the team manager, 25 September 2025.',
      '2025-10-02T09:00:00.000Z',
      TEAM_NAMES.facilitatorRidley,
    ),
    recording: { state: 'none', heldSince: null, transcribedAt: null, destroyed: null },
    followUpNeeded: false,
    followUpNote: '',
  },
  {
    ...conversationBase(
      '2025-08-20T10:20:00.000Z',
      CONVERSATION.gp,
      PARTICIPANT.gp,
      TEAM.facilitatorRidley,
      TEAM.facilitatorKarim,
      TEAM_NAMES.facilitatorKarim,
    ),
    status: 'held',
    mode: 'telephone',
    scheduledStart: '2025-10-01T11:30:00.000Z',
    durationMinutes: 60,
    factorsRaised: [{ factorId: 'interAgency.clarity-of-roles', note: 'Assumed the health visitor was seeing Sam.' }],
    writtenRecord: notesRecord(
      'Written record of the telephone conversation with the GP, 1 October 2025.',
      '2025-10-03T09:00:00.000Z',
      TEAM_NAMES.facilitatorKarim,
    ),
    recording: { state: 'none', heldSince: null, transcribedAt: null, destroyed: null },
    followUpNeeded: true,
    followUpNote: 'Ask Wrenfold Surgery for the appointment log for April 2025.',
  },
  {
    ...conversationBase(
      '2025-08-20T10:25:00.000Z',
      CONVERSATION.mother,
      PARTICIPANT.mother,
      TEAM.facilitatorKarim,
      TEAM.facilitatorRidley,
      TEAM_NAMES.facilitatorRidley,
    ),
    status: 'held',
    mode: 'faceToFace',
    scheduledStart: '2025-10-07T09:00:00.000Z',
    durationMinutes: 90,
    location: 'Kestonbury Family Centre, Larch Room',
    wentWell: [captured('ww-mother-1', 'The teacher always said good morning to Lily and noticed when she was sad.', '2025-10-07T09:45:00.000Z')],
    suggestedChanges: [
      captured(
        'sc-mother-1',
        'Say plainly what you are worried about. I thought everything was fine because nobody said otherwise.',
        '2025-10-07T10:05:00.000Z',
      ),
      captured('sc-mother-2', 'Talk to the dads and partners too, not just the mums.', '2025-10-07T10:06:00.000Z'),
    ],
    writtenRecord: notesRecord(
      'Written record of the conversation with Amy, 7 October 2025, read back to her and agreed on the day.',
      '2025-10-07T12:00:00.000Z',
      TEAM_NAMES.facilitatorRidley,
    ),
    recording: { state: 'none', heldSince: null, transcribedAt: null, destroyed: null },
    followUpNeeded: false,
    followUpNote: '',
  },
  {
    ...conversationBase(
      '2025-08-20T10:30:00.000Z',
      CONVERSATION.policeOfficer,
      PARTICIPANT.policeOfficer,
      TEAM.facilitatorRidley,
      TEAM.facilitatorKarim,
      TEAM_NAMES.facilitatorKarim,
    ),
    status: 'held',
    mode: 'video',
    scheduledStart: '2025-10-09T07:00:00.000Z',
    durationMinutes: 60,
    meetingLink: 'https://teams.example.org/l/meetup-join/brook-lane-police',
    writtenRecord: null,
    recording: { state: 'none', heldSince: null, transcribedAt: null, destroyed: null },
    followUpNeeded: true,
    followUpNote: 'Notes still being typed up; agree them with PC Merrow.',
  },
  {
    ...conversationBase(
      '2025-08-20T10:35:00.000Z',
      CONVERSATION.housingOfficer,
      PARTICIPANT.housingOfficer,
      TEAM.facilitatorKarim,
      TEAM.facilitatorRidley,
      TEAM_NAMES.coordinator,
    ),
    status: 'cancelled',
    mode: 'telephone',
    followUpNeeded: true,
    followUpNote: 'The housing officer has left Kestonbury Homes and has not replied. The tenancy notes stand in for an account.',
  },
  {
    ...conversationBase(
      '2026-01-08T10:00:00.000Z',
      CONVERSATION.safeguardingLead,
      PARTICIPANT.safeguardingLead,
      TEAM.facilitatorRidley,
      TEAM.facilitatorKarim,
      TEAM_NAMES.coordinator,
    ),
    status: 'scheduled',
    mode: 'video',
    scheduledStart: '2026-01-27T16:00:00.000Z',
    durationMinutes: 60,
    meetingLink: 'https://teams.example.org/l/meetup-join/brook-lane-dsl',
    calendarEventId: 'training-event-dsl-follow-up',
    followUpNeeded: false,
    followUpNote: 'Follow-up conversation to test the emerging patterns with the school.',
  },
];

// ---------------------------------------------------------------- step notes

/** Step notes for the held conversations: all nine steps (ten entries) for four of them, some for the rest. */
const STEP_NOTE_TEXT: Record<string, Partial<Record<Step, string>>> = {
  [CONVERSATION.socialWorker]: {
    '1': 'Explained the purpose (learning, not blame), confidentiality and how the written record will be agreed. Hannah asked who would read the report.',
    '2': 'Allocated the referral from Kestonbury Fields Primary in January 2025. One announced home visit, phone calls to mother, closure in February with a step-down to early help. Involved again after the May strategy discussion.',
    '3a': 'The home visit on 6 February: “it was the visit that decided it.” The closure discussion with her manager on 20 February.',
    '3b': 'Thought the school was picking up a family settling in after a move. The flat was tidy, there was food, Amy was open and warm. Was carrying 24 cases, two of them in proceedings. Hoped early help would give Amy practical support without the weight of social care.',
    '4': 'Timescale for the assessment was at the front of her mind. Supervision cancelled twice. Did not know the police had been called in November: the MASH record did not come up on the child’s file. Did not ask who else lived at the flat.',
    '5': 'The referral was clear and dated. The strategy discussion in May worked well; everyone knew their part.',
    '6': 'Asked about the partner (“Tally”): she had heard the name from Lily’s teacher but understood he did not live there.',
    '7': 'Phone school and health visiting before closing. Ask about every adult in the household and record the answer.',
    '8': 'Agreed the summary: a reasonable decision on what she saw, made without the pieces other agencies held.',
    '9': 'Said it had been hard but fairer than she feared. Would like to see the draft before the group meeting.',
  },
  [CONVERSATION.healthVisitor]: {
    '1': 'Introduction covered; Gemma agreed to recording for transcription, to be destroyed once the written record is agreed.',
    '2': 'Family transferred in from out of area in August 2024. Sam’s two-year review due in October. Three no-access visits; standard letters sent. First saw Sam in May 2025 after the strategy discussion.',
    '3a': 'The third no-access visit in February 2025, when she decided to send a letter rather than visit again.',
    '3b': 'Kay had always said on the phone that things were fine. New birth visits were the priority. Did not know about school’s concerns or the police call-out.',
    '4': 'Caseload of about 480 children; team one health visitor short. No routine link with the primary school. The GP record was not visible to her.',
    '5': 'Chasing the transfer-in records worked. The nursery nurse’s visit in May was thorough.',
    '6': 'Asked whether anyone had mentioned the GP’s concern about weight: no.',
    '7': 'A phone call to school or nursery after a second no-access visit, as routine. A shared flag visible to the GP.',
    '8': 'Agreed. Wanted it recorded that she raised caseload concerns with her team leader in January.',
    '9': 'Found it a relief to talk it through. Worried about being named; reassured about report labels.',
  },
  [CONVERSATION.teacher]: {
    '1': 'Introduction covered in person at the school. Laura had read the leaflet.',
    '2': 'Lily joined Year 2 in September 2024. Often hungry, same uniform all week, head lice. Logged each thing. Spoke to the DSL several times; referral in January. In May Lily told her she makes Sam’s tea.',
    '3a': 'The day in May when Lily talked about making tea for her brother. Also December, when Lily said “Tally shouts at Mummy”.',
    '3b': 'Felt something was wrong but nothing was “big enough”. After the January referral was closed, felt school had done what it could and the family were being supported.',
    '4': 'School culture of logging everything. Did not hear back after the referral closed. Knew the DSL well and trusted him.',
    '5': 'Breakfast club place arranged for Lily in March. The DSL acted the same day in May.',
    '6': 'Asked whether school knew about the housing complaint in February: no.',
    '7': 'Schools should be told why a referral is closed and what to look out for next.',
    '8': 'Agreed the summary.',
    '9': 'Glad to have been asked. Wants to know what happens to the recording.',
  },
  [CONVERSATION.teamManager]: {
    '1': 'Introduction covered.',
    '2': 'Managed the team that took the January referral; agreed closure with step-down in February. Chaired the strategy discussion in May.',
    '3a': 'The closure discussion on 20 February 2025.',
    '3b': 'The assessment was thorough for one visit and in timescale. Early help seemed proportionate. The team had two vacancies and the month’s performance report was due.',
    '4': 'Timeliness figures reported monthly to the board. Vacancies over the winter. No prompt in the closure template to check with other agencies.',
    '5': 'The May response: quick, joined-up, the right people in the room.',
    '6': 'Asked whether the early help team reported back when Amy declined support: not that he recalls.',
    '7': 'A closure checklist asking who else knows the family and whether they have been spoken to.',
    '8': 'Agreed. Asked that the report reflect the pressures on the team at the time.',
    '9': 'Reflective; said the conversation would change how he supervises closures.',
  },
  [CONVERSATION.gp]: {
    '1': 'Introduction by telephone; Dr Sethna agreed to notes only.',
    '2': 'Saw Sam in March 2025 with a chest infection; weighed him; noticed the drop across centiles once the previous practice’s records arrived.',
    '3a': 'The March consultation, and asking Kay to come back in four weeks.',
    '3b': 'Assumed the health visitor was seeing Sam regularly. Ten-minute appointment; the chest infection was the reason for the visit.',
    '4': 'No shared view of the health visiting record. The missed review in April was not flagged by the practice’s systems.',
    '8': 'Agreed, with the addition that the practice has since changed how it follows up missed child appointments.',
  },
  [CONVERSATION.mother]: {
    '1': 'Explained that the review is about how services worked, not about judging her. Amy chose not to be recorded.',
    '2': 'Moved to Brook Lane in August 2024 for the cheaper flat. Money was very tight; the flat was damp. Tally came and went. Felt on her own with the children.',
    '3a': 'The social worker’s visit in February: she had tidied and borrowed food from her mum in Larkhollow.',
    '5': 'Lily’s teacher was kind and always noticed her. The family support worker after June was practical.',
    '7': 'Say plainly what you are worried about. Talk to the partners as well as the mums.',
    '8': 'Agreed the written record when it was read back.',
    '9': 'Said she was glad someone wanted to hear her side; asked to get a copy of the public report.',
  },
  [CONVERSATION.policeOfficer]: {
    '1': 'Introduction covered.',
    '2': 'Attended the call-out at Orchard Rise on 16 November 2024 with a colleague. Completed the child notification.',
    '3a': 'Writing the notification.',
    '3b': 'The argument was verbal and both adults were calm by the time officers arrived. The cold flat and empty cupboards bothered her; she wrote them down.',
    '4': 'Busy Saturday night shift. The notification form has no field for home conditions, so she put it in the free text.',
  },
};

const stepNotes: RecordIn<'stepNotes'>[] = Object.entries(STEP_NOTE_TEXT).flatMap(([conversationId, steps], conversationIndex) =>
  STEPS_ALL.filter((step) => steps[step] !== undefined).map((step, stepIndex) => {
    const by = conversations.find((conversation) => conversation.id === conversationId)?.createdBy ?? TEAM_NAMES.lead;
    const minute = String(stepIndex * 4).padStart(2, '0');
    return {
      ...stamps(`2025-10-1${conversationIndex}T10:${minute}:00.000Z`, by),
      id: `note-${conversationId}-${step}`,
      conversationId,
      step,
      text: steps[step] ?? '',
      checked: step === '1' ? STEP_ONE_CHECKLIST : [],
    };
  }),
);

// ---------------------------------------------------------------- narrative

type NarrativeIn = RecordIn<'narrative'>;
const fromParticipant = (participantId: string) => ({ of: 'participant' as const, participantId });
const fromAgency = (agencyId: string) => ({ of: 'agency' as const, agencyId });
const inConversation = (conversationId: string) => ({ kind: 'conversation' as const, conversationId });
const inDocument = (documentId: string) => ({ kind: 'document' as const, documentId });

let narrativeCounter = 0;
const entry = (fields: Omit<NarrativeIn, keyof ReturnType<typeof stamps> | 'id'> & { id: string }): NarrativeIn => {
  narrativeCounter++;
  const minutes = String(narrativeCounter).padStart(2, '0');
  return { ...stamps(`2025-11-03T09:${minutes}:00.000Z`, TEAM_NAMES.reviewer), ...fields };
};

const narrative: NarrativeIn[] = [
  entry({
    id: 'nar-01',
    kind: 'account',
    perspective: fromAgency(AGENCY.housing),
    source: inDocument(DOCUMENT.housingNotes),
    period: { from: '2024-08-01', to: '2024-08-31' },
    text: 'Tenancy of Flat 4, Orchard Rise, Brook Lane begins; Kayleigh Dunmore named as sole tenant with two children. No other adult listed.',
    involvesParticipantIds: [PARTICIPANT.mother],
  }),
  entry({
    id: 'nar-02',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.teacher),
    source: inConversation(CONVERSATION.teacher),
    period: { from: '2024-09-04', to: '2024-12-20' },
    text: 'Lily was often hungry on Mondays, wore the same uniform all week and had head lice several times. The class teacher logged each of these on the school’s safeguarding system and spoke to Mr Keogh.',
    involvesParticipantIds: [PARTICIPANT.olderChild, PARTICIPANT.teacher, PARTICIPANT.safeguardingLead],
  }),
  entry({
    id: 'nar-03',
    kind: 'account',
    perspective: fromAgency(AGENCY.school),
    source: inDocument(DOCUMENT.schoolLog),
    period: { from: '2024-09-04', to: '2024-12-20' },
    text: 'Attendance 81% in the autumn term. Fourteen log entries about hunger, hygiene and head lice; two about Lily being collected late.',
    involvesParticipantIds: [PARTICIPANT.olderChild],
  }),
  entry({
    id: 'nar-04',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.healthVisitor),
    source: inConversation(CONVERSATION.healthVisitor),
    period: { from: '2024-10-22', to: '2025-02-11' },
    text: 'Three visits for Sam’s two-year review ended with no answer at the door. With a caseload of about 480 children, the health visitor sent the standard letter each time.',
    involvesParticipantIds: [PARTICIPANT.healthVisitor, PARTICIPANT.youngerChild],
  }),
  entry({
    id: 'nar-05',
    kind: 'account',
    perspective: fromAgency(AGENCY.healthVisiting),
    source: inDocument(DOCUMENT.healthVisitingRecords),
    period: { from: '2024-10-22', to: '2025-02-11' },
    text: 'No-access visits recorded on 22 October 2024, 3 December 2024 and 11 February 2025. Standard letters sent. No contact with school or the GP recorded.',
    involvesParticipantIds: [PARTICIPANT.youngerChild],
  }),
  entry({
    id: 'nar-06',
    kind: 'account',
    perspective: fromAgency(AGENCY.police),
    source: inDocument(DOCUMENT.policeLog),
    period: { from: '2024-11-16', to: '2024-11-16' },
    text: 'Officers attended Flat 4, Orchard Rise after a neighbour reported shouting. Mother and her partner, Rhys Tallon, had argued; both children were asleep. The notification records the flat as cold with little food. Risk assessed as standard; notification sent to the MASH.',
    involvesParticipantIds: [PARTICIPANT.mother, PARTICIPANT.partner, PARTICIPANT.policeOfficer],
  }),
  entry({
    id: 'nar-07',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.policeOfficer),
    source: inConversation(CONVERSATION.policeOfficer),
    period: { from: '2024-11-16', to: '2024-11-16' },
    text: 'PC Merrow remembers the cold and the empty cupboards. She wrote them into the free text because the form had no field for home conditions, expecting someone to pick them up.',
    involvesParticipantIds: [PARTICIPANT.policeOfficer],
  }),
  entry({
    id: 'nar-08',
    kind: 'account',
    perspective: fromAgency(AGENCY.socialCare),
    source: inDocument(DOCUMENT.mashScreening),
    period: { from: '2024-11-18', to: '2024-11-18' },
    text: 'MASH screening recorded the notification as information only: no previous involvement in Fenshire, verbal argument, children not present during it.',
  }),
  entry({
    id: 'nar-09',
    kind: 'discrepancy',
    perspective: fromParticipant(PARTICIPANT.policeOfficer),
    source: inConversation(CONVERSATION.policeOfficer),
    period: { from: '2024-11-16', to: '2024-11-18' },
    text: 'The officer recalls recording the cold flat and lack of food; the MASH screening summarises the notification as a verbal argument only. The notification itself (police log) includes both.',
    relatedEntryIds: ['nar-06', 'nar-07', 'nar-08'],
    involvesParticipantIds: [PARTICIPANT.policeOfficer],
  }),
  entry({
    id: 'nar-10',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.safeguardingLead),
    source: inDocument(DOCUMENT.schoolReferral),
    period: { from: '2025-01-13', to: '2025-01-13' },
    text: 'The designated safeguarding lead referred Lily to children’s social care, listing the log entries by date and Lily’s remark in December that “Tally shouts at Mummy”.',
    involvesParticipantIds: [PARTICIPANT.safeguardingLead, PARTICIPANT.olderChild, PARTICIPANT.partner],
  }),
  entry({
    id: 'nar-11',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.socialWorker),
    source: inConversation(CONVERSATION.socialWorker),
    period: { from: '2025-02-06', to: '2025-02-06' },
    text: 'At the announced home visit the flat was tidy and there was food in the fridge. Amy was warm and open and said Lily’s lateness was about the long walk to school. She said she lived alone with the children.',
    involvesParticipantIds: [PARTICIPANT.socialWorker, PARTICIPANT.mother],
  }),
  entry({
    id: 'nar-12',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.mother),
    source: inConversation(CONVERSATION.mother),
    period: { from: '2025-02-06', to: '2025-02-06' },
    text: 'Kay says she tidied and borrowed food from her mum before the visit because she was frightened the children would be taken. Nobody asked how she was coping on her own during the day.',
    involvesParticipantIds: [PARTICIPANT.mother],
  }),
  entry({
    id: 'nar-13',
    kind: 'discrepancy',
    perspective: fromParticipant(PARTICIPANT.mother),
    source: inConversation(CONVERSATION.mother),
    period: { from: '2025-02-06', to: '2025-02-21' },
    text: 'Mother says her partner was staying at the flat most nights that winter; the single assessment records that she lived alone with the children.',
    relatedEntryIds: ['nar-11', 'nar-12'],
    involvesParticipantIds: [PARTICIPANT.mother, PARTICIPANT.partner, PARTICIPANT.socialWorker],
  }),
  entry({
    id: 'nar-14',
    kind: 'account',
    perspective: fromAgency(AGENCY.housing),
    source: inDocument(DOCUMENT.housingNotes),
    period: { from: '2025-02-12', to: '2025-02-14' },
    text: 'A neighbour reported the children left alone on the evening of 12 February. The tenancy officer called at the flat; no answer. A letter about rent arrears and the complaint was sent.',
    involvesParticipantIds: [PARTICIPANT.housingOfficer, PARTICIPANT.olderChild, PARTICIPANT.youngerChild],
  }),
  entry({
    id: 'nar-15',
    kind: 'gap',
    perspective: fromAgency(AGENCY.housing),
    source: inDocument(DOCUMENT.housingNotes),
    period: { from: '2025-02-14', to: null },
    text: 'There is no record that the concern about the children being left alone was shared with children’s social care, school or health visiting.',
    relatedEntryIds: ['nar-14'],
  }),
  entry({
    id: 'nar-16',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.teamManager),
    source: inConversation(CONVERSATION.teamManager),
    period: { from: '2025-02-20', to: '2025-02-21' },
    text: 'The team manager agreed closure with a step-down to early help: the assessment was in timescale and the mother had accepted the early help offer.',
    involvesParticipantIds: [PARTICIPANT.teamManager, PARTICIPANT.socialWorker],
  }),
  entry({
    id: 'nar-17',
    kind: 'account',
    perspective: fromAgency(AGENCY.socialCare),
    source: inDocument(DOCUMENT.socialCareFile),
    period: { from: '2025-02-21', to: '2025-03-24' },
    text: 'Single assessment closed on 21 February 2025. Early help referral made; declined by mother on 10 March; closed on the early help system on 24 March.',
  }),
  entry({
    id: 'nar-18',
    kind: 'gap',
    perspective: fromAgency(AGENCY.socialCare),
    source: inDocument(DOCUMENT.socialCareFile),
    period: { from: '2025-03-10', to: '2025-05-19' },
    text: 'No record of any agency checking, after the early help offer was declined, whether the concerns that led to the referral had eased.',
    relatedEntryIds: ['nar-17'],
  }),
  entry({
    id: 'nar-19',
    kind: 'account',
    perspective: fromAgency(AGENCY.gp),
    source: inDocument(DOCUMENT.gpRecords),
    period: { from: '2025-03-04', to: '2025-03-04' },
    text: 'Sam seen at Wrenfold Surgery with a chest infection. Weight on the 9th centile, down from the 50th at twelve months (records from the previous practice arrived in February). Review in four weeks requested.',
    involvesParticipantIds: [PARTICIPANT.youngerChild, PARTICIPANT.gp],
  }),
  entry({
    id: 'nar-20',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.gp),
    source: inConversation(CONVERSATION.gp),
    period: { from: '2025-03-04', to: '2025-03-04' },
    text: 'Dr Sethna noticed the drop in weight and asked Kay to bring Sam back in four weeks. He assumed the health visitor was seeing Sam regularly.',
    involvesParticipantIds: [PARTICIPANT.gp, PARTICIPANT.mother],
  }),
  entry({
    id: 'nar-21',
    kind: 'discrepancy',
    perspective: fromParticipant(PARTICIPANT.gp),
    source: inConversation(CONVERSATION.gp),
    period: { from: '2024-10-22', to: '2025-03-04' },
    text: 'The GP believed Sam was being seen regularly by the health visitor; the health visiting record shows Sam had not been seen since the family moved to Kestonbury.',
    relatedEntryIds: ['nar-05', 'nar-20'],
    involvesParticipantIds: [PARTICIPANT.gp, PARTICIPANT.healthVisitor],
  }),
  entry({
    id: 'nar-22',
    kind: 'gap',
    perspective: fromAgency(AGENCY.gp),
    source: inDocument(DOCUMENT.gpRecords),
    period: { from: '2025-04-01', to: '2025-04-30' },
    text: 'The four-week weight review did not happen, and there is no record of the practice following up the missed appointment.',
    relatedEntryIds: ['nar-19'],
  }),
  entry({
    id: 'nar-23',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.teacher),
    source: inConversation(CONVERSATION.teacher),
    period: { from: '2025-05-19', to: '2025-05-19' },
    text: 'Lily told her teacher that she makes Sam’s tea “because Mummy’s asleep and Tally’s gone out”. The teacher took her straight to Mr Keogh, who phoned children’s social care that morning.',
    involvesParticipantIds: [PARTICIPANT.teacher, PARTICIPANT.olderChild, PARTICIPANT.safeguardingLead],
  }),
  entry({
    id: 'nar-24',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.socialWorker),
    source: inConversation(CONVERSATION.socialWorker),
    period: { from: '2025-05-19', to: '2025-05-21' },
    text: 'A strategy discussion was held the same afternoon, with school, health visiting, the GP practice and police. A section 47 enquiry followed; both children were seen and Sam was weighed that week.',
    involvesParticipantIds: [PARTICIPANT.socialWorker, PARTICIPANT.healthVisitor],
  }),
  entry({
    id: 'nar-25',
    kind: 'account',
    perspective: fromParticipant(PARTICIPANT.mother),
    source: inConversation(CONVERSATION.mother),
    period: { from: '2025-06-01', to: '2025-06-30' },
    text: 'The child protection conference was hard, but Amy says it was the first time anyone asked about her partner and about money.',
    involvesParticipantIds: [PARTICIPANT.mother],
  }),
  entry({
    id: 'nar-26',
    kind: 'reviewersJudgement',
    perspective: { of: 'reviewTeam' },
    source: { kind: 'reviewTeam' },
    period: { from: '2024-09-01', to: '2025-05-19' },
    text: 'From the autumn of 2024 each agency held part of a picture of neglect. Taken together, the signs were consistent well before May 2025, but no single agency held all of them, and nothing in the system brought them together.',
    relatedEntryIds: ['nar-03', 'nar-05', 'nar-06', 'nar-14', 'nar-19'],
  }),
  entry({
    id: 'nar-27',
    kind: 'reviewersJudgement',
    perspective: { of: 'reviewTeam' },
    source: { kind: 'reviewTeam' },
    period: { from: '2025-02-06', to: '2025-02-21' },
    text: 'The closure in February 2025 was in line with local expectations and with what the social worker saw and was told. The problem lay less in the decision than in the absence of any route by which later concerns could reopen it.',
    relatedEntryIds: ['nar-11', 'nar-16'],
  }),
  entry({
    id: 'nar-28',
    kind: 'reviewersJudgement',
    perspective: { of: 'reviewTeam' },
    source: { kind: 'reviewTeam' },
    period: { from: '2024-08-01', to: '2025-05-19' },
    text: 'The mother’s partner was not seen or spoken to by any agency during the period under review, although he was named in the police log and by Lily at school.',
    relatedEntryIds: ['nar-06', 'nar-10', 'nar-13'],
    involvesParticipantIds: [PARTICIPANT.partner],
  }),
];

// ---------------------------------------------------------------- key practice episodes

type EpisodeIn = RecordIn<'episodes'>;
const tag = (id: string, factorId: string, whyItMadeSense: string) => ({ id, factorId, whyItMadeSense });

const episodes: EpisodeIn[] = [
  {
    ...stamps('2025-11-10T10:00:00.000Z', TEAM_NAMES.lead, 2),
    id: 'kpe-1',
    title: 'Police notification after the November call-out treated as information only',
    period: { from: '2024-11-16', to: '2024-11-18' },
    description:
      'Officers attended a verbal argument at the flat and recorded cold and lack of food. The MASH screened the notification as information only. With hindsight, this was the first point at which another agency’s view of the home could have been joined to school’s.',
    significance: 'The home conditions recorded by the officer were the first sign of neglect seen inside the home.',
    judgement: 'problematic',
    judgementBreakdown:
      'The officer’s recording was good practice. The screening decision was problematic: it weighed the incident, not the home conditions in the free text.',
    factors: [
      tag(
        'ft-1-1',
        'interAgency.information-sharing',
        'The screener read the structured fields, which described a verbal argument with the children asleep; home conditions sat in free text further down.',
      ),
      tag(
        'ft-1-2',
        'organisational.thresholds',
        'A verbal argument with no previous involvement was below the local threshold for a strategy discussion, and screeners were expected to apply it consistently.',
      ),
      tag('ft-1-3', 'conditions.workload', 'The MASH screened over 60 notifications that Monday after a busy weekend.'),
      tag('ft-1-4', 'political.tools', 'The notification form had no field for home conditions, so the most relevant detail was easy to miss.'),
    ],
    narrativeEntryIds: ['nar-06', 'nar-07', 'nar-08', 'nar-09'],
    participantIds: [PARTICIPANT.policeOfficer],
    raisedInConversationId: CONVERSATION.policeOfficer,
  },
  {
    ...stamps('2025-11-10T10:10:00.000Z', TEAM_NAMES.lead, 3),
    id: 'kpe-2',
    title: 'School referral assessed and closed after one announced home visit',
    period: { from: '2025-01-13', to: '2025-02-21' },
    description:
      'The school’s detailed referral led to a single assessment with one announced home visit, at which the home was tidy and the mother open. The case was closed with a step-down to early help.',
    significance: 'With hindsight the visit showed the family at their best; the picture from school, police and housing was not part of the assessment.',
    judgement: 'mixed',
    judgementBreakdown:
      'The assessment was timely and respectful of the mother (good). It relied on one announced visit and did not ask who else lived in the household or contact health visiting (problematic).',
    factors: [
      tag('ft-2-1', 'family.manner-of-presentation', 'Amy was warm, open and help-seeking at the visit, which is what social workers are taught to look for.'),
      tag(
        'ft-2-2',
        'organisational.standards-and-goals',
        'Timeliness of single assessments was reported monthly to the board and discussed in every supervision.',
      ),
      tag(
        'ft-2-3',
        'ownTeam.supervision',
        'Supervision was cancelled twice in January because of vacancies; the closure was agreed in a short corridor conversation.',
      ),
      tag('ft-2-4', 'personal.mindset', 'The referral read to her as a family settling in after a move, and nothing at the visit contradicted that.'),
      tag('ft-2-5', 'conditions.staffing-and-skill-mix', 'Two vacancies meant the social worker carried 24 cases, two in proceedings.'),
    ],
    narrativeEntryIds: ['nar-10', 'nar-11', 'nar-12', 'nar-13', 'nar-16', 'nar-17'],
    participantIds: [PARTICIPANT.socialWorker, PARTICIPANT.teamManager, PARTICIPANT.mother],
    raisedInConversationId: CONVERSATION.socialWorker,
  },
  {
    ...stamps('2025-11-10T10:20:00.000Z', TEAM_NAMES.facilitatorRidley),
    id: 'kpe-3',
    title: 'Three no-access visits for the two-year review',
    period: { from: '2024-10-22', to: '2025-02-11' },
    description:
      'The health visitor tried three times to see Sam for his two-year review and sent the standard letter each time. Sam was not seen by health visiting until May 2025.',
    significance: 'Sam’s faltering growth and speech delay went unseen by the service best placed to notice them.',
    judgement: 'problematic',
    judgementBreakdown:
      'Following the no-access procedure was reasonable on its own terms; what was missing was any link to school or the GP after repeated no access.',
    factors: [
      tag(
        'ft-3-1',
        'conditions.workload',
        'About 480 children on the caseload and one post vacant; new birth visits came first, as the service specification required.',
      ),
      tag(
        'ft-3-2',
        'family.availability-for-meeting',
        'Kay answered the phone and said things were fine, so the missed visits read as a busy family rather than avoidance.',
      ),
      tag('ft-3-3', 'ownTeam.routine-practices', 'Sending the standard letter after no access was what the team routinely did.'),
    ],
    narrativeEntryIds: ['nar-04', 'nar-05'],
    participantIds: [PARTICIPANT.healthVisitor, PARTICIPANT.youngerChild],
    raisedInConversationId: CONVERSATION.healthVisitor,
  },
  {
    ...stamps('2025-11-10T10:30:00.000Z', TEAM_NAMES.facilitatorRidley),
    id: 'kpe-4',
    title: 'GP consultation: weight falling across centiles',
    period: { from: '2025-03-04', to: '2025-04-30' },
    description:
      'The GP noticed Sam’s weight had fallen from the 50th to the 9th centile and asked for a review in four weeks. The review did not happen and was not followed up.',
    significance: 'A clear physical sign of neglect, seen by one agency, not shared with the others.',
    judgement: 'mixed',
    judgementBreakdown:
      'Noticing and recording the fall was good practice; relying on the family to return, and assuming the health visitor was involved, was problematic.',
    factors: [
      tag(
        'ft-4-1',
        'interAgency.clarity-of-roles',
        'The GP reasonably expected a two-year-old to be known to health visiting, which usually holds growth monitoring.',
      ),
      tag('ft-4-2', 'role.focus-of-concerns', 'The appointment was for a chest infection; ten minutes left little room to explore more.'),
      tag('ft-4-3', 'organisational.local-procedures', 'The practice had no procedure for following up a missed review for a child.'),
    ],
    narrativeEntryIds: ['nar-19', 'nar-20', 'nar-21', 'nar-22'],
    participantIds: [PARTICIPANT.gp, PARTICIPANT.youngerChild],
    raisedInConversationId: CONVERSATION.gp,
  },
  {
    ...stamps('2025-11-10T10:40:00.000Z', TEAM_NAMES.facilitatorKarim),
    id: 'kpe-5',
    title: 'Class teacher’s daily log of hunger and hygiene',
    period: { from: '2024-09-04', to: '2025-05-19' },
    description: 'The class teacher logged small concerns about Lily day by day, which let the school refer with dates and patterns rather than impressions.',
    significance: 'The log was the most complete record of the children’s daily lives held by any agency.',
    judgement: 'good',
    judgementBreakdown: 'Consistent, specific recording that the designated safeguarding lead could act on.',
    factors: [
      tag('ft-5-1', 'ownTeam.team-culture', 'The school’s culture was that no concern is too small to log.'),
      tag('ft-5-2', 'personal.knowledge-skills-expertise', 'The teacher had recent safeguarding training on neglect.'),
      tag('ft-5-3', 'role.frequency-of-contact', 'She saw Lily every school day.'),
    ],
    narrativeEntryIds: ['nar-02', 'nar-03'],
    participantIds: [PARTICIPANT.teacher, PARTICIPANT.olderChild],
    raisedInConversationId: CONVERSATION.teacher,
  },
  {
    ...stamps('2025-11-10T10:50:00.000Z', TEAM_NAMES.facilitatorKarim),
    id: 'kpe-6',
    title: 'Lily’s words to her teacher and the same-day strategy discussion',
    period: { from: '2025-05-19', to: '2025-05-21' },
    description:
      'Lily told her teacher she made her brother’s tea. The school phoned children’s social care that morning and a strategy discussion with all agencies was held the same afternoon.',
    significance: 'The point at which the whole picture was assembled for the first time.',
    judgement: 'good',
    judgementBreakdown: 'Quick, co-ordinated and child-focused; every agency contributed what it knew.',
    factors: [
      tag('ft-6-1', 'interAgency.personal-relationships', 'The designated safeguarding lead knew the team manager from earlier cases and rang him directly.'),
      tag('ft-6-2', 'organisational.local-procedures', 'The strategy discussion procedure was clear and well rehearsed.'),
      tag('ft-6-3', 'interAgency.working-relationships', 'School and social care had good working relationships.'),
    ],
    narrativeEntryIds: ['nar-23', 'nar-24'],
    participantIds: [PARTICIPANT.teacher, PARTICIPANT.safeguardingLead, PARTICIPANT.teamManager, PARTICIPANT.olderChild],
    raisedInConversationId: CONVERSATION.teacher,
  },
  {
    ...stamps('2025-11-10T11:00:00.000Z', TEAM_NAMES.lead),
    id: 'kpe-7',
    title: 'The mother’s partner not seen or spoken to by any agency',
    period: { from: '2024-08-01', to: '2025-05-19' },
    description:
      'The partner was named in the police log and by Lily at school, and stayed at the flat most nights, but no agency saw him, spoke to him or asked about his part in the children’s care.',
    significance: 'His influence on the household, good or bad, was unknown throughout.',
    judgement: 'problematic',
    judgementBreakdown: 'Understandable in each single contact, problematic across the system.',
    factors: [
      tag('ft-7-1', 'family.family-dynamics', 'He came and went, and the mother described herself as living alone.'),
      tag('ft-7-2', 'family.gender', 'Services were organised around the mother as the main carer, and appointments were made with her.'),
      tag('ft-7-3', 'personal.human-reasoning', 'Each practitioner took the household as described at the first contact and did not revisit it.'),
    ],
    narrativeEntryIds: ['nar-06', 'nar-10', 'nar-13', 'nar-28'],
    participantIds: [PARTICIPANT.partner, PARTICIPANT.mother],
    raisedInConversationId: CONVERSATION.mother,
  },
];

// ---------------------------------------------------------------- patterns

type PatternIn = RecordIn<'patterns'>;
const patterns: PatternIn[] = [
  {
    ...stamps('2025-12-01T10:00:00.000Z', TEAM_NAMES.lead),
    id: 'pat-1',
    category: 4,
    subPatternId: '4.roles-and-responsibilities.responsible-for-thinking',
    statement:
      'When several agencies each hold low-level concerns about a family, no one agency sees itself as responsible for putting the pieces together, so cumulative neglect goes unrecognised until a single clear incident.',
    influence: 'makesProblematicPracticeMoreLikely',
    episodeIds: ['kpe-1', 'kpe-3', 'kpe-4'],
    prioritisation: {
      widespread: 'high',
      contemporaryRelevance: 'high',
      rank: 1,
      rationale: 'Seen in every agency in this case and reported by board partners as common locally.',
      selected: true,
    },
  },
  {
    ...stamps('2025-12-01T10:10:00.000Z', TEAM_NAMES.lead),
    id: 'pat-2',
    category: 5,
    subPatternId: '5.salience-of-mother',
    statement:
      'Professional contact with families centres on mothers; other adults in the household, particularly male partners, are seldom seen or asked about, so their part in the children’s care stays unknown.',
    influence: 'makesProblematicPracticeMoreLikely',
    episodeIds: ['kpe-2', 'kpe-7'],
    prioritisation: {
      widespread: 'high',
      contemporaryRelevance: 'high',
      rank: 2,
      rationale: 'A long-standing national finding that this case shows again.',
      selected: true,
    },
  },
  {
    ...stamps('2025-12-01T10:20:00.000Z', TEAM_NAMES.reviewer),
    id: 'pat-3',
    category: 2,
    subPatternId: '2.performance-indicators.trade-offs',
    statement:
      'Close attention to assessment timescales, with limited supervision, encourages closure after a single positive visit when a family presents as co-operative.',
    influence: 'makesProblematicPracticeMoreLikely',
    episodeIds: ['kpe-2'],
    prioritisation: {
      widespread: 'medium',
      contemporaryRelevance: 'high',
      rank: 3,
      rationale: 'Timeliness measures remain central to local performance reporting.',
      selected: true,
    },
  },
  {
    ...stamps('2025-12-01T10:30:00.000Z', TEAM_NAMES.reviewer),
    id: 'pat-4',
    category: 6,
    subPatternId: '6.failure-to-review',
    statement:
      'Once a referral has been assessed as below threshold, later concerns tend to be judged against that conclusion rather than prompting a fresh look at the accumulated history.',
    influence: 'makesProblematicPracticeMoreLikely',
    episodeIds: ['kpe-2', 'kpe-4'],
    prioritisation: {
      widespread: 'medium',
      contemporaryRelevance: 'medium',
      rank: 4,
      rationale: 'Closely linked to the first pattern; kept separate because the remedy is different.',
      selected: true,
    },
  },
  {
    ...stamps('2025-12-01T10:40:00.000Z', TEAM_NAMES.facilitatorKarim),
    id: 'pat-5',
    category: 3,
    subPatternId: '3.knowing-each-other',
    statement:
      'Where school safeguarding leads and local social work teams know each other personally, concerns are escalated quickly and strategy discussions are well informed.',
    influence: 'supportsGoodPractice',
    episodeIds: ['kpe-5', 'kpe-6'],
    prioritisation: {
      widespread: 'medium',
      contemporaryRelevance: 'high',
      rank: 5,
      rationale: 'Good practice worth protecting as teams reorganise.',
      selected: true,
    },
  },
  {
    ...stamps('2025-12-01T10:50:00.000Z', TEAM_NAMES.facilitatorRidley),
    id: 'pat-6',
    category: 1,
    subPatternId: '1.assessment-forms.factual-statements',
    statement:
      'Notification and assessment forms favour recording of observed facts in structured fields over practitioners’ unease, so doubts written in free text are easily lost.',
    influence: 'makesProblematicPracticeMoreLikely',
    episodeIds: ['kpe-1'],
    prioritisation: {
      widespread: 'low',
      contemporaryRelevance: 'medium',
      rank: null,
      rationale:
        'Raised by one participant only; the team thought the evidence in this case too thin to prioritise. Kept on record so it can be selected later or collated across reviews.',
      selected: false,
    },
  },
  {
    ...stamps('2025-12-01T11:00:00.000Z', TEAM_NAMES.facilitatorRidley),
    id: 'pat-7',
    category: 4,
    subPatternId: null,
    newSubPatternTitle: 'Records that lag behind families who move between areas',
    statement:
      'When families move between areas, health and education records arrive weeks later, so new services start without the history and judge early concerns as new.',
    influence: 'makesProblematicPracticeMoreLikely',
    episodeIds: ['kpe-3', 'kpe-4'],
    prioritisation: {
      widespread: 'medium',
      contemporaryRelevance: 'medium',
      rank: 6,
      rationale: 'Not in the Appendix 6 typology; added as a new sub-pattern.',
      selected: true,
    },
  },
];

// ---------------------------------------------------------------- recommendations

type RecommendationIn = RecordIn<'recommendations'>;
const recommendations: RecommendationIn[] = [
  {
    ...stamps('2025-12-15T10:00:00.000Z', TEAM_NAMES.lead),
    id: 'rec-1',
    kind: 'clearCutLocal',
    level: 'local',
    addressee: 'MASH partner agencies',
    text: 'Record a named lead agency and a review date for every police notification about a household with children under five, rather than closing it as information only.',
    patternIds: ['pat-1', 'pat-6'],
    tracking: { status: 'agreed', owner: 'MASH manager', evidence: '', dueOn: '2026-04-30', completedOn: null },
  },
  {
    ...stamps('2025-12-15T10:10:00.000Z', TEAM_NAMES.lead),
    id: 'rec-2',
    kind: 'clearCutLocal',
    level: 'local',
    addressee: 'Health visiting service and GP practices',
    text: 'Agree a routine way for GP practices and health visiting to tell each other about a child’s faltering growth or repeated no-access visits.',
    patternIds: ['pat-1', 'pat-7'],
    tracking: { status: 'proposed', owner: '', evidence: '', dueOn: null, completedOn: null },
  },
  {
    ...stamps('2025-12-15T10:20:00.000Z', TEAM_NAMES.lead),
    id: 'rec-3',
    kind: 'needsJudgement',
    level: 'local',
    addressee: 'Director of children’s services and designated health professionals',
    text: 'Consider how the weight given to assessment timescales is balanced against the time needed to gather other agencies’ views before closure, and how supervision is protected when teams carry vacancies.',
    patternIds: ['pat-3', 'pat-4'],
    tracking: { status: 'proposed', owner: '', evidence: '', dueOn: null, completedOn: null },
  },
  {
    ...stamps('2025-12-15T10:30:00.000Z', TEAM_NAMES.lead),
    id: 'rec-4',
    kind: 'needsJudgement',
    level: 'regional',
    addressee: 'LSCB partner agencies across the region',
    text: 'Decide how agencies will routinely identify, see and speak with every adult in a child’s household, including partners who are not tenants or parents.',
    patternIds: ['pat-2'],
    tracking: {
      status: 'inProgress',
      owner: 'LSCB business manager',
      evidence: 'Regional workshop held in December 2025.',
      dueOn: '2026-06-30',
      completedOn: null,
    },
  },
  {
    ...stamps('2025-12-15T10:40:00.000Z', TEAM_NAMES.lead),
    id: 'rec-5',
    kind: 'needsResearch',
    level: 'national',
    addressee: 'Department for Education, through the LSCB chair',
    text: 'Support research into tools that help practitioners see cumulative neglect across several agencies’ records, and into how records can follow families who move between areas.',
    patternIds: ['pat-1', 'pat-7'],
    tracking: { status: 'proposed', owner: '', evidence: '', dueOn: null, completedOn: null },
  },
];

// ---------------------------------------------------------------- report stage and comments

const reportStages: RecordIn<'reportStages'>[] = [
  {
    ...stamps('2026-01-09T15:00:00.000Z', TEAM_NAMES.lead, 2),
    id: 'stage-preliminary-1',
    stage: 'preliminary',
    draftNumber: 1,
    publishedAt: '2026-01-12T09:00:00.000Z',
    commentWindow: { opensOn: '2026-01-12', closesOn: '2026-01-30' },
    groupMeeting: { plannedFor: '2026-02-04T10:00:00.000Z', heldOn: null, notes: 'Kestonbury Civic Centre, room 2, and online. Lunch provided.' },
    publishedLocation: 'local-archive:stage-preliminary-1',
  },
];

type CommentIn = RecordIn<'comments'>;
const comment = (
  at: string,
  id: string,
  participantId: string,
  section: string,
  text: string,
  disposition: CommentIn['disposition'],
  response: string,
): CommentIn => ({
  ...stamps(at, TEAM_NAMES.lead),
  id,
  reportStageId: 'stage-preliminary-1',
  participantId,
  section,
  text,
  disposition,
  response,
});

const comments: CommentIn[] = [
  comment(
    '2026-01-14T11:00:00.000Z',
    'com-1',
    PARTICIPANT.teamManager,
    'Key practice episode 2',
    'Please make clear that the timescale was a local expectation, not a statutory requirement.',
    'accepted',
    'Reworded for the interim draft.',
  ),
  comment(
    '2026-01-15T09:30:00.000Z',
    'com-2',
    PARTICIPANT.healthVisitor,
    'Narrative, October 2024 to February 2025',
    'My caseload at the time was about 480 children, not 400.',
    'accepted',
    'Corrected.',
  ),
  comment(
    '2026-01-16T14:20:00.000Z',
    'com-3',
    PARTICIPANT.safeguardingLead,
    'Pattern: knowing each other',
    'This worked because Mr Keogh and Dan Ashworth had worked together for years; new staff would not have that.',
    'noted',
    'The team will reflect this in the pattern’s rationale.',
  ),
  comment('2026-01-19T10:15:00.000Z', 'com-4', PARTICIPANT.gp, 'Recommendations', 'Recommendation 2 should say who will hold the shared flag.', 'pending', ''),
];

// ---------------------------------------------------------------- audit

type AuditIn = RecordIn<'audit'>;
const audit = (at: string, id: string, action: AuditIn['action'], who: string, summary: string): AuditIn => ({
  ...stamps(at, who),
  id,
  action,
  who,
  at,
  summary,
});

const auditEntries: AuditIn[] = [
  audit('2025-07-14T09:20:00.000Z', 'aud-01', 'permissionChange', TEAM_NAMES.coordinator, 'Added the review team to the review’s private channel.'),
  audit('2025-09-01T08:30:00.000Z', 'aud-02', 'phaseChange', TEAM_NAMES.lead, 'Moved from preparation to dataCollection'),
  audit(
    '2025-10-20T11:00:00.000Z',
    'aud-03',
    'recordingDestruction',
    TEAM_NAMES.facilitatorKarim,
    'Recording of the conversation with the social worker destroyed after the written record was agreed.',
  ),
  audit(
    '2025-10-20T16:00:00.000Z',
    'aud-04',
    'phaseChange',
    TEAM_NAMES.lead,
    'Moved from dataCollection to analysis with 2 guard(s) overridden: the housing officer cannot be reached; police notes are being typed up.',
  ),
  audit('2026-01-12T09:00:00.000Z', 'aud-05', 'phaseChange', TEAM_NAMES.lead, 'Moved from analysis to preliminaryReport'),
  audit('2026-01-12T09:05:00.000Z', 'aud-06', 'publication', TEAM_NAMES.lead, 'Preliminary report, draft 1, shared with participants for comment.'),
];

// ---------------------------------------------------------------- identifier register and kept wording

type IdentifierIn = NonNullable<SnapshotInput['identifiers']>[number];
const place = (id: string, placeKind: IdentifierIn['placeKind'], text: string, label: string, otherForms: string[] = []): IdentifierIn => ({
  ...stamps('2025-12-01T10:00:00.000Z', TEAM_NAMES.lead),
  id,
  refersTo: { to: 'added' },
  category: 'place',
  placeKind,
  text,
  otherForms,
  label,
});

/** Places the team added to the register (participants and agencies are in it already); all invented. */
const identifiers: IdentifierIn[] = [
  place('idn-town', 'town', 'Kestonbury', 'the town'),
  place('idn-county', 'other', 'Fenshire', 'the county'),
  place('idn-street', 'street', 'Brook Lane', 'the family’s street'),
  place('idn-flat', 'street', 'Orchard Rise', 'a block of flats', ['Flat 4, Orchard Rise']),
  place('idn-family-centre', 'other', 'Kestonbury Family Centre', 'the family centre', ['Larch Room']),
  place('idn-civic-centre', 'other', 'Kestonbury Civic Centre', 'a council building'),
  {
    ...stamps('2025-12-01T10:05:00.000Z', TEAM_NAMES.lead),
    id: 'idn-mother',
    refersTo: { to: 'participant', participantId: PARTICIPANT.mother },
    category: 'familyMember',
    otherForms: ['Kayleigh Tallon'],
  },
];

const languageDismissals: NonNullable<SnapshotInput['languageDismissals']> = [
  {
    ...stamps('2025-12-02T09:00:00.000Z', TEAM_NAMES.lead),
    id: 'lang-kpe-1-hindsight',
    location: { kind: 'episode', recordId: 'kpe-1', field: 'description' },
    phrase: 'with hindsight',
    reason: 'Appendix 4’s first column asks for the episode’s significance with hindsight; the sentence says so openly.',
  },
];

// ---------------------------------------------------------------- the bundle

// ---------------------------------------------------------------- meetings

/** The safeguarding lead's follow-up, scheduled as an iCalendar invitation (fictional: example.org addresses only). */
const meetings: NonNullable<SnapshotInput['meetings']> = [
  {
    ...stamps('2026-01-08T10:05:00.000Z', TEAM_NAMES.coordinator),
    id: 'mtg-brook-lane-dsl',
    purpose: 'conversation',
    conversationId: CONVERSATION.safeguardingLead,
    reportStageId: null,
    title: `One-to-one conversation: case review ${TRAINING_CASE_CODENAME}`,
    start: '2026-01-27T16:00:00.000Z',
    end: '2026-01-27T17:00:00.000Z',
    online: true,
    place: '',
    organiserId: TEAM.facilitatorRidley,
    attendees: [
      { as: 'teamMember', teamMemberId: TEAM.facilitatorRidley },
      { as: 'teamMember', teamMemberId: TEAM.facilitatorKarim },
      { as: 'participant', participantId: PARTICIPANT.safeguardingLead },
    ],
    status: 'scheduled',
    calendar: {
      system: 'icalendar',
      eventId: '',
      uid: 'training-event-dsl-follow-up',
      sequence: 0,
      joinUrl: 'https://teams.example.org/l/meetup-join/brook-lane-dsl',
      transactionId: '',
      confirmedAt: null,
    },
    offeredFileTo: [],
    calendarNote: '',
  },
];

export const TRAINING_CASE_EXPORTED_AT = '2026-01-20T09:00:00.000Z';

/**
 * The training case as a review bundle, in the shape a person would write it (defaults may be left out).
 * Always read it through parseBundle, like any other bundle.
 */
export function trainingCaseBundle(): BundleInput {
  // A fresh copy each time, so no caller can change what the next one gets.
  return structuredClone({
    format: 'learning-together/review-bundle',
    formatVersion: 2,
    exportedAt: TRAINING_CASE_EXPORTED_AT,
    exportedBy: 'Learning Together for Teams (built-in training case)',
    producer: 'Learning Together for Teams: fictional training case',
    fictional: true,
    snapshot: {
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
      audit: auditEntries,
      meetings,
      identifiers,
      languageDismissals,
    },
  } satisfies BundleInput);
}
