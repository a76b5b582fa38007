// Meetings as Outlook events with Teams meetings, over the one Graph client (Calendars.ReadWrite):
// POST /me/events (isOnlineMeeting, teamsForBusiness, transactionId), PATCH, POST …/cancel (organiser only),
// POST /me/calendar/getSchedule (≤ 20 addresses, ranges under 42 days) and GET /me/events/{id} for the check when
// a review opens. Several requests to the one mailbox go in $batch groups of at most four (Outlook's limit).
import type { Failure } from '../../../domain/failures';
import type { CalendarIdentity } from '../../../domain/model';
import { err, ok, type Result } from '../../../domain/result';
import { instantFromLondonWallTime } from '../../../domain/rules/london-time';
import { chunk, nextDate, splitDateRange, type Availability, type Interval } from '../../../domain/scheduling/slots';
import type {
  AvailabilityQuery,
  CalendarFile,
  Invitee,
  MeetingCalendar,
  MeetingCheck,
  MeetingRequest,
  RecordedMeeting,
  ScheduledMeeting,
} from '../../../ports/calendar';
import { icsFile, londonLocalDateTime } from '../../local/icalendar/ics-file';
import { sendBatch, type BatchPart } from '../http/batch';
import { failureFromOutcome, graphError, responseOf } from '../http/failures';
import type { GraphResponse, GraphTransport, SendOutcome } from '../http/transport';

/** getSchedule: at most 20 schedules per call; the range must be under 42 days. */
export const SCHEDULES_PER_CALL = 20;
export const DAYS_PER_CALL = 31;
/** Outlook takes at most four requests to one mailbox in a $batch. */
export const MAILBOX_REQUESTS_PER_BATCH = 4;

const LONDON = 'Europe/London';
const PREFER_LONDON = { prefer: `outlook.timezone="${LONDON}"` };
const WHAT = 'Your Outlook calendar';

interface GraphEvent {
  readonly id?: unknown;
  readonly iCalUId?: unknown;
  readonly isCancelled?: unknown;
  readonly start?: { readonly dateTime?: unknown; readonly timeZone?: unknown };
  readonly end?: { readonly dateTime?: unknown; readonly timeZone?: unknown };
  readonly onlineMeeting?: { readonly joinUrl?: unknown } | null;
}

const escapeHtml = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** A London wall time from an answer sent with Prefer: outlook.timezone="Europe/London", as an instant. */
function instantOf(value: GraphEvent['start']): string | null {
  if (typeof value?.dateTime !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/u.exec(value.dateTime);
  if (match === null) return null;
  if (value.timeZone === 'UTC') return new Date(`${match[1]}T${match[2]}:00Z`).toISOString();
  return instantFromLondonWallTime(match[1]!, match[2]!);
}

const dateTimeTimeZone = (instant: string) => ({
  dateTime: londonLocalDateTime(instant).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/u, '$1-$2-$3T$4:$5:$6'),
  timeZone: LONDON,
});

/** Only people with an account in the tenant are invited through Outlook: family members get the file and letter. */
const invitable = (person: Pick<Invitee, 'email' | 'hasTenantAccount'>): boolean => person.hasTenantAccount && person.email.trim() !== '';

function eventBody(request: MeetingRequest) {
  return {
    subject: request.title,
    body: { contentType: 'HTML', content: request.body.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('') },
    start: dateTimeTimeZone(request.start),
    end: dateTimeTimeZone(request.end),
    location: { displayName: request.place },
    attendees: request.attendees.filter(invitable).map((person) => ({ emailAddress: { address: person.email, name: person.name }, type: 'required' })),
    isOnlineMeeting: request.online,
    ...(request.online ? { onlineMeetingProvider: 'teamsForBusiness' } : {}),
    allowNewTimeProposals: false,
  };
}

