import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../bundle';
import { asId, type MeetingId } from '../ids';
import type { Meeting, ReviewSnapshot } from '../model';
import { londonWallTimeOf } from '../rules/london-time';
import { performCommand } from '../session/commands';
import { checkChanges } from '../session/rules';
import { trainingCaseBundle } from '../training-case/brook-lane';
import { invitationParagraphs } from './invitation-text';
import { conversationLetter, introductoryLetter } from './letters';
import type { MeetingDraft } from './meeting-changes';
import { meetingIssues } from './meeting-rules';
import { chunk, findSlots, isoWeekday, nextDate, OFFICE_HOURS, splitDateRange, type Availability } from './slots';

// Fictional: the Brook Lane training case.
function training(): ReviewSnapshot {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('training case does not parse');
  return parsed.value.snapshot;
}

const NOW = '2026-03-20T10:00:00.000Z';
const context = { now: NOW, actor: 'Tom Ridley (fictional)' };

function draft(snapshot: ReviewSnapshot, changes: Partial<MeetingDraft> = {}): MeetingDraft {
  const conversation = snapshot.conversations.find((candidate) => candidate.status === 'cancelled')!;
  const [first, second] = snapshot.teamMembers.filter((member) => member.role === 'facilitator');
  return {
    id: asId<MeetingId>('mtg-new'),
    purpose: 'conversation',
    conversationId: conversation.id,
    reportStageId: null,
    title: 'One-to-one conversation: case review Brook Lane',
    // Thursday 2 April 2026, 10:00 BST.
    start: '2026-04-02T09:00:00.000Z',
    end: '2026-04-02T10:30:00.000Z',
    online: true,
    place: '',
    organiserId: first!.id,
    attendees: [
      { as: 'teamMember', teamMemberId: first!.id },
      { as: 'teamMember', teamMemberId: second!.id },
      { as: 'participant', participantId: conversation.participantId },
    ],
    status: 'scheduled',
    calendar: { system: 'icalendar', eventId: '', uid: 'mtg-new@learning-together', sequence: 0, joinUrl: '', transactionId: '', confirmedAt: null },
    offeredFileTo: [],
    calendarNote: '',
    ...changes,
  };
}

function schedule(snapshot: ReviewSnapshot, meeting: MeetingDraft) {
  const performed = performCommand(snapshot, { type: 'scheduleMeeting', meeting }, context);
  if (!performed.ok) return performed;
  return checkChanges(snapshot, performed.value.changes, NOW);
}

describe('meeting rules through the session', () => {
  it('schedules a conversation and brings the conversation record in line', () => {
    const snapshot = training();
    const meeting = draft(snapshot);
    const checked = schedule(snapshot, meeting);
    expect(checked.ok ? 'ok' : checked.error).toBe('ok');
    if (!checked.ok) return;
    const conversation = checked.value.changes.find((change) => change.kind === 'conversation')?.record as ReviewSnapshot['conversations'][number];
    expect(conversation).toMatchObject({
      status: 'scheduled',
      scheduledStart: meeting.start,
      durationMinutes: 90,
      calendarEventId: 'mtg-new@learning-together',
    });
  });

  it('refuses an end before the start, a start in the past, and a conversation over 90 minutes', () => {
    const snapshot = training();
    const backwards = schedule(snapshot, draft(snapshot, { end: '2026-04-02T08:00:00.000Z' }));
    expect(!backwards.ok && backwards.error.kind === 'invalid' && backwards.error.issues.map((issue) => issue.message)).toContain(
      'the meeting must end after it starts',
    );
    const past = schedule(snapshot, draft(snapshot, { start: '2026-03-19T09:00:00.000Z', end: '2026-03-19T10:00:00.000Z' }));
    expect(!past.ok && past.error.kind === 'invalid' && past.error.issues[0]?.path).toBe('start');
    const long = schedule(snapshot, draft(snapshot, { end: '2026-04-02T10:31:00.000Z' }));
    expect(!long.ok && long.error.kind === 'invalid' && long.error.issues[0]?.message).toContain('at most 90 minutes');
    // A group meeting may be longer.
    const stage = snapshot.reportStages[0]!;
    const group = schedule(
      snapshot,
      draft(snapshot, { purpose: 'groupMeeting', conversationId: null, reportStageId: stage.id, end: '2026-04-02T12:00:00.000Z' }),
    );
    expect(group.ok).toBe(true);
    if (group.ok)
      expect((group.value.changes.find((change) => change.kind === 'reportStage')?.record as typeof stage).groupMeeting.plannedFor).toBe(
        '2026-04-02T09:00:00.000Z',
      );
  });

  it('keeps a meeting already in the past editable when its time is not changed', () => {
    const snapshot = training();
    const existing = snapshot.meetings[0]!;
    expect(meetingIssues({ ...existing, place: 'Room 2' }, snapshot, NOW).blocking).toEqual([]);
  });

  it('warns, without refusing, when a facilitator is already in another meeting then', () => {
    const snapshot = training();
    const first = schedule(snapshot, draft(snapshot));
    if (!first.ok) throw new Error('first schedule refused');
    const withFirst = { ...snapshot, meetings: [...snapshot.meetings, first.value.changes[0]!.record as Meeting] };
    const other = withFirst.conversations.find((conversation) => conversation.status === 'held')!;
    const second = schedule(
      withFirst,
      draft(withFirst, { id: asId<MeetingId>('mtg-other'), conversationId: other.id, start: '2026-04-02T10:00:00.000Z', end: '2026-04-02T11:00:00.000Z' }),
    );
    expect(second.ok).toBe(true);
    if (second.ok) expect(second.value.warnings.map((warning) => warning.message).join(' ')).toMatch(/is already in “One-to-one conversation/);
  });

  it('a cancellation sends the conversation back to be arranged and clears a group meeting date', () => {
    const snapshot = training();
    const meeting = snapshot.meetings[0]!;
    const performed = performCommand(snapshot, { type: 'scheduleMeeting', meeting: { ...meeting, status: 'cancelled' } }, context);
    expect(performed.ok).toBe(true);
    if (!performed.ok) return;
    const conversation = performed.value.changes.find((change) => change.kind === 'conversation')?.record as ReviewSnapshot['conversations'][number];
    expect(conversation).toMatchObject({ status: 'toArrange', scheduledStart: null, calendarEventId: '' });
  });
});

