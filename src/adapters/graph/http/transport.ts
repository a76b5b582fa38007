// The one Graph client: every Graph call in the app goes through here. It is @microsoft/microsoft-graph-client's
// Client.initWithMiddleware with our own middleware (http/middleware.ts: retries honouring Retry-After, what a lost
// answer means, the token from MSAL / nested app auth, the request log), our $batch-part retries on top (batch.ts),
// and the SDK's LargeFileUploadTask for uploads over 4 MB (files/payload-files.ts).
// See docs/decisions/0900-one-graph-client-on-the-sdk.md (which updates 0302).
import { Client, ResponseType, type Context } from '@microsoft/microsoft-graph-client';
import {
  FetchMiddleware,
  RequestLogMiddleware,
  RequestPolicy,
  RetryMiddleware,
  outcomeOf,
  TokenMiddleware,
  type GraphTrafficEvent,
  type HttpMethod,
} from './middleware';
import { requiredScopes } from './required-scopes';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export type { GraphTrafficEvent, HttpMethod } from './middleware';

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
  /** Permissions this request needs beyond the base ones; derived from the method and path when not given. */
  readonly scopes?: readonly string[];
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

export interface TransportOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (no trailing slash needed). */
  readonly baseUrl: string;
  /** A delegated token carrying at least the scopes given (none: the base ones); see http/required-scopes.ts. */
  readonly getAccessToken: (scopes?: readonly string[]) => Promise<string>;
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
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  /** The SDK client, for its helpers (LargeFileUploadTask). Its middleware is ours. */
  readonly client: Client;
  private readonly head: RetryMiddleware;

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy };
    // Bound so that a window.fetch passed in keeps its receiver.
    const chosen = options.fetch ?? globalThis.fetch;
    const fetchImpl: typeof fetch = (input, init) => chosen(input, init);
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    const emit = (event: GraphTrafficEvent) => this.emit(event);
    this.head = new RetryMiddleware(this.policy, this.sleep, this.now, emit);
    const token = new TokenMiddleware(this.baseUrl, options.getAccessToken);
    const log = new RequestLogMiddleware(emit);
    const end = new FetchMiddleware(fetchImpl, options.requestTimeoutMs);
    this.head.setNext(token);
    token.setNext(log);
    log.setNext(end);
    const root = new URL(this.baseUrl);
    this.client = Client.initWithMiddleware({
      middleware: this.head,
      baseUrl: root.origin,
      defaultVersion: root.pathname.replace(/^\/+/, ''),
    });
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

  /** The permissions a request needs beyond the base ones; a $batch needs its parts' together. */
  private scopesOf(request: GraphRequest): string[] {
    const relative = this.relativeUrl(request.url);
    if (relative === undefined) return [];
    if (relative === '/$batch') {
      const parts = (request.json as { requests?: Array<{ method?: unknown; url?: unknown }> } | undefined)?.requests ?? [];
      return [...new Set(parts.flatMap((part) => requiredScopes(String(part.method ?? 'GET'), String(part.url ?? ''))))];
    }
    return requiredScopes(request.method, relative);
  }

  async send(request: GraphRequest): Promise<SendOutcome> {
    const idempotent = request.idempotent ?? (request.method === 'GET' || request.method === 'PUT' || request.method === 'DELETE');
    const policy = new RequestPolicy(idempotent, request.anonymous === true, request.scopes ?? this.scopesOf(request));
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    let body: BodyInit | undefined;
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.bytes !== undefined) {
      headers['content-type'] = request.contentType ?? 'application/octet-stream';
      // A Blob passes through the SDK untouched in the browser and in Node alike.
      body = new Blob([request.bytes as BlobPart]);
    }
    let raw: Response | undefined;
    try {
      const relative = this.relativeUrl(request.url);
      if (relative === undefined || policy.anonymous) {
        // Pre-authenticated URLs (uploads, downloads) are not Graph paths: the same chain, without the request builder.
        const context: Context & { policy: RequestPolicy } = { request: request.url, options: { method: request.method, headers, body }, policy };
        await this.head.execute(context);
        raw = context.response;
      } else {
        const built = this.client.api(relative).headers(headers).middlewareOptions([policy]).responseType(ResponseType.RAW);
        const method = methodName(request.method);
        raw = (await (method === 'get' || method === 'delete' ? built[method]() : built[method](body))) as Response | undefined;
      }
    } catch (error) {
      const outcome = outcomeOf(error);
      if (outcome !== undefined) return outcome;
      return { kind: 'dropped', detail: error instanceof Error ? error.message : String(error) };
    }
    if (raw === undefined) return { kind: 'dropped', detail: 'no answer' };
    const responseHeaders: Record<string, string> = {};
    raw.headers.forEach((value, key) => {
      responseHeaders[key.toLowerCase()] = value;
    });
    const text = await raw.text();
    return { kind: 'response', response: { status: raw.status, headers: responseHeaders, body: parseBody(text, responseHeaders['content-type'], request.responseAs) } };
  }
}

function methodName(method: HttpMethod): 'get' | 'post' | 'patch' | 'put' | 'delete' {
  return method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
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
