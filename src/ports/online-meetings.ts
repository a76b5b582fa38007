import type { Failure } from '../domain/failures';
import type { Result } from '../domain/result';

/** A Teams meeting as far as the app needs it: how to join it and which chat thread it runs in. */
export interface OnlineMeetingRef {
  readonly id: string;
  readonly joinWebUrl: string;
  /** The meeting chat's thread id (`19:meeting_…@thread.v2`): what Teams' tab context calls `chat.id`. */
  readonly chatThreadId: string | null;
}

/**
 * Finds meetings the signed-in person can see. In Microsoft 365 it is Graph's
 * `GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'` (meeting.getMeetingDetails is internal to Microsoft).
 */
export interface OnlineMeetings {
  findByJoinUrl(joinWebUrl: string): Promise<Result<OnlineMeetingRef | null, Failure>>;
}
