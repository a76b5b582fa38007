import type { BundleOperations, ExportedBundle, ImportedReview, OpenedTrainingCase } from '../app/bundles';
import type { NewReviewInput, RecordInput, ReviewOperations } from '../app/review-service';
import type { Failure } from '../domain/failures';
import type { ReviewId } from '../domain/ids';
import type { AuditEntry, ChildRecordKind, ChildRecordOf, Review, ReviewPhase, ReviewSnapshot, ReviewSummary } from '../domain/model';
import { err, ok, type Result } from '../domain/result';
import type { ReviewChange, ReviewStore, StoreResult } from '../ports/review-store';

// Standalone mode's data layer (ReviewService, the Dexie store, bundles: dexie, zod and the whole model) is a chunk
// of its own, so the first screen can render while it downloads (DESIGN §6, first-load-js). These stand-ins are
// handed to the screens at once: every call waits for the chunk, then goes to the real service. Only imports of
// types reach the real modules from here, so this file keeps them out of the entry chunk.

/** A value loaded once, on first use; a failed load is a Failure (not a throw) and is tried again next time. */
export interface Deferred<T> {
  get(): Promise<Result<T, Failure>>;
}

export function deferred<T>(load: () => Promise<T>, what: string): Deferred<T> {
  let pending: Promise<Result<T, Failure>> | null = null;
  return {
    get() {
      if (pending) return pending;
      const attempt = Promise.resolve()
        .then(load)
        .then(
        (value): Result<T, Failure> => ok(value),
        (error: unknown): Result<T, Failure> => {
          // Forget the failed attempt so the next call loads again (a network blip need not last the session).
          if (pending === attempt) pending = null;
          return err({ kind: 'unavailable', what, detail: detailOf(error), retryable: false });
        },
      );
      pending = attempt;
      return attempt;
    },
  };
}

function detailOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() === '' ? 'it could not be loaded' : `it could not be loaded: ${message}`;
}

/** Runs `call` on the loaded value, or hands back why it could not be loaded. */
async function using<T, R>(loaded: Deferred<T>, call: (value: T) => Promise<Result<R, Failure>>): Promise<Result<R, Failure>> {
  const value = await loaded.get();
  return value.ok ? call(value.value) : value;
}

/** A ReviewStore whose calls wait for the real store. */
class DeferredReviewStore implements ReviewStore {
  constructor(private readonly loaded: Deferred<ReviewStore>) {}

  listReviews(): StoreResult<ReviewSummary[]> {
    return using(this.loaded, (store) => store.listReviews());
  }
  loadReview(reviewId: ReviewId): StoreResult<ReviewSnapshot> {
    return using(this.loaded, (store) => store.loadReview(reviewId));
  }
  createReview(review: Review): StoreResult<Review> {
    return using(this.loaded, (store) => store.createReview(review));
  }
  updateReview(review: Review): StoreResult<Review> {
    return using(this.loaded, (store) => store.updateReview(review));
  }
  deleteReview(reviewId: ReviewId): StoreResult<void> {
    return using(this.loaded, (store) => store.deleteReview(reviewId));
  }
  createRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): StoreResult<ChildRecordOf<K>> {
    return using(this.loaded, (store) => store.createRecord(kind, record));
  }
  updateRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): StoreResult<ChildRecordOf<K>> {
    return using(this.loaded, (store) => store.updateRecord(kind, record));
  }
  deleteRecord(kind: ChildRecordKind, reviewId: ReviewId, id: string, expectedVersion: number): StoreResult<void> {
    return using(this.loaded, (store) => store.deleteRecord(kind, reviewId, id, expectedVersion));
  }
  importSnapshot(snapshot: ReviewSnapshot, options: { replace: boolean }): StoreResult<ReviewSummary> {
    return using(this.loaded, (store) => store.importSnapshot(snapshot, options));
  }

  /**
   * Subscribes once the store is there. The unsubscribe works at any time: called before then, the subscription
   * is never made. If the store cannot be loaded there is nothing to watch; the screen's own load reports why.
   */
  watchReview(reviewId: ReviewId, onChange: (change: ReviewChange) => void): () => void {
    let unsubscribe: (() => void) | null = null;
    let cancelled = false;
    void this.loaded.get().then((store) => {
      if (cancelled || !store.ok) return;
      unsubscribe = store.value.watchReview(reviewId, onChange);
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
      unsubscribe = null;
    };
  }
}

