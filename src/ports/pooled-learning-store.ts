import type { Failure } from '../domain/failures';
import type { PooledReviewFindings } from '../domain/pooling/pooled-findings';
import type { Result } from '../domain/result';

/**
 * Where pooled, de-identified findings are kept for collation across reviews: the LSCB team site's pooled learning
 * list in Microsoft 365 mode, a separate IndexedDB database in standalone mode. One record per source and review
 * (`pooledRecordId`): `put` replaces it, never doubles it. Every adapter passes tests/contract/pooled-learning-store.contract.ts.
 */
export interface PooledLearningStore {
  /** Writes a review's findings, replacing any held for the same source and review. */
  put(record: PooledReviewFindings): Promise<Result<void, Failure>>;
  /** Writes many (an import from another LSCB), each replacing its own; answers how many were written. */
  putMany(records: readonly PooledReviewFindings[]): Promise<Result<number, Failure>>;
  /** Takes a review's findings out of the pool; answers whether there were any. */
  withdraw(source: string, reviewKey: string): Promise<Result<boolean, Failure>>;
  get(source: string, reviewKey: string): Promise<Result<PooledReviewFindings | null, Failure>>;
  list(): Promise<Result<readonly PooledReviewFindings[], Failure>>;
}
