import Dexie, { type Table } from 'dexie';
import type { Failure } from '../../domain/failures';
import type { ReviewId } from '../../domain/ids';
import {
  COLLECTION_OF_KIND,
  summariseReview,
  type AnyChildRecord,
  type ChildRecordKind,
  type ChildRecordOf,
  type Review,
  type ReviewSnapshot,
  type ReviewSummary,
} from '../../domain/model';
import { err, ok, type Result } from '../../domain/result';
import { recordLabel } from '../../domain/labels';
import type { Outbox, OutboxConflict, OutboxResolution, OutboxState } from '../../ports/outbox';
import type { ReviewStore } from '../../ports/review-store';

/**
 * A ReviewStore in front of another (the SharePoint store in Microsoft 365 mode) that keeps working when that one
 * cannot be reached. Writes the inner store answers with a retryable `unavailable` are queued in this browser's IndexedDB and
 * answered as the inner store would have answered (the record with its version bumped); reads are served from the
 * last review loaded, with the queued writes applied. When the inner store answers again the queue is sent in the
 * order it was written. A queued write that meets someone else's newer version, or is refused for any other reason,
 * is never dropped: it becomes an OutboxConflict for the person to settle.
 *
 * While anything is queued, every later write is queued behind it, so the order of changes is kept.
 */

type RecordKind = ChildRecordKind | 'review';
type StoredRecord = AnyChildRecord | Review;

interface QueuedWrite {
  /** Order of writing; Dexie assigns it. */
  readonly seq?: number;
  readonly rowFormat: 1;
  readonly reviewId: string;
  readonly recordKind: RecordKind;
  readonly recordId: string;
  readonly operation: 'create' | 'update' | 'delete';
  /** The record as the caller last read it (update, delete), for a three-way merge if it conflicts. */
  readonly base: StoredRecord | null;
  /** What to send: for an update, `version` is the version it was based on, as the inner store expects. */
  readonly record: StoredRecord | null;
  readonly expectedVersion: number;
  readonly queuedAt: string;
}

interface ConflictRow extends OutboxConflict {
  readonly rowFormat: 1;
}

/** A write the store accepted since the review was last cached, so the cache need not be rewritten on every save. */
interface AcknowledgedRow {
  readonly reviewId: string;
  readonly recordKind: RecordKind;
  readonly recordId: string;
  readonly rowFormat: 1;
  /** Null once deleted. */
  readonly record: StoredRecord | null;
  readonly acknowledgedAt: number;
}

interface SnapshotRow {
  readonly reviewId: string;
  readonly rowFormat: 1;
  readonly snapshot: ReviewSnapshot;
  readonly cachedAt: string;
}

class OutboxDatabase extends Dexie {
  queue!: Table<QueuedWrite, number>;
  conflicts!: Table<ConflictRow, string>;
  snapshots!: Table<SnapshotRow, string>;
  acknowledged!: Table<AcknowledgedRow, [string, string, string]>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      queue: '++seq, reviewId, [recordKind+recordId]',
      conflicts: 'id, reviewId',
      snapshots: 'reviewId',
      acknowledged: '[reviewId+recordKind+recordId], reviewId',
    });
  }
}

export interface OutboxOptions {
  /** The outbox's own IndexedDB database: one per signed-in person, so two accounts never share a queue. */
  readonly databaseName?: string;
  /** How long after a failure to wait before calling the inner store again; also the retry timer's interval. */
  readonly retryIntervalMs?: number;
  /** Retry on a timer and on the browser's `online` event (off in unit tests, which call syncNow). */
  readonly autoRetry?: boolean;
  /**
   * When a cached copy exists and the store has not answered a load within this long (it may be retrying a dropped
   * connection for half a minute), the cached copy is served and the load goes on in the background; watchers are
   * told when it lands. Default 3 s.
   */
  readonly slowLoadMs?: number;
  readonly now?: () => string;
}

const SLOW = Symbol('slow');

/** The work's answer, or SLOW if it has none within `ms` (the work carries on). */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof SLOW> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<typeof SLOW>((resolve) => {
    timer = setTimeout(() => resolve(SLOW), ms);
  });
  try {
    return await Promise.race([work, slow]);
  } finally {
    clearTimeout(timer);
  }
}

const OFFLINE_FAILURE = (what: string): Failure => ({ kind: 'unavailable', what, detail: 'no connection', retryable: true });

