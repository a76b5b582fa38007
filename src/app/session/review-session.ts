import { authorise, leadReviewerActor, type Actor } from '../../domain/access';
import type { Failure, FieldIssue } from '../../domain/failures';
import type { ReviewId } from '../../domain/ids';
import type { ReviewSnapshot } from '../../domain/model';
import { err, ok, type Result } from '../../domain/result';
import {
  STAMP_FIELDS,
  checkChanges,
  coalesce,
  commandTargets,
  keepBothTexts,
  valueAt,
  withValueAt,
  findRecord,
  parseRecordKey,
  performCommand,
  recordKey,
  stableJson,
  withChanges,
  type Command,
  type FieldPath,
  type RecordChange,
  type RecordKey,
  type SessionRecord,
  type SessionRecordKind,
} from '../../domain/session';
import type { Clock } from '../../ports/clock';
import type { EditJournal, JournalEntry } from '../../ports/edit-journal';
import type { IdSource } from '../../ports/id-source';
import type { Outbox } from '../../ports/outbox';
import type { ReviewChange, ReviewStore } from '../../ports/review-store';

/**
 * The open review, held in memory: the one write path of the app. Screens read it (useSyncExternalStore with
 * selectors) and change it only by `submit(command)`. A command is checked against every rule on the review as
 * it stands here, shown at once, kept in the edit journal (so a reload loses nothing), then written record by
 * record through the ReviewStore port. When someone else saved a record first, the commands still waiting are
 * applied again to their version; what cannot be combined becomes a conflict for the person, with both kept.
 *
 * Two snapshots: `stored` is the review as the store last confirmed it; the view is `stored` with the commands not
 * yet confirmed applied on top. A write is needed wherever the two differ.
 */

export interface ReviewSessionDeps {
  readonly store: ReviewStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly actor: () => string;
  /**
   * Who is acting in this review, for the role matrix (src/domain/access): every command is authorised against it.
   * Absent (the CLI, tests, callers that predate access control): the lead reviewer, named by `actor`.
   */
  readonly access?: (snapshot: ReviewSnapshot) => Actor;
  readonly journal: EditJournal;
  /**
   * The store refused this person the review itself (SharePoint 403 after they were removed): called once, after the
   * session has dropped its waiting edits and emptied the journal, so the host can clear this browser's copy.
   */
  readonly onAccessLost?: (reviewId: ReviewId) => void;
  /** Microsoft 365: the offline outbox in front of the store, whose queue the sync state includes. */
  readonly outbox?: Outbox;
  /** How long typing may pause before a field edit is written (the journal keeps it meanwhile). Default 300 ms. */
  readonly editDelayMs?: number;
}

export interface Applied {
  readonly changes: readonly RecordChange[];
  readonly warnings: readonly FieldIssue[];
}

export interface Submission {
  /** Refused at once when a rule is broken: nothing is shown or stored. */
  readonly accepted: Result<Applied, Failure>;
  /** Settles when the store has every record the command changed (or refuses one). */
  readonly stored: Promise<Result<Applied, Failure>>;
}

/** An edit that could not be combined with someone else's: held, unsaved, until the person chooses. */
export interface SessionConflict {
  readonly id: string;
  readonly kind: SessionRecordKind;
  readonly recordId: string;
  /** The record as stored now (theirs); null when someone removed it. */
  readonly theirs: SessionRecord | null;
  /** The record with this edit (mine); null when this edit removed it. */
  readonly mine: SessionRecord | null;
  /** The fields changed differently on both sides; empty when the edit could not be applied at all. */
  readonly fields: readonly FieldPath[];
  /** Why the edit could not be applied to their version, when it could not. */
  readonly failure: Failure | null;
}

export type ConflictChoice = 'mine' | 'theirs' | 'both';

export type SyncStatus = 'saved' | 'saving' | 'queued' | 'conflicts' | 'failed';

