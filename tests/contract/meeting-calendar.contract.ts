// The MeetingCalendar contract (src/ports/calendar.ts), run on the standalone iCalendar calendar and on Outlook
// through the Graph double. Generated .ics files are read back with ical.js, a second, independent library.
// Fictional people only (example.org / contoso addresses).
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Invitee, MeetingCalendar, MeetingRequest } from '../../src/ports/calendar';

export interface CalendarWorld {
  readonly calendar: MeetingCalendar;
  readonly organiser: Invitee;
  readonly colleague: Invitee;
  /** A family member: no tenant account. */
  readonly family: Invitee;
  /** Moves or deletes the event outside the app (Outlook), where the calendar can notice it. */
  readonly outside?: { move(eventId: string, start: string, end: string): Promise<void>; remove(eventId: string): Promise<void> };
}

export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    attendees: vevent.getAllProperties('attendee').map((property) => String(property.getFirstValue())),
    organiser: String(vevent.getFirstPropertyValue('organizer')),
  };
}

export function describeMeetingCalendarContract(name: string, setup: () => Promise<CalendarWorld>) {
  describe(`MeetingCalendar contract: ${name}`, () => {
    const request = (world: CalendarWorld, start: string, end: string, meetingId = 'mtg-contract-1'): MeetingRequest => ({
      meetingId,
      title: 'One-to-one conversation: case review Brook Lane (fictional)',
      start,
      end,
      online: true,
      place: '',
      body: ['Purpose of the conversation.', 'The recording will be destroyed.'],
      organiser: world.organiser,
      attendees: [world.organiser, world.colleague, world.family],
    });

    it('schedules, reschedules and cancels one event: the UID stays, the sequence rises, the file says so', async () => {
      const world = await setup();
      // Monday 26 October 2026, the day after the clocks go back: 10:00 GMT.
      const first = request(world, '2026-10-26T10:00:00.000Z', '2026-10-26T11:30:00.000Z');
      const scheduled = await world.calendar.schedule(first);
      expect(scheduled.ok).toBe(true);
      if (!scheduled.ok) return;
      const identity = scheduled.value.identity;
      expect(identity.uid).not.toBe('');
      expect(identity.sequence).toBe(0);
      expect(scheduled.value.notInvited.map((person) => person.name)).toContain(world.family.name);
      const file = parseIcs(world.calendar.file(identity, first, false).text);
      expect(file).toMatchObject({ method: 'REQUEST', uid: identity.uid, sequence: 0, tzid: 'Europe/London', start: first.start, end: first.end });
      expect(file.organiser.toLowerCase()).toBe(`mailto:${world.organiser.email}`.toLowerCase());
      expect(file.attendees.map((address) => address.toLowerCase())).toContain(`mailto:${world.colleague.email}`.toLowerCase());

      // Friday 23 October 2026, still BST: 10:00 London is 09:00 UTC.
      const moved = request(world, '2026-10-23T09:00:00.000Z', '2026-10-23T10:00:00.000Z');
      const rescheduled = await world.calendar.reschedule(identity, moved);
      expect(rescheduled.ok).toBe(true);
      if (!rescheduled.ok) return;
      expect(rescheduled.value.identity.uid).toBe(identity.uid);
      expect(rescheduled.value.identity.sequence).toBe(1);
      const movedFile = parseIcs(world.calendar.file(rescheduled.value.identity, moved, false).text);
      expect(movedFile).toMatchObject({ uid: identity.uid, sequence: 1, start: moved.start });
      expect(world.calendar.file(rescheduled.value.identity, moved, false).text).toContain('DTSTART;TZID=Europe/London:20261023T100000');

      const cancelled = await world.calendar.cancel(rescheduled.value.identity, moved, 'We need to find another time.');
      expect(cancelled.ok).toBe(true);
      if (!cancelled.ok) return;
      expect(cancelled.value.identity.sequence).toBe(2);
      const cancelFile = parseIcs(world.calendar.file(cancelled.value.identity, moved, true).text);
      expect(cancelFile).toMatchObject({ method: 'CANCEL', uid: identity.uid, sequence: 2, status: 'CANCELLED' });
    });

    it('shows the organiser busy at a scheduled meeting, and a family member as unknown, never free', async () => {
      const world = await setup();
      const meeting = request(world, '2026-03-30T09:00:00.000Z', '2026-03-30T10:30:00.000Z', 'mtg-contract-2');
      expect((await world.calendar.schedule(meeting)).ok).toBe(true);
      const availability = await world.calendar.availability({
        people: [
          { key: 'organiser', email: world.organiser.email, hasTenantAccount: true },
          { key: 'family', email: world.family.email, hasTenantAccount: false },
        ],
        fromDate: '2026-03-27',
        toDate: '2026-03-31',
      });
      expect(availability.ok).toBe(true);
      if (!availability.ok) return;
      const organiser = availability.value.get('organiser');
      expect(organiser?.known).toBe(true);
      if (organiser?.known) expect(organiser.busy.some((interval) => interval.start === meeting.start && interval.end === meeting.end)).toBe(true);
      expect(availability.value.get('family')?.known).toBe(false);
    });

    it('reports a meeting as planned, moved or deleted', async () => {
      const world = await setup();
      const meeting = request(world, '2026-11-02T10:00:00.000Z', '2026-11-02T11:00:00.000Z', 'mtg-contract-3');
      const scheduled = await world.calendar.schedule(meeting);
      if (!scheduled.ok) throw new Error('not scheduled');
      const identity = scheduled.value.identity;
      const unchanged = await world.calendar.check([{ identity, start: meeting.start, end: meeting.end }]);
      expect(unchanged.ok && unchanged.value.get(identity.uid)).toEqual({ state: 'asPlanned' });
      if (world.outside === undefined) return;
      await world.outside.move(identity.eventId, '2026-11-03T14:00:00.000Z', '2026-11-03T15:00:00.000Z');
      const moved = await world.calendar.check([{ identity, start: meeting.start, end: meeting.end }]);
      expect(moved.ok && moved.value.get(identity.uid)).toEqual({ state: 'moved', start: '2026-11-03T14:00:00.000Z', end: '2026-11-03T15:00:00.000Z' });
      await world.outside.remove(identity.eventId);
      const gone = await world.calendar.check([{ identity, start: meeting.start, end: meeting.end }]);
      expect(gone.ok && gone.value.get(identity.uid)).toEqual({ state: 'deleted' });
    });
  });
}
