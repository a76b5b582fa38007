// The middleware chain of the one Graph client (docs/decisions/0900-one-graph-client-on-the-sdk.md), in the
// order a request passes through it: retry (Retry-After, backoff, what a lost answer means) → token → request
// log → fetch. Each is an @microsoft/microsoft-graph-client Middleware, handed to Client.initWithMiddleware.
import { GraphClientError, type Context, type Middleware, type MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { RETRYABLE_STATUSES, parseRetryAfter, waitBeforeRetry, type RetryPolicy } from './retry-policy';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

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

/** How one request may be retried, and (filled in by the chain) what became of it. */
export class RequestPolicy implements MiddlewareOptions {
  retries = 0;
  waitedMs = 0;
  constructor(
    /** Safe to send again after a dropped connection or a 5xx: the server applying it twice changes nothing. */
    readonly idempotent: boolean,
    /** Sent without Authorization: upload and download URLs carry their own credentials. */
    readonly anonymous: boolean,
    /** Delegated permissions this request needs beyond the base ones (asked for when first used). */
    readonly scopes: readonly string[] = [],
  ) {}
}

/** The host's token source: a token for Graph carrying at least `scopes` (consent is asked for when needed). */
export type AccessTokenFor = (scopes?: readonly string[]) => Promise<string>;

/** What a refused token request becomes: Graph's own 403 shape, naming the permission to ask an administrator for. */
function consentRefused(scopes: readonly string[], error: unknown): Response {
  const reason = error instanceof Error ? error.message : String(error);
  return new Response(
    JSON.stringify({
      error: {
        code: 'consentRequired',
        message: `This needs the permission ${scopes.join(', ')}, which has not been granted to you. Ask your Microsoft 365 administrator to grant it to Learning Together (${reason}).`,
      },
    }),
    { status: 403, headers: { 'content-type': 'application/json' } },
  );
}

export type ChainOutcome =
  | { readonly kind: 'dropped'; readonly detail: string }
  | { readonly kind: 'exhausted'; readonly lastStatus: number | 'dropped'; readonly retries: number; readonly waitedMs: number };

const OUTCOME = Symbol('graphOutcome');

/**
 * A request the chain gave up on, and why: the caller decides what a lost answer means for its record. A
 * GraphClientError, so the SDK passes it through unchanged (it resets the prototype, hence the symbol).
 */
export function outcomeError(outcome: ChainOutcome): GraphClientError {
  const error = new GraphClientError(outcome.kind === 'dropped' ? `The answer was lost: ${outcome.detail}` : `Gave up after ${outcome.retries} retries`);
  (error as unknown as Record<symbol, ChainOutcome>)[OUTCOME] = outcome;
  return error;
}

export function outcomeOf(error: unknown): ChainOutcome | undefined {
  return typeof error === 'object' && error !== null ? (error as Record<symbol, ChainOutcome | undefined>)[OUTCOME] : undefined;
}

/** The policy of a request: from the SDK's middleware options, or from a context built by the client itself. */
export function policyOf(context: Context): RequestPolicy {
  const given = context.middlewareControl?.getMiddlewareOptions(RequestPolicy) as RequestPolicy | undefined;
  if (given !== undefined) return given;
  const own = (context as Context & { policy?: RequestPolicy }).policy;
  if (own !== undefined) return own;
  const method = (context.options?.method ?? 'GET').toUpperCase();
  return new RequestPolicy(method === 'GET' || method === 'PUT' || method === 'DELETE', false);
}

const methodOf = (context: Context): HttpMethod => (context.options?.method ?? 'GET').toUpperCase() as HttpMethod;
const urlOf = (context: Context): string => (typeof context.request === 'string' ? context.request : context.request.url);

abstract class Link implements Middleware {
  private next: Middleware | undefined;
  setNext(next: Middleware): void {
    this.next = next;
  }
  protected async pass(context: Context): Promise<void> {
    if (this.next === undefined) throw new Error('The Graph middleware chain has no end.');
    await this.next.execute(context);
  }
  abstract execute(context: Context): Promise<void>;
}

/**
 * Retries whole requests: 429 always (Graph did not run it), 503 and 504 only when the request is safe to repeat,
 * honouring Retry-After (seconds, fractional seconds or an HTTP date), else exponential backoff. A request that is
 * not safe to repeat and lost its answer (dropped connection, or a 5xx that may have come after the server applied
 * it) is NOT sent again: the caller gets `dropped` and looks for what it wrote (ADR 0303, ADR 0901).
 */
export class RetryMiddleware extends Link {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly now: () => number,
    private readonly emit: (event: GraphTrafficEvent) => void,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const request = policyOf(context);
    for (;;) {
      let failure: string | undefined;
      context.response = undefined;
      try {
        await this.pass(context);
      } catch (error) {
        if (outcomeOf(error) !== undefined) throw error;
        failure = error instanceof Error ? error.message : String(error);
      }
      const response = context.response as Response | undefined;
      const status = response?.status;
      if (failure === undefined && status !== undefined && !RETRYABLE_STATUSES.has(status)) return;
      if (failure === undefined && status !== undefined && status >= 500 && !request.idempotent) {
        // 503/504 on a create or an update: it may have been applied. Never blindly again. Its Retry-After is still
        // honoured before the caller looks for what it wrote (and perhaps sends it again).
        const asked = parseRetryAfter(response?.headers.get('retry-after'), this.now());
        if (asked !== undefined) {
          this.emit({ type: 'retry', scope: 'request', reason: status, waitMs: asked, retry: request.retries + 1 });
          await this.sleep(asked);
        }
        throw outcomeError({ kind: 'dropped', detail: `Microsoft Graph answered ${status}; the change may or may not have been made` });
      }
      if (failure !== undefined && !request.idempotent) throw outcomeError({ kind: 'dropped', detail: failure });
      const retryAfter = status === undefined ? undefined : parseRetryAfter(response?.headers.get('retry-after'), this.now());
      const wait = waitBeforeRetry(this.policy, request.retries + 1, retryAfter);
      if (request.retries >= this.policy.maxRetries || request.waitedMs + wait > this.policy.maxTotalWaitMs) {
        throw outcomeError({ kind: 'exhausted', lastStatus: status ?? 'dropped', retries: request.retries, waitedMs: request.waitedMs });
      }
      request.retries += 1;
      this.emit({ type: 'retry', scope: 'request', reason: status ?? 'dropped', waitMs: wait, retry: request.retries });
      // The refused answer's body is left unread (cancelling it can hang under some fetch implementations).
      await this.sleep(wait);
      request.waitedMs += wait;
    }
  }
}

