import Dexie, { type Table } from 'dexie';
import type { AnyChildRecord, ChildRecordKind, Review } from '../../domain/model';
import { newestFirst, summariseReview, type ReviewSummary } from '../../domain/review-summary';

// The standalone store's IndexedDB layout, on its own so the reviews list can be read with Dexie alone: no zod, no
// record schemas, no services (DESIGN §6 first-screen, ADR 0852).

/**
 * Stored row shapes. `rowFormat` is versioned so the layout itself can migrate (ADR 0850):
 * - 1: written unchecked (builds before 0850, test seeds); each record is checked in full as it is read;
 * - 2: checked against the schemas as it was written, so a read checks only its envelope.
 */
export type RowFormat = 1 | typeof CHECKED_ROW_FORMAT;
export const CHECKED_ROW_FORMAT = 2;

export interface ReviewRow {
  readonly id: string;
  readonly rowFormat: RowFormat;
  readonly review: Review;
}

export interface RecordRow {
  readonly reviewId: string;
  readonly kind: ChildRecordKind;
  readonly id: string;
  readonly rowFormat: RowFormat;
  readonly record: AnyChildRecord;
}

export class ReviewDatabase extends Dexie {
  reviews!: Table<ReviewRow, string>;
  records!: Table<RecordRow, [string, string, string]>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      reviews: 'id',
      records: '[reviewId+kind+id], reviewId',
    });
  }
}

/** Every review's summary, most recent first. The summary's fields are the review row's, as they were written. */
export async function listStoredReviews(db: ReviewDatabase): Promise<ReviewSummary[]> {
  const rows = await db.reviews.toArray();
  return newestFirst(rows.map((row) => summariseReview(row.review)));
}
