import type { Failure } from '../domain/failures';
import type { Result } from '../domain/result';

/**
 * A finished review is archived by an LSCB coordinator: its private channel becomes read-only and the review leaves the
 * reviews list. After the retention period its channel can be removed, which frees a private channel in the team once
 * Teams stops counting it (deleted channels count for 30 days). See docs/decisions/0908.
 */
export interface ArchivedReview {
  readonly reviewId: string;
  readonly codename: string;
  readonly archivedAt: string;
  /** The first moment the channel may be removed: archivedAt plus the retention period. */
  readonly removableFrom: string;
  /** Null while the channel is kept. */
  readonly channelRemovedAt: string | null;
  /** False when the review never had a channel of its own (a dedicated site). */
  readonly hasChannel: boolean;
}

export interface ReviewArchive {
  /** How many days an archived review's channel is kept before it may be removed. */
  readonly retentionDays: number;
  archived(): Promise<Result<ArchivedReview[], Failure>>;
  archive(reviewId: string): Promise<Result<ArchivedReview, Failure>>;
  /** Removes the channel (and with it the channel's site and the review's records there); refused before `removableFrom`. */
  removeChannel(reviewId: string): Promise<Result<ArchivedReview, Failure>>;
}