/**
 * An outage worth waiting out: `unavailable` and retryable (a dropped connection, 503s after retries). A refusal
 * that will not change on retry (`retryable: false`, such as SharePoint rejecting a request) is passed on at once.
 */
const isOutage = (failure: Failure): boolean => failure.kind === 'unavailable' && failure.retryable;

export class OutboxReviewStore implements ReviewStore, Outbox {
  private readonly db: OutboxDatabase;
  private readonly retryIntervalMs: number;
  private readonly slowLoadMs: number;
  private readonly now: () => string;
  private readonly ready: Promise<void>;
  private lock: Promise<unknown> = Promise.resolve();
  private current: OutboxState = { pending: 0, online: true, conflicts: [], lastFailure: null };
  private readonly listeners = new Set<() => void>();
  private readonly reviewWatchers = new Map<string, Set<() => void>>();
  private lastFailureAt = Number.NEGATIVE_INFINITY;
  private retryTimer: ReturnType<typeof setInterval> | null = null;
  private readonly fingerprints = new Map<string, string>();
  private readonly onBrowserOnline = () => void this.syncNow();

  constructor(
    private readonly inner: ReviewStore,
    options: OutboxOptions = {},
  ) {
    this.db = new OutboxDatabase(options.databaseName ?? 'learning-together-outbox');
    this.retryIntervalMs = options.retryIntervalMs ?? 5_000;
    this.slowLoadMs = options.slowLoadMs ?? 3_000;
    this.now = options.now ?? (() => new Date().toISOString());
    this.ready = this.refreshState();
    if (options.autoRetry ?? true) {
      this.retryTimer = setInterval(() => {
        if (this.current.pending > 0 || !this.current.online) void this.syncNow();
      }, Math.max(1_000, this.retryIntervalMs));
      globalThis.addEventListener?.('online', this.onBrowserOnline);
    }
  }

  /** Stops the retry timer and closes the database. */
  close(): void {
    if (this.retryTimer) clearInterval(this.retryTimer);
    globalThis.removeEventListener?.('online', this.onBrowserOnline);
    this.db.close();
  }

  /** Forgets every cached review, queued write and conflict: for signing out. */
  async clear(): Promise<void> {
    await this.exclusive(async () => {
      await this.db.transaction('rw', [this.db.queue, this.db.conflicts, this.db.snapshots, this.db.acknowledged], async () => {
        await Promise.all([this.db.queue.clear(), this.db.conflicts.clear(), this.db.snapshots.clear(), this.db.acknowledged.clear()]);
      });
      this.fingerprints.clear();
      await this.refreshState();
    });
  }

  // ---------------------------------------------------------------- Outbox

  state(): OutboxState {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async syncNow(): Promise<void> {
    await this.ready;
    const sent = await this.exclusive(() => this.flushLocked(true));
    if (sent.length > 0) this.notifyReviews(sent);
  }

  async resolveConflict(conflictId: string, resolution: OutboxResolution): Promise<Result<void, Failure>> {
    await this.ready;
    const conflict = await this.db.conflicts.get(conflictId);
    if (!conflict) return err({ kind: 'notFound', what: 'Unsent change', id: conflictId });
    if (resolution.keep === 'merged') {
      const record = resolution.record;
      const saved =
        conflict.theirs === null
          ? await this.createAny(conflict.recordKind, { ...record, version: 1 } as StoredRecord)
          : await this.updateAny(conflict.recordKind, record);
      if (!saved.ok) return saved;
    }
    await this.db.conflicts.delete(conflictId);
    await this.refreshState();
    this.notifyReviews([conflict.reviewId]);
    return ok(undefined);
  }

  // ---------------------------------------------------------------- reads

  async listReviews(): Promise<Result<ReviewSummary[], Failure>> {
    await this.ready;
    if (!this.inBackoff()) {
      const listed = await this.inner.listReviews();
      if (listed.ok || !isOutage(listed.error)) {
        this.markOnline();
        return listed;
      }
      this.markOffline(listed.error);
    }
    const rows = await this.db.snapshots.toArray();
    const summaries = await Promise.all(rows.map(async (row) => summariseReview((await this.withLocal(row.snapshot)).review)));
    return ok(summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
  }

  async loadReview(reviewId: ReviewId): Promise<Result<ReviewSnapshot, Failure>> {
    await this.ready;
    if (this.current.pending > 0 && !this.inBackoff()) await this.syncNow();
    const cached = await this.db.snapshots.get(reviewId);
    if (!this.inBackoff()) {
      const fromStore = this.loadFromStore(reviewId);
      const answer = cached ? await withDeadline(fromStore, this.slowLoadMs) : await fromStore;
      if (answer === SLOW) {
        // Serve what this device has; tell watchers when the store answers, so the screen refreshes.
        void fromStore.then((late) => {
          if (late !== 'outage') this.notifyReviews([reviewId]);
        });
      } else if (answer !== 'outage') {
        return answer;
      }
    }
    const latest = (await this.db.snapshots.get(reviewId)) ?? cached;
    if (!latest) return err(this.current.lastFailure ?? OFFLINE_FAILURE('Review'));
    return ok(await this.withLocal(latest.snapshot));
  }

  /** The store's answer with local writes on top (and cached), or 'outage' when it cannot be reached. */
  private async loadFromStore(reviewId: ReviewId): Promise<Result<ReviewSnapshot, Failure> | 'outage'> {
    const startedAt = Date.now();
    const loaded = await this.inner.loadReview(reviewId);
    if (loaded.ok) {
      this.markOnline();
      await this.cache(loaded.value, startedAt);
      return ok(await this.withLocal(loaded.value));
    }
    if (!isOutage(loaded.error)) {
      this.markOnline();
      return loaded;
    }
    this.markOffline(loaded.error);
    return 'outage';
  }

  // ---------------------------------------------------------------- writes

  createReview(review: Review): Promise<Result<Review, Failure>> {
    return this.createAny('review', review) as Promise<Result<Review, Failure>>;
  }

  updateReview(review: Review): Promise<Result<Review, Failure>> {
    return this.updateAny('review', review) as Promise<Result<Review, Failure>>;
  }

  createRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    return this.createAny(kind, record) as Promise<Result<ChildRecordOf<K>, Failure>>;
  }

  updateRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    return this.updateAny(kind, record) as Promise<Result<ChildRecordOf<K>, Failure>>;
  }