export interface SyncState {
  readonly status: SyncStatus;
  /** Records written or waiting to be written by this session. */
  readonly saving: number;
  /** Edits kept on this device by the offline outbox, not yet stored (Microsoft 365). */
  readonly queued: number;
  readonly conflicts: readonly SessionConflict[];
  /** Conflicts the offline outbox met when it finally sent an edit. */
  readonly queuedConflicts: number;
  readonly failure: Failure | null;
  /** True when edits are waiting that the journal could not keep: the only time closing the tab is asked about. */
  readonly atRisk: boolean;
  /** The store refused this person the review (they were removed from it): nothing more is shown or kept. */
  readonly accessLost: boolean;
}

export type RecordSaveState = 'saved' | 'saving' | 'queued' | 'conflict' | 'failed';

interface Pending {
  readonly entry: JournalEntry;
  /** The records it changed when last applied. */
  keys: readonly RecordKey[];
  applied: Applied;
  readonly waiters: Array<(result: Result<Applied, Failure>) => void>;
  /** Records the store has confirmed with this command's change in them. */
  readonly done: Set<RecordKey>;
}

const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** Commands confirmed recently, so a late second click of the same submission is answered, not applied again. */
const REMEMBERED_CONFIRMATIONS = 200;

const withoutStamps = (record: SessionRecord | null): string =>
  record === null ? 'null' : stableJson(Object.fromEntries(Object.entries(record).filter(([key]) => !STAMP_FIELDS.has(key))));

const DELAYED_COMMANDS: ReadonlySet<Command['type']> = new Set(['editRecord', 'editStepNote']);

export class ReviewSession {
  private stored: ReviewSnapshot;
  private view: ReviewSnapshot;
  private pending: Pending[] = [];
  private readonly held = new Map<RecordKey, SessionConflict>();
  private readonly inFlight = new Set<RecordKey>();
  private readonly failures = new Map<RecordKey, Failure>();
  private readonly confirmed = new Map<string, Applied>();
  private readonly listeners = new Set<() => void>();
  private readonly syncListeners = new Set<() => void>();
  private sync: SyncState;
  private journalKept = true;
  private writeTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  private closed = false;
  private accessLost = false;
  private readonly stopWatching: () => void;
  private readonly stopOutbox: () => void;
  private idle: Array<() => void> = [];

  private constructor(
    private readonly deps: ReviewSessionDeps,
    snapshot: ReviewSnapshot,
  ) {
    this.stored = snapshot;
    this.view = snapshot;
    this.sync = this.computeSync();
    this.stopWatching = deps.store.watchReview(snapshot.review.id, (change) => void this.onStoreChange(change).catch(() => undefined));
    this.stopOutbox = deps.outbox?.subscribe(() => this.refreshSync()) ?? (() => undefined);
  }

  /** Opens a review: reads it once, then applies again whatever the journal still holds from before a reload. */
  static async open(reviewId: ReviewId, deps: ReviewSessionDeps): Promise<Result<ReviewSession, Failure>> {
    const loaded = await deps.store.loadReview(reviewId);
    if (!loaded.ok) return loaded;
    const session = new ReviewSession(deps, loaded.value);
    session.replayJournal();
    return ok(session);
  }

  get reviewId(): ReviewId {
    return this.view.review.id;
  }

  // ------------------------------------------------------------------ reading

  getSnapshot = (): ReviewSnapshot => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSyncState = (): SyncState => this.sync;

  subscribeSync = (listener: () => void): (() => void) => {
    this.syncListeners.add(listener);
    return () => this.syncListeners.delete(listener);
  };

  /** Where one record's edits are: for the "Saved" beside an editor. */
  recordState(kind: SessionRecordKind, id: string): RecordSaveState {
    const key = recordKey(kind, id);
    if (this.held.has(key)) return 'conflict';
    if (this.failures.has(key)) return 'failed';
    if (this.inFlight.has(key) || this.isDirty(key)) return 'saving';
    if (this.sync.queued > 0) return 'queued';
    return 'saved';
  }

  conflictFor(kind: SessionRecordKind, id: string): SessionConflict | null {
    return this.held.get(recordKey(kind, id)) ?? null;
  }

