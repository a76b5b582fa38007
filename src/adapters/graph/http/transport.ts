// The one place HTTP happens: base URL, bearer token, JSON, and retries for whole requests
// (429/503/504 honouring Retry-After, dropped connections for idempotent requests, one token refresh on 401).
// Plain fetch rather than @microsoft/microsoft-graph-client: see docs/decisions/0302-plain-fetch-transport.md.
import { DEFAULT_RETRY_POLICY, RETRYABLE_STATUSES, parseRetryAfter, waitBeforeRetry, type RetryPolicy } from './retry-policy';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphRequest {
  readonly method: HttpMethod;
  /** '/sites/…' relative to the Graph base URL, or an absolute URL (a nextLink, an upload URL). */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body. */
  readonly json?: unknown;
  /** A raw body (file content, upload ranges). */
  readonly bytes?: Uint8Array;
  readonly contentType?: string;
  /** Safe to send again after a dropped connection. Default: GET, PUT and DELETE are; POST and PATCH are not. */
  readonly idempotent?: boolean;
  /** Sent without Authorization: upload-session URLs carry their own credentials. */
  readonly anonymous?: boolean;
  /** Read the body as text whatever its content type (file downloads). */
  readonly responseAs?: 'text';
}

export interface GraphResponse {
  readonly status: number;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export type SendOutcome =
  | { readonly kind: 'response'; readonly response: GraphResponse }
  /** The connection dropped on a request that is not safe to repeat: it may or may not have taken effect. */
  | { readonly kind: 'dropped'; readonly detail: string }
  /** Still throttled, unavailable or disconnected after every retry allowed. */
  | { readonly kind: 'exhausted'; readonly lastStatus: number | 'dropped'; readonly retries: number; readonly waitedMs: number };

/** What the adapter reports about its own traffic (for benches, diagnostics and tests). */
export type GraphTrafficEvent =
  | { readonly type: 'request'; readonly method: HttpMethod; readonly url: string }
  | {
      readonly type: 'retry';
      readonly scope: 'request' | 'batchPart';
      readonly reason: number | 'dropped';
      readonly waitMs: number;
      readonly retry: number;
    };

export interface TransportOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (no trailing slash needed). */
  readonly baseUrl: string;
  readonly getAccessToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly retryPolicy?: Partial<RetryPolicy>;
  /** Abandon a request that has had no answer for this long, as if the connection had dropped. */
  readonly requestTimeoutMs?: number;
  readonly onEvent?: (event: GraphTrafficEvent) => void;
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class GraphTransport {
  readonly baseUrl: string;
  readonly policy: RetryPolicy;
  private readonly fetchImpl: typeof fetch;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy };
    // Bound so that a window.fetch passed in keeps its receiver.
    const chosen = options.fetch ?? globalThis.fetch;
    this.fetchImpl = (input, init) => chosen(input, init);
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  emit(event: GraphTrafficEvent): void {
    this.options.onEvent?.(event);
  }

  /** The service-relative form of a URL under the base URL ('/sites/…'), or undefined for a foreign URL. */
  relativeUrl(url: string): string | undefined {
    if (url.startsWith('/')) return url;
    if (url.startsWith(`${this.baseUrl}/`)) return url.slice(this.baseUrl.length);
    return undefined;
  }

  async send(request: GraphRequest): Promise<SendOutcome> {
    const idempotent = request.idempotent ?? (request.method === 'GET' || request.method === 'PUT' || request.method === 'DELETE');
    let retries = 0;
    let waitedMs = 0;
    let refreshedToken = false;
    for (;;) {
      let response: GraphResponse;
      try {
        response = await this.once(request);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        if (!idempotent) return { kind: 'dropped', detail };
        const wait = waitBeforeRetry(this.policy, retries + 1, undefined);
        if (retries >= this.policy.maxRetries || waitedMs + wait > this.policy.maxTotalWaitMs) {
          return { kind: 'exhausted', lastStatus: 'dropped', retries, waitedMs };
        }
        retries += 1;
        this.emit({ type: 'retry', scope: 'request', reason: 'dropped', waitMs: wait, retry: retries });
        await this.sleep(wait);
        waitedMs += wait;
        continue;
      }
      if (response.status === 401 && !refreshedToken && request.anonymous !== true) {
        // An expired token: ask the host for a fresh one, once.
        refreshedToken = true;
        continue;
      }
      if (RETRYABLE_STATUSES.has(response.status)) {
        const wait = waitBeforeRetry(this.policy, retries + 1, parseRetryAfter(response.headers['retry-after'], this.now()));
        if (retries >= this.policy.maxRetries || waitedMs + wait > this.policy.maxTotalWaitMs) {
          return { kind: 'exhausted', lastStatus: response.status, retries, waitedMs };
        }
        retries += 1;
        this.emit({ type: 'retry', scope: 'request', reason: response.status, waitMs: wait, retry: retries });
        await this.sleep(wait);
        waitedMs += wait;
        continue;
      }
      return { kind: 'response', response };
    }
  }

  private async once(request: GraphRequest): Promise<GraphResponse> {
    const url = request.url.startsWith('http') ? request.url : `${this.baseUrl}${request.url}`;
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.anonymous !== true) headers.authorization = `Bearer ${await this.options.getAccessToken()}`;
    let body: BodyInit | undefined;
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.bytes !== undefined) {
      headers['content-type'] = request.contentType ?? 'application/octet-stream';
      body = request.bytes as BodyInit;
    }
    this.emit({ type: 'request', method: request.method, url });
    const signal = this.options.requestTimeoutMs === undefined ? undefined : AbortSignal.timeout(this.options.requestTimeoutMs);
    const raw = await this.fetchImpl(url, { method: request.method, headers, body, signal });
    const responseHeaders: Record<string, string> = {};
    raw.headers.forEach((value, key) => {
      responseHeaders[key.toLowerCase()] = value;
    });
    const text = await raw.text();
    return { status: raw.status, headers: responseHeaders, body: parseBody(text, responseHeaders['content-type'], request.responseAs) };
  }
}

function parseBody(text: string, contentType: string | undefined, responseAs: 'text' | undefined): unknown {
  if (text === '') return null;
  if (responseAs === 'text') return text;
  if (contentType?.includes('json') === true) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