  async deleteRecord(kind: ChildRecordKind, reviewId: ReviewId, id: string, expectedVersion: number): Promise<Result<void, Failure>> {
    await this.ready;
    const write: QueuedWrite = {
      rowFormat: 1,
      reviewId,
      recordKind: kind,
      recordId: id,
      operation: 'delete',
      base: null,
      record: null,
      expectedVersion,
      queuedAt: this.now(),
    };
    const outcome = await this.write(write, () => this.inner.deleteRecord(kind, reviewId, id, expectedVersion));
    return outcome.ok ? ok(undefined) : outcome;
  }

  /** Deleting a whole review needs the store itself: never queued. */
  async deleteReview(reviewId: ReviewId): Promise<Result<void, Failure>> {
    await this.ready;
    const deleted = await this.inner.deleteReview(reviewId);
    if (deleted.ok) {
      await this.exclusive(async () => {
        await this.db.snapshots.delete(reviewId);
        await this.db.queue.where('reviewId').equals(reviewId).delete();
        await this.db.conflicts.where('reviewId').equals(reviewId).delete();
        await this.db.acknowledged.where('reviewId').equals(reviewId).delete();
        this.fingerprints.delete(reviewId);
        await this.refreshState();
      });
    }
    return deleted;
  }

  /** Importing a bundle replaces a review wholesale: it needs the store itself and is never queued. */
  importSnapshot(snapshot: ReviewSnapshot, options: { replace: boolean }): Promise<Result<ReviewSummary, Failure>> {
    return this.inner.importSnapshot(snapshot, options);
  }

  watchReview(reviewId: ReviewId, onChange: () => void): () => void {
    const watchers = this.reviewWatchers.get(reviewId) ?? new Set<() => void>();
    watchers.add(onChange);
    this.reviewWatchers.set(reviewId, watchers);
    const stopInner = this.inner.watchReview(reviewId, onChange);
    return () => {
      stopInner();
      watchers.delete(onChange);
    };
  }

  // ---------------------------------------------------------------- internals

  private async createAny(kind: RecordKind, record: StoredRecord): Promise<Result<StoredRecord, Failure>> {
    await this.ready;
    const reviewId = kind === 'review' ? record.id : (record as AnyChildRecord).reviewId;
    const write: QueuedWrite = {
      rowFormat: 1,
      reviewId,
      recordKind: kind,
      recordId: record.id,
      operation: 'create',
      base: null,
      record: { ...record, version: 1 },
      expectedVersion: 0,
      queuedAt: this.now(),
    };
    return this.write(write, () => (kind === 'review' ? this.inner.createReview(record as Review) : this.inner.createRecord(kind, record as AnyChildRecord)));
  }

