// Scheduling a review's meetings: the rules first (nothing reaches a calendar that the review would refuse), then
// the calendar (Outlook or iCalendar files), then one session command that records the meeting with its calendar
// identity and brings its conversation or report stage in line. What is typed is kept by the caller on failure.
import type { Failure } from '../../domain/failures';
import { isFamilyKind, type Meeting, type MeetingAttendee, type ReviewSnapshot } from '../../domain/model';
import { err, ok, type Result } from '../../domain/result';
import { invitationParagraphs } from '../../domain/scheduling/invitation-text';
import { cancelledIdentity, type MeetingDraft } from '../../domain/scheduling/meeting-changes';
import { meetingIssues } from '../../domain/scheduling/meeting-rules';
import { findSlots, OFFICE_HOURS, type Slot } from '../../domain/scheduling/slots';
import type { CalendarDate } from '../../domain/primitives';
import { formatLondonDateTime } from '../../domain/time';
import type { CalendarFile, Invitee, MeetingCalendar, MeetingRequest } from '../../ports/calendar';
import type { ReviewSession } from '../session/review-session';

/** Who a meeting attendee is, for a calendar. Family members and carers never have a tenant account. */
export function inviteeOf(attendee: MeetingAttendee, snapshot: ReviewSnapshot): Invitee {
  if (attendee.as === 'teamMember') {
    const member = snapshot.teamMembers.find((candidate) => candidate.id === attendee.teamMemberId);
    return { name: member?.name ?? 'A team member', email: member?.email ?? '', hasTenantAccount: (member?.email ?? '') !== '' };
  }
  const participant = snapshot.participants.find((candidate) => candidate.id === attendee.participantId);
  if (participant === undefined) return { name: 'A participant', email: '', hasTenantAccount: false };
  return { name: participant.realName, email: participant.email, hasTenantAccount: !isFamilyKind(participant.kind) && participant.email !== '' };
}

export function requestFor(meeting: MeetingDraft, snapshot: ReviewSnapshot): MeetingRequest {
  return {
    meetingId: meeting.id,
    title: meeting.title,
    start: meeting.start,
    end: meeting.end,
    online: meeting.online,
    place: meeting.place,
    body: invitationParagraphs(meeting as Meeting, snapshot),
    organiser: inviteeOf({ as: 'teamMember', teamMemberId: meeting.organiserId }, snapshot),
    attendees: meeting.attendees.map((attendee) => inviteeOf(attendee, snapshot)),
  };
}

function precheck(session: ReviewSession, meeting: MeetingDraft): Result<void, Failure> {
  const snapshot = session.getSnapshot();
  const record = { ...meeting, reviewId: snapshot.review.id } as unknown as Meeting;
  const { blocking } = meetingIssues(record, snapshot, session.now());
  return blocking.length === 0 ? ok(undefined) : err({ kind: 'invalid', what: 'Meeting', issues: blocking });
}

const participantIdsNotInvited = (meeting: MeetingDraft, notInvited: readonly Invitee[], snapshot: ReviewSnapshot): MeetingDraft['offeredFileTo'] =>
  meeting.attendees.flatMap((attendee) =>
    attendee.as === 'participant' && notInvited.some((person) => person.name === inviteeOf(attendee, snapshot).name) ? [attendee.participantId] : [],
  );

/** Schedules a new meeting, or moves one already scheduled (the same calendar event, its sequence raised). */
export async function scheduleMeeting(session: ReviewSession, calendar: MeetingCalendar, meeting: MeetingDraft): Promise<Result<MeetingDraft, Failure>> {
  const checked = precheck(session, meeting);
  if (!checked.ok) return checked;
  const snapshot = session.getSnapshot();
  const request = requestFor(meeting, snapshot);
  const existing = snapshot.meetings.find((candidate) => candidate.id === meeting.id);
  const identity = existing?.calendar ?? null;
  const placed = identity !== null && existing?.status === 'scheduled' ? await calendar.reschedule(identity, request) : await calendar.schedule(request);
  if (!placed.ok) return placed;
  const recorded: MeetingDraft = {
    ...meeting,
    status: 'scheduled',
    calendar: placed.value.identity,
    offeredFileTo: participantIdsNotInvited(meeting, placed.value.notInvited, snapshot),
    calendarNote: '',
  };
  const applied = await session.apply({ type: 'scheduleMeeting', meeting: recorded });
  return applied.ok ? ok(recorded) : applied;
}

