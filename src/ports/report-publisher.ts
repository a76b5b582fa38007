import type { Failure } from '../domain/failures';
import type { ReportStageKind } from '../domain/method/report-stages';
import type { CalendarDate } from '../domain/primitives';
import type { Letter } from '../domain/report/letters';
import type { ReportAudience, ReportViewModel } from '../domain/report/view-model';
import type { Result } from '../domain/result';

/** A finished report document: a Word file and its SHA-256, which the audit trail keeps. */
export interface ReportDocument {
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  /** Lower-case hex. */
  readonly sha256: string;
}

/** What is being shared, with whom and until when comments are invited. */
export interface Publication {
  readonly reviewId: string;
  readonly stage: ReportStageKind;
  readonly stageTitle: string;
  readonly draftNumber: number;
  readonly audience: ReportAudience;
  readonly document: ReportDocument;
  /** The last day for individual comments; null for the public report. */
  readonly commentsBy: CalendarDate | null;
  /** Who publishes, for the message and the archive. */
  readonly publishedBy: string;
}

/** Where a published copy now lives (a channel file's web address, or the archive's key) and how it was announced. */
export interface PublishedCopy {
  readonly location: string;
  /** "the review's private channel" / "this browser's report archive": said in the audit entry. */
  readonly destination: string;
}

/** One published version as the archive lists it. */
export interface PublishedVersion {
  readonly location: string;
  readonly reviewId: string;
  readonly stage: ReportStageKind;
  readonly draftNumber: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly publishedAt: string;
  readonly publishedBy: string;
  readonly sizeBytes: number;
}

/**
 * Shares a report with the review's participants, and only with them: a draft goes to the review's restricted place
 * (its private channel in Microsoft 365, the report archive in standalone mode). Adapters never widen the audience.
 */
export interface ReportPublisher {
  publish(publication: Publication): Promise<Result<PublishedCopy, Failure>>;
  /** Every version published for this review, newest first. */
  listPublished(reviewId: string): Promise<Result<PublishedVersion[], Failure>>;
  /** A published version's bytes, to download again. */
  download(location: string): Promise<Result<Uint8Array, Failure>>;
}

/** Lays a report out as a Word document; reports progress so a large one never freezes the screen. */
export interface ReportRenderer {
  render(model: ReportViewModel, onProgress?: (done: number, total: number) => void): Promise<Uint8Array>;
  /** Appendix 1 and 2 letters, one Word file per letter, in one zip. */
  renderLetters?(letters: readonly Letter[], dated: string, onProgress?: (done: number, total: number) => void): Promise<Uint8Array>;
}
