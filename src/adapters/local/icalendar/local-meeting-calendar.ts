// Standalone mode's calendar: no server to send invitations, so each meeting becomes an RFC 5545 file to download
// and send, and a local schedule (every review's meetings in this browser) stands in for free/busy: the review
// team's meetings here make them busy; anyone else (participants) is unknown, never assumed free.
import { ok, type Result } from '../../../domain/result';
import type { Failure } from '../../../domain/failures';
import type { CalendarIdentity } from '../../../domain/model';
import type { Availability, Interval } from '../../../domain/scheduling/slots';
import type { AvailabilityQuery, CalendarFile, MeetingCalendar, MeetingCheck, MeetingRequest, ScheduledMeeting } from '../../../ports/calendar';
import { icsFile, meetingUid } from './ics-file';

/** One meeting in the local schedule. */
export interface LocalScheduleEntry extends Interval {
  readonly uid: string;
  readonly title: string;
  /** Lower-cased addresses of everyone taken up by it. */
  readonly people: readonly string[];
  readonly cancelled: boolean;
}

/** Where the local schedule is kept (localStorage in a browser, memory in tests). */
export interface ScheduleStorage {
  read(): string | null;
  write(text: string): void;
}

export const memoryScheduleStorage = (): ScheduleStorage => {
  let text: string | null = null;
  return { read: () => text, write: (next) => void (text = next) };
};

export interface LocalCalendarOptions {
  readonly storage: ScheduleStorage;
  readonly now: () => string;
}

const addressOf = (email: string): string => email.trim().toLocaleLowerCase('en-GB');

export function createLocalMeetingCalendar(options: LocalCalendarOptions): MeetingCalendar & { entries(): readonly LocalScheduleEntry[] } {
  const read = (): LocalScheduleEntry[] => {
    try {
      const parsed: unknown = JSON.parse(options.storage.read() ?? '[]');
      return Array.isArray(parsed) ? (parsed as LocalScheduleEntry[]) : [];
    } catch {
      return [];
    }
  };
  const write = (entries: readonly LocalScheduleEntry[]) => options.storage.write(JSON.stringify(entries));
  const upsert = (request: MeetingRequest, uid: string, cancelled: boolean) => {
    const entry: LocalScheduleEntry = {
      uid,
      title: request.title,
      start: request.start,
      end: request.end,
      people: [request.organiser, ...request.attendees].map((person) => addressOf(person.email)).filter((email) => email !== ''),
      cancelled,
    };
    write([...read().filter((existing) => existing.uid !== uid), entry]);
  };
  const notInvited = (request: MeetingRequest) => request.attendees;

  const scheduled = (request: MeetingRequest, identity: CalendarIdentity): ScheduledMeeting => ({
    identity: { ...identity, confirmedAt: options.now() },
    // Nobody is invited by a file nobody has sent yet: everyone is offered it.
    notInvited: notInvited(request),
  });

  return {
    system: 'icalendar',
    async availability(query: AvailabilityQuery): Promise<Result<ReadonlyMap<string, Availability>, Failure>> {
      const entries = read().filter((entry) => !entry.cancelled);
      const result = new Map<string, Availability>();
      for (const person of query.people) {
        const address = addressOf(person.email);
        // The review team's meetings are all this browser knows of; anyone else has no calendar here.
        result.set(
          person.key,
          person.hasTenantAccount && address !== ''
            ? { known: true, busy: entries.filter((entry) => entry.people.includes(address)).map(({ start, end }) => ({ start, end })) }
            : { known: false, reason: 'no calendar in this browser' },
        );
      }
      return ok(result);
    },
    async schedule(request) {
      const identity: CalendarIdentity = {
        system: 'icalendar',
        eventId: '',
        uid: meetingUid(request.meetingId),
        sequence: 0,
        joinUrl: '',
        transactionId: '',
        confirmedAt: null,
      };
      upsert(request, identity.uid, false);
      return ok(scheduled(request, identity));
    },
    async reschedule(identity, request) {
      upsert(request, identity.uid, false);
      return ok(scheduled(request, { ...identity, sequence: identity.sequence + 1 }));
    },
    async cancel(identity, request) {
      upsert(request, identity.uid, true);
      return ok(scheduled(request, { ...identity, sequence: identity.sequence + 1 }));
    },
    async check(recorded): Promise<Result<ReadonlyMap<string, MeetingCheck>, Failure>> {
      // Nothing outside the app can move a meeting kept only here.
      return ok(new Map(recorded.map(({ identity }) => [identity.uid, { state: 'asPlanned' } as const])));
    },
    file(identity, request, cancelled): CalendarFile {
      return icsFile(request, identity, cancelled, options.now());
    },
    entries: () => read(),
  };
}