  private async updateAny(kind: RecordKind, record: StoredRecord): Promise<Result<StoredRecord, Failure>> {
    await this.ready;
    const reviewId = kind === 'review' ? record.id : (record as AnyChildRecord).reviewId;
    const write: QueuedWrite = {
      rowFormat: 1,
      reviewId,
      recordKind: kind,
      recordId: record.id,
      operation: 'update',
      base: null,
      record,
      expectedVersion: record.version,
      queuedAt: this.now(),
    };
    return this.write(write, () => (kind === 'review' ? this.inner.updateReview(record as Review) : this.inner.updateRecord(kind, record as AnyChildRecord)));
  }

  /** Sends a write now, or queues it: behind anything already waiting, or when the store is unavailable. */
  private async write(write: QueuedWrite, send: () => Promise<Result<StoredRecord | void, Failure>>): Promise<Result<StoredRecord, Failure>> {
    const outcome = await this.exclusive(async (): Promise<Result<StoredRecord, Failure>> => {
      if (this.current.pending > 0 && !this.inBackoff()) {
        const sent = await this.flushLocked(false);
        if (sent.length > 0) queueMicrotask(() => this.notifyReviews(sent));
      }
      if (this.current.pending === 0 && !this.inBackoff()) {
        const sent = await send();
        if (sent.ok || !isOutage(sent.error)) {
          this.markOnline();
          if (!sent.ok) return sent;
          const stored = write.operation === 'delete' ? null : ((sent.value ?? write.record) as StoredRecord);
          await this.acknowledge(write, stored);
          return ok(stored as StoredRecord);
        }
        this.markOffline(sent.error);
      }
      return this.enqueue(write);
    });
    if (outcome.ok) this.notifyReviews([write.reviewId]);
    return outcome;
  }

  /** Queues a write after checking it against what this device already knows (the queue and the cached review). */
  private async enqueue(write: QueuedWrite): Promise<Result<StoredRecord, Failure>> {
    const known = await this.knownRecord(write.reviewId, write.recordKind, write.recordId);
    if (write.operation === 'create') {
      if (known) return err({ kind: 'alreadyExists', what: labelOf(write.recordKind), id: write.recordId });
    } else if (known === null) {
      // Not in the cache or the queue: it may exist in the store all the same. Queue it; sending will tell.
    } else if (known.version !== write.expectedVersion) {
      return err({ kind: 'conflict', recordKind: write.recordKind, id: write.recordId, current: known });
    }
    const queued: QueuedWrite = { ...write, base: write.operation === 'create' ? null : known };
    await this.db.queue.add(queued);
    await this.refreshState();
    if (write.operation === 'delete' || !write.record) return ok(known ?? (write.record as StoredRecord));
    return ok(write.operation === 'create' ? write.record : { ...write.record, version: write.record.version + 1 });
  }

  /** The record as this device believes it is now: the cached review with the queued writes applied. */
  private async knownRecord(reviewId: string, kind: RecordKind, id: string): Promise<StoredRecord | null> {
    const cached = await this.db.snapshots.get(reviewId);
    let known: StoredRecord | null = null;
    if (cached) {
      known = kind === 'review' ? cached.snapshot.review : ((cached.snapshot[COLLECTION_OF_KIND[kind]] as AnyChildRecord[]).find((record) => record.id === id) ?? null);
    }
    const acknowledged = await this.db.acknowledged.get([reviewId, kind, id]);
    if (acknowledged && isNewer(acknowledged.record, known)) known = acknowledged.record;
    const writes = await this.db.queue.where('[recordKind+recordId]').equals([kind, id]).sortBy('seq');
    for (const write of writes) known = applied(known, write);
    return known;
  }

  /**
   * Sends the queue in order. Stops at the first `unavailable`; any other refusal becomes a conflict for the
   * person, carrying every queued write for that record. Returns the reviews that changed.
   */
  private async flushLocked(force: boolean): Promise<string[]> {
    if (!force && this.inBackoff()) return [];
    const changed = new Set<string>();
    for (;;) {
      const next = await this.db.queue.orderBy('seq').first();
      if (!next) break;
      const sent = await this.sendQueued(next);
      if (sent.ok) {
        await this.acknowledge(next, next.operation === 'delete' ? null : ((sent.value ?? next.record) as StoredRecord));
        await this.db.queue.delete(next.seq as number);
        changed.add(next.reviewId);
        this.markOnline();
        continue;
      }
      if (isOutage(sent.error)) {
        this.markOffline(sent.error);
        break;
      }
      await this.setAside(next, sent.error);
      changed.add(next.reviewId);
      this.markOnline();
    }
    await this.refreshState();
    return [...changed];
  }