/** Outlook's refusals in the app's words: consent, a mailbox that is not there, organiser-only cancel, throttling. */
export function calendarFailure(sent: SendOutcome, what: string): Failure {
  const response = responseOf(sent);
  if (response === undefined) return failureFromOutcome(sent, what);
  const info = graphError(response);
  if (response.status === 401 || response.status === 403) {
    return { kind: 'permissionDenied', what: 'your calendar', detail: `Calendars.ReadWrite is needed to schedule meetings (${info.code})` };
  }
  if (response.status === 404 || info.code === 'ErrorMailRecipientNotFound' || info.code === 'MailboxNotEnabledForRESTAPI') {
    return { kind: 'notFound', what: 'The mailbox or calendar event', id: `(${info.code})` };
  }
  if (response.status === 400 && /organi[sz]er/iu.test(info.message)) {
    return {
      kind: 'blocked',
      what: 'Cancelling this meeting',
      reasons: ['only the person who organised it in Outlook can cancel it; ask them, or cancel it in their calendar'],
    };
  }
  if (response.status === 429 || response.status >= 500) {
    return { kind: 'unavailable', what, detail: `Outlook is busy (${response.status}); try again in a minute`, retryable: false };
  }
  return { kind: 'unavailable', what, detail: `Outlook refused the request (${info.code}${info.message ? `: ${info.message}` : ''})`, retryable: false };
}

function identityFrom(event: GraphEvent, previous: CalendarIdentity | null, transactionId: string, now: string): CalendarIdentity | null {
  if (typeof event.id !== 'string' || typeof event.iCalUId !== 'string') return null;
  const joinUrl = typeof event.onlineMeeting?.joinUrl === 'string' ? event.onlineMeeting.joinUrl : '';
  return {
    system: 'microsoft365',
    eventId: event.id,
    uid: event.iCalUId,
    sequence: previous === null ? 0 : previous.sequence + 1,
    joinUrl,
    transactionId,
    confirmedAt: now,
  };
}

export interface GraphCalendarOptions {
  readonly now: () => string;
}

