import { parseVtt } from '../../../app/guide/vtt';

/**
 * Reads a transcript off the main thread, so a large file never freezes the meeting side panel.
 * In: { text, fileName }. Out: { kind: 'progress', share } messages, then { kind: 'done', result }.
 */
interface Request {
  readonly text: string;
  readonly fileName: string;
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage: (message: unknown) => void };

scope.onmessage = (event) => {
  const { text, fileName } = event.data;
  void parseVtt(text, fileName, { onProgress: (share) => scope.postMessage({ kind: 'progress', share }) }).then((result) => scope.postMessage({ kind: 'done', result }));
};
