import { WebVTTParser, type WebVTTNode } from 'webvtt-parser';
import type { Failure } from '../../domain/failures';
import { MAX_TRANSCRIPT_FILE_BYTES, type ParsedTranscript, type TranscriptCue, type TranscriptProblem } from '../../domain/guide/transcript';
import { err, ok, type Result } from '../../domain/result';

/**
 * Reads a WebVTT transcript (as Teams produces it) with the W3C parser, a piece at a time.
 *
 * The parser reads a whole string in one go: a 5 MB transcript takes about half a second, too long to freeze a
 * meeting side panel. So the text is cut at blank lines (where cues end) into pieces of about CHUNK_CHARACTERS,
 * each parsed on its own, with a pause between pieces for the caller to report progress and let the page breathe.
 * In the browser this runs in a Web Worker as well (src/ui/screens/guide/transcript-worker.ts).
 */

export const CHUNK_CHARACTERS = 128 * 1024;
const PROBLEMS_KEPT = 20;
const OUT_OF_ORDER = 'Start timestamp is not greater than or equal to start timestamp of previous cue';

/** The entities Teams and other tools write, with and without their semicolon (the parser's defaults lack it). */
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': '\u0027',
  '&nbsp;': '\u00a0',
  '&lrm;': '\u200e',
  '&rlm;': '\u200f',
  '&amp': '&',
  '&lt': '<',
  '&gt': '>',
  '&nbsp': '\u00a0',
};

export interface ParseOptions {
  readonly chunkCharacters?: number;
  /** Share done, 0…1, after each piece. */
  readonly onProgress?: (share: number) => void;
  /** Awaited between pieces: a timer tick on the main thread, nothing in a worker. */
  readonly pause?: () => Promise<void>;
}

const unreadable = (fileName: string, message: string): Failure => ({
  kind: 'invalid',
  what: `The transcript file ${fileName}`,
  issues: [{ path: '', message }],
});

export async function parseVtt(input: string, fileName: string, options: ParseOptions = {}): Promise<Result<ParsedTranscript, Failure>> {
  if (input.trim() === '') return err(unreadable(fileName, 'it is empty'));
  if (input.length > MAX_TRANSCRIPT_FILE_BYTES) {
    return err(unreadable(fileName, `it is larger than ${MAX_TRANSCRIPT_FILE_BYTES / (1024 * 1024)} MB, far longer than a 90-minute conversation`));
  }
  const text = input.replace(/^\ufeff/u, '').replace(/\r\n?/gu, '\n');
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  if (/^WEBVTT(?:$|[ \t])/u.exec(firstLine) === null) {
    return err(unreadable(fileName, 'it does not start with “WEBVTT”, so it is not a WebVTT transcript. In Teams, download the transcript as .vtt (not .docx)'));
  }

  const parser = new WebVTTParser(ENTITIES);
  const chunkCharacters = Math.max(1024, options.chunkCharacters ?? CHUNK_CHARACTERS);
  const cues: TranscriptCue[] = [];
  const problems: TranscriptProblem[] = [];
  let problemCount = 0;
  let position = 0;
  let linesBefore = 0;
  let first = true;

  while (position < text.length) {
    // Cut at the first blank line after the target size: a cue never spans a blank line.
    const cut = text.indexOf('\n\n', position + chunkCharacters);
    const end = cut === -1 ? text.length : cut;
    const piece = text.slice(position, end);
    const prefixLines = first ? 0 : 2;
    const parsed = parser.parse(first ? piece : `WEBVTT\n\n${piece}`, 'metadata');
    for (const problem of parsed.errors) {
      // Cues out of order are kept and sorted, so that is no problem here (and it cannot be seen across pieces).
      if (problem.message.startsWith(OUT_OF_ORDER)) continue;
      problemCount++;
      if (problems.length < PROBLEMS_KEPT) problems.push({ line: problem.line - prefixLines + linesBefore, message: problem.message });
    }
    for (const cue of parsed.cues) {
      const spoken = voiceOf(cue.tree.children);
      const cueText = collapse(textOf(cue.tree.children));
      if (cueText === '') continue;
      cues.push({
        startSeconds: Math.max(0, cue.startTime),
        endSeconds: Math.max(cue.startTime, cue.endTime, 0),
        speaker: collapse(spoken?.value ?? ''),
        text: cueText,
      });
    }
    linesBefore += countLines(piece) + (cut === -1 ? 0 : 1);
    position = cut === -1 ? text.length : cut + 2;
    first = false;
    options.onProgress?.(position / text.length);
    if (position < text.length && options.pause) await options.pause();
  }

  if (cues.length === 0) {
    const firstProblem = problems[0];
    return err(
      unreadable(
        fileName,
        firstProblem ? `no cue could be read (line ${firstProblem.line}: ${firstProblem.message})` : 'it holds no cues: nothing was said in it',
      ),
    );
  }
  // Pieces are parsed apart, so sort the whole: by start, then the longer cue first, as the parser does.
  cues.sort((a, b) => a.startSeconds - b.startSeconds || b.endSeconds - a.endSeconds);
  return ok({ fileName, cues, problems, problemCount });
}

type ObjectNode = Extract<WebVTTNode, { type: 'object' }>;

/** The first voice span (`<v Name>`), searched depth first. */
function voiceOf(nodes: readonly WebVTTNode[]): ObjectNode | null {
  for (const node of nodes) {
    if (node.type !== 'object') continue;
    if (node.name === 'v') return node;
    const inner = voiceOf(node.children);
    if (inner) return inner;
  }
  return null;
}

function textOf(nodes: readonly WebVTTNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'object' ? textOf(node.children) : '')).join('');
}

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}
