import Dexie from 'dexie';
import type { Failure } from '../../domain/failures';
import type { ReviewId } from '../../domain/ids';
import {
  CHILD_RECORD_KINDS,
  CHILD_RECORD_SCHEMAS,
  COLLECTION_OF_KIND,
  RECORD_SCHEMA_VERSION,
  ReviewSchema,
  emptySnapshot,
  type AnyChildRecord,
  type ChildRecordKind,
  type ChildRecordOf,
  type Review,
  type ReviewSnapshot,
} from '../../domain/model';
import { summariseReview, type ReviewSummary } from '../../domain/review-summary';
import type { Result } from '../../domain/result';
import { recordLabel } from '../../domain/labels';
import { UNKNOWN_CHANGE, type ReviewChange, type ReviewStore } from '../../ports/review-store';
import { validate } from '../../domain/validate';
import { AbortWith, checkStored, runStoreWork } from '../shared/stored-checks';
import { CHECKED_ROW_FORMAT, ReviewDatabase, listStoredReviews, type RecordRow, type ReviewRow } from './review-database';

/** A row for `review`, checked against the schema first: a store never writes what it could not read back. */
function reviewRow(review: Review): ReviewRow {
  return {
    id: review.id,
    rowFormat: CHECKED_ROW_FORMAT,
    review: checkedForWriting(ReviewSchema, review, 'Review'),
  };
}

function recordRow(kind: ChildRecordKind, record: AnyChildRecord): RecordRow {
  const checked = checkedForWriting(CHILD_RECORD_SCHEMAS[kind], record, recordLabel(kind)) as AnyChildRecord;
  return {
    reviewId: record.reviewId,
    kind,
    id: record.id,
    rowFormat: CHECKED_ROW_FORMAT,
    record: checked,
  };
}

function checkedForWriting<S extends Parameters<typeof validate>[0]>(schema: S, value: unknown, what: string) {
  const checked = validate(schema, value, what);
  if (!checked.ok) throw new AbortWith(checked.error);
  return checked.value;
}

/**
 * A stored record on its way out. A row checked as it was written needs only its envelope checked: the record is
 * an object of this row's id and review, in the current shape. Anything else (an older row format, an older
 * `schemaVersion` to lift, a row that does not match its key) gets the full check, which names what is wrong.
 */
function readRecord(row: RecordRow, reviewId: string): AnyChildRecord {
  const record = row.record as Partial<Record<string, unknown>> | null;
  if (
    row.rowFormat === CHECKED_ROW_FORMAT &&
    typeof record === 'object' &&
    record !== null &&
    record.id === row.id &&
    record.reviewId === reviewId &&
    record.schemaVersion === RECORD_SCHEMA_VERSION &&
    typeof record.version === 'number' &&
    Object.hasOwn(COLLECTION_OF_KIND, row.kind)
  ) {
    return row.record;
  }
  const schema = Object.hasOwn(CHILD_RECORD_SCHEMAS, row.kind) ? CHILD_RECORD_SCHEMAS[row.kind] : null;
  const what = schema ? `${recordLabel(row.kind)} ${row.id}` : `record ${row.id}`;
  if (!schema)
    throw new AbortWith({
      kind: 'damaged',
      what: `Stored ${what}`,
      issues: [{ path: 'kind', message: `unknown record kind ${String(row.kind)}` }],
    });
  const checked = checkStored(schema, row.record, what) as AnyChildRecord;
  if (checked.id !== row.id || checked.reviewId !== reviewId) {
    throw new AbortWith({
      kind: 'damaged',
      what: `Stored ${what}`,
      issues: [{ path: 'id', message: `stored under ${reviewId}/${row.id}` }],
    });
  }
  return checked;
}

/** The standalone store: one browser's IndexedDB, through Dexie. */
export class DexieReviewStore implements ReviewStore {
  private readonly db: ReviewDatabase;

  private readonly watchers = new Map<string, Set<(change: ReviewChange) => void>>();
  private readonly channel: BroadcastChannel | null;

