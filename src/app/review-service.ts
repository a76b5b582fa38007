import type { z } from 'zod';
import type { Failure } from '../domain/failures';
import { asId, type ReviewId } from '../domain/ids';
import {
  CHILD_RECORD_SCHEMAS,
  ReviewSchema,
  type AuditEntry,
  type ChildRecordKind,
  type ChildRecordOf,
  type Review,
  type ReviewPhase,
  type ReviewSnapshot,
  type ReviewSummary,
} from '../domain/model';
import { err, ok, type Result } from '../domain/result';
import { validate } from '../domain/validate';
import { decidePhaseMove } from '../domain/workflow';
import { KINDS_WITH_REVIEW_RULES, recordIssuesInReview, referencesTo, reviewIssues } from '../domain/rules';
import { analysisReferencesTo } from '../domain/analysis/references';
import { recordLabel } from '../domain/labels';
export { recordLabel };
import type { Clock } from '../ports/clock';
import type { IdSource } from '../ports/id-source';
import type { ReviewStore } from '../ports/review-store';
import { firstVersionStamps } from './record-stamps';

/** Analysis records other analysis points at: a discrepancy at an entry, a pattern at an episode, a recommendation at a pattern. */
const ANALYSIS_KINDS_REFERRED_TO: ReadonlySet<ChildRecordKind> = new Set(['narrativeEntry', 'episode', 'pattern']);

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
};

export interface ReviewServiceDeps {
  readonly store: ReviewStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Who is acting, as shown in the audit trail. */
  readonly actor: () => string;
}

/**
 * The service's public face, as screens and the conversation guide use it. Structural (the class's private state
 * is not part of it), so the host can hand out a stand-in: standalone mode's service while its chunk still loads.
 */
export type ReviewOperations = Pick<ReviewService, keyof ReviewService>;

/** The use cases of a review: validate, stamp, store, audit. Every failure comes back as a value. */
export class ReviewService {
  constructor(private readonly deps: ReviewServiceDeps) {}

  get store(): ReviewStore {
    return this.deps.store;
  }

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
    const valid = validate(ReviewSchema, { ...review, ...changes, ...this.touch() }, 'Review');
    if (!valid.ok) return valid;
    const fits = await this.checkReviewInSnapshot(valid.value);
    if (!fits.ok) return fits;
    return this.deps.store.updateReview(valid.value);
  }

  async addRecord<K extends ChildRecordKind>(
    kind: K,
    reviewId: ReviewId,
    input: RecordInput<K>,
    id?: string,
  ): Promise<Result<ChildRecordOf<K>, Failure>> {
    const candidate = {
      ...input,
      id: id ?? this.deps.ids.next(ID_PREFIX[kind]),
      reviewId,
      ...firstVersionStamps(this.deps.clock, this.deps.actor),
    };
    const valid = validate(CHILD_RECORD_SCHEMAS[kind], candidate, recordLabel(kind));
    if (!valid.ok) return valid;
    const fits = await this.checkInReview(kind, valid.value as ChildRecordOf<K>);
    if (!fits.ok) return fits;
    return this.deps.store.createRecord(kind, valid.value as ChildRecordOf<K>);
  }

  /** Saves an edited record. `record.version` must be the version that was read, or the result is a conflict. */
  async saveRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> {
    const valid = validate(CHILD_RECORD_SCHEMAS[kind], { ...record, ...this.touch() }, recordLabel(kind));
    if (!valid.ok) return valid;
    const fits = await this.checkInReview(kind, valid.value as ChildRecordOf<K>);
    if (!fits.ok) return fits;
    return this.deps.store.updateRecord(kind, valid.value as ChildRecordOf<K>);
  }

  /** Removes a record unless other records still point at it (then `blocked`, naming them). */
  async removeRecord(kind: ChildRecordKind, record: { reviewId: ReviewId; id: string; version: number }): Promise<Result<void, Failure>> {
    if (kind === 'teamMember' || kind === 'participant' || kind === 'document' || kind === 'conversation' || ANALYSIS_KINDS_REFERRED_TO.has(kind)) {
      const loaded = await this.deps.store.loadReview(record.reviewId);
      if (!loaded.ok) return loaded;
      const references = [...referencesTo(loaded.value, kind, record.id), ...analysisReferencesTo(loaded.value, kind, record.id)];
      if (references.length > 0) {
        return err({
          kind: 'blocked',
          what: `Removing this ${recordLabel(kind).toLocaleLowerCase('en-GB')}`,
          reasons: references.map((reference) => `${reference.description} refers to it`),
        });
      }
    }
    return this.deps.store.deleteRecord(kind, record.reviewId, record.id, record.version);
  }

  async deleteReview(reviewId: ReviewId): Promise<Result<void, Failure>> {
    return this.deps.store.deleteReview(reviewId);
  }

  /** Append to the audit trail: permission changes, publications, exports, imports, recording destruction. */
  async audit(reviewId: ReviewId, action: AuditEntry['action'], summary: string): Promise<Result<AuditEntry, Failure>> {
    return this.addRecord('audit', reviewId, { action, who: this.deps.actor(), at: this.deps.clock.now(), summary });
  }

  async movePhase(reviewId: ReviewId, to: ReviewPhase, override: { reason: string } | null): Promise<Result<Review, Failure>> {
    const loaded = await this.deps.store.loadReview(reviewId);
    if (!loaded.ok) return loaded;
    const decision = decidePhaseMove(loaded.value, to, override);
    if (!decision.ok) return decision;
    const review = loaded.value.review;
    const change = {
      from: review.phase,
      to,
      at: this.deps.clock.now(),
      by: this.deps.actor(),
      overriddenGuards: [...decision.value.overriddenGuards],
      reason: decision.value.reason,
    };
    const saved = await this.updateReview(review, { phase: to, phaseHistory: [...review.phaseHistory, change] });
    if (!saved.ok) return saved;
    const overrideNote = change.overriddenGuards.length > 0 ? ` with ${change.overriddenGuards.length} guard(s) overridden: ${change.reason}` : '';
    const audited = await this.audit(reviewId, 'phaseChange', `Moved from ${change.from} to ${to}${overrideNote}`);
    if (!audited.ok) return err(audited.error);
    return ok(saved.value);
  }

  /** Rules that look at the rest of the review (duplicate participants, periods, facilitators): src/domain/rules. */
  private async checkInReview<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>): Promise<Result<void, Failure>> {
    if (!KINDS_WITH_REVIEW_RULES.has(kind)) return ok(undefined);
    const loaded = await this.deps.store.loadReview(record.reviewId);
    if (!loaded.ok) return loaded;
    const { blocking } = recordIssuesInReview(kind, record, loaded.value, this.deps.clock.now());
    return blocking.length === 0 ? ok(undefined) : err({ kind: 'invalid', what: recordLabel(kind), issues: blocking });
  }

  /** A review's details against its records: an agency still in use stays. */
  private async checkReviewInSnapshot(review: Review): Promise<Result<void, Failure>> {
    const loaded = await this.deps.store.loadReview(review.id);
    if (!loaded.ok) return loaded.error.kind === 'notFound' ? ok(undefined) : loaded;
    const issues = reviewIssues(review, loaded.value);
    return issues.length === 0 ? ok(undefined) : err({ kind: 'invalid', what: 'Review', issues });
  }

  private touch(): { updatedAt: string; updatedBy: string } {
    return { updatedAt: this.deps.clock.now(), updatedBy: this.deps.actor() };
  }
}

export const reviewIdOf = (value: string): ReviewId => asId<ReviewId>(value);
