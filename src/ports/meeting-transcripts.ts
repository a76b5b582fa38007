import type { Failure } from '../domain/failures';
import type { Result } from '../domain/result';

/**
 * Fetches a Teams meeting's transcript, for the conversation guide's "Import from Teams meeting".
 * Microsoft 365 mode only: the Graph adapter finds the meeting by its join URL
 * (`GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'`), takes its latest transcript and reads
 * `…/transcripts/{id}/content?$format=text/vtt`.
 *
 * Expected failures:
 * - `permissionDenied` when Graph answers 403: the organisation has turned off access to transcripts (or this person
 *   may not read them). The guide then suggests downloading the .vtt from the meeting and uploading it.
 * - `notFound` when no meeting has that join URL, or the meeting has no transcript yet.
 * - `unavailable` when Graph cannot be reached.
 */
export interface MeetingTranscripts {
  /** The transcript as WebVTT text. */
  fetchTranscript(joinUrl: string): Promise<Result<string, Failure>>;
}
