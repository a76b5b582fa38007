// Pooled learning across reviews (issue 14): writes a review's de-identified findings when it reaches the LSCB's
// pooling phase, withdraws them when it goes back or on request, collates them, and exchanges them with other LSCBs.
import type { Failure } from '../../domain/failures';
import type { ReviewId } from '../../domain/ids';
import type { ReviewPhase, ReviewSnapshot } from '../../domain/model';
import type { ReviewSummary } from '../../domain/review-summary';
import {
  collate,
  contributingReviews,
  type CollationFilter,
  type CollationSelector,
  type CollationSummary,
  type ContributingReview,
} from '../../domain/pooling/collate';
import { DEFAULT_POOLING_PHASE, derivePooledFindings, hasReachedPoolingPhase } from '../../domain/pooling/derive';
import { parsePooledFindings, pooledFindingsCsv, pooledFindingsFile, serialisePooledFindings } from '../../domain/pooling/exchange';
import type { PooledReviewFindings } from '../../domain/pooling/pooled-findings';
import { pooledReviewKey } from '../../domain/pooling/review-key';
import { err, ok, type Result } from '../../domain/result';
import { londonDateOf } from '../../domain/time';
import type { FieldIssue } from '../../domain/failures';
import type { Clock } from '../../ports/clock';
import type { PooledLearningStore } from '../../ports/pooled-learning-store';

export interface PooledLearningDeps {
  readonly store: PooledLearningStore;
  readonly clock: Clock;
  /** This LSCB's short code in pooled records (e.g. "fenshire-lscb"). */
  readonly source: string;
  /** From which phase reviews are pooled; default: final draft agreed. */
  readonly poolingPhase?: ReviewPhase;
}

export type PoolingOutcome = 'pooled' | 'withdrawn' | 'notYet';

/** A contributing review, with the review it is when this person can list it here. */
export interface DrillDownRow extends ContributingReview {
  readonly review: ReviewSummary | null;
}

export class PooledLearningService {
  constructor(private readonly deps: PooledLearningDeps) {}

  get source(): string {
    return this.deps.source;
  }

  get poolingPhase(): ReviewPhase {
    return this.deps.poolingPhase ?? DEFAULT_POOLING_PHASE;
  }

  private today(): string {
    return londonDateOf(this.deps.clock.now()) ?? this.deps.clock.now().slice(0, 10);
  }

  keyOf(reviewId: string): string {
    return pooledReviewKey(this.deps.source, reviewId);
  }

  /** Pools the review if it has reached the pooling phase (replacing what was pooled before); withdraws it if not. */
  async sync(snapshot: ReviewSnapshot): Promise<Result<PoolingOutcome, Failure>> {
    if (hasReachedPoolingPhase(snapshot.review.phase, this.poolingPhase)) {
      const put = await this.deps.store.put(derivePooledFindings(snapshot, { source: this.deps.source, pooledOn: this.today() }));
      return put.ok ? ok('pooled') : put;
    }
    const withdrawn = await this.deps.store.withdraw(this.deps.source, this.keyOf(snapshot.review.id));
    if (!withdrawn.ok) return withdrawn;
    return ok(withdrawn.value ? 'withdrawn' : 'notYet');
  }

  /** Takes a review's findings out of the pool (they come back only when it is pooled again). */
  async withdraw(reviewId: ReviewId | string): Promise<Result<boolean, Failure>> {
    return this.deps.store.withdraw(this.deps.source, this.keyOf(reviewId));
  }

  /**
   * Brings the pool up to date with the reviews listed here: a review at the pooling phase with nothing pooled is
   * pooled; one pooled but now before it is withdrawn. Answers how many changed.
   */
  async catchUp(reviews: readonly ReviewSummary[], load: (reviewId: ReviewId) => Promise<Result<ReviewSnapshot, Failure>>): Promise<Result<number, Failure>> {
    const held = await this.deps.store.list();
    if (!held.ok) return held;
    const pooledKeys = new Set(held.value.filter((record) => record.source === this.deps.source).map((record) => record.reviewKey));
    let changed = 0;
    for (const summary of reviews) {
      const reached = hasReachedPoolingPhase(summary.phase, this.poolingPhase);
      const pooled = pooledKeys.has(this.keyOf(summary.id));
      if (reached === pooled) continue;
      if (!reached) {
        const withdrawn = await this.withdraw(summary.id);
        if (!withdrawn.ok) return withdrawn;
      } else {
        const snapshot = await load(summary.id);
        if (!snapshot.ok) return snapshot;
        const synced = await this.sync(snapshot.value);
        if (!synced.ok) return synced;
      }
      changed += 1;
    }
    return ok(changed);
  }

  async records(): Promise<Result<readonly PooledReviewFindings[], Failure>> {
    return this.deps.store.list();
  }

  summarise(records: readonly PooledReviewFindings[], filter: CollationFilter): CollationSummary {
    return collate(records, filter, this.today());
  }

  /** The reviews behind a figure; those this person can list here are named, the rest (other LSCBs, or reviews they are not in) stay keys. */
  drillDown(records: readonly PooledReviewFindings[], filter: CollationFilter, selector: CollationSelector, visible: readonly ReviewSummary[]): DrillDownRow[] {
    const byKey = new Map(visible.map((summary) => [this.keyOf(summary.id), summary]));
    return contributingReviews(records, filter, selector).map((row) => ({
      ...row,
      review: row.source === this.deps.source ? (byKey.get(row.reviewKey) ?? null) : null,
    }));
  }

  async exportJson(): Promise<Result<string, Failure>> {
    const records = await this.deps.store.list();
    return records.ok ? ok(serialisePooledFindings(pooledFindingsFile(records.value, this.today()))) : records;
  }

  async exportCsv(): Promise<Result<string, Failure>> {
    const records = await this.deps.store.list();
    return records.ok ? ok(pooledFindingsCsv(records.value)) : records;
  }

  /** Imports another LSCB's pooled findings: checked, de-duplicated by source and review; never over this LSCB's own. */
  async importFile(text: string, fileName: string): Promise<Result<{ readonly imported: number; readonly rejected: readonly FieldIssue[] }, Failure>> {
    const parsed = parsePooledFindings(text, fileName);
    if (!parsed.ok) return parsed;
    const foreign = parsed.value.records.filter((record) => record.source !== this.deps.source);
    const own = parsed.value.records.length - foreign.length;
    const rejected: FieldIssue[] = [
      ...parsed.value.rejected,
      ...(own > 0 ? [{ path: '', message: `${own} record${own === 1 ? '' : 's'} from this LSCB (${this.deps.source}) left as pooled here` }] : []),
    ];
    if (foreign.length === 0 && parsed.value.records.length === 0 && parsed.value.rejected.length > 0) {
      return err({ kind: 'invalid', what: fileName, issues: parsed.value.rejected });
    }
    const written = await this.deps.store.putMany(foreign);
    return written.ok ? ok({ imported: written.value, rejected }) : written;
  }
}
