import Dexie, { type Table } from 'dexie';
import type { Failure } from '../../domain/failures';
import type { ReviewId } from '../../domain/ids';
import { COLLECTION_OF_KIND, type AnyChildRecord, type ChildRecordKind, type ChildRecordOf, type Review, type ReviewSnapshot } from '../../domain/model';
import { summariseReview, type ReviewSummary } from '../../domain/review-summary';
import { err, ok, type Result } from '../../domain/result';
import { recordLabel } from '../../domain/labels';
import type { Outbox, OutboxConflict, OutboxResolution, OutboxState } from '../../ports/outbox';
import { UNKNOWN_CHANGE, type ReviewChange, type ReviewStore } from '../../ports/review-store';

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
  /**
   * How long a write waits for the store before it is answered from the queue (it stays queued and is sent in the
   * background; a refusal after that becomes an OutboxConflict). Default 4 s.
   */
  readonly slowWriteMs?: number;
  readonly now?: () => string;
}

/** How a queued write ended, for a caller still waiting for it. */
type Settlement = { readonly kind: 'answered'; readonly result: Result<unknown, Failure> } | { readonly kind: 'stillQueued' };

/** A caller waiting for its write; `done` is set by whichever comes first, the answer or the deadline. */
interface Waiter {
  done: boolean;
  settle: (settlement: Settlement) => void;
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
  private readonly slowWriteMs: number;
  private readonly now: () => string;
  private readonly waiters = new Map<number, Waiter>();
  private pumping: Promise<void> | null = null;
  private closed = false;
  private readonly ready: Promise<void>;
  private lock: Promise<unknown> = Promise.resolve();
  private current: OutboxState = { pending: 0, online: true, conflicts: [], lastFailure: null };
  private readonly listeners = new Set<() => void>();
  private readonly reviewWatchers = new Map<string, Set<(change: ReviewChange) => void>>();
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
    this.slowWriteMs = options.slowWriteMs ?? 4_000;
    this.now = options.now ?? (() => new Date().toISOString());
    this.ready = this.refreshState();
    if (options.autoRetry ?? true) {
      this.retryTimer = setInterval(
        () => {
          if (this.current.pending > 0 || !this.current.online) void this.syncNow();
        },
        Math.max(1_000, this.retryIntervalMs),
      );
      globalThis.addEventListener?.('online', this.onBrowserOnline);
    }
  }

  /** Stops the retry timer and closes the database. */
  close(): void {
    this.closed = true;
    this.releaseWaiters();
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
    await this.pumpNow(true);
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
    if (this.current.pending > 0 && !this.inBackoff()) void this.pumpNow(false);
    const cached = await this.db.snapshots.get(reviewId);
    if (!this.inBackoff()) {
      const fromStore = this.loadFromStore(reviewId);
      const answer = cached ? await withDeadline(fromStore, this.slowLoadMs) : await fromStore;
      if (answer === SLOW) {
        // Serve what this device has; tell watchers when the store answers, so the screen refreshes.
        void fromStore.then(
          (late) => {
            if (late !== 'outage') this.notifyReviews([reviewId]);
          },
          () => undefined,
        );
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
    const outcome = await this.write({
      rowFormat: 1,
      reviewId,
      recordKind: kind,
      recordId: id,
      operation: 'delete',
      base: null,
      record: null,
      expectedVersion,
      queuedAt: this.now(),
    });
    return outcome.ok ? ok(undefined) : outcome;
  }

  /**
   * Drops everything this device keeps of one review (its cached copy, queued edits, conflicts), without touching the
   * store: for a person SharePoint no longer lets see it, so nothing of it stays readable in this browser.
   */
  async forgetReview(reviewId: ReviewId): Promise<void> {
    await this.ready;
    await this.exclusive(async () => {
      await this.db.snapshots.delete(reviewId);
      await this.db.queue.where('reviewId').equals(reviewId).delete();
      await this.db.conflicts.where('reviewId').equals(reviewId).delete();
      await this.db.acknowledged.where('reviewId').equals(reviewId).delete();
      this.fingerprints.delete(reviewId);
      await this.refreshState();
    });
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

  watchReview(reviewId: ReviewId, onChange: (change: ReviewChange) => void): () => void {
    const watchers = this.reviewWatchers.get(reviewId) ?? new Set<(change: ReviewChange) => void>();
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
    const reviewId = kind === 'review' ? record.id : (record as AnyChildRecord).reviewId;
    return this.write({
      rowFormat: 1,
      reviewId,
      recordKind: kind,
      recordId: record.id,
      operation: 'create',
      base: null,
      record: { ...record, version: 1 },
      expectedVersion: 0,
      queuedAt: this.now(),
    });
  }

  private async updateAny(kind: RecordKind, record: StoredRecord): Promise<Result<StoredRecord, Failure>> {
    const reviewId = kind === 'review' ? record.id : (record as AnyChildRecord).reviewId;
    return this.write({
      rowFormat: 1,
      reviewId,
      recordKind: kind,
      recordId: record.id,
      operation: 'update',
      base: null,
      record,
      expectedVersion: record.version,
      queuedAt: this.now(),
    });
  }

  /**
   * Every write is queued first (so a reload never loses one in flight), then sent in order in the background.
   * The caller gets the store's own answer if it comes within `slowWriteMs`; otherwise, or during an outage, the
   * answer the store will give once it is sent (the record with its version bumped).
   */
  private async write(write: QueuedWrite): Promise<Result<StoredRecord, Failure>> {
    await this.ready;
    const queued = await this.exclusive(() => this.enqueue(write));
    if (!queued.ok) return queued;
    const { seq, row } = queued.value;
    const answer = await this.awaitSettlement(seq);
    if (answer.kind === 'answered') {
      if (!answer.result.ok) return answer.result;
      return ok(row.operation === 'delete' ? (row.base ?? (row.record as StoredRecord)) : ((answer.result.value ?? expected(row)) as StoredRecord));
    }
    // Queued, not yet stored: watchers hear which record changed (as this device now shows it), not "reload".
    this.notifyRecord(row);
    return ok(expected(row) ?? (row.base as StoredRecord));
  }

  /** Checks a write against what this device knows, then adds it to the queue. */
  private async enqueue(write: QueuedWrite): Promise<Result<{ seq: number; row: QueuedWrite }, Failure>> {
    const known = await this.knownRecord(write.reviewId, write.recordKind, write.recordId);
    const queuedForRecord = await this.db.queue.where('[recordKind+recordId]').equals([write.recordKind, write.recordId]).count();
    // Online with nothing waiting, the store itself decides; offline (or behind queued writes) this device must.
    if (!this.current.online || queuedForRecord > 0) {
      if (write.operation === 'create' && known) return err({ kind: 'alreadyExists', what: labelOf(write.recordKind), id: write.recordId });
      if (write.operation !== 'create' && known && known.version !== write.expectedVersion) {
        return err({ kind: 'conflict', recordKind: write.recordKind, id: write.recordId, current: known });
      }
    }
    const row: QueuedWrite = { ...write, base: write.operation === 'create' ? null : known };
    const seq = await this.db.queue.add(row);
    await this.refreshState();
    return ok({ seq, row });
  }

  /** Waits for a queued write's answer, up to the deadline; straight away during an outage. */
  private awaitSettlement(seq: number): Promise<Settlement> {
    return new Promise<Settlement>((resolve) => {
      const waiter: Waiter = { done: false, settle: resolve };
      if (this.inBackoff()) {
        waiter.done = true;
        resolve({ kind: 'stillQueued' });
        return;
      }
      this.waiters.set(seq, waiter);
      const timer = setTimeout(() => {
        if (waiter.done) return;
        waiter.done = true;
        this.waiters.delete(seq);
        resolve({ kind: 'stillQueued' });
      }, this.slowWriteMs);
      waiter.settle = (settlement) => {
        clearTimeout(timer);
        resolve(settlement);
      };
      void this.pumpNow(false);
    });
  }

  /** The waiting caller of a queued write, claimed so that only one of the answer and the deadline reaches it. */
  private claimWaiter(seq: number): Waiter | null {
    const waiter = this.waiters.get(seq);
    this.waiters.delete(seq);
    if (!waiter || waiter.done) return null;
    waiter.done = true;
    return waiter;
  }

  private releaseWaiters(): void {
    for (const seq of [...this.waiters.keys()]) this.claimWaiter(seq)?.settle({ kind: 'stillQueued' });
  }

  /** Starts sending the queue (or joins the sending under way). */
  private pumpNow(force: boolean): Promise<void> {
    if (this.closed) return Promise.resolve();
    // Joining a round under way: a forced sync still makes a full round of its own afterwards.
    if (this.pumping) return force ? this.pumping.then(() => this.pumpNow(true)) : this.pumping;
    const round = this.pump(force)
      .catch((error: unknown) => {
        // Only a closed database ends a round early (the page is going): anything queued stays queued.
        if (!this.closed) throw error;
      })
      .finally(() => {
        this.pumping = null;
        // A write queued just as the last round finished still has its caller waiting: go again for it.
        if ([...this.waiters.values()].some((waiter) => !waiter.done) && !this.inBackoff()) void this.pumpNow(false);
      });
    this.pumping = round;
    return round;
  }

  /**
   * Sends the queue in order. Stops at the first outage; a refusal goes back to its caller if they are still
   * waiting, and otherwise becomes a conflict for the person, carrying every queued write for that record.
   */
  private async pump(force: boolean): Promise<void> {
    const changed = new Set<string>();
    let first = true;
    for (;;) {
      if (this.closed || (!(force && first) && this.inBackoff())) break;
      first = false;
      const next = await this.db.queue.orderBy('seq').first();
      if (!next) break;
      const seq = next.seq as number;
      const sent = await this.sendQueued(next);
      if (sent.ok) {
        const stored = next.operation === 'delete' ? null : ((sent.value ?? next.record) as StoredRecord);
        await this.exclusive(async () => {
          await this.acknowledge(next, stored);
          await this.db.queue.delete(seq);
        });
        this.markOnline();
        changed.add(next.reviewId);
        await this.refreshState();
        this.claimWaiter(seq)?.settle({ kind: 'answered', result: sent });
        continue;
      }
      if (isOutage(sent.error)) {
        this.markOffline(sent.error);
        this.releaseWaiters();
        break;
      }
      this.markOnline();
      changed.add(next.reviewId);
      const waiter = this.claimWaiter(seq);
      if (waiter) {
        // Its caller is still waiting: the refusal is theirs to handle, as it would be without the outbox.
        await this.exclusive(() => this.db.queue.delete(seq));
        await this.refreshState();
        waiter.settle({ kind: 'answered', result: sent });
      } else {
        await this.exclusive(() => this.setAside(next, sent.error));
      }
    }
    await this.refreshState();
    if (changed.size > 0) this.notifyReviews([...changed]);
  }

  /** The record as this device believes it is now: the cached review with the queued writes applied. */
  private async knownRecord(reviewId: string, kind: RecordKind, id: string): Promise<StoredRecord | null> {
    const cached = await this.db.snapshots.get(reviewId);
    let known: StoredRecord | null = null;
    if (cached) {
      known =
        kind === 'review'
          ? cached.snapshot.review
          : ((cached.snapshot[COLLECTION_OF_KIND[kind]] as AnyChildRecord[]).find((record) => record.id === id) ?? null);
    }
    const acknowledged = await this.db.acknowledged.get([reviewId, kind, id]);
    if (acknowledged && isNewer(acknowledged.record, known)) known = acknowledged.record;
    const writes = await this.db.queue.where('[recordKind+recordId]').equals([kind, id]).sortBy('seq');
    for (const write of writes) known = applied(known, write);
    return known;
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
    const theirs =
      failure.kind === 'conflict' ? (failure.current as StoredRecord | null) : await this.fetchCurrent(first.reviewId, first.recordKind, first.recordId);
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
    if (this.closed) return;
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
    const [queued, conflicts] = await Promise.all([this.db.queue.toArray(), this.db.conflicts.toArray()]);
    const shaped = conflicts.map(({ rowFormat: _rowFormat, ...conflict }) => conflict);
    const records = new Map(queued.map((row) => [`${row.recordKind}:${row.recordId}`, { recordKind: row.recordKind, recordId: row.recordId }]));
    this.setState({ ...this.current, pending: queued.length, pendingRecords: [...records.values()], conflicts: shaped });
  }

  private setState(next: OutboxState): void {
    this.current = next;
    for (const listener of this.listeners) listener();
  }

  private notifyRecord(row: QueuedWrite): void {
    const shown = expected(row);
    const change: ReviewChange =
      row.recordKind === 'review'
        ? { kind: 'records', review: (shown as Review | null) ?? null, changed: [], removed: [] }
        : shown === null
          ? { kind: 'records', review: null, changed: [], removed: [{ kind: row.recordKind, id: row.recordId }] }
          : { kind: 'records', review: null, changed: [{ kind: row.recordKind, record: shown as AnyChildRecord }], removed: [] };
    for (const watcher of this.reviewWatchers.get(row.reviewId) ?? []) watcher(change);
  }

  private notifyReviews(reviewIds: readonly string[]): void {
    for (const reviewId of new Set(reviewIds)) for (const watcher of this.reviewWatchers.get(reviewId) ?? []) watcher(UNKNOWN_CHANGE);
  }

  /** One thing at a time: the queue's order is the order of writing. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }
}

/** What the store will answer for a queued write once sent: the record with its version bumped (null for a delete). */
function expected(write: QueuedWrite): StoredRecord | null {
  if (write.operation === 'delete' || !write.record) return null;
  return write.operation === 'create' ? write.record : { ...write.record, version: write.record.version + 1 };
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
const isNewer = (candidate: StoredRecord | null, than: StoredRecord | null): boolean =>
  candidate !== null && (than === null || candidate.version > than.version);

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