  private sendQueued(write: QueuedWrite): Promise<Result<unknown, Failure>> {
    const { recordKind: kind, record } = write;
    switch (write.operation) {
      case 'create':
        return kind === 'review' ? this.inner.createReview(record as Review) : this.inner.createRecord(kind, record as AnyChildRecord);
      case 'update':
        return kind === 'review' ? this.inner.updateReview(record as Review) : this.inner.updateRecord(kind, record as AnyChildRecord);
      case 'delete':
        if (kind === 'review') return Promise.resolve(err({ kind: 'blocked', what: 'Deleting a review offline', reasons: ['it needs a connection'] }));
        return this.inner.deleteRecord(kind, write.reviewId as ReviewId, write.recordId, write.expectedVersion);
    }
  }

  /** A refused write and every later one for the same record become one conflict: nothing is dropped. */
  private async setAside(first: QueuedWrite, failure: Failure): Promise<void> {
    const chain = await this.db.queue.where('[recordKind+recordId]').equals([first.recordKind, first.recordId]).sortBy('seq');
    const last = chain[chain.length - 1] ?? first;
    const theirs = failure.kind === 'conflict' ? (failure.current as StoredRecord | null) : await this.fetchCurrent(first.reviewId, first.recordKind, first.recordId);
    const mineFinal = chain.reduce<StoredRecord | null>((record, write) => applied(record, write), first.base);
    if (sameContent(mineFinal, theirs)) {
      // A write whose answer was lost on the way back: the store already holds exactly this. Nothing to settle.
      await this.db.queue.bulkDelete(chain.map((write) => write.seq as number));
      if (theirs) await this.acknowledge(last, theirs);
      return;
    }
    const conflict: ConflictRow = {
      rowFormat: 1,
      id: `${first.recordKind}:${first.recordId}:${first.seq ?? 0}`,
      reviewId: first.reviewId as ReviewId,
      recordKind: first.recordKind,
      recordId: first.recordId,
      operation: last.operation === 'delete' ? 'delete' : first.operation === 'create' ? 'create' : 'update',
      base: first.base,
      mine: mineFinal,
      theirs,
      failure,
      queuedAt: first.queuedAt,
    };
    await this.db.transaction('rw', this.db.queue, this.db.conflicts, async () => {
      await this.db.queue.bulkDelete(chain.map((write) => write.seq as number));
      await this.db.conflicts.put(conflict);
    });
  }

  private async fetchCurrent(reviewId: string, kind: RecordKind, id: string): Promise<StoredRecord | null> {
    const loaded = await this.inner.loadReview(reviewId as ReviewId);
    if (!loaded.ok) return null;
    if (kind === 'review') return loaded.value.review;
    return (loaded.value[COLLECTION_OF_KIND[kind]] as AnyChildRecord[]).find((record) => record.id === id) ?? null;
  }

  /**
   * The snapshot with what this device knows on top: writes the store accepted since it was cached, then every
   * queued write, as the store will hold them once they are sent.
   */
  private async withLocal(snapshot: ReviewSnapshot): Promise<ReviewSnapshot> {
    const reviewId = snapshot.review.id;
    const [acknowledged, writes] = await Promise.all([
      this.db.acknowledged.where('reviewId').equals(reviewId).toArray(),
      this.db.queue.where('reviewId').equals(reviewId).sortBy('seq'),
    ]);
    if (acknowledged.length === 0 && writes.length === 0) return snapshot;
    const result: ReviewSnapshot = { ...snapshot };
    for (const row of acknowledged) {
      if (row.recordKind === 'review') {
        if (row.record && isNewer(row.record, result.review)) result.review = row.record as Review;
        continue;
      }
      const collection = COLLECTION_OF_KIND[row.recordKind];
      const records = result[collection] as AnyChildRecord[];
      const existing = records.find((record) => record.id === row.recordId) ?? null;
      if (row.record === null ? existing !== null : isNewer(row.record, existing)) {
        const others = records.filter((record) => record.id !== row.recordId);
        (result as Record<string, unknown>)[collection] = row.record ? [...others, row.record] : others;
      }
    }
    for (const write of writes) {
      if (write.recordKind === 'review') {
        const review = applied(result.review, write);
        if (review) result.review = review as Review;
        continue;
      }
      const collection = COLLECTION_OF_KIND[write.recordKind];
      const records = result[collection] as AnyChildRecord[];
      const existing = records.find((record) => record.id === write.recordId) ?? null;
      const next = applied(existing, write) as AnyChildRecord | null;
      const others = records.filter((record) => record.id !== write.recordId);
      (result as Record<string, unknown>)[collection] = next ? [...others, next] : others;
    }
    return result;
  }