  /** A fresh id for a record of this kind: what an "Add" dialog takes when it opens, so two clicks add one record. */
  newId(prefix: string): string {
    return this.deps.ids.next(prefix);
  }

  now(): string {
    return this.deps.clock.now();
  }

  actor(): string {
    return this.deps.actor();
  }

  /** The actor this session authorises commands for, in the review as it stands. */
  access(): Actor {
    return this.deps.access?.(this.view) ?? leadReviewerActor(this.deps.actor());
  }

  // ------------------------------------------------------------------ writing

  /**
   * Applies a command. `commandId` names the submission: the same id submitted again while the first is on its way
   * (a double click) is answered with the first one's outcome and applied once. An add is named by its record id.
   */
  submit(command: Command, commandId = defaultCommandId(command, this.deps.ids)): Submission {
    if (this.closed) {
      const closed = err<Failure>(
        this.accessLost
          ? { kind: 'accessLost', what: 'this review' }
          : {
              kind: 'unavailable',
              what: 'Review',
              detail: 'it has been closed',
              retryable: false,
            },
      );
      return { accepted: closed, stored: Promise.resolve(closed) };
    }
    const already = this.pending.find((pending) => pending.entry.commandId === commandId);
    if (already)
      return {
        accepted: ok(already.applied),
        stored: this.whenStored(already),
      };
    const remembered = this.confirmed.get(commandId);
    if (remembered)
      return {
        accepted: ok(remembered),
        stored: Promise.resolve(ok(remembered)),
      };

    const entry: JournalEntry = {
      commandId,
      command,
      at: this.deps.clock.now(),
      by: this.deps.actor(),
    };
    const applied = this.performAuthorised(this.view, entry);
    if (!applied.ok) return { accepted: applied, stored: Promise.resolve(applied) };
    if (applied.value.applied.changes.length === 0) {
      const nothing = ok(applied.value.applied);
      return { accepted: nothing, stored: Promise.resolve(nothing) };
    }
    const pending: Pending = {
      entry,
      keys: applied.value.applied.changes.map((change) => recordKey(change.kind, change.id)),
      applied: applied.value.applied,
      waiters: [],
      done: new Set<RecordKey>(),
    };
    this.addPending(pending);
    this.view = withChanges(this.view, applied.value.applied.changes);
    // An editor that started from an older version than this one: what cannot be combined waits for the person.
    if (applied.value.unresolved.length > 0) this.rebase();
    this.afterChange(DELAYED_COMMANDS.has(command.type));
    return {
      accepted: ok(applied.value.applied),
      stored: this.whenStored(pending),
    };
  }

  /** `submit`, waiting until the store has it. */
  apply(command: Command, commandId?: string): Promise<Result<Applied, Failure>> {
    return this.submit(command, commandId).stored;
  }

