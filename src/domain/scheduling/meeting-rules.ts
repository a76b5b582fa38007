import type { FieldIssue } from '../failures';
import type { Meeting, ReviewSnapshot } from '../model';
import type { RuleOutcome } from '../rules';
import { formatLondonDateTime } from '../time';

/** SCIE Appendix 1: "Conversations will take up to one hour and a half." */
export const LONGEST_CONVERSATION_MINUTES = 90;

const MINUTE_MS = 60_000;
const isOneToOne = (meeting: Pick<Meeting, 'purpose'>): boolean => meeting.purpose === 'conversation' || meeting.purpose === 'followUp';
const overlaps = (a: Pick<Meeting, 'start' | 'end'>, b: Pick<Meeting, 'start' | 'end'>): boolean =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/** The team members a meeting takes up: its organiser and every team member invited. */
export function teamMembersOf(meeting: Pick<Meeting, 'organiserId' | 'attendees'>): string[] {
  const ids = new Set<string>([meeting.organiserId]);
  for (const attendee of meeting.attendees) if (attendee.as === 'teamMember') ids.add(attendee.teamMemberId);
  return [...ids];
}

/**
 * A meeting must make sense before any calendar hears of it: it ends after it starts, a new time is still to come,
 * a one-to-one conversation lasts at most an hour and a half, and everyone it names belongs to the review. A team
 * member already in another meeting of this review at that time is pointed out, not refused (the team may choose to
 * swap who facilitates). `now` is given: the domain never reads the clock.
 */
export function meetingIssues(meeting: Meeting, snapshot: ReviewSnapshot, now: string): RuleOutcome {
  const blocking: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const start = Date.parse(meeting.start);
  const end = Date.parse(meeting.end);
  const before = snapshot.meetings.find((candidate) => candidate.id === meeting.id);
  if (end <= start) blocking.push({ path: 'end', message: 'the meeting must end after it starts' });
  const timeChanged = before === undefined || before.start !== meeting.start || before.end !== meeting.end;
  if (meeting.status === 'scheduled' && timeChanged && start < Date.parse(now)) {
    blocking.push({ path: 'start', message: 'that start time has already passed: choose a time still to come' });
  }
  if (isOneToOne(meeting) && end > start && end - start > LONGEST_CONVERSATION_MINUTES * MINUTE_MS) {
    blocking.push({ path: 'end', message: `a one-to-one conversation lasts at most ${LONGEST_CONVERSATION_MINUTES} minutes (an hour and a half)` });
  }
  if (meeting.conversationId !== null && !snapshot.conversations.some((conversation) => conversation.id === meeting.conversationId)) {
    blocking.push({ path: 'conversationId', message: 'the conversation this meeting is for is no longer in the review' });
  }
  if (meeting.reportStageId !== null && !snapshot.reportStages.some((stage) => stage.id === meeting.reportStageId)) {
    blocking.push({ path: 'reportStageId', message: 'the report stage this group meeting is for is no longer in the review' });
  }
  if (!snapshot.teamMembers.some((member) => member.id === meeting.organiserId)) {
    blocking.push({ path: 'organiserId', message: 'the organiser must be on the review team' });
  }
  for (const attendee of meeting.attendees) {
    const known =
      attendee.as === 'teamMember'
        ? snapshot.teamMembers.some((member) => member.id === attendee.teamMemberId)
        : snapshot.participants.some((participant) => participant.id === attendee.participantId);
    if (!known) blocking.push({ path: 'attendees', message: 'everyone invited must be on the review team or a participant' });
  }
  if (meeting.status === 'scheduled' && end > start) warnings.push(...doubleBookings(meeting, snapshot));
  return { blocking, warnings };
}

/** Team members already in another scheduled meeting of this review that overlaps. */
export function doubleBookings(meeting: Meeting, snapshot: ReviewSnapshot): FieldIssue[] {
  const mine = new Set(teamMembersOf(meeting));
  const issues: FieldIssue[] = [];
  for (const other of snapshot.meetings) {
    if (other.id === meeting.id || other.status !== 'scheduled' || !overlaps(meeting, other)) continue;
    for (const memberId of teamMembersOf(other)) {
      if (!mine.has(memberId)) continue;
      const name = snapshot.teamMembers.find((member) => member.id === memberId)?.name ?? 'A team member';
      issues.push({ path: 'start', message: `${name} is already in “${other.title}” at ${formatLondonDateTime(other.start)}` });
    }
  }
  return issues;
}