  constructor(databaseName = 'learning-together') {
    this.db = new ReviewDatabase(databaseName);
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`lt-review-changes:${databaseName}`);
    if (this.channel) this.channel.onmessage = (event: MessageEvent) => this.fromOtherTab(event.data);
  }

  close(): void {
    this.channel?.close();
    this.db.close();
  }

  async listReviews(): Promise<Result<ReviewSummary[], Failure>> {
    return this.run('Reviews', async () => {
      return listStoredReviews(this.db);
    });
  }

  async loadReview(reviewId: ReviewId): Promise<Result<ReviewSnapshot, Failure>> {
    return this.run('Review', () =>
      this.db.transaction('r', this.db.reviews, this.db.records, async () => {
        // Both reads at once, in one transaction; the review row (one record) is always checked in full.
        const [stored, rows] = await Promise.all([this.db.reviews.get(reviewId), this.db.records.where('reviewId').equals(reviewId).toArray()]);
        if (!stored)
          throw new AbortWith({
            kind: 'notFound',
            what: 'Review',
            id: reviewId,
          });
        const snapshot = emptySnapshot(checkStored(ReviewSchema, stored.review, 'Review'));
        for (const row of rows) {
          const record = readRecord(row, reviewId);
          (snapshot[COLLECTION_OF_KIND[row.kind]] as AnyChildRecord[]).push(record);
        }
        return snapshot;
      }),
    );
  }

  async createReview(review: Review): Promise<Result<Review, Failure>> {
    return this.run('Review', () =>
      this.db.transaction('rw', this.db.reviews, async () => {
        if (await this.db.reviews.get(review.id))
          throw new AbortWith({
            kind: 'alreadyExists',
            what: 'Review',
            id: review.id,
          });
        const stored = { ...review, version: 1 };
        await this.db.reviews.add(reviewRow(stored));
        return stored;
      }),
    );
  }

  async updateReview(review: Review): Promise<Result<Review, Failure>> {
    const result = await this.run('Review', () =>
      this.db.transaction('rw', this.db.reviews, async () => {
        const current = await this.db.reviews.get(review.id);
        if (!current)
          throw new AbortWith({
            kind: 'notFound',
            what: 'Review',
            id: review.id,
          });
        if (current.review.version !== review.version) {
          throw new AbortWith({
            kind: 'conflict',
            recordKind: 'review',
            id: review.id,
            current: current.review,
          });
        }
        const stored = { ...review, version: review.version + 1 };
        await this.db.reviews.put(reviewRow(stored));
        return stored;
      }),
    );
    if (result.ok)
      this.announce(review.id, {
        kind: 'records',
        review: result.value,
        changed: [],
        removed: [],
      });
    return result;
  }

  async deleteReview(reviewId: ReviewId): Promise<Result<void, Failure>> {
    const result = await this.run('Review', () =>
      this.db.transaction('rw', this.db.reviews, this.db.records, async () => {
        if (!(await this.db.reviews.get(reviewId)))
          throw new AbortWith({
            kind: 'notFound',
            what: 'Review',
            id: reviewId,
          });
        await this.db.records.where('reviewId').equals(reviewId).delete();
        await this.db.reviews.delete(reviewId);
      }),
    );
    if (result.ok) this.announce(reviewId, UNKNOWN_CHANGE);
    return result;
  }

  async createRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    const result = await this.run(recordLabel(kind), () =>
      this.db.transaction('rw', this.db.reviews, this.db.records, async () => {
        if (!(await this.db.reviews.get(record.reviewId))) {
          throw new AbortWith({
            kind: 'notFound',
            what: 'Review',
            id: record.reviewId,
          });
        }
        const key: [string, string, string] = [record.reviewId, kind, record.id];
        if (await this.db.records.get(key))
          throw new AbortWith({
            kind: 'alreadyExists',
            what: recordLabel(kind),
            id: record.id,
          });
        const stored = { ...record, version: 1 } as ChildRecordOf<K>;
        await this.db.records.add(recordRow(kind, stored));
        return stored;
      }),
    );
    if (result.ok) this.announceRecord(kind, result.value);
    return result;
  }

  async updateRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    const result = await this.run(recordLabel(kind), () =>
      this.db.transaction('rw', this.db.records, async () => {
        const key: [string, string, string] = [record.reviewId, kind, record.id];
        const current = await this.db.records.get(key);
        if (!current)
          throw new AbortWith({
            kind: 'notFound',
            what: recordLabel(kind),
            id: record.id,
          });
        if (current.record.version !== record.version) {
          throw new AbortWith({
            kind: 'conflict',
            recordKind: kind,
            id: record.id,
            current: current.record,
          });
        }
        const stored = {
          ...record,
          version: record.version + 1,
        } as ChildRecordOf<K>;
        await this.db.records.put(recordRow(kind, stored));
        return stored;
      }),
    );
    if (result.ok) this.announceRecord(kind, result.value);
    return result;
  }

  async deleteRecord(kind: ChildRecordKind, reviewId: ReviewId, id: string, expectedVersion: number): Promise<Result<void, Failure>> {
    const result = await this.run(recordLabel(kind), () =>
      this.db.transaction('rw', this.db.records, async () => {
        const key: [string, string, string] = [reviewId, kind, id];
        const current = await this.db.records.get(key);
        if (!current)
          throw new AbortWith({
            kind: 'notFound',
            what: recordLabel(kind),
            id,
          });
        if (current.record.version !== expectedVersion) {
          throw new AbortWith({
            kind: 'conflict',
            recordKind: kind,
            id,
            current: current.record,
          });
        }
        await this.db.records.delete(key);
      }),
    );
    if (result.ok)
      this.announce(reviewId, {
        kind: 'records',
        review: null,
        changed: [],
        removed: [{ kind, id }],
      });
    return result;
  }

  async importSnapshot(snapshot: ReviewSnapshot, options: { replace: boolean }): Promise<Result<ReviewSummary, Failure>> {
    const reviewId = snapshot.review.id;
    const result = await this.run('Review', () =>
      this.db.transaction('rw', this.db.reviews, this.db.records, async () => {
        const existing = await this.db.reviews.get(reviewId);
        if (existing && !options.replace)
          throw new AbortWith({
            kind: 'alreadyExists',
            what: 'Review',
            id: reviewId,
          });
        if (existing) await this.db.records.where('reviewId').equals(reviewId).delete();
        await this.db.reviews.put(reviewRow(snapshot.review));
        const rows: RecordRow[] = CHILD_RECORD_KINDS.flatMap((kind) =>
          (snapshot[COLLECTION_OF_KIND[kind]] as AnyChildRecord[]).map((record) => recordRow(kind, record)),
        );
        await this.db.records.bulkAdd(rows);
        return summariseReview(snapshot.review);
      }),
    );
    if (result.ok) this.announce(reviewId, UNKNOWN_CHANGE);
    return result;
  }

  /**
   * Changes are announced by the store itself as it makes them: to watchers in this tab directly, and to other tabs
   * over a BroadcastChannel named after the database. Each says which records changed, so an open review is
   * patched rather than read again (ADR 0800).
   */
  watchReview(reviewId: ReviewId, onChange: (change: ReviewChange) => void): () => void {
    const watchers = this.watchers.get(reviewId) ?? new Set<(change: ReviewChange) => void>();
    watchers.add(onChange);
    this.watchers.set(reviewId, watchers);
    return () => {
      watchers.delete(onChange);
      if (watchers.size === 0) this.watchers.delete(reviewId);
    };
  }

  /** One record written: its new version, for whoever has the review open. */
  private announceRecord(kind: ChildRecordKind, record: AnyChildRecord): void {
    this.announce(record.reviewId, { kind: 'records', review: null, changed: [{ kind, record }], removed: [] });
  }

  private announce(reviewId: string, change: ReviewChange): void {
    for (const watcher of this.watchers.get(reviewId) ?? []) watcher(change);
    try {
      this.channel?.postMessage({ reviewId, change });
    } catch {
      // A change that cannot be cloned (never expected: records are plain data) is told as "unknown".
      this.channel?.postMessage({ reviewId, change: UNKNOWN_CHANGE });
    }
  }

  private fromOtherTab(data: unknown): void {
    if (typeof data !== 'object' || data === null) return;
    const { reviewId, change } = data as {
      reviewId?: unknown;
      change?: ReviewChange;
    };
    if (typeof reviewId !== 'string' || !change) return;
    // Another tab's records are checked like anything read from storage before they reach a screen.
    const trusted = change.kind === 'records' ? checkAnnouncedChange(change, reviewId) : UNKNOWN_CHANGE;
    for (const watcher of this.watchers.get(reviewId) ?? []) watcher(trusted);
  }

  private run<T>(what: string, work: () => Promise<T>): Promise<Result<T, Failure>> {
    return runStoreWork(what, work, failureFromDexieError);
  }
}

/** Words a Dexie/IndexedDB error as a typed failure (an `AbortWith` never reaches here). */
function failureFromDexieError(what: string, error: unknown): Failure {
  if (error instanceof Dexie.ConstraintError) return { kind: 'alreadyExists', what, id: '' };
  if (error instanceof Dexie.QuotaExceededError) {
    return {
      kind: 'unavailable',
      what,
      detail: 'this browser has run out of storage space',
      retryable: false,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: 'unavailable',
    what,
    detail: `browser storage failed: ${detail}`,
    retryable: true,
  };
}

/** A change another tab announced, with each record read as stored data is; anything damaged makes it "unknown". */
function checkAnnouncedChange(change: Extract<ReviewChange, { kind: 'records' }>, reviewId: string): ReviewChange {
  try {
    const review = change.review ? checkStored(ReviewSchema, change.review, 'Review') : null;
    const changed = change.changed.map(({ kind, record }) => ({
      kind,
      record: readRecord(recordRow(kind, record), reviewId),
    }));
    return { kind: 'records', review, changed, removed: change.removed };
  } catch {
    return UNKNOWN_CHANGE;
  }
}
