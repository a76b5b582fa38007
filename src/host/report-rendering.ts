import type { ReportViewModel } from '../domain/report/view-model';
import type { ReportRenderer } from '../ports/report-publisher';

type WorkerMessage = { kind: 'progress'; done: number; total: number } | { kind: 'done'; bytes: Uint8Array } | { kind: 'failed'; message: string };

/**
 * Word documents are laid out in a Web Worker where the browser can start one; otherwise on this thread with a pause
 * after each section (the docx chunk is loaded on first use either way), so the progress bar keeps moving.
 */
export const browserReportRenderer: ReportRenderer = {
  async renderLetters(letters, dated, onProgress) {
    const { renderLettersZip } = await import('../adapters/docx/report-docx');
    return renderLettersZip(letters, dated, async (done, total) => {
      onProgress?.(done, total);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  },
  async render(model, onProgress) {
    if (typeof Worker !== 'undefined') {
      try {
        return await inWorker(model, onProgress);
      } catch {
        // A worker that cannot start (a strict content security policy, say) falls back to this thread.
      }
    }
    const { renderReportDocx } = await import('../adapters/docx/report-docx');
    return renderReportDocx(model, async (done, total) => {
      onProgress?.(done, total);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  },
};

function inWorker(model: ReportViewModel, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./report-render-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') {
        onProgress?.(message.done, message.total);
        return;
      }
      worker.terminate();
      if (message.kind === 'done') resolve(message.bytes);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(model);
  });
}
