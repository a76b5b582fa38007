// FICTIONAL test data: every name and agency here is invented.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asId, type AgencyId, type ParticipantId, type TeamMemberId } from '../ids';
import { emptySnapshot, type Review } from '../model';
import { compareParticipants, normaliseName, participantIssues, suggestReportLabel, type ParticipantFacts } from './participants';
import { documentIssues } from './documents';
import { conversationIssues } from './conversations';
import { instantFromLondonWallTime, londonDateOf, londonWallTimeOf } from './london-time';
import { reviewIssues, isDuplicateAgencyName } from './review';
import { referencesTo } from './references';

const agencies = [
  { id: asId<AgencyId>('ag-sc'), name: 'Children’s Social Care (fictional)' },
  { id: asId<AgencyId>('ag-hv'), name: 'Health Visiting (fictional)' },
];
const period = { from: '2025-01-01', to: '2025-12-31' };

const person = (id: string, realName: string, agencyId: string | null, reportLabel: string, kind: ParticipantFacts['kind'] = 'practitioner'): ParticipantFacts => ({
  id: asId<ParticipantId>(id),
  kind,
  agencyId: agencyId === null ? null : asId<AgencyId>(agencyId),
  realName,
  reportLabel,
});

describe('participant rules', () => {
  const existing = [person('p1', 'Alex Fenwick', 'ag-sc', 'Social worker 1'), person('p2', 'Jo Marsh', null, 'Mother', 'familyMember')];

  it('refuses the same real name at the same agency, ignoring case, accents and spacing', () => {
    const issues = participantIssues(person('new', '  alex  FENWÍCK ', 'ag-sc', 'Social worker 2'), existing, agencies);
    expect(issues).toEqual([
      { path: 'realName', message: 'alex  FENWÍCK from Children’s Social Care (fictional) is already a participant (shown as “Social worker 1”)' },
    ]);
  });

  it('allows the same name at a different agency, and a family member with the same name as a professional', () => {
    expect(participantIssues(person('new', 'Alex Fenwick', 'ag-hv', 'Health visitor'), existing, agencies)).toEqual([]);
    expect(participantIssues(person('new', 'Alex Fenwick', null, 'Father', 'familyMember'), existing, agencies)).toEqual([]);
  });

  it('refuses a duplicate family member (no agency on both)', () => {
    const issues = participantIssues(person('new', 'jo marsh', null, 'Parent B', 'familyMember'), existing, agencies);
    expect(issues.map((issue) => issue.path)).toEqual(['realName']);
    expect(issues[0]?.message).toContain('no agency (family)');
  });

  it('does not compare a participant with itself when it is edited', () => {
    expect(participantIssues(existing[0]!, existing, agencies)).toEqual([]);
  });

  it('refuses a report label that another participant has, or that is another participant’s real name', () => {
    expect(participantIssues(person('new', 'Sam Lee', 'ag-hv', 'mother'), existing, agencies).map((issue) => issue.path)).toEqual(['reportLabel']);
    const leak = participantIssues(person('new', 'Sam Lee', 'ag-hv', 'Jo Marsh'), existing, agencies);
    expect(leak).toEqual([{ path: 'reportLabel', message: 'the report label must not be the real name of any participant' }]);
  });

  it('refuses an agency that is not in the review', () => {
    expect(participantIssues(person('new', 'Sam Lee', 'ag-police', 'Officer'), existing, agencies).map((issue) => issue.path)).toEqual(['agencyId']);
  });

  it('suggests distinct lettered pseudonyms for family and role labels for professionals', () => {
    const others = [person('c1', 'Kit', null, 'Child A', 'childOrYoungPerson'), person('p1', 'Alex', 'ag-sc', 'Social worker, Children’s Social Care')];
    expect(suggestReportLabel({ id: asId('new'), kind: 'childOrYoungPerson', agencyId: null, roleTitle: '' }, others, agencies)).toBe('Child B');
    expect(suggestReportLabel({ id: asId('new'), kind: 'practitioner', agencyId: asId('ag-sc'), roleTitle: 'Social worker' }, others, agencies)).toBe(
      'Social worker, Children’s Social Care 2',
    );
    expect(suggestReportLabel({ id: asId('new'), kind: 'practitioner', agencyId: asId('ag-hv'), roleTitle: 'Health visitor' }, others, agencies)).toBe(
      'Health visitor, Health Visiting',
    );
  });

  it('a suggested label never collides with an existing one (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Child A', 'Child B', 'Child C', 'Child 1', 'child d'), { maxLength: 30 }), (labels) => {
        const others = labels.map((label, index) => person(`p${index}`, `Name ${index}`, null, label, 'childOrYoungPerson'));
        const suggestion = suggestReportLabel({ id: asId('new'), kind: 'childOrYoungPerson', agencyId: null, roleTitle: '' }, others, agencies);
        return !labels.map(normaliseName).includes(normaliseName(suggestion));
      }),
    );
  });

  it('lists family members first', () => {
    const sorted = [person('a', 'A', 'ag-sc', 'Alpha'), person('b', 'B', null, 'Zed', 'carer')].sort(compareParticipants);
    expect(sorted.map((entry) => entry.reportLabel)).toEqual(['Zed', 'Alpha']);
  });
});

