/** The parts of the W3C `webvtt-parser` package (no types of its own) that the transcript import uses. */
declare module 'webvtt-parser' {
  export interface WebVTTTextNode {
    readonly type: 'text';
    readonly value: string;
  }
  export interface WebVTTObjectNode {
    readonly type: 'object';
    /** "v" for a voice span, "c", "b", "i", "u", "ruby", "rt", "lang". */
    readonly name: string;
    readonly classes: readonly string[];
    /** A voice span's annotation: the speaker's name. */
    readonly value?: string;
    readonly children: readonly WebVTTNode[];
  }
  export interface WebVTTTimestampNode {
    readonly type: 'timestamp';
    readonly value: number;
  }
  export type WebVTTNode = WebVTTTextNode | WebVTTObjectNode | WebVTTTimestampNode;

  export interface WebVTTCue {
    readonly id: string;
    readonly startTime: number;
    readonly endTime: number;
    readonly text: string;
    readonly tree: { readonly children: readonly WebVTTNode[] };
  }
  export interface WebVTTError {
    readonly message: string;
    readonly line: number;
    readonly col?: number;
  }
  export interface WebVTTParseResult {
    readonly cues: WebVTTCue[];
    readonly errors: WebVTTError[];
    readonly time: number;
    readonly styles: string[];
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): WebVTTParseResult;
  }
}