  /** Writes whatever is waiting now, and settles when nothing is on its way. */
  flush(): Promise<void> {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    this.pump();
    if (!this.busy()) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /**
   * Settles a conflict: keep mine (my version of the fields both changed), theirs (drop my edit of them), both
   * (texts side by side), or a record the person put together. Later edits of the same record stay as they were.
   */
  settle(conflictId: string, choice: ConflictChoice | { readonly record: SessionRecord }): Result<void, Failure> {
    const [key, conflict] = [...this.held.entries()].find(([, candidate]) => candidate.id === conflictId) ?? [];
    if (!key || !conflict) return err({ kind: 'notFound', what: 'Conflict', id: conflictId });
    this.held.delete(key);
    const theirs = findRecord(this.stored, conflict.kind, conflict.recordId);
    const chosen =
      typeof choice === 'object'
        ? choice.record
        : choice === 'theirs'
          ? null
          : choice === 'both' && conflict.theirs && conflict.mine
            ? keepBothFields(conflict.mine, conflict.theirs, conflict.fields)
            : conflict.mine;
    const edits =
      conflict.failure === null
        ? this.pending.filter((pending) => pending.entry.command.type === 'editRecord' && pending.keys.length === 1 && pending.keys[0] === key)
        : [];
    const first = edits[0];
    if (first) {
      const rest = edits.slice(1);
      const waiters = edits.flatMap((pending) => pending.waiters.splice(0));
      if (chosen === null) {
        // Theirs: these edits are dropped, by the person's choice; whoever waited on them is told it is settled.
        this.pending = this.pending.filter((pending) => !edits.includes(pending));
        waiters.forEach((resolve) => resolve(ok(first.applied)));
      } else {
        // Mine or both: one edit of every field edited here, made over their version, in the place of the first.
        const fields = [
          ...new Set(edits.flatMap((pending) => (pending.entry.command.type === 'editRecord' ? Object.keys(pending.entry.command.changes) : []))),
        ];
        const command: Command = {
          type: 'editRecord',
          kind: conflict.kind,
          id: conflict.recordId,
          base: pick(theirs ?? chosen, fields),
          changes: pick(chosen, fields),
        };
        const index = this.pending.indexOf(first);
        this.pending[index] = { ...first, entry: { ...first.entry, command }, waiters };
        this.pending = this.pending.filter((pending) => !rest.includes(pending));
      }
    } else if (chosen !== null) {
      // An edit that could not be applied at all (the record was removed, or a rule now refuses it): made again.
      const command: Command = theirs
        ? {
            type: 'editRecord',
            kind: conflict.kind,
            id: conflict.recordId,
            base: pick(theirs, Object.keys(chosen)),
            changes: chosen as unknown as Record<string, unknown>,
          }
        : conflict.kind === 'review'
          ? { type: 'editRecord', kind: 'review', id: conflict.recordId, base: {}, changes: chosen as unknown as Record<string, unknown> }
          : { type: 'addRecord', kind: conflict.kind, record: { ...(chosen as object), version: 1 } as never };
      this.pending.push({
        entry: { commandId: this.deps.ids.next('settle'), command, at: this.deps.clock.now(), by: this.deps.actor() },
        keys: [key],
        applied: { changes: [], warnings: [] },
        waiters: [],
        done: new Set(),
      });
    }
    this.rebase();
    this.writeJournal();
    this.afterChange(false);
    return ok(undefined);
  }

  /** Reads the whole review again (when the store cannot say what changed), keeping every edit still waiting. */
  async reload(): Promise<Result<void, Failure>> {
    const loaded = await this.deps.store.loadReview(this.reviewId);
    if (!loaded.ok && loaded.error.kind === 'permissionDenied') this.loseAccess();
    if (!loaded.ok) return loaded;
    this.stored = loaded.value;
    this.rebase();
    this.afterChange(false);
    return ok(undefined);
  }

  close(): void {
    if (this.closed) return;
    this.pump();
    this.closed = true;
    this.stopWatching();
    this.stopOutbox();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.clear();
    this.syncListeners.clear();
  }

  // ------------------------------------------------------------------ internals

  private perform(snapshot: ReviewSnapshot, entry: JournalEntry): Result<{ applied: Applied; unresolved: readonly FieldPath[] }, Failure> {
    const context = { now: this.deps.clock.now(), actor: entry.by };
    const performed = performCommand(snapshot, entry.command, context);
    if (!performed.ok) return performed;
    const checked = checkChanges(snapshot, performed.value.changes, context.now);
    if (!checked.ok) return checked;
    return ok({
      applied: {
        changes: checked.value.changes,
        warnings: checked.value.warnings,
      },
      unresolved: performed.value.unresolved,
    });
  }

  /** A new command (typed now, or kept in the journal from before a reload): refused unless the actor may submit it. */
  private performAuthorised(snapshot: ReviewSnapshot, entry: JournalEntry): ReturnType<ReviewSession['perform']> {
    const permitted = authorise(this.access(), entry.command, snapshot, this.deps.clock.now());
    return permitted.ok ? this.perform(snapshot, entry) : permitted;
  }

  private addPending(pending: Pending): void {
    const last = this.pending.at(-1);
    const merged = last && last.waiters.length === 0 && sameKeys(last.keys, pending.keys) ? coalesce(last.entry.command, pending.entry.command) : null;
    if (last && merged) {
      // Typing: one entry per field, not per key press. The earlier entry had no one waiting on it by itself.
      this.pending[this.pending.length - 1] = {
        ...pending,
        entry: { ...pending.entry, command: merged },
      };
    } else {
      this.pending.push(pending);
    }
    this.writeJournal();
  }

  private whenStored(pending: Pending): Promise<Result<Applied, Failure>> {
    return new Promise((resolve) => pending.waiters.push(resolve));
  }

  private writeJournal(): void {
    const entries = [...this.pending.map((pending) => pending.entry)];
    this.journalKept = this.deps.journal.write(this.reviewId, entries);
  }

  private replayJournal(): void {
    const entries = this.deps.journal.read(this.reviewId);
    if (entries.length === 0) return;
    for (const entry of entries) {
      const before = this.view;
      const applied = this.performAuthorised(before, entry);
      if (!applied.ok) {
        // An add the store already has was stored before the reload. Anything else is kept for the person to see.
        if (applied.error.kind !== 'alreadyExists') {
          const target = commandTargets(entry.command)[0];
          if (target)
            this.hold(
              recordKey(target.kind, target.id),
              before,
              { entry, keys: [], applied: { changes: [], warnings: [] }, waiters: [], done: new Set() },
              [],
              applied.error,
            );
        }
        continue;
      }
      const changes = applied.value.applied.changes.filter(
        (change) => withoutStamps(findRecord(before, change.kind, change.id)) !== withoutStamps(change.record),
      );
      // Stored before the reload: nothing left to do.
      if (changes.length === 0) continue;
      const pending: Pending = {
        entry,
        keys: changes.map((change) => recordKey(change.kind, change.id)),
        applied: applied.value.applied,
        waiters: [],
        done: new Set<RecordKey>(),
      };
      this.pending.push(pending);
      this.view = withChanges(before, changes);
    }
    // Someone changed the same field meanwhile: held for the person, exactly as when it was first typed.
    this.rebase();
    this.writeJournal();
    this.afterChange(false);
  }

  /** The view again: the stored review with every waiting command applied on top, in order. */
  private rebase(): void {
    // Conflicts between fields are worked out afresh each time; edits that could not be applied stay held.
    for (const [key, conflict] of this.held) if (conflict.failure === null) this.held.delete(key);
    let view = this.stored;
    const kept: Pending[] = [];
    const unresolved = new Map<RecordKey, { paths: FieldPath[]; first: Pending }>();
    for (const pending of this.pending) {
      // Already in the store in full: nothing to apply again.
      if (pending.keys.length > 0 && pending.keys.every((key) => pending.done.has(key))) {
        kept.push(pending);
        continue;
      }
      const applied = this.perform(view, pending.entry);
      // An add the store already has: this session's own write, answered or still on its way.
      if (!applied.ok && applied.error.kind === 'alreadyExists' && (pending.done.size > 0 || pending.keys.some((key) => this.inFlight.has(key)))) {
        kept.push(pending);
        continue;
      }
      if (!applied.ok) {
        const key = pending.keys[0];
        if (key) this.hold(key, view, pending, [], applied.error);
        continue;
      }
      pending.applied = applied.value.applied;
      pending.keys = applied.value.applied.changes.map((change) => recordKey(change.kind, change.id));
      view = withChanges(view, applied.value.applied.changes);
      const key = pending.keys[0];
      if (applied.value.unresolved.length > 0 && key) {
        const known = unresolved.get(key);
        if (known) known.paths.push(...applied.value.unresolved);
        else unresolved.set(key, { paths: [...applied.value.unresolved], first: pending });
      }
      kept.push(pending);
    }
    this.pending = kept;
    this.view = view;
    // One conflict per record, showing the record with every edit made here (mine) beside the stored one (theirs).
    for (const [key, { paths, first }] of unresolved) {
      const { kind, id } = parseRecordKey(key);
      const theirs = findRecord(this.stored, kind, id);
      const fields = [...new Map(paths.map((path) => [path.join('.'), path])).values()];
      this.held.set(key, { id: `${key}@${first.entry.commandId}`, kind, recordId: id, theirs, mine: findRecord(view, kind, id), fields, failure: null });
      const outcome: Failure = { kind: 'conflict', recordKind: kind, id, current: theirs };
      for (const pending of kept) if (pending.keys.includes(key)) pending.waiters.splice(0).forEach((resolve) => resolve(err(outcome)));
    }
  }

  /** An edit that can no longer be applied at all: out of the queue, kept beside theirs for the person. */
  private hold(key: RecordKey, before: ReviewSnapshot, pending: Pending, fields: readonly FieldPath[], failure: Failure): void {
    const { kind, id } = parseRecordKey(key);
    const theirs = findRecord(this.stored, kind, id);
    const mine = mineFromCommand(pending.entry.command, findRecord(before, kind, id));
    this.held.set(key, { id: `${key}@${pending.entry.commandId}`, kind, recordId: id, theirs, mine, fields, failure });
    this.pending = this.pending.filter((candidate) => candidate !== pending);
    pending.waiters.splice(0).forEach((resolve) => resolve(err(failure)));
  }

  private isDirty(key: RecordKey): boolean {
    const { kind, id } = parseRecordKey(key);
    const inView = findRecord(this.view, kind, id);
    const inStore = findRecord(this.stored, kind, id);
    if (inView === inStore) return false;
    return withoutStamps(inView) !== withoutStamps(inStore);
  }

  private dirtyKeys(): RecordKey[] {
    const keys = new Set<RecordKey>();
    for (const pending of this.pending) for (const key of pending.keys) keys.add(key);
    return [...keys].filter((key) => !this.held.has(key) && this.isDirty(key));
  }

  private busy(): boolean {
    return this.inFlight.size > 0 || this.dirtyKeys().some((key) => !this.failures.has(key));
  }

  private afterChange(delayWrites: boolean): void {
    this.confirmClean();
    this.notify();
    if (delayWrites) {
      if (this.writeTimer) clearTimeout(this.writeTimer);
      this.writeTimer = setTimeout(() => {
        this.writeTimer = null;
        this.pump();
      }, this.deps.editDelayMs ?? 300);
    } else {
      this.pump();
    }
  }

  /** Starts a write for every record that differs from the store and is not already being written. */
  private pump(): void {
    if (this.closed) return;
    for (const key of this.dirtyKeys()) {
      if (this.inFlight.has(key)) continue;
      void this.write(key);
    }
    this.refreshSync();
  }

  private async write(key: RecordKey): Promise<void> {
    const { kind, id } = parseRecordKey(key);
    const mine = findRecord(this.view, kind, id);
    const theirs = findRecord(this.stored, kind, id);
    this.inFlight.add(key);
    this.refreshSync();
    const carried = this.pending.filter((pending) => pending.keys.includes(key));
    const result = await this.send(kind, id, mine, theirs).catch((error: unknown): Result<SessionRecord | null, Failure> =>
      // A store that throws (closed under us, a browser storage fault) is a failure like any other, never unhandled.
      err({ kind: 'unavailable', what: 'Review', detail: error instanceof Error ? error.message : String(error), retryable: !this.closed }),
    );
    this.inFlight.delete(key);
    if (this.closed) return;
    if (result.ok) {
      this.failures.delete(key);
      this.retries = 0;
      this.stored = withChanges(this.stored, [{ kind, id, record: result.value }]);
      for (const pending of carried) pending.done.add(key);
      // Nothing typed since: the view takes the stored record (its new version and stamps).
      if (withoutStamps(findRecord(this.view, kind, id)) === withoutStamps(result.value)) {
        this.view = withChanges(this.view, [{ kind, id, record: result.value }]);
      }
    } else if (result.error.kind === 'conflict') {
      this.stored = withChanges(this.stored, [{ kind, id, record: result.error.current as SessionRecord | null }]);
      this.rebase();
    } else if (result.error.kind === 'alreadyExists' || (result.error.kind === 'notFound' && theirs !== null)) {
      // Someone else created it meanwhile (both facilitators started the same step's notes), or removed it.
      const loaded = await this.deps.store.loadReview(this.reviewId);
      if (loaded.ok) {
        this.stored = withChanges(this.stored, [{ kind, id, record: findRecord(loaded.value, kind, id) }]);
        this.rebase();
      } else {
        this.failures.set(key, loaded.error);
      }
    } else if (result.error.kind === 'permissionDenied') {
      this.loseAccess();
      return;
    } else {
      this.failures.set(key, result.error);
      if (result.error.kind === 'unavailable' && result.error.retryable) this.scheduleRetry();
      else this.refuse(key, result.error);
    }
    this.afterWrite();
  }

  private async send(
    kind: SessionRecordKind,
    id: string,
    mine: SessionRecord | null,
    theirs: SessionRecord | null,
  ): Promise<Result<SessionRecord | null, Failure>> {
    const { store } = this.deps;
    if (kind === 'review') {
      if (!mine) return ok(null);
      return store.updateReview({
        ...(mine as ReviewSnapshot['review']),
        version: (theirs ?? mine).version,
      });
    }
    if (mine === null) {
      if (theirs === null) return ok(null);
      const removed = await store.deleteRecord(kind, this.reviewId, id, theirs.version);
      return removed.ok ? ok(null) : removed;
    }
    if (theirs === null) return store.createRecord(kind, { ...mine, version: 1 } as never);
    return store.updateRecord(kind, {
      ...mine,
      version: theirs.version,
    } as never);
  }

  /**
   * SharePoint refused this person the review (403): they were removed from it. Their waiting edits are dropped and
   * the journal emptied (its text must not stay readable in this browser), every waiter is told, and the host clears
   * the rest of this browser's copy. The session says so through its sync state and stops.
   */
  private loseAccess(): void {
    if (this.accessLost) return;
    this.accessLost = true;
    const lost: Failure = { kind: 'accessLost', what: 'this review' };
    const waiting = this.pending;
    this.pending = [];
    this.held.clear();
    this.failures.clear();
    this.deps.journal.write(this.reviewId, []);
    for (const pending of waiting) pending.waiters.splice(0).forEach((resolve) => resolve(err(lost)));
    this.refreshSync();
    this.deps.onAccessLost?.(this.reviewId);
    this.close();
  }

  /** The store refused an edit for good (not a conflict): it leaves the view, and its submitter is told why. */
  private refuse(key: RecordKey, failure: Failure): void {
    const refused = this.pending.filter((pending) => pending.keys.includes(key));
    this.pending = this.pending.filter((pending) => !pending.keys.includes(key));
    for (const pending of refused) pending.waiters.forEach((resolve) => resolve(err(failure)));
    if (refused.length > 0) {
      const first = refused[0];
      if (first) this.hold(key, this.stored, { ...first, keys: [key] }, [], failure);
    }
    this.failures.delete(key);
    this.rebase();
    this.writeJournal();
  }

  private afterWrite(): void {
    this.confirmClean();
    this.notify();
    this.pump();
    if (!this.busy()) this.idle.splice(0).forEach((resolve) => resolve());
  }

  /** Commands whose records the store now has are done: out of the journal, and their submitters told. */
  private confirmClean(): void {
    const done = this.pending.filter((pending) => pending.keys.every((key) => !this.inFlight.has(key) && !this.held.has(key) && !this.isDirty(key)));
    if (done.length === 0) return;
    this.pending = this.pending.filter((pending) => !done.includes(pending));
    for (const pending of done) {
      this.confirmed.set(pending.entry.commandId, pending.applied);
      pending.waiters.forEach((resolve) => resolve(ok(pending.applied)));
    }
    while (this.confirmed.size > REMEMBERED_CONFIRMATIONS) {
      const oldest = this.confirmed.keys().next().value;
      if (oldest === undefined) break;
      this.confirmed.delete(oldest);
    }
    this.writeJournal();
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.retries, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.failures.clear();
      this.pump();
    }, delay);
  }

  private async onStoreChange(change: ReviewChange): Promise<void> {
    if (this.closed) return;
    if (change.kind === 'unknown') {
      await this.reload();
      return;
    }
    const newer: RecordChange[] = [];
    const consider = (kind: SessionRecordKind, id: string, record: SessionRecord | null) => {
      const key = recordKey(kind, id);
      if (this.inFlight.has(key)) return; // the write's own answer says what is stored
      const current = findRecord(this.stored, kind, id);
      if (record === null ? current === null : current !== null && current.version >= record.version) return;
      newer.push({ kind, id, record });
    };
    if (change.review) consider('review', change.review.id, change.review);
    for (const { kind, record } of change.changed) consider(kind, record.id, record);
    for (const { kind, id } of change.removed) consider(kind, id, null);
    if (newer.length === 0) return;
    this.stored = withChanges(this.stored, newer);
    if (this.pending.length === 0) this.view = withChanges(this.view, newer);
    else this.rebase();
    this.afterChange(false);
  }

  private notify(): void {
    this.refreshSync();
    this.listeners.forEach((listener) => listener());
  }

  private refreshSync(): void {
    const next = this.computeSync();
    if (stableSync(next) === stableSync(this.sync)) return;
    this.sync = next;
    this.syncListeners.forEach((listener) => listener());
  }

  private computeSync(): SyncState {
    const outbox = this.deps.outbox?.state();
    const saving = new Set([...this.inFlight, ...this.dirtyKeys()]).size;
    const conflicts = [...this.held.values()];
    const queued = outbox?.pending ?? 0;
    const queuedConflicts = outbox?.conflicts.length ?? 0;
    const failure = [...this.failures.values()][0] ?? null;
    const status: SyncStatus =
      conflicts.length + queuedConflicts > 0 ? 'conflicts' : failure ? 'failed' : saving > 0 ? 'saving' : queued > 0 ? 'queued' : 'saved';
    return {
      status,
      saving,
      queued,
      conflicts,
      queuedConflicts,
      failure,
      atRisk: !this.journalKept && (saving > 0 || conflicts.length > 0),
      accessLost: this.accessLost,
    };
  }
}

