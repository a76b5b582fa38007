import type { CalendarIdentity, Conversation, Meeting, ReportStage } from '../model';

/** A meeting as the scheduler hands it over: every field but the stamps, which the session adds. */
export type MeetingDraft = Omit<Meeting, 'schemaVersion' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'reviewId'>;

const MINUTE_MS = 60_000;

/** The conversation as a scheduled (or cancelled) meeting leaves it: its date, length, link and place follow the meeting. */
export function conversationAfter(conversation: Conversation, meeting: MeetingDraft): Conversation {
  // A follow-up, or a meeting for a conversation already held, leaves the conversation's own date as it was.
  if (meeting.purpose !== 'conversation' || conversation.status === 'held') return conversation;
  if (meeting.status === 'cancelled') {
    if (conversation.calendarEventId !== (meeting.calendar?.uid ?? '') || conversation.status !== 'scheduled') return conversation;
    return { ...conversation, status: 'toArrange', scheduledStart: null, meetingLink: '', calendarEventId: '' };
  }
  const minutes = Math.round((Date.parse(meeting.end) - Date.parse(meeting.start)) / MINUTE_MS);
  return {
    ...conversation,
    status: 'scheduled',
    scheduledStart: meeting.start,
    durationMinutes: Math.min(240, Math.max(15, minutes)),
    mode: meeting.online ? 'video' : conversation.mode === 'video' ? 'faceToFace' : conversation.mode,
    meetingLink: meeting.calendar?.joinUrl ?? '',
    location: meeting.place,
    calendarEventId: meeting.calendar?.uid ?? '',
  };
}

/** The report stage as its scheduled group meeting leaves it. */
export function reportStageAfter(stage: ReportStage, meeting: MeetingDraft): ReportStage {
  const plannedFor = meeting.status === 'cancelled' ? null : meeting.start;
  if (stage.groupMeeting.plannedFor === plannedFor) return stage;
  return { ...stage, groupMeeting: { ...stage.groupMeeting, plannedFor } };
}

/** The calendar identity after a cancellation: the same UID, the sequence raised (RFC 5545 §3.8.7.4). */
export const cancelledIdentity = (identity: CalendarIdentity | null): CalendarIdentity | null =>
  identity === null ? null : { ...identity, sequence: identity.sequence + 1 };
