/**
 * Publishing one stage's report: build it from the review, lay it out as a Word document, check a public report for
 * identifiers, hand it to the publisher (private channel or archive), and record the publication with the document's
 * SHA-256 through the review session (the one write path), which also writes the audit entry.
 */
import type { Failure } from '../../domain/failures';
import { londonDateOf } from '../../domain/time';
import type { ReportStage, ReviewSnapshot } from '../../domain/model';
import { buildReport } from '../../domain/report/build-report';
import { stageOpening } from '../../domain/report/dialogue';
import type { ReportViewModel } from '../../domain/report/view-model';
import { err, ok, type Result } from '../../domain/result';
import { formatCalendarDate } from '../../domain/time';
import type { ReportDocument, ReportPublisher, ReportRenderer } from '../../ports/report-publisher';
import type { ReviewSession } from '../session/review-session';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A registered identifier the scan found in the finished public document. */
export interface LeakFinding {
  readonly describe: string;
}

/** How the public report is anonymised and checked; supplied by the identifier register and the leak scan. */
export interface PublicReportChecks {
  readonly anonymiserFor: (snapshot: ReviewSnapshot) => (text: string) => string;
  /** Every registered identifier still in the document, each worded with where it was found. */
  readonly findLeaks: (snapshot: ReviewSnapshot, bytes: Uint8Array) => Promise<LeakFinding[]>;
}

/** The report for a draft as the preview shows it and the document prints it. */
export function reportFor(snapshot: ReviewSnapshot, draft: ReportStage, checks: PublicReportChecks): ReportViewModel {
  return buildReport(snapshot, {
    stage: draft.stage,
    draft,
    ...(draft.stage === 'finalPublic' ? { anonymise: checks.anonymiserFor(snapshot) } : {}),
  });
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** "final-draft-report-draft-2.docx": no codename, so a file name can never carry a place or a name. */
export function reportFileName(model: ReportViewModel, draftNumber: number): string {
  const stage = model.stageTitle.toLowerCase().replace(/[^a-z0-9]+/gu, '-');
  return `${stage}-draft-${draftNumber}.docx`;
}

/** Renders a draft's report as a Word document and hashes it. */
export async function renderDocument(
  model: ReportViewModel,
  draftNumber: number,
  renderer: ReportRenderer,
  onProgress?: (done: number, total: number) => void,
): Promise<ReportDocument> {
  const bytes = await renderer.render(model, onProgress);
  return { fileName: reportFileName(model, draftNumber), mediaType: DOCX_MEDIA_TYPE, bytes, sha256: await sha256Hex(bytes) };
}

export interface PublishDeps {
  readonly renderer: ReportRenderer;
  readonly publisher: ReportPublisher;
  readonly checks: PublicReportChecks;
}

export interface Published {
  readonly location: string;
  readonly destination: string;
  readonly document: ReportDocument;
}

/** Publishes a recorded draft. Blocked (a typed failure) while the previous window is open without a reason, or while the scan finds identifiers. */
export async function publishReport(
  session: ReviewSession,
  reportStageId: string,
  deps: PublishDeps,
  onProgress?: (done: number, total: number) => void,
): Promise<Result<Published, Failure>> {
  const snapshot = session.getSnapshot();
  const draft = snapshot.reportStages.find((candidate) => candidate.id === reportStageId);
  if (!draft) return err({ kind: 'notFound', what: 'Report draft', id: reportStageId });
  const opening = stageOpening(snapshot, draft.stage, londonDateOf(session.now()) ?? '');
  if (!opening.open && opening.waitingFor && draft.earlyStartReason.trim() === '') {
    return err({
      kind: 'blocked',
      what: 'Publishing this report',
      reasons: [
        `The ${opening.waitingFor.title.toLowerCase()}'s comment window is open until ${formatCalendarDate(opening.waitingFor.closesOn)}. ` +
          'The next stage opens when it closes; to start earlier, record the reason for starting early.',
      ],
    });
  }
  const model = reportFor(snapshot, draft, deps.checks);
  const document = await renderDocument(model, draft.draftNumber, deps.renderer, onProgress);
  if (model.audience === 'public') {
    const leaks = await deps.checks.findLeaks(snapshot, document.bytes);
    if (leaks.length > 0) {
      return err({ kind: 'blocked', what: 'Publishing the public report', reasons: leaks.map((leak) => `The scan found ${leak.describe}`) });
    }
  }
  const published = await deps.publisher.publish({
    reviewId: snapshot.review.id,
    stage: draft.stage,
    stageTitle: model.stageTitle,
    draftNumber: draft.draftNumber,
    audience: model.audience,
    document,
    commentsBy: model.audience === 'restricted' ? (draft.commentWindow?.closesOn ?? null) : null,
    publishedBy: session.actor(),
  });
  if (!published.ok) return published;
  const recorded = await session.apply({
    type: 'recordPublication',
    reportStageId: draft.id,
    location: published.value.location,
    destination: published.value.destination,
    fileName: document.fileName,
    sha256: document.sha256,
    auditId: session.newId('aud'),
  });
  if (!recorded.ok) return recorded;
  return ok({ location: published.value.location, destination: published.value.destination, document });
}
