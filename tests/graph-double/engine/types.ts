// Types shared by the engine modules. Nothing here knows about msw or node:http.

/** A request as a front-end hands it to the double. */
export interface GraphDoubleRequest {
  readonly method: string;
  /** Absolute URL, e.g. https://graph.microsoft.com/v1.0/sites/... */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body?: Uint8Array | string | null;
}

/**
 * The double's answer. `body` is a JSON value (object), a Uint8Array (binary),
 * a string (text, e.g. text/vtt) or null (no body).
 */
export interface GraphDoubleResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** The front-end must drop the connection instead of answering. */
  readonly dropConnection: boolean;
}

/** Request bodies inside the engine: raw bytes/text from HTTP, or a parsed JSON value from a $batch part. */
export type EngineBody = Uint8Array | string | { readonly json: unknown } | null;

export interface EngineRequest {
  readonly method: string;
  readonly url: URL;
  /** Everything after the service root, still percent-encoded, starting with '/'. */
  readonly servicePath: string;
  /** e.g. https://graph.microsoft.com/v1.0 */
  readonly serviceRoot: string;
  /** Lower-cased header names. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: EngineBody;
  readonly inBatch: boolean;
}

export interface EngineResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  dropConnection?: boolean;
}

export interface RequestLogEntry {
  readonly method: string;
  /** Service-relative path, decoded for readability, e.g. /sites/x/lists/Reviews/items */
  readonly path: string;
  /** Query string without '?', decoded for readability. */
  readonly query: string;
  readonly status: number;
  /** ISO time the request was received. */
  readonly time: string;
  readonly inBatch: boolean;
  readonly resourceUnits: number;
  /** The injected fault, if any. */
  readonly fault?: string;
}