export async function cancelMeeting(
  session: ReviewSession,
  calendar: MeetingCalendar,
  meeting: Meeting,
  message: string,
): Promise<Result<MeetingDraft, Failure>> {
  const request = requestFor(meeting, session.getSnapshot());
  let identity = cancelledIdentity(meeting.calendar);
  if (meeting.calendar !== null) {
    const cancelled = await calendar.cancel(meeting.calendar, request, message);
    if (!cancelled.ok) return cancelled;
    identity = cancelled.value.identity;
  }
  const recorded: MeetingDraft = { ...meeting, status: 'cancelled', calendar: identity };
  const applied = await session.apply({ type: 'scheduleMeeting', meeting: recorded });
  return applied.ok ? ok(recorded) : applied;
}

/** The .ics of a meeting as it stands (METHOD:CANCEL once cancelled), for people the calendar did not invite. */
export function meetingFile(calendar: MeetingCalendar, meeting: Meeting, snapshot: ReviewSnapshot): CalendarFile | null {
  if (meeting.calendar === null) return null;
  return calendar.file(meeting.calendar, requestFor(meeting, snapshot), meeting.status === 'cancelled');
}

/** Times when the team members and participants of a meeting are free (participants' calendars are usually unknown). */
export async function suggestTimes(
  calendar: MeetingCalendar,
  snapshot: ReviewSnapshot,
  meeting: Pick<MeetingDraft, 'attendees' | 'organiserId'>,
  range: { fromDate: CalendarDate; toDate: CalendarDate; durationMinutes: number; now: string },
): Promise<Result<{ slots: Slot[]; unknownNames: string[] }, Failure>> {
  const attendees: MeetingAttendee[] = [{ as: 'teamMember', teamMemberId: meeting.organiserId }, ...meeting.attendees];
  const unique = attendees.filter((attendee, index) => attendees.findIndex((other) => JSON.stringify(other) === JSON.stringify(attendee)) === index);
  const people = unique.map((attendee) => ({ key: JSON.stringify(attendee), ...inviteeOf(attendee, snapshot) }));
  const availability = await calendar.availability({ people, fromDate: range.fromDate, toDate: range.toDate });
  if (!availability.ok) return availability;
  const slots = findSlots({
    fromDate: range.fromDate,
    toDate: range.toDate,
    durationMinutes: range.durationMinutes,
    stepMinutes: 30,
    workingHours: OFFICE_HOURS,
    people: people.map((person) => person.key),
    availability: availability.value,
    now: range.now,
    limit: 8,
  });
  const unknownNames = people.filter((person) => availability.value.get(person.key)?.known !== true).map((person) => person.name);
  return ok({ slots, unknownNames });
}

/**
 * When a review opens: meetings moved or deleted in Outlook since the review recorded them are brought in line, and
 * the facilitator is told what changed, one sentence each.
 */
export async function reconcileMeetings(session: ReviewSession, calendar: MeetingCalendar): Promise<Result<string[], Failure>> {
  const snapshot = session.getSnapshot();
  const scheduled = snapshot.meetings.filter(
    (meeting) => meeting.status === 'scheduled' && meeting.calendar?.system === calendar.system && Date.parse(meeting.end) > Date.parse(session.now()),
  );
  if (scheduled.length === 0) return ok([]);
  const checked = await calendar.check(scheduled.map((meeting) => ({ identity: meeting.calendar!, start: meeting.start, end: meeting.end })));
  if (!checked.ok) return checked;
  const notes: string[] = [];
  for (const meeting of scheduled) {
    const state = checked.value.get(meeting.calendar!.uid);
    if (state === undefined || state.state === 'asPlanned') continue;
    const note =
      state.state === 'moved'
        ? `“${meeting.title}” was moved in Outlook from ${formatLondonDateTime(meeting.start)} to ${formatLondonDateTime(state.start)}; the review now shows the new time.`
        : `“${meeting.title}” on ${formatLondonDateTime(meeting.start)} was cancelled or deleted in Outlook; it is marked cancelled here.`;
    const recorded: MeetingDraft =
      state.state === 'moved'
        ? { ...meeting, start: state.start, end: state.end, calendarNote: note }
        : { ...meeting, status: 'cancelled', calendarNote: note };
    const applied = await session.apply({ type: 'scheduleMeeting', meeting: recorded });
    notes.push(applied.ok ? note : `${note} (It could not be recorded: the review refused the change.)`);
  }
  return ok(notes);
}
