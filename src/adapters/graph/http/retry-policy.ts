// When to retry and how long to wait: Graph's Retry-After (seconds, possibly fractional, or an HTTP
// date), otherwise exponential backoff. Shared by whole requests and by the parts of a $batch.

/** Statuses Graph asks us to retry: throttled, unavailable, gateway timeout. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export interface RetryPolicy {
  /** Retries after the first attempt, per request or batch part. */
  readonly maxRetries: number;
  /** Cap on the total time spent waiting for one request or part. */
  readonly maxTotalWaitMs: number;
  /** Backoff when no Retry-After is given: base × 2^attempt, capped at maxBackoffMs. */
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 6,
  maxTotalWaitMs: 120_000,
  baseBackoffMs: 500,
  maxBackoffMs: 30_000,
};

/**
 * Milliseconds to wait according to a Retry-After value, or undefined when it is absent or unreadable.
 * "2.128" → 2128; "Wed, 21 Oct 2026 07:28:00 GMT" → time until then (never negative).
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.exec(trimmed) !== null) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** The wait before retry number `retry` (1-based): Retry-After when given, else backoff. */
export function waitBeforeRetry(policy: RetryPolicy, retry: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  return Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** (retry - 1));
}
