// What the reviews list shows of a review. Only types come from the model, so this module (and a list read through
// it) needs neither zod nor the record schemas: the first screen can show its rows before the model has loaded.
import type { Review, ReviewPhase, ReviewTrigger } from './model';

/** What the reviews list shows: nothing identifying. */
export interface ReviewSummary {
  readonly id: Review['id'];
  readonly codename: string;
  readonly trigger: ReviewTrigger;
  readonly phase: ReviewPhase;
  readonly periodUnderReview: Review['periodUnderReview'];
  readonly updatedAt: string;
  readonly fictional: boolean;
}

export const summariseReview = (review: Review): ReviewSummary => ({
  id: review.id,
  codename: review.codename,
  trigger: review.trigger,
  phase: review.phase,
  periodUnderReview: review.periodUnderReview,
  updatedAt: review.updatedAt,
  fictional: review.fictional,
});

/** The list's order: the review worked on most recently first. */
export const newestFirst = (summaries: ReviewSummary[]): ReviewSummary[] => [...summaries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
