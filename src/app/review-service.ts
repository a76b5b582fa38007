import type { z } from 'zod';
import type { Failure } from '../domain/failures';
import { asId, type ReviewId } from '../domain/ids';
import {
  type CHILD_RECORD_SCHEMAS,
  RECORD_SCHEMA_VERSION,
  ReviewSchema,
  type AnyChildRecord,
  type AuditEntry,
  type ChildRecordKind,
  type ChildRecordOf,
  type Review,
  type ReviewPhase,
  type ReviewSnapshot,
} from '../domain/model';
import type { ReviewSummary } from '../domain/review-summary';
import { err, ok, type Result } from '../domain/result';
import { validate } from '../domain/validate';
import { findRecord } from '../domain/session';
import { recordLabel } from '../domain/labels';
export { recordLabel };
import type { Clock } from '../ports/clock';
import type { EditJournal } from '../ports/edit-journal';
import type { IdSource } from '../ports/id-source';
import type { Outbox } from '../ports/outbox';
import type { ReviewStore } from '../ports/review-store';
import { firstVersionStamps } from './record-stamps';
import { memoryJournal } from './session/memory-journal';
import { ReviewSession, type ReviewSessionDeps } from './session/review-session';

type StampKey = 'id' | 'reviewId' | 'schemaVersion' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy';

/** What a form supplies for a new record: everything but the stamps the service adds. */
export type RecordInput<K extends ChildRecordKind> = Omit<z.input<(typeof CHILD_RECORD_SCHEMAS)[K]>, StampKey>;
export type NewReviewInput = Omit<z.input<typeof ReviewSchema>, StampKey | 'phase' | 'phaseHistory'> & {
  id?: string;
};

export const ID_PREFIX: Record<ChildRecordKind | 'review', string> = {
  review: 'rev',
  teamMember: 'tm',
  participant: 'par',
  document: 'doc',
  conversation: 'con',
  stepNote: 'note',
  narrativeEntry: 'nar',
  episode: 'kpe',
  pattern: 'pat',
  recommendation: 'rec',
  reportStage: 'stage',
  comment: 'com',
  audit: 'aud',
  meeting: 'mtg',
  identifier: 'idn',
  languageDismissal: 'lang',
};

export interface ReviewServiceDeps {
  readonly store: ReviewStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Who is acting, as shown in the audit trail. */
  readonly actor: () => string;
  /** Who is acting in a review, for the role matrix; absent: the lead reviewer (see ReviewSessionDeps.access). */
  readonly access?: ReviewSessionDeps['access'];
  /** Keeps edits on this device until stored (the browser's storage); in memory when absent (CLI, tests). */
  readonly journal?: EditJournal;
  readonly outbox?: Outbox;
  readonly editDelayMs?: number;
  /**
   * Clears what this browser keeps of a review besides the edit journal (Microsoft 365: the offline outbox's cached
   * copy and queue), once SharePoint refuses the person the review: they were removed from it.
   */
  readonly forgetLocalCopy?: (reviewId: ReviewId) => Promise<void>;
}

/** Adds a record from a form's fields to an open review: the session stamps, checks and stores it. */
export async function addToSession<K extends ChildRecordKind>(
  session: ReviewSession,
  kind: K,
  input: RecordInput<K>,
  id?: string,
): Promise<Result<ChildRecordOf<K>, Failure>> {
  const recordId = id ?? session.newId(ID_PREFIX[kind]);
  const now = session.now();
  const by = session.actor();
  const record = {
    ...input,
    id: recordId,
    reviewId: session.reviewId,
    schemaVersion: RECORD_SCHEMA_VERSION,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: by,
    updatedBy: by,
  };
  const added = await session.apply({
    type: 'addRecord',
    kind,
    record: record as unknown as AnyChildRecord,
  });
  if (!added.ok) return added;
  const stored = findRecord(session.getSnapshot(), kind, recordId);
  const applied = added.value.changes.find((change) => change.id === recordId)?.record;
  return ok((stored ?? applied) as ChildRecordOf<K>);
}

/**
 * The service's public face, as screens and the conversation guide use it. Structural (the class's private state
 * is not part of it), so the host can hand out a stand-in: standalone mode's service while its chunk still loads.
 */
export type ReviewOperations = Pick<
  ReviewService,
  | 'listReviews'
  | 'loadReview'
  | 'createReview'
  | 'updateReview'
  | 'openSession'
  | 'closeSession'
  | 'addRecord'
  | 'saveRecord'
  | 'removeRecord'
  | 'deleteReview'
  | 'audit'
  | 'movePhase'
>;

/** The use cases of a review: validate, stamp, store, audit. Every failure comes back as a value. */
export class ReviewService {
  private readonly sessions = new Map<string, Promise<Result<ReviewSession, Failure>>>();
  private readonly fallbackJournal = memoryJournal();

  constructor(private readonly deps: ReviewServiceDeps) {}

  listReviews(): Promise<Result<ReviewSummary[], Failure>> {
    return this.deps.store.listReviews();
  }

  loadReview(reviewId: ReviewId): Promise<Result<ReviewSnapshot, Failure>> {
    return this.deps.store.loadReview(reviewId);
  }

  async createReview(input: NewReviewInput): Promise<Result<Review, Failure>> {
    const candidate = {
      ...input,
      id: input.id ?? this.deps.ids.next(ID_PREFIX.review),
      ...firstVersionStamps(this.deps.clock, this.deps.actor),
      phase: 'preparation',
      phaseHistory: [],
    };
    const valid = validate(ReviewSchema, candidate, 'Review');
    if (!valid.ok) return valid;
    return this.deps.store.createReview(valid.value);
  }

