import type { Meeting, ReviewSnapshot } from '../model';

export interface ScheduleSummary {
  /** Meetings still to come, soonest first. */
  readonly upcoming: readonly Meeting[];
  /** Conversations with no scheduled meeting and not yet held. */
  readonly conversationsNotScheduled: ReadonlyArray<{ readonly conversationId: string; readonly participantLabel: string }>;
  /** Participants with no conversation at all, or whose only conversations were cancelled without a new time. */
  readonly participantsNotOffered: ReadonlyArray<{ readonly participantId: string; readonly label: string }>;
  /** Group meetings of report stages not yet scheduled. */
  readonly groupMeetingsNotScheduled: ReadonlyArray<{ readonly reportStageId: string; readonly stage: string }>;
}

/** What the review overview says about scheduling, as of `now`. */
export function summariseSchedule(snapshot: ReviewSnapshot, now: string): ScheduleSummary {
  const scheduled = snapshot.meetings.filter((meeting) => meeting.status === 'scheduled');
  const upcoming = scheduled.filter((meeting) => Date.parse(meeting.end) > Date.parse(now)).sort((a, b) => a.start.localeCompare(b.start));
  const labelOf = (participantId: string) => snapshot.participants.find((participant) => participant.id === participantId)?.reportLabel ?? 'A participant';
  const conversationsNotScheduled = snapshot.conversations
    .filter(
      (conversation) =>
        (conversation.status === 'toArrange' || conversation.status === 'cancelled') &&
        !scheduled.some((meeting) => meeting.conversationId === conversation.id),
    )
    .map((conversation) => ({ conversationId: conversation.id, participantLabel: labelOf(conversation.participantId) }));
  const participantsNotOffered = snapshot.participants
    .filter((participant) => {
      const conversations = snapshot.conversations.filter((conversation) => conversation.participantId === participant.id);
      const offered = conversations.some(
        (conversation) =>
          conversation.status === 'held' ||
          conversation.status === 'scheduled' ||
          snapshot.meetings.some((meeting) => meeting.conversationId === conversation.id),
      );
      return !offered;
    })
    .map((participant) => ({ participantId: participant.id, label: participant.reportLabel }));
  const groupMeetingsNotScheduled = snapshot.reportStages
    .filter((stage) => stage.stage !== 'finalPublic' && stage.groupMeeting.plannedFor === null && stage.groupMeeting.heldOn === null)
    .map((stage) => ({ reportStageId: stage.id, stage: stage.stage }));
  return { upcoming, conversationsNotScheduled, participantsNotOffered, groupMeetingsNotScheduled };
}