describe('invitation and letters', () => {
  it('words the invitation from Appendix 2 with the review’s details only', () => {
    const snapshot = training();
    const text = invitationParagraphs({ ...(draft(snapshot) as Meeting) }, snapshot).join('\n');
    expect(text).toContain('the recording will be destroyed');
    expect(text).toContain('2 April 2026 at 10:00 BST');
    // Nothing about the case: no participant's real name, no narrative.
    for (const participant of snapshot.participants) expect(text).not.toContain(participant.realName);
  });

  it('fills the Appendix 1 and 2 letters with the scheduled date and place', () => {
    const snapshot = training();
    const meeting = { ...(draft(snapshot, { online: false, place: 'Kestonbury Civic Centre, Room 4' }) as Meeting) };
    const withMeeting = { ...snapshot, meetings: [...snapshot.meetings, meeting] };
    const participant = snapshot.participants.find((candidate) =>
      meeting.attendees.some((attendee) => attendee.as === 'participant' && attendee.participantId === candidate.id),
    )!;
    const letter = conversationLetter(withMeeting, participant, meeting);
    expect(letter).toContain('2 April 2026 at 10:00 BST');
    expect(letter).toContain('Kestonbury Civic Centre, Room 4');
    expect(introductoryLetter(withMeeting, participant)).toContain('We hope to talk with you on');
  });
});

// ---------------------------------------------------------------- slot finding

/** Last Sunday of a month, as a London date. */
function lastSunday(year: number, month: number): string {
  let date = `${year}-${String(month).padStart(2, '0')}-${month === 3 ? '31' : '31'}`;
  while (isoWeekday(date) !== 7) date = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return date;
}

const minutesOfWall = (instant: string): number => {
  const wall = londonWallTimeOf(instant)!;
  const [hours, minutes] = wall.time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
};