/** A ReviewService whose calls wait for the real service; `store` is a stand-in too, usable straight away. */
class DeferredReviewService implements ReviewOperations {
  readonly store: ReviewStore;

  constructor(private readonly loaded: Deferred<ReviewOperations>) {
    this.store = new DeferredReviewStore(deferredPart(loaded, (service) => service.store));
  }

  listReviews(): Promise<Result<ReviewSummary[], Failure>> {
    return using(this.loaded, (service) => service.listReviews());
  }
  loadReview(reviewId: ReviewId): Promise<Result<ReviewSnapshot, Failure>> {
    return using(this.loaded, (service) => service.loadReview(reviewId));
  }
  createReview(input: NewReviewInput): Promise<Result<Review, Failure>> {
    return using(this.loaded, (service) => service.createReview(input));
  }
  updateReview(review: Review, changes: Parameters<ReviewOperations['updateReview']>[1]): Promise<Result<Review, Failure>> {
    return using(this.loaded, (service) => service.updateReview(review, changes));
  }
  addRecord<K extends ChildRecordKind>(kind: K, reviewId: ReviewId, input: RecordInput<K>, id?: string): Promise<Result<ChildRecordOf<K>, Failure>> {
    // The id matters: records with a derived id (one step note per step) rely on it to meet each other.
    return using(this.loaded, (service) => service.addRecord(kind, reviewId, input, id));
  }
  saveRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    return using(this.loaded, (service) => service.saveRecord(kind, record));
  }
  removeRecord(kind: ChildRecordKind, record: { reviewId: ReviewId; id: string; version: number }): Promise<Result<void, Failure>> {
    return using(this.loaded, (service) => service.removeRecord(kind, record));
  }
  deleteReview(reviewId: ReviewId): Promise<Result<void, Failure>> {
    return using(this.loaded, (service) => service.deleteReview(reviewId));
  }
  audit(reviewId: ReviewId, action: AuditEntry['action'], summary: string): Promise<Result<AuditEntry, Failure>> {
    return using(this.loaded, (service) => service.audit(reviewId, action, summary));
  }
  movePhase(reviewId: ReviewId, to: ReviewPhase, override: { reason: string } | null): Promise<Result<Review, Failure>> {
    return using(this.loaded, (service) => service.movePhase(reviewId, to, override));
  }
}

/** A BundleService whose calls wait for the real one. */
class DeferredBundleService implements BundleOperations {
  constructor(private readonly loaded: Deferred<BundleOperations>) {}

  exportBundle(reviewId: ReviewId): Promise<Result<ExportedBundle, Failure>> {
    return using(this.loaded, (bundles) => bundles.exportBundle(reviewId));
  }
  importBundle(text: string, options: { replace: boolean }): Promise<Result<ImportedReview, Failure>> {
    return using(this.loaded, (bundles) => bundles.importBundle(text, options));
  }
  importBundleValue(value: unknown, options: { replace: boolean }): Promise<Result<ImportedReview, Failure>> {
    return using(this.loaded, (bundles) => bundles.importBundleValue(value, options));
  }
  openTrainingCase(load: () => Promise<unknown>): Promise<Result<OpenedTrainingCase, Failure>> {
    return using(this.loaded, (bundles) => bundles.openTrainingCase(load));
  }
}

const mapOk = <T, U>(result: Result<T, Failure>, change: (value: T) => U): Result<U, Failure> => (result.ok ? ok(change(result.value)) : result);

export function deferredReviewService(loaded: Deferred<ReviewOperations>): ReviewOperations {
  return new DeferredReviewService(loaded);
}

export function deferredBundleService(loaded: Deferred<BundleOperations>): BundleOperations {
  return new DeferredBundleService(loaded);
}

/** The part of a Deferred value the caller wants, without loading anything twice. */
export function deferredPart<T, U>(whole: Deferred<T>, part: (value: T) => U): Deferred<U> {
  return { get: async () => mapOk(await whole.get(), part) };
}
