import Dexie, { liveQuery, type Table } from 'dexie';
import type { Failure } from '../../domain/failures';
import type { ReviewId } from '../../domain/ids';
import {
  CHILD_RECORD_KINDS,
  CHILD_RECORD_SCHEMAS,
  COLLECTION_OF_KIND,
  ReviewSchema,
  emptySnapshot,
  summariseReview,
  type AnyChildRecord,
  type ChildRecordKind,
  type ChildRecordOf,
  type Review,
  type ReviewSnapshot,
  type ReviewSummary,
} from '../../domain/model';
import type { Result } from '../../domain/result';
import { recordLabel } from '../../domain/labels';
import { UNKNOWN_CHANGE, type ReviewChange, type ReviewStore } from '../../ports/review-store';
import { AbortWith, checkStored, runStoreWork } from '../shared/stored-checks';

/** Stored row shapes. `row` is versioned so the layout itself can migrate. */
interface ReviewRow {
  readonly id: string;
  readonly rowFormat: 1;
  readonly review: Review;
}
interface RecordRow {
  readonly reviewId: string;
  readonly kind: ChildRecordKind;
  readonly id: string;
  readonly rowFormat: 1;
  readonly record: AnyChildRecord;
}

class ReviewDatabase extends Dexie {
  reviews!: Table<ReviewRow, string>;
  records!: Table<RecordRow, [string, string, string]>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      reviews: 'id',
      records: '[reviewId+kind+id], reviewId',
    });
  }
}

/** The standalone store: one browser's IndexedDB, through Dexie. */
export class DexieReviewStore implements ReviewStore {
  private readonly db: ReviewDatabase;

  constructor(databaseName = 'learning-together') {
    this.db = new ReviewDatabase(databaseName);
  }

  close(): void {
    this.db.close();
  }

  async listReviews(): Promise<Result<ReviewSummary[], Failure>> {
    return this.run('Reviews', async () => {
      const rows = await this.db.reviews.toArray();
      return rows.map((row) => summariseReview(row.review)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    });
  }

  async loadReview(reviewId: ReviewId): Promise<Result<ReviewSnapshot, Failure>> {
    return this.run('Review', () =>
      this.db.transaction('r', this.db.reviews, this.db.records, async () => {
        const reviewRow = await this.db.reviews.get(reviewId);
        if (!reviewRow) throw new AbortWith({ kind: 'notFound', what: 'Review', id: reviewId });
        const review = checkStored(ReviewSchema, reviewRow.review, 'Review');
        const snapshot = emptySnapshot(review);
        const rows = await this.db.records.where('reviewId').equals(reviewId).toArray();
        for (const row of rows) {
          const record = checkStored(CHILD_RECORD_SCHEMAS[row.kind], row.record, `${recordLabel(row.kind)} ${row.id}`);
          (snapshot[COLLECTION_OF_KIND[row.kind]] as AnyChildRecord[]).push(record as AnyChildRecord);
        }
        return snapshot;
      }),
    );
  }

  async createReview(review: Review): Promise<Result<Review, Failure>> {
    return this.run('Review', () =>
      this.db.transaction('rw', this.db.reviews, async () => {
        if (await this.db.reviews.get(review.id)) throw new AbortWith({ kind: 'alreadyExists', what: 'Review', id: review.id });
        const stored = { ...review, version: 1 };
        await this.db.reviews.add({ id: review.id, rowFormat: 1, review: stored });
        return stored;
      }),
    );
  }

  async updateReview(review: Review): Promise<Result<Review, Failure>> {
    return this.run('Review', () =>
      this.db.transaction('rw', this.db.reviews, async () => {
        const current = await this.db.reviews.get(review.id);
        if (!current) throw new AbortWith({ kind: 'notFound', what: 'Review', id: review.id });
        if (current.review.version !== review.version) {
          throw new AbortWith({ kind: 'conflict', recordKind: 'review', id: review.id, current: current.review });
        }
        const stored = { ...review, version: review.version + 1 };
        await this.db.reviews.put({ id: review.id, rowFormat: 1, review: stored });
        return stored;
      }),
    );
  }

  async deleteReview(reviewId: ReviewId): Promise<Result<void, Failure>> {
    return this.run('Review', () =>
      this.db.transaction('rw', this.db.reviews, this.db.records, async () => {
        if (!(await this.db.reviews.get(reviewId))) throw new AbortWith({ kind: 'notFound', what: 'Review', id: reviewId });
        await this.db.records.where('reviewId').equals(reviewId).delete();
        await this.db.reviews.delete(reviewId);
      }),
    );
  }

  async createRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    return this.run(recordLabel(kind), () =>
      this.db.transaction('rw', this.db.reviews, this.db.records, async () => {
        if (!(await this.db.reviews.get(record.reviewId))) {
          throw new AbortWith({ kind: 'notFound', what: 'Review', id: record.reviewId });
        }
        const key: [string, string, string] = [record.reviewId, kind, record.id];
        if (await this.db.records.get(key)) throw new AbortWith({ kind: 'alreadyExists', what: recordLabel(kind), id: record.id });
        const stored = { ...record, version: 1 } as ChildRecordOf<K>;
        await this.db.records.add({ reviewId: record.reviewId, kind, id: record.id, rowFormat: 1, record: stored });
        return stored;
      }),
    );
  }