  /**
   * Keeps the last review loaded, for a reload while offline, and forgets the acknowledgements it now includes.
   * Skipped when nothing changed since the last time, so a large review is not rewritten on every load.
   */
  private async cache(snapshot: ReviewSnapshot, loadStartedAt: number): Promise<void> {
    const reviewId = snapshot.review.id;
    const fingerprint = fingerprintOf(snapshot);
    if (this.fingerprints.get(reviewId) !== fingerprint) {
      await this.db.snapshots.put({ reviewId, rowFormat: 1, snapshot, cachedAt: this.now() });
      this.fingerprints.set(reviewId, fingerprint);
    }
    await this.db.acknowledged
      .where('reviewId')
      .equals(reviewId)
      .filter((row) => row.acknowledgedAt < loadStartedAt)
      .delete();
  }

  private async acknowledge(write: QueuedWrite, stored: StoredRecord | null): Promise<void> {
    await this.db.acknowledged.put({
      reviewId: write.reviewId,
      recordKind: write.recordKind,
      recordId: write.recordId,
      rowFormat: 1,
      record: stored,
      acknowledgedAt: Date.now(),
    });
  }

  private inBackoff(): boolean {
    return !this.current.online && Date.now() - this.lastFailureAt < this.retryIntervalMs;
  }

  private markOffline(failure: Failure): void {
    this.lastFailureAt = Date.now();
    if (this.current.online || this.current.lastFailure !== failure) this.setState({ ...this.current, online: false, lastFailure: failure });
  }

  private markOnline(): void {
    if (!this.current.online) this.setState({ ...this.current, online: true, lastFailure: null });
  }

  private async refreshState(): Promise<void> {
    const [pending, conflicts] = await Promise.all([this.db.queue.count(), this.db.conflicts.toArray()]);
    const shaped = conflicts.map(({ rowFormat: _rowFormat, ...conflict }) => conflict);
    this.setState({ ...this.current, pending, conflicts: shaped });
  }

  private setState(next: OutboxState): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }

  private notifyReviews(reviewIds: readonly string[]): void {
    for (const reviewId of new Set(reviewIds)) for (const watcher of this.reviewWatchers.get(reviewId) ?? []) watcher();
  }

  /** One thing at a time: the queue's order is the order of writing. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }
}

/** A record after a queued write: created, updated (version bumped as the store would) or gone. */
function applied(record: StoredRecord | null, write: QueuedWrite): StoredRecord | null {
  switch (write.operation) {
    case 'create':
      return write.record;
    case 'update':
      return write.record ? { ...write.record, version: write.record.version + 1 } : record;
    case 'delete':
      return null;
  }
}

const labelOf = (kind: RecordKind): string => recordLabel(kind);

const STAMPS = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'schemaVersion']);

/** JSON with keys sorted at every level, so equal values compare equal whatever order a mapper wrote them in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The same record apart from the stamps the store writes. */
function sameContent(a: StoredRecord | null, b: StoredRecord | null): boolean {
  if (a === null || b === null) return a === b;
  const strip = (record: StoredRecord) => stableJson(Object.fromEntries(Object.entries(record).filter(([key]) => !STAMPS.has(key))));
  return strip(a) === strip(b);
}

/** Whether a record is a later version than another (or the other is missing). */
const isNewer = (candidate: StoredRecord | null, than: StoredRecord | null): boolean => candidate !== null && (than === null || candidate.version > than.version);

/** Every record's id and version, hashed (FNV-1a): equal when nothing was added, removed or saved. */
function fingerprintOf(snapshot: ReviewSnapshot): string {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  mix(`review:${snapshot.review.version}`);
  let count = 0;
  for (const collection of Object.values(COLLECTION_OF_KIND)) {
    for (const record of snapshot[collection] as AnyChildRecord[]) {
      mix(`|${collection}:${record.id}:${record.version}`);
      count++;
    }
  }
  return `${count}:${hash.toString(36)}`;
}
