import { parseVtt } from '../../../app/guide/vtt';
import type { Failure } from '../../../domain/failures';
import { MAX_TRANSCRIPT_FILE_BYTES, type ParsedTranscript } from '../../../domain/guide';
import { err, type Result } from '../../../domain/result';

type Outcome = Result<ParsedTranscript, Failure>;

/**
 * Reads a transcript without freezing the page: in a Web Worker where the browser has them, otherwise on this
 * thread a piece at a time with a pause between pieces. Progress is reported as a share, 0…1.
 */
export async function readTranscript(text: string, fileName: string, onProgress: (share: number) => void): Promise<Outcome> {
  if (typeof Worker !== 'undefined') {
    try {
      return await inWorker(text, fileName, onProgress);
    } catch {
      // A worker that cannot start (a strict content security policy, say) falls back to pieces on this thread.
    }
  }
  return parseVtt(text, fileName, { onProgress, pause: () => new Promise((resolve) => setTimeout(resolve, 0)) });
}

function inWorker(text: string, fileName: string, onProgress: (share: number) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./transcript-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ kind: 'progress'; share: number } | { kind: 'done'; result: Outcome }>) => {
      if (event.data.kind === 'progress') onProgress(event.data.share);
      else {
        worker.terminate();
        resolve(event.data.result);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ text, fileName });
  });
}

/** Reads a chosen file, refusing one far too large before reading it at all. */
export async function readTranscriptFile(file: File, onProgress: (share: number) => void): Promise<Outcome> {
  if (file.size > MAX_TRANSCRIPT_FILE_BYTES) {
    return err({
      kind: 'invalid',
      what: `The transcript file ${file.name}`,
      issues: [{ path: '', message: `it is larger than ${MAX_TRANSCRIPT_FILE_BYTES / (1024 * 1024)} MB, far longer than a 90-minute conversation` }],
    });
  }
  return readTranscript(await file.text(), file.name, onProgress);
}