  async updateReview(review: Review, changes: Partial<z.input<typeof ReviewSchema>>): Promise<Result<Review, Failure>> {
    const session = await this.openSession(review.id);
    if (!session.ok) return session;
    const current = session.value.getSnapshot().review;
    if (review.version < current.version)
      return err({
        kind: 'conflict',
        recordKind: 'review',
        id: review.id,
        current,
      });
    const edited = await session.value.apply({
      type: 'editRecord',
      kind: 'review',
      id: review.id,
      base: current,
      changes: { ...review, ...changes },
    });
    if (!edited.ok) return edited;
    return ok(session.value.getSnapshot().review);
  }

  /**
   * The open review for this id, shared by everyone in this process who edits it: the one write path. Opened (read
   * once) on first use; the journal's edits from before a reload are applied again then.
   */
  openSession(reviewId: ReviewId): Promise<Result<ReviewSession, Failure>> {
    const open = this.sessions.get(reviewId);
    if (open) return open;
    const opening = ReviewSession.open(reviewId, {
      store: this.deps.store,
      clock: this.deps.clock,
      ids: this.deps.ids,
      actor: this.deps.actor,
      access: this.deps.access,
      journal: this.deps.journal ?? this.fallbackJournal,
      outbox: this.deps.outbox,
      editDelayMs: this.deps.editDelayMs,
      onAccessLost: (lost) => void this.forget(lost),
    }).then(async (result): Promise<Result<ReviewSession, Failure>> => {
      if (!result.ok) this.sessions.delete(reviewId);
      // SharePoint refused the review itself: this person was removed from it. Nothing of it stays in this browser.
      if (!result.ok && result.error.kind === 'permissionDenied' && this.deps.forgetLocalCopy) {
        await this.forget(reviewId);
        return err({ kind: 'accessLost', what: 'this review' });
      }
      return result;
    });
    this.sessions.set(reviewId, opening);
    return opening;
  }

  /** A review this person may no longer open: its session, journal and this browser's copy are dropped. */
  private async forget(reviewId: ReviewId): Promise<void> {
    this.sessions.delete(reviewId);
    (this.deps.journal ?? this.fallbackJournal).write(reviewId, []);
    await this.deps.forgetLocalCopy?.(reviewId);
  }

  /** Stops keeping a review open (its waiting edits are sent first). */
  async closeSession(reviewId: ReviewId): Promise<Result<void, Failure>> {
    const open = this.sessions.get(reviewId);
    this.sessions.delete(reviewId);
    const session = open ? await open : null;
    if (session?.ok) {
      await session.value.flush();
      session.value.close();
    }
    return ok(undefined);
  }

  /** A new record from a form's fields: stamped, checked against every rule, shown, stored. */
  async addRecord<K extends ChildRecordKind>(kind: K, reviewId: ReviewId, input: RecordInput<K>, id?: string): Promise<Result<ChildRecordOf<K>, Failure>> {
    const session = await this.openSession(reviewId);
    if (!session.ok) return session;
    return addToSession(session.value, kind, input, id);
  }

  /** Saves an edited record. `record.version` must be the version that was read, or the result is a conflict. */
  async saveRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    const session = await this.openSession(record.reviewId);
    if (!session.ok) return session;
    const current = findRecord(session.value.getSnapshot(), kind, record.id) as ChildRecordOf<K> | null;
    if (!current) return err({ kind: 'notFound', what: recordLabel(kind), id: record.id });
    if (record.version < current.version)
      return err({
        kind: 'conflict',
        recordKind: kind,
        id: record.id,
        current,
      });
    const edited = await session.value.apply({
      type: 'editRecord',
      kind,
      id: record.id,
      base: current,
      changes: record,
    });
    if (!edited.ok) return edited;
    return ok((findRecord(session.value.getSnapshot(), kind, record.id) ?? current) as ChildRecordOf<K>);
  }

  /** Removes a record unless other records still point at it (then `blocked`, naming them). */
  async removeRecord(kind: ChildRecordKind, record: { reviewId: ReviewId; id: string; version: number }): Promise<Result<void, Failure>> {
    const session = await this.openSession(record.reviewId);
    if (!session.ok) return session;
    const removed = await session.value.apply({
      type: 'removeRecord',
      kind,
      id: record.id,
    });
    return removed.ok ? ok(undefined) : removed;
  }

  async deleteReview(reviewId: ReviewId): Promise<Result<void, Failure>> {
    const open = this.sessions.get(reviewId);
    this.sessions.delete(reviewId);
    const session = open ? await open : null;
    if (session?.ok) session.value.close();
    (this.deps.journal ?? this.fallbackJournal).write(reviewId, []);
    return this.deps.store.deleteReview(reviewId);
  }

  /** Append to the audit trail: permission changes, publications, exports, imports, recording destruction. */
  async audit(reviewId: ReviewId, action: AuditEntry['action'], summary: string): Promise<Result<AuditEntry, Failure>> {
    const session = await this.openSession(reviewId);
    if (!session.ok) return session;
    const entryId = this.deps.ids.next(ID_PREFIX.audit);
    const appended = await session.value.apply({
      type: 'appendAudit',
      entryId,
      action,
      summary,
    });
    if (!appended.ok) return appended;
    return ok(findRecord(session.value.getSnapshot(), 'audit', entryId) as AuditEntry);
  }

  async movePhase(reviewId: ReviewId, to: ReviewPhase, override: { reason: string } | null): Promise<Result<Review, Failure>> {
    const session = await this.openSession(reviewId);
    if (!session.ok) return session;
    const moved = await session.value.apply({
      type: 'movePhase',
      to,
      override,
      auditId: this.deps.ids.next(ID_PREFIX.audit),
    });
    if (!moved.ok) return moved;
    return ok(session.value.getSnapshot().review);
  }
}

export const reviewIdOf = (value: string): ReviewId => asId<ReviewId>(value);
