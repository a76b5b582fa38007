import type { Failure } from '../../domain/failures';
import { ok, type Result } from '../../domain/result';
import type { OnlineMeetings } from '../../ports/online-meetings';
import type { ConversationTarget } from './frame-routing';

/** A conversation that has a Teams meeting link, as a candidate for "the meeting we are in". */
export interface MeetingCandidate extends ConversationTarget {
  readonly meetingLink: string;
  /** ISO start, used to try the nearest meetings first. */
  readonly scheduledStart: string | null;
}

/**
 * Which conversation a meeting side panel or stage belongs to, when its tab did not say.
 * Teams tells the tab its meeting chat's thread id (context.chat.id). Classic join links carry that id in their
 * path, so those match without a request; short links (teams.microsoft.com/meet/…) do not, so each remaining
 * candidate's link is looked up through Graph (`/me/onlineMeetings?$filter=JoinWebUrl eq '…'`) and the meeting's
 * chat thread compared. Nearest-in-time candidates are tried first and the search stops at the first match.
 */
export async function findConversationForMeeting(
  meeting: { readonly chatThreadId: string },
  candidates: readonly MeetingCandidate[],
  meetings: OnlineMeetings,
  now: Date,
): Promise<Result<ConversationTarget | null, Failure>> {
  const withLinks = candidates.filter((candidate) => candidate.meetingLink !== '');
  const local = withLinks.find((candidate) => linkNamesThread(candidate.meetingLink, meeting.chatThreadId));
  if (local) return ok(targetOf(local));

  const nearestFirst = [...withLinks].sort((a, b) => distance(a, now) - distance(b, now));
  for (const candidate of nearestFirst) {
    const found = await meetings.findByJoinUrl(candidate.meetingLink);
    if (!found.ok) return found;
    if (found.value?.chatThreadId === meeting.chatThreadId) return ok(targetOf(candidate));
  }
  return ok(null);
}

function targetOf(candidate: MeetingCandidate): ConversationTarget {
  return { reviewId: candidate.reviewId, conversationId: candidate.conversationId };
}

/** Classic join links look like https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=… */
export function linkNamesThread(link: string, chatThreadId: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(link).pathname);
  } catch {
    return false;
  }
  return decoded.toLowerCase().includes(`/${chatThreadId.toLowerCase()}/`);
}

function distance(candidate: MeetingCandidate, now: Date): number {
  if (candidate.scheduledStart === null) return Number.MAX_SAFE_INTEGER;
  const start = Date.parse(candidate.scheduledStart);
  return Number.isNaN(start) ? Number.MAX_SAFE_INTEGER : Math.abs(start - now.getTime());
}
