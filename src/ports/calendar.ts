import type { Failure } from '../domain/failures';
import type { CalendarIdentity, CalendarSystem } from '../domain/model';
import type { Result } from '../domain/result';
import type { Availability } from '../domain/scheduling/slots';
import type { CalendarDate } from '../domain/primitives';

/** Someone a meeting invites, as a calendar needs them. */
export interface Invitee {
  readonly name: string;
  /** Empty when not known: such a person cannot be invited by a calendar and is sent the file and letter instead. */
  readonly email: string;
  /** Family members and carers have no account in the organisation's Microsoft 365: never sent a Graph invitation. */
  readonly hasTenantAccount: boolean;
}

/** A meeting as a calendar sees it: titles and words from the review only, never the case. */
export interface MeetingRequest {
  /** The meeting record's id: the standalone calendar makes the UID from it; Graph's transactionId too. */
  readonly meetingId: string;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly online: boolean;
  readonly place: string;
  /** The invitation's body as paragraphs (from the Appendix 2 explanation, filled with the review's details). */
  readonly body: readonly string[];
  readonly organiser: Invitee;
  readonly attendees: readonly Invitee[];
}

export interface ScheduledMeeting {
  readonly identity: CalendarIdentity;
  /** People not invited by the calendar (no tenant account or no address): offer them the file and the letter. */
  readonly notInvited: readonly Invitee[];
}

/** A meeting as the review has it on record, to compare with the calendar. */
export interface RecordedMeeting {
  readonly identity: CalendarIdentity;
  readonly start: string;
  readonly end: string;
}

/** What the calendar says about a meeting the review has on record. */
export type MeetingCheck =
  { readonly state: 'asPlanned' } | { readonly state: 'moved'; readonly start: string; readonly end: string } | { readonly state: 'deleted' };

export interface AvailabilityQuery {
  /** Each person by a key of the caller's choosing, with their address ('' when none). */
  readonly people: ReadonlyArray<{ readonly key: string; readonly email: string; readonly hasTenantAccount: boolean }>;
  readonly fromDate: CalendarDate;
  readonly toDate: CalendarDate;
}

/** An iCalendar file (RFC 5545) to download or send. */
export interface CalendarFile {
  readonly fileName: string;
  readonly text: string;
}

/**
 * Where the review's meetings are put in people's calendars: an Outlook calendar through Microsoft Graph (each
 * meeting a Teams meeting), or iCalendar files made in the browser with a local schedule. The same screens use both.
 */
export interface MeetingCalendar {
  readonly system: CalendarSystem;
  /** Busy times per person, within the dates; someone the calendar cannot see is `known: false`, never free. */
  availability(query: AvailabilityQuery): Promise<Result<ReadonlyMap<string, Availability>, Failure>>;
  schedule(request: MeetingRequest): Promise<Result<ScheduledMeeting, Failure>>;
  /** Moves the same event: the UID stays, the sequence rises. */
  reschedule(identity: CalendarIdentity, request: MeetingRequest): Promise<Result<ScheduledMeeting, Failure>>;
  /** Cancels it with a message to those invited (in Graph, only the organiser can). */
  cancel(identity: CalendarIdentity, request: MeetingRequest, message: string): Promise<Result<ScheduledMeeting, Failure>>;
  /** Has each meeting been moved or deleted in the calendar since the review recorded it? Keyed by UID. */
  check(recorded: readonly RecordedMeeting[]): Promise<Result<ReadonlyMap<string, MeetingCheck>, Failure>>;
  /** The .ics for this meeting as it now stands (METHOD:CANCEL once cancelled): for people the calendar did not invite. */
  file(identity: CalendarIdentity, request: MeetingRequest, cancelled: boolean): CalendarFile;
}