  async updateRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    return this.run(recordLabel(kind), () =>
      this.db.transaction('rw', this.db.records, async () => {
        const key: [string, string, string] = [record.reviewId, kind, record.id];
        const current = await this.db.records.get(key);
        if (!current) throw new AbortWith({ kind: 'notFound', what: recordLabel(kind), id: record.id });
        if (current.record.version !== record.version) {
          throw new AbortWith({ kind: 'conflict', recordKind: kind, id: record.id, current: current.record });
        }
        const stored = { ...record, version: record.version + 1 } as ChildRecordOf<K>;
        await this.db.records.put({ reviewId: record.reviewId, kind, id: record.id, rowFormat: 1, record: stored });
        return stored;
      }),
    );
  }

  async deleteRecord(kind: ChildRecordKind, reviewId: ReviewId, id: string, expectedVersion: number): Promise<Result<void, Failure>> {
    return this.run(recordLabel(kind), () =>
      this.db.transaction('rw', this.db.records, async () => {
        const key: [string, string, string] = [reviewId, kind, id];
        const current = await this.db.records.get(key);
        if (!current) throw new AbortWith({ kind: 'notFound', what: recordLabel(kind), id });
        if (current.record.version !== expectedVersion) {
          throw new AbortWith({ kind: 'conflict', recordKind: kind, id, current: current.record });
        }
        await this.db.records.delete(key);
      }),
    );
  }

  async importSnapshot(snapshot: ReviewSnapshot, options: { replace: boolean }): Promise<Result<ReviewSummary, Failure>> {
    const reviewId = snapshot.review.id;
    return this.run('Review', () =>
      this.db.transaction('rw', this.db.reviews, this.db.records, async () => {
        const existing = await this.db.reviews.get(reviewId);
        if (existing && !options.replace) throw new AbortWith({ kind: 'alreadyExists', what: 'Review', id: reviewId });
        if (existing) await this.db.records.where('reviewId').equals(reviewId).delete();
        await this.db.reviews.put({ id: reviewId, rowFormat: 1, review: snapshot.review });
        const rows: RecordRow[] = CHILD_RECORD_KINDS.flatMap((kind) =>
          (snapshot[COLLECTION_OF_KIND[kind]] as AnyChildRecord[]).map((record) => ({
            reviewId,
            kind,
            id: record.id,
            rowFormat: 1 as const,
            record,
          })),
        );
        await this.db.records.bulkAdd(rows);
        return summariseReview(snapshot.review);
      }),
    );
  }

  watchReview(reviewId: ReviewId, onChange: (change: ReviewChange) => void): () => void {
    let first = true;
    const observable = liveQuery(async () => {
      const review = await this.db.reviews.get(reviewId);
      const rows = await this.db.records.where('reviewId').equals(reviewId).toArray();
      return `${review?.review.version ?? 0}:${rows.reduce((sum, row) => sum + row.record.version, 0)}:${rows.length}`;
    });
    const subscription = observable.subscribe({
      next: () => {
        if (first) first = false;
        else onChange(UNKNOWN_CHANGE);
      },
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }

  private run<T>(what: string, work: () => Promise<T>): Promise<Result<T, Failure>> {
    return runStoreWork(what, work, failureFromDexieError);
  }
}

/** Words a Dexie/IndexedDB error as a typed failure (an `AbortWith` never reaches here). */
function failureFromDexieError(what: string, error: unknown): Failure {
  if (error instanceof Dexie.ConstraintError) return { kind: 'alreadyExists', what, id: '' };
  if (error instanceof Dexie.QuotaExceededError) {
    return { kind: 'unavailable', what, detail: 'this browser has run out of storage space', retryable: false };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'unavailable', what, detail: `browser storage failed: ${detail}`, retryable: true };
}
