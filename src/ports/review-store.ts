import type { Failure } from '../domain/failures';
import type { ReviewId } from '../domain/ids';
import type { AnyChildRecord, ChildRecordKind, ChildRecordOf, Review, ReviewSnapshot } from '../domain/model';
import type { ReviewSummary } from '../domain/review-summary';
import type { Result } from '../domain/result';

export type StoreResult<T> = Promise<Result<T, Failure>>;

/** A record a store now holds, as it holds it (with its new `version`). */
export interface ChangedRecord {
  readonly kind: ChildRecordKind;
  readonly record: AnyChildRecord;
}

/** A record a store no longer holds. */
export interface RemovedRecord {
  readonly kind: ChildRecordKind;
  readonly id: string;
}

/**
 * What changed in a review, as a store reports it to whoever has the review open. `records` names the records
 * (and the review itself when its details changed), so the open review is patched in memory; `unknown` means the
 * store cannot tell (a folder replaced wholesale, a delta token expired): only then is the whole review re-read.
 */
export type ReviewChange =
  | {
      readonly kind: 'records';
      readonly review: Review | null;
      readonly changed: readonly ChangedRecord[];
      readonly removed: readonly RemovedRecord[];
    }
  | { readonly kind: 'unknown' };

export const UNKNOWN_CHANGE: ReviewChange = { kind: 'unknown' };

/**
 * Where reviews are kept. Every adapter (IndexedDB, SharePoint lists) passes the same contract suite
 * in tests/contract/review-store.contract.ts.
 *
 * Concurrency: the caller passes the record as last read, with its `version`. The store writes it only if
 * the stored version still matches, bumps `version` by one, and returns what it stored. A stale version is a
 * `conflict` carrying the current record; nothing is overwritten.
 */
export interface ReviewStore {
  listReviews(): StoreResult<ReviewSummary[]>;
  /** The whole review in one call. */
  loadReview(reviewId: ReviewId): StoreResult<ReviewSnapshot>;
  /** Stores a new review with version 1; `alreadyExists` if the id is taken. */
  createReview(review: Review): StoreResult<Review>;
  updateReview(review: Review): StoreResult<Review>;
  /** Removes the review and every record in it. */
  deleteReview(reviewId: ReviewId): StoreResult<void>;

  /** Stores a new record with version 1; `alreadyExists` if the id is taken; `notFound` if the review is missing. */
  createRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): StoreResult<ChildRecordOf<K>>;
  updateRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): StoreResult<ChildRecordOf<K>>;
  /** Removes a record if `expectedVersion` still matches. */
  deleteRecord(kind: ChildRecordKind, reviewId: ReviewId, id: string, expectedVersion: number): StoreResult<void>;

  /**
   * Writes a whole review at once, all or nothing: the way bundles are imported.
   * With `replace: false` an existing review with the same id is `alreadyExists`.
   */
  importSnapshot(snapshot: ReviewSnapshot, options: { replace: boolean }): StoreResult<ReviewSummary>;

  /**
   * Calls back when anything in the review changes, from this tab or another, saying what changed where the store
   * can tell. Returns an unsubscribe.
   */
  watchReview(reviewId: ReviewId, onChange: (change: ReviewChange) => void): () => void;
}