describe('document rules', () => {
  const doc = (from: string, to: string, agencyId = 'ag-sc') => ({ agencyId: asId<AgencyId>(agencyId), coveredPeriod: { from, to } });

  it('refuses a covered period wholly before or after the period under review, naming the dates', () => {
    const before = documentIssues(doc('2023-01-01', '2024-12-31'), period, agencies);
    expect(before.blocking).toEqual([
      { path: 'coveredPeriod.to', message: 'the record ends on 31 December 2024, before the period under review (1 January 2025 to 31 December 2025) begins' },
    ]);
    expect(documentIssues(doc('2026-01-01', '2026-02-01'), period, agencies).blocking.map((issue) => issue.path)).toEqual(['coveredPeriod.from']);
  });

  it('stores a period that overlaps but runs beyond, with warnings', () => {
    const outcome = documentIssues(doc('2024-06-01', '2026-01-31'), period, agencies);
    expect(outcome.blocking).toEqual([]);
    expect(outcome.warnings.map((issue) => issue.path)).toEqual(['coveredPeriod.from', 'coveredPeriod.to']);
  });

  it('accepts a period inside, including the boundary days', () => {
    expect(documentIssues(doc('2025-01-01', '2025-01-01'), period, agencies)).toEqual({ blocking: [], warnings: [] });
    expect(documentIssues(doc('2025-12-31', '2025-12-31'), period, agencies)).toEqual({ blocking: [], warnings: [] });
  });

  it('refuses an agency outside the review', () => {
    expect(documentIssues(doc('2025-02-01', '2025-03-01', 'ag-x'), period, agencies).blocking.map((issue) => issue.path)).toEqual(['agencyId']);
  });
});

describe('conversation rules', () => {
  const context = {
    review: { periodUnderReview: period },
    participants: [{ id: asId<ParticipantId>('p1') }],
    teamMembers: [
      { id: asId<TeamMemberId>('f1'), role: 'facilitator' as const, name: 'Facilitator One' },
      { id: asId<TeamMemberId>('o1'), role: 'observer' as const, name: 'Observer One' },
    ],
    now: '2026-03-10T12:00:00.000Z',
  };
  const conversation = (changes: Partial<Parameters<typeof conversationIssues>[0]> = {}) => ({
    participantId: asId<ParticipantId>('p1'),
    leadQuestionerId: asId<TeamMemberId>('f1'),
    leadNoteTakerId: null,
    status: 'scheduled' as const,
    scheduledStart: '2026-04-01T09:00:00.000Z',
    ...changes,
  });

  it('accepts a planned conversation in the future', () => {
    expect(conversationIssues(conversation(), context)).toEqual({ blocking: [], warnings: [] });
  });

  it('refuses a date before the period under review begins', () => {
    const outcome = conversationIssues(conversation({ scheduledStart: '2024-12-31T10:00:00.000Z' }), context);
    expect(outcome.blocking.map((issue) => issue.path)).toEqual(['scheduledStart']);
    expect(outcome.blocking[0]?.message).toContain('before the period under review');
  });

  it('refuses "held" at a time still to come, and warns when a scheduled date has passed', () => {
    expect(conversationIssues(conversation({ status: 'held' }), context).blocking[0]?.message).toBe(
      'a conversation marked as held cannot be at a time still to come',
    );
    expect(conversationIssues(conversation({ scheduledStart: '2026-03-01T10:00:00.000Z' }), context).warnings.map((issue) => issue.path)).toEqual([
      'scheduledStart',
    ]);
  });

  it('refuses an unknown participant or team member and warns when a lead is not a facilitator', () => {
    const outcome = conversationIssues(
      conversation({ participantId: asId('ghost'), leadQuestionerId: asId('nobody'), leadNoteTakerId: asId('o1') }),
      context,
    );
    expect(outcome.blocking.map((issue) => issue.path)).toEqual(['participantId', 'leadQuestionerId']);
    expect(outcome.warnings).toEqual([{ path: 'leadNoteTakerId', message: 'Observer One is not one of the team’s facilitators' }]);
  });
});

