// FICTIONAL test data.
import { describe, expect, it } from 'vitest';
import { trainingCaseBundle } from './training-case';
import { ConversationSchema, NarrativeEntrySchema, ParticipantSchema, PatternSchema, ReviewSchema } from './model';
import { CalendarDateSchema, InstantSchema, PeriodSchema } from './primitives';
import { validate } from './validate';

const training = trainingCaseBundle().snapshot;
const participant = training.participants[0];
const conversation = training.conversations[0];
const narrativeEntry = training.narrative[0];
const pattern = training.patterns[0];

/** The issues validation reports, as "path: message" lines. */
function issuesOf(schema: Parameters<typeof validate>[0], input: unknown): string[] {
  const result = validate(schema, input, 'Record');
  if (result.ok) return [];
  if (result.error.kind !== 'invalid') return [result.error.kind];
  return result.error.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

describe('validation messages name the field and say what was expected', () => {
  it('accepts the training case records as they are', () => {
    expect(issuesOf(ParticipantSchema, participant)).toEqual([]);
    expect(issuesOf(ConversationSchema, conversation)).toEqual([]);
  });

  it('names a missing required text by its label', () => {
    expect(issuesOf(ParticipantSchema, { ...participant, reportLabel: '   ' })).toEqual(['reportLabel: Report label is required']);
  });

  it('names a field that is absent altogether and its expected type', () => {
    const { realName: _removed, ...withoutName } = participant ?? {};
    expect(issuesOf(ParticipantSchema, withoutName)).toEqual(['realName: required (expected string)']);
  });

  it('lists the allowed values for a code', () => {
    expect(issuesOf(ParticipantSchema, { ...participant, kind: 'wizard' })).toEqual([
      'kind: expected one of "practitioner", "firstLineManager", "seniorManager", "familyMember", "carer", "childOrYoungPerson"',
    ]);
  });

  it('gives the limit of an over-long text', () => {
    expect(issuesOf(ParticipantSchema, { ...participant, roleTitle: 'x'.repeat(201) })).toEqual(['roleTitle: Role title is at most 200 characters']);
  });

  it('points into nested fields', () => {
    expect(issuesOf(ParticipantSchema, { ...participant, introductionLetter: { status: 'sent', on: null } })).toEqual([
      'introductionLetter.on: the date the letter was sent is required',
    ]);
    expect(issuesOf(ConversationSchema, { ...conversation, recording: { state: 'destroyed', destroyed: null } })).toEqual([
      'recording.destroyed: say who destroyed the recording, when and how',
    ]);
  });

  it('explains the rules that protect confidentiality and the method', () => {
    expect(issuesOf(ParticipantSchema, { ...participant, reportLabel: participant?.realName })).toEqual(['reportLabel: the report label must not be the real name']);
    expect(issuesOf(NarrativeEntrySchema, { ...narrativeEntry, kind: 'reviewersJudgement' })).toEqual([
      "source: a reviewers' judgement comes from the review team",
      "perspective: a reviewers' judgement is the review team's perspective",
    ]);
    expect(issuesOf(PatternSchema, { ...pattern, category: 1 })).toEqual(['subPatternId: that sub-pattern belongs to category 4, not 1']);
    expect(issuesOf(ConversationSchema, { ...conversation, leadNoteTakerId: conversation?.leadQuestionerId })).toEqual([
      'leadNoteTakerId: the lead note-taker must be a different facilitator from the lead questioner',
    ]);
  });

  it('needs at least one question for review, and names an agency listed twice', () => {
    const review = training.review;
    expect(issuesOf(ReviewSchema, { ...review, questions: [] })).toEqual(['questions: at least one question for review is required']);
    expect(issuesOf(ReviewSchema, { ...review, agencies: [...review.agencies, { id: 'ag-copy', name: 'wrenfold surgery' }] })).toEqual([
      'agencies[6].name: wrenfold surgery is listed twice',
    ]);
  });
});

describe('dates and instants', () => {
  it('accepts real calendar dates and refuses impossible ones', () => {
    expect(CalendarDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(issuesOf(CalendarDateSchema, '2025-02-30')).toEqual([': a real calendar date']);
    expect(issuesOf(CalendarDateSchema, '2025-02-29')).toEqual([': a real calendar date']);
    expect(issuesOf(CalendarDateSchema, '2025-13-01')).toEqual([': a real calendar date']);
    expect(issuesOf(CalendarDateSchema, '30/02/2025')).toEqual([': a date written as YYYY-MM-DD']);
  });

  it('needs a period to end on or after its start', () => {
    expect(issuesOf(PeriodSchema, { from: '2025-03-02', to: '2025-03-01' })).toEqual(['to: the end date is on or after the start date']);
    expect(PeriodSchema.safeParse({ from: '2025-03-01', to: '2025-03-01' }).success).toBe(true);
  });

  it('needs an instant to carry its zone', () => {
    expect(InstantSchema.safeParse('2026-03-29T01:00:00Z').success).toBe(true);
    expect(InstantSchema.safeParse('2026-03-29T02:00:00+01:00').success).toBe(true);
    expect(InstantSchema.safeParse('2026-03-29T01:00:00').success).toBe(false);
  });
});
