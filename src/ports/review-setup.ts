import type { Failure } from '../domain/failures';
import type { Review } from '../domain/model';
import type { Result } from '../domain/result';

/**
 * Creating a review in Microsoft 365 mode is a sequence that can take minutes: a private channel is created, its
 * SharePoint site appears some time later, then the review's lists are made in it. Each step is recorded as it
 * completes (in the register), so closing the tab loses nothing: the sequence is resumed or abandoned later.
 */
export type ReviewSetupStage = 'registered' | 'channelCreated' | 'waitingForSite' | 'siteReady' | 'listsProvisioned' | 'ready';

export const REVIEW_SETUP_STAGES: readonly ReviewSetupStage[] = ['registered', 'channelCreated', 'waitingForSite', 'siteReady', 'listsProvisioned', 'ready'];

export interface ReviewSetupProgress {
  readonly reviewId: string;
  readonly codename: string;
  readonly stage: ReviewSetupStage;
  /** While waiting for the channel's site: how many times it has been asked for, and the wait before the next. */
  readonly attempt: number;
  readonly nextWaitMs: number;
}

export interface PendingReviewSetup {
  readonly reviewId: string;
  readonly codename: string;
  readonly stage: ReviewSetupStage;
  /** False when this browser no longer has the review's details (it was started elsewhere): only abandoning is possible. */
  readonly resumable: boolean;
}

/** How many private channels the LSCB's team has left (Teams counts deleted ones for a while). */
export interface PrivateChannelQuota {
  readonly limit: number;
  readonly inUse: number;
  readonly remaining: number;
}

export interface ReviewSetup {
  /** Reviews whose setup started and did not finish. */
  pending(): Promise<Result<PendingReviewSetup[], Failure>>;
  /** Carries a pending setup on from where it stopped. */
  resume(reviewId: string): Promise<Result<Review, Failure>>;
  /** Gives up a pending setup: the review disappears; a channel already made is left for a coordinator to remove. */
  abandon(reviewId: string): Promise<Result<void, Failure>>;
  privateChannelQuota(): Promise<Result<PrivateChannelQuota, Failure>>;
  /** Progress of any setup running in this tab. Returns an unsubscribe. */
  onProgress(listener: (progress: ReviewSetupProgress) => void): () => void;
}

/** Keeps the details of reviews being set up, so a closed tab can carry on (the register holds nothing identifying). */
export interface PendingReviewKeeper {
  get(reviewId: string): Review | undefined;
  put(review: Review): void;
  remove(reviewId: string): void;
}

export function memoryKeeper(): PendingReviewKeeper {
  const kept = new Map<string, Review>();
  return {
    get: (reviewId) => kept.get(reviewId),
    put: (review) => void kept.set(review.id, review),
    remove: (reviewId) => void kept.delete(reviewId),
  };
}