/**
 * Adds the delegated token (from MSAL / nested app auth, whose cache decides when to refresh) to requests under the
 * Graph service root, never to pre-authenticated upload or download URLs. One fresh token after a 401.
 */
export class TokenMiddleware extends Link {
  constructor(
    private readonly serviceRoot: string,
    private readonly getAccessToken: AccessTokenFor,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const url = urlOf(context);
    const policy = policyOf(context);
    if (policy.anonymous || !url.startsWith(`${this.serviceRoot}/`)) {
      await this.pass(context);
      return;
    }
    for (let attempt = 0; attempt < 2; attempt += 1) {
      let token: string;
      try {
        token = policy.scopes.length === 0 ? await this.getAccessToken() : await this.getAccessToken(policy.scopes);
      } catch (error) {
        // Consent refused or not allowed for this person: the request is refused, the rest of the app carries on.
        context.response = consentRefused(policy.scopes, error);
        return;
      }
      const headers = plainHeaders(context.options?.headers);
      headers.authorization = `Bearer ${token}`;
      context.options = { ...context.options, headers };
      await this.pass(context);
      if (context.response?.status !== 401 || attempt === 1) return;
    }
  }
}

/** Header names lower-cased, as a plain object (what fetch and the tests read). */
function plainHeaders(given: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(given).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** Reports every attempt that leaves, so benches count round trips and tests see the traffic. */
export class RequestLogMiddleware extends Link {
  constructor(private readonly emit: (event: GraphTrafficEvent) => void) {
    super();
  }

  async execute(context: Context): Promise<void> {
    this.emit({ type: 'request', method: methodOf(context), url: urlOf(context) });
    await this.pass(context);
  }
}

/**
 * The end of the chain: fetch. Requests go out as the SDK built them; the SDK's request builder only understands
 * https:// absolute URLs, so an absolute http:// URL it has wrapped in the service root (the Graph double's upload
 * URLs on 127.0.0.1) is unwrapped first.
 */
export class FetchMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number | undefined,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = unwrapAbsolute(urlOf(context));
    const signal = this.timeoutMs === undefined ? undefined : AbortSignal.timeout(this.timeoutMs);
    context.response = await this.fetchImpl(url, { ...(context.options as RequestInit), ...(signal ? { signal } : {}) });
  }
}

export function unwrapAbsolute(url: string): string {
  const inner = url.slice(8).search(/\/https?:\/\//);
  return inner < 0 ? url : url.slice(8 + inner + 1);
}
