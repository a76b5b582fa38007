import { renderReportDocx } from '../adapters/docx/report-docx';
import type { ReportViewModel } from '../domain/report/view-model';

/**
 * Lays a report out as a Word document off the main thread, so a large review never freezes the screen.
 * In: the report view model. Out: { kind: 'progress', done, total } messages, then { kind: 'done', bytes } or { kind: 'failed', message }.
 */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReportViewModel>) => void) | null;
  postMessage: (message: unknown, transfer?: Transferable[]) => void;
};

scope.onmessage = (event) => {
  renderReportDocx(event.data, (done, total) => scope.postMessage({ kind: 'progress', done, total })).then(
    (bytes) => scope.postMessage({ kind: 'done', bytes }, [bytes.buffer]),
    (error: unknown) => scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