export function graphMeetingCalendarOver(client: GraphTransport, options: GraphCalendarOptions): MeetingCalendar {
  const scheduled = (identity: CalendarIdentity, request: MeetingRequest): ScheduledMeeting => ({
    identity,
    notInvited: request.attendees.filter((person) => !invitable(person)),
  });

  async function create(request: MeetingRequest): Promise<Result<ScheduledMeeting, Failure>> {
    const transactionId = request.meetingId;
    // Safe to send again: a repeated transactionId returns the event already made, never a second one.
    const sent = await client.send({
      method: 'POST',
      url: '/me/events',
      headers: PREFER_LONDON,
      json: { ...eventBody(request), transactionId },
      idempotent: true,
    });
    const response = responseOf(sent);
    if (response?.status !== 201 && response?.status !== 200) return err(calendarFailure(sent, WHAT));
    const identity = identityFrom(response.body as GraphEvent, null, transactionId, options.now());
    if (identity === null) return err({ kind: 'unavailable', what: WHAT, detail: 'Outlook answered without an event id', retryable: false });
    return ok(scheduled(identity, request));
  }

  return {
    system: 'microsoft365',
    async availability(query: AvailabilityQuery): Promise<Result<ReadonlyMap<string, Availability>, Failure>> {
      const result = new Map<string, Availability>();
      const asked = query.people.filter(invitable);
      for (const person of query.people) if (!invitable(person)) result.set(person.key, { known: false, reason: 'no calendar in this organisation' });
      const busy = new Map<string, Interval[]>(asked.map((person) => [person.key, []]));
      const parts: BatchPart[] = [];
      const groups = chunk(asked, SCHEDULES_PER_CALL);
      for (const [rangeIndex, range] of splitDateRange(query.fromDate, query.toDate, DAYS_PER_CALL).entries()) {
        for (const [groupIndex, group] of groups.entries()) {
          parts.push({
            id: `${rangeIndex}-${groupIndex}`,
            method: 'POST',
            url: '/me/calendar/getSchedule',
            headers: { 'content-type': 'application/json', ...PREFER_LONDON },
            body: {
              schedules: group.map((person) => person.email),
              startTime: { dateTime: `${range.fromDate}T00:00:00`, timeZone: LONDON },
              endTime: { dateTime: `${nextDate(range.toDate)}T00:00:00`, timeZone: LONDON },
              availabilityViewInterval: 30,
            },
          });
        }
      }
      // All of these go to the signed-in person's mailbox: four to a batch.
      const outcomes = await sendBatch(client, parts, { partsPerBatch: MAILBOX_REQUESTS_PER_BATCH, concurrency: 1 });
      for (const part of parts) {
        const outcome = outcomes.get(part.id);
        const response: GraphResponse | undefined = responseOf(outcome);
        if (response?.status !== 200)
          return err(
            outcome === undefined ? { kind: 'unavailable', what: WHAT, detail: 'no answer', retryable: false } : calendarFailure(outcome as SendOutcome, WHAT),
          );
        const value =
          (
            response.body as {
              value?: Array<{
                scheduleId?: unknown;
                error?: unknown;
                scheduleItems?: Array<{ status?: unknown; start?: GraphEvent['start']; end?: GraphEvent['end'] }>;
              }>;
            }
          ).value ?? [];
        for (const information of value) {
          const person = asked.find((candidate) => candidate.email.toLocaleLowerCase('en-GB') === String(information.scheduleId).toLocaleLowerCase('en-GB'));
          if (person === undefined) continue;
          if (information.error !== undefined && information.error !== null) {
            result.set(person.key, { known: false, reason: 'Outlook could not read this calendar' });
            continue;
          }
          for (const item of information.scheduleItems ?? []) {
            if (item.status === 'free' || item.status === 'workingElsewhere') continue;
            const start = instantOf(item.start);
            const end = instantOf(item.end);
            if (start !== null && end !== null) busy.get(person.key)?.push({ start, end });
          }
        }
      }
      for (const person of asked) if (!result.has(person.key)) result.set(person.key, { known: true, busy: busy.get(person.key) ?? [] });
      return ok(result);
    },
    schedule: create,
    async reschedule(identity, request) {
      const sent = await client.send({
        method: 'PATCH',
        url: `/me/events/${encodeURIComponent(identity.eventId)}`,
        headers: PREFER_LONDON,
        json: eventBody(request),
        idempotent: true,
      });
      const response = responseOf(sent);
      if (response?.status !== 200) return err(calendarFailure(sent, WHAT));
      const next = identityFrom(response.body as GraphEvent, identity, identity.transactionId, options.now());
      return next === null
        ? err({ kind: 'unavailable', what: WHAT, detail: 'Outlook answered without the event', retryable: false })
        : ok(scheduled({ ...next, joinUrl: next.joinUrl || identity.joinUrl }, request));
    },
    async cancel(identity, request, message) {
      const sent = await client.send({ method: 'POST', url: `/me/events/${encodeURIComponent(identity.eventId)}/cancel`, json: { comment: message } });
      const response = responseOf(sent);
      // Already gone (cancelled or deleted in Outlook) is what was wanted.
      if (response?.status !== 202 && response?.status !== 204 && response?.status !== 404) return err(calendarFailure(sent, WHAT));
      return ok(scheduled({ ...identity, sequence: identity.sequence + 1, confirmedAt: options.now() }, request));
    },
    async check(recorded: readonly RecordedMeeting[]): Promise<Result<ReadonlyMap<string, MeetingCheck>, Failure>> {
      const withEvents = recorded.filter((meeting) => meeting.identity.system === 'microsoft365' && meeting.identity.eventId !== '');
      const parts: BatchPart[] = withEvents.map((meeting, index) => ({
        id: String(index),
        method: 'GET',
        url: `/me/events/${encodeURIComponent(meeting.identity.eventId)}`,
        headers: PREFER_LONDON,
      }));
      const outcomes = await sendBatch(client, parts, { partsPerBatch: MAILBOX_REQUESTS_PER_BATCH, concurrency: 1 });
      const result = new Map<string, MeetingCheck>();
      for (const [index, meeting] of withEvents.entries()) {
        const outcome = outcomes.get(String(index));
        const response = responseOf(outcome);
        if (response?.status === 404) {
          result.set(meeting.identity.uid, { state: 'deleted' });
          continue;
        }
        if (response?.status !== 200)
          return err(
            outcome === undefined ? { kind: 'unavailable', what: WHAT, detail: 'no answer', retryable: false } : calendarFailure(outcome as SendOutcome, WHAT),
          );
        const event = response.body as GraphEvent;
        if (event.isCancelled === true) {
          result.set(meeting.identity.uid, { state: 'deleted' });
          continue;
        }
        const start = instantOf(event.start);
        const end = instantOf(event.end);
        const moved = start !== null && end !== null && (Date.parse(start) !== Date.parse(meeting.start) || Date.parse(end) !== Date.parse(meeting.end));
        result.set(meeting.identity.uid, moved && start !== null && end !== null ? { state: 'moved', start, end } : { state: 'asPlanned' });
      }
      return ok(result);
    },
    file(identity, request, cancelled): CalendarFile {
      return icsFile(request, identity, cancelled, options.now());
    },
  };
}