describe('findSlots', () => {
  const people = ['ridley', 'karim'];
  const free: Availability = { known: true, busy: [] };

  it('offers the same London clock times either side of the March and October changes', () => {
    for (const [month, year] of [
      [3, 2026],
      [10, 2026],
    ] as const) {
      const sunday = lastSunday(year, month);
      const friday = new Date(Date.parse(`${sunday}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
      const monday = nextDate(sunday);
      const slots = findSlots({
        fromDate: friday,
        toDate: monday,
        durationMinutes: 60,
        stepMinutes: 60,
        workingHours: OFFICE_HOURS,
        people,
        availability: new Map([
          ['ridley', free],
          ['karim', free],
        ]),
        now: '2026-01-01T00:00:00Z',
        limit: 100,
      });
      const byDay = (date: string) => slots.filter((slot) => londonWallTimeOf(slot.start)?.date === date).map((slot) => londonWallTimeOf(slot.start)?.time);
      expect(byDay(friday)).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
      expect(byDay(monday)).toEqual(byDay(friday));
      // 09:00 London is a different UTC hour on each side of the change.
      expect(slots.find((slot) => londonWallTimeOf(slot.start)?.date === friday)?.start).not.toBe(
        slots.find((slot) => londonWallTimeOf(slot.start)?.date === monday)?.start.replace(monday, friday),
      );
    }
  });

  it('never counts someone unknown as free', () => {
    const slots = findSlots({
      fromDate: '2026-04-06',
      toDate: '2026-04-06',
      durationMinutes: 90,
      stepMinutes: 30,
      workingHours: OFFICE_HOURS,
      people: ['ridley', 'parent'],
      availability: new Map<string, Availability>([
        ['ridley', free],
        ['parent', { known: false, reason: 'outside the tenant' }],
      ]),
      now: NOW,
      limit: 3,
    });
    expect(slots).toHaveLength(3);
    for (const slot of slots) expect(slot.unknown).toEqual(['parent']);
  });

  it('property: every slot is inside London working hours, on a working day, free for everyone known, and not before now', () => {
    const around = fc.constantFrom('2026-03-23', '2026-03-27', '2026-10-19', '2026-10-23', '2027-03-22', '2027-10-25');
    const interval = fc.record({
      dayOffset: fc.integer({ min: 0, max: 9 }),
      startMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      length: fc.integer({ min: 15, max: 300 }),
    });
    fc.assert(
      fc.property(
        around,
        fc.array(interval, { maxLength: 8 }),
        fc.array(interval, { maxLength: 8 }),
        fc.constantFrom(30, 60, 90),
        fc.constantFrom(15, 30, 60),
        fc.integer({ min: -3, max: 6 }),
        (fromDate: string, busyA, busyB, durationMinutes, stepMinutes, nowOffsetDays) => {
          const base = Date.parse(`${fromDate}T00:00:00Z`);
          const toIntervals = (items: typeof busyA) =>
            items.map((item) => {
              const start = base + item.dayOffset * 86_400_000 + item.startMinute * 60_000;
              return { start: new Date(start).toISOString(), end: new Date(start + item.length * 60_000).toISOString() };
            });
          const busy = { ridley: toIntervals(busyA), karim: toIntervals(busyB) };
          let toDate = fromDate;
          for (let day = 0; day < 9; day += 1) toDate = nextDate(toDate);
          const now = new Date(base + nowOffsetDays * 86_400_000 + 11 * 3_600_000).toISOString();
          const slots = findSlots({
            fromDate,
            toDate,
            durationMinutes,
            stepMinutes,
            workingHours: OFFICE_HOURS,
            people,
            availability: new Map<string, Availability>([
              ['ridley', { known: true, busy: busy.ridley }],
              ['karim', { known: true, busy: busy.karim }],
            ]),
            now,
            limit: 500,
          });
          for (const slot of slots) {
            const start = Date.parse(slot.start);
            const end = Date.parse(slot.end);
            expect(end - start).toBe(durationMinutes * 60_000);
            expect(start).toBeGreaterThanOrEqual(Date.parse(now));
            const wall = londonWallTimeOf(slot.start)!;
            expect(londonWallTimeOf(slot.end)!.date).toBe(wall.date);
            expect(isoWeekday(wall.date)).toBeLessThanOrEqual(5);
            expect(minutesOfWall(slot.start)).toBeGreaterThanOrEqual(9 * 60);
            expect(minutesOfWall(slot.end)).toBeLessThanOrEqual(17 * 60);
            for (const taken of [...busy.ridley, ...busy.karim]) expect(start < Date.parse(taken.end) && Date.parse(taken.start) < end).toBe(false);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it('splits long ranges and long address lists for getSchedule', () => {
    expect(splitDateRange('2026-03-01', '2026-03-10', 4)).toEqual([
      { fromDate: '2026-03-01', toDate: '2026-03-04' },
      { fromDate: '2026-03-05', toDate: '2026-03-08' },
      { fromDate: '2026-03-09', toDate: '2026-03-10' },
    ]);
    expect(
      chunk(
        Array.from({ length: 45 }, (_, index) => index),
        20,
      ).map((group) => group.length),
    ).toEqual([20, 20, 5]);
  });
});
