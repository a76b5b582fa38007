// RFC 5545 files for the review's meetings, made with the `ics` package. `ics` writes times in UTC or floating
// local time only and has no VTIMEZONE, so each DTSTART/DTEND is rewritten as Europe/London wall time with
// TZID=Europe/London and the calendar carries the Europe/London VTIMEZONE (its GMT/BST rules) before the event.
import { createEvent, type Attendee, type EventAttributes } from 'ics';
import { londonWallTimeOf } from '../../../domain/rules/london-time';
import type { CalendarIdentity } from '../../../domain/model';
import type { CalendarFile, Invitee, MeetingRequest } from '../../../ports/calendar';

export const PRODUCT_ID = '-//Learning Together for Teams//Scheduling//EN';
export const LONDON_TZID = 'Europe/London';

/** Europe/London since 1996 (EU rules): BST from 01:00 UTC on the last Sunday of March to the last Sunday of October. */
export const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${LONDON_TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const utcParts = (instant: string): [number, number, number, number, number] => {
  const date = new Date(instant);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
};

/** 20261025T093000: the London wall time of an instant, as iCalendar's local DATE-TIME. */
export function londonLocalDateTime(instant: string): string {
  const wall = londonWallTimeOf(instant);
  if (wall === null) throw new Error(`not an instant: ${instant}`);
  return `${wall.date.replace(/-/gu, '')}T${wall.time.replace(':', '')}00`;
}

const withAddress = (people: readonly Invitee[]): Invitee[] => people.filter((person) => person.email.trim() !== '');

/** The UID a meeting keeps in every calendar file and every reschedule. */
export const meetingUid = (meetingId: string): string => `${meetingId}@learning-together.invalid`;

/** One VEVENT in a VCALENDAR: METHOD:REQUEST while scheduled, METHOD:CANCEL with STATUS:CANCELLED once cancelled. */
export function icsText(
  request: MeetingRequest,
  identity: Pick<CalendarIdentity, 'uid' | 'sequence' | 'joinUrl'>,
  cancelled: boolean,
  stampedAt: string,
): string {
  const attendees: Attendee[] = withAddress(request.attendees).map((person) => ({
    name: person.name,
    email: person.email,
    rsvp: !cancelled,
    partstat: 'NEEDS-ACTION',
    role: 'REQ-PARTICIPANT',
  }));
  const description = [...request.body, ...(identity.joinUrl ? [`Join the meeting: ${identity.joinUrl}`] : [])].join('\n\n');
  const attributes: EventAttributes & { timestamp: number[] } = {
    productId: PRODUCT_ID,
    method: cancelled ? 'CANCEL' : 'REQUEST',
    uid: identity.uid,
    sequence: identity.sequence,
    timestamp: [...utcParts(stampedAt), new Date(stampedAt).getUTCSeconds()],
    start: utcParts(request.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(request.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: cancelled ? `Cancelled: ${request.title}` : request.title,
    description,
    location: request.online ? (request.place ? `Microsoft Teams; ${request.place}` : 'Microsoft Teams') : request.place,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    ...(request.organiser.email ? { organizer: { name: request.organiser.name, email: request.organiser.email } } : {}),
    attendees,
    ...(identity.joinUrl ? { url: identity.joinUrl } : {}),
  };
  const made = createEvent(attributes);
  if (made.error || made.value === null) throw made.error ?? new Error('ics made no calendar');
  return made.value
    .replace(/^DTSTART:(\d{8}T\d{6})Z$/mu, () => `DTSTART;TZID=${LONDON_TZID}:${londonLocalDateTime(request.start)}`)
    .replace(/^DTEND:(\d{8}T\d{6})Z$/mu, () => `DTEND;TZID=${LONDON_TZID}:${londonLocalDateTime(request.end)}`)
    .replace('BEGIN:VEVENT', `${LONDON_VTIMEZONE}\r\nBEGIN:VEVENT`);
}

/** A file name from the title: letters, digits and hyphens only. */
export function icsFileName(request: MeetingRequest, cancelled: boolean): string {
  const day = londonWallTimeOf(request.start)?.date ?? 'meeting';
  const words = request.title
    .replace(/[^A-Za-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .slice(0, 60);
  return `${cancelled ? 'cancelled-' : ''}${words}-${day}.ics`;
}

export function icsFile(request: MeetingRequest, identity: CalendarIdentity, cancelled: boolean, stampedAt: string): CalendarFile {
  return { fileName: icsFileName(request, cancelled), text: icsText(request, identity, cancelled, stampedAt) };
}