describe('London time', () => {
  it('reads wall time in GMT and in BST', () => {
    expect(londonWallTimeOf('2026-01-15T09:30:00.000Z')).toEqual({ date: '2026-01-15', time: '09:30' });
    expect(londonWallTimeOf('2026-07-15T09:30:00.000Z')).toEqual({ date: '2026-07-15', time: '10:30' });
    expect(londonDateOf('2026-07-15T23:30:00.000Z')).toBe('2026-07-16');
  });

  it('turns wall time into the instant, refusing the hour skipped in March and reading the repeated October hour as BST', () => {
    expect(instantFromLondonWallTime('2026-01-15', '09:30')).toBe('2026-01-15T09:30:00.000Z');
    expect(instantFromLondonWallTime('2026-07-15', '10:30')).toBe('2026-07-15T09:30:00.000Z');
    expect(instantFromLondonWallTime('2026-03-29', '01:30')).toBeNull();
    expect(instantFromLondonWallTime('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(instantFromLondonWallTime('2026-01-15', '9:30')).toBeNull();
  });

  it('round-trips any instant on the minute (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }), (minutes) => {
        const instant = new Date(minutes * 60_000).toISOString();
        const wall = londonWallTimeOf(instant)!;
        const back = instantFromLondonWallTime(wall.date, wall.time)!;
        // The repeated autumn hour reads back as its BST instant, an hour earlier.
        return back === instant || Date.parse(instant) - Date.parse(back) === 3_600_000;
      }),
    );
  });
});

describe('review rules', () => {
  const review = {
    id: asId('rev-1'),
    agencies,
    periodUnderReview: period,
  } as unknown as Review;

  it('refuses to take off an agency that participants still belong to, and allows an unused one', () => {
    const snapshot = emptySnapshot(review);
    snapshot.participants.push({ id: asId('p1'), agencyId: asId('ag-sc') } as never);
    expect(reviewIssues({ agencies: [agencies[1]!] }, snapshot)).toEqual([
      { path: 'agencies', message: 'Children’s Social Care (fictional) cannot be removed: participants or documents in this review belong to it' },
    ]);
    expect(reviewIssues({ agencies: [agencies[0]!] }, snapshot)).toEqual([]);
  });

  it('spots duplicate agency names', () => {
    expect(isDuplicateAgencyName('  health visiting (FICTIONAL) ', agencies)).toBe(true);
    expect(isDuplicateAgencyName('Police (fictional)', agencies)).toBe(false);
  });

  it('finds the conversations that name a team member or participant', () => {
    const snapshot = emptySnapshot(review);
    snapshot.participants.push({ id: asId('p1'), reportLabel: 'Child A' } as never);
    snapshot.conversations.push({ id: asId('c1'), participantId: asId('p1'), leadQuestionerId: asId('f1'), leadNoteTakerId: null, status: 'held' } as never);
    expect(referencesTo(snapshot, 'teamMember', 'f1')).toEqual([{ kind: 'conversation', id: 'c1', description: 'the conversation with Child A' }]);
    expect(referencesTo(snapshot, 'participant', 'p1').map((reference) => reference.kind)).toEqual(['conversation']);
    expect(referencesTo(snapshot, 'teamMember', 'f2')).toEqual([]);
  });
});
