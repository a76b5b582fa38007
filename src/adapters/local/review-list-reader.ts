import { ReviewDatabase, listStoredReviews } from './review-database';
import type { ReviewSummary } from '../../domain/review-summary';

/**
 * The reviews list read straight from the standalone database, for the first screen while the data layer (zod, the
 * model, the services) is still loading. Answers null when it cannot read, so the caller asks the full store, which
 * words the failure for the person (ADR 0852).
 */
export async function readReviewList(databaseName: string): Promise<ReviewSummary[] | null> {
  const db = new ReviewDatabase(databaseName);
  try {
    return await listStoredReviews(db);
  } catch {
    return null;
  } finally {
    db.close();
  }
}