const stableSync = (state: SyncState): string =>
  `${state.status}|${state.saving}|${state.queued}|${state.queuedConflicts}|${state.conflicts.map((conflict) => conflict.id).join(',')}|${state.failure?.kind ?? ''}|${state.atRisk}|${state.accessLost}`;

const sameKeys = (a: readonly RecordKey[], b: readonly RecordKey[]): boolean => a.length === b.length && a.every((key, index) => key === b[index]);

function defaultCommandId(command: Command, ids: IdSource): string {
  return command.type === 'addRecord' ? `add:${command.kind}:${command.record.id}` : ids.next('cmd');
}

/** The record as this edit would have left it, for a conflict whose edit could not be applied to theirs. */
function mineFromCommand(command: Command, before: SessionRecord | null): SessionRecord | null {
  if (command.type === 'addRecord') return command.record;
  if (command.type === 'editRecord' && before) return { ...before, ...command.changes } as SessionRecord;
  if (command.type === 'removeRecord') return null;
  return before;
}

const pick = (record: SessionRecord, fields: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(fields.map((field) => [field, (record as unknown as Record<string, unknown>)[field]]));

/** Both sides' texts in each conflicting text field; elsewhere this edit. */
function keepBothFields(mine: SessionRecord, theirs: SessionRecord, fields: readonly FieldPath[]): SessionRecord {
  return fields.reduce<SessionRecord>((record, path) => {
    const a = valueAt(mine, path);
    const b = valueAt(theirs, path);
    return typeof a === 'string' && typeof b === 'string' ? withValueAt(record, path, keepBothTexts(a, b)) : record;
  }, mine);
}
