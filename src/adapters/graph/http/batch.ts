// JSON $batch: at most 20 requests per batch, several batches in flight, and retries for the PARTS
// Graph throttles inside an outer 200 (which an SDK RetryHandler never sees), honouring each part's Retry-After.
import { RETRYABLE_STATUSES, parseRetryAfter, waitBeforeRetry } from './retry-policy';
import type { GraphResponse, GraphTransport, HttpMethod } from './transport';

export const MAX_BATCH_SIZE = 20;

export interface BatchPart {
  /** Unique within one call. */
  readonly id: string;
  readonly method: HttpMethod;
  /** Service-relative: '/sites/…'. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export type PartOutcome =
  | { readonly kind: 'response'; readonly response: GraphResponse }
  /** The whole batch dropped before we heard back: this part may or may not have run. */
  | { readonly kind: 'unknown'; readonly detail: string }
  | { readonly kind: 'exhausted'; readonly lastStatus: number | 'dropped'; readonly retries: number };

export interface BatchOptions {
  /** Batches sent at once. */
  readonly concurrency?: number;
  /** Parts per batch (at most 20, the default): smaller batches in flight together are still one round trip. */
  readonly partsPerBatch?: number;
}

interface PendingPart {
  readonly part: BatchPart;
  retries: number;
  waitedMs: number;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(workers);
  return results;
}

const lowerCaseKeys = (headers: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (headers !== null && typeof headers === 'object') {
    for (const [key, value] of Object.entries(headers)) if (typeof value === 'string') out[key.toLowerCase()] = value;
  }
  return out;
};

/** Sends one batch of ≤ 20 parts; the outer request gets the transport's own retries. */
async function sendOne(transport: GraphTransport, parts: readonly BatchPart[]): Promise<Map<string, PartOutcome>> {
  const outcomes = new Map<string, PartOutcome>();
  const onlyReads = parts.every((part) => part.method === 'GET');
  const sent = await transport.send({
    method: 'POST',
    url: '/$batch',
    idempotent: onlyReads,
    json: {
      requests: parts.map((part) => {
        const headers = { ...(part.body === undefined ? {} : { 'content-type': 'application/json' }), ...part.headers };
        return {
          id: part.id,
          method: part.method,
          url: part.url,
          ...(Object.keys(headers).length > 0 ? { headers } : {}),
          ...(part.body === undefined ? {} : { body: part.body }),
        };
      }),
    },
  });
  if (sent.kind === 'dropped') {
    for (const part of parts) outcomes.set(part.id, { kind: 'unknown', detail: sent.detail });
    return outcomes;
  }
  if (sent.kind === 'exhausted') {
    for (const part of parts) outcomes.set(part.id, { kind: 'exhausted', lastStatus: sent.lastStatus, retries: sent.retries });
    return outcomes;
  }
  const { response } = sent;
  const answers = (response.body as { responses?: unknown } | null)?.responses;
  if (response.status !== 200 || !Array.isArray(answers)) {
    // The batch as a whole was refused (malformed, unauthorised): every part shares that answer.
    for (const part of parts) outcomes.set(part.id, { kind: 'response', response });
    return outcomes;
  }
  for (const answer of answers as Array<Record<string, unknown>>) {
    if (typeof answer.id !== 'string') continue;
    outcomes.set(answer.id, {
      kind: 'response',
      response: { status: typeof answer.status === 'number' ? answer.status : 500, headers: lowerCaseKeys(answer.headers), body: answer.body ?? null },
    });
  }
  for (const part of parts) {
    if (!outcomes.has(part.id)) outcomes.set(part.id, { kind: 'response', response: { status: 500, headers: {}, body: null } });
  }
  return outcomes;
}

/**
 * Sends any number of parts as batches of ≤ 20, retrying throttled or unavailable parts after the longest
 * Retry-After among them, until each part has a final answer or has used up its retries.
 */
export async function sendBatch(transport: GraphTransport, parts: readonly BatchPart[], options: BatchOptions = {}): Promise<Map<string, PartOutcome>> {
  const results = new Map<string, PartOutcome>();
  let pending: PendingPart[] = parts.map((part) => ({ part, retries: 0, waitedMs: 0 }));
  const policy = transport.policy;
  let uncertainWait = 0;
  while (pending.length > 0) {
    const byId = new Map(pending.map((entry) => [entry.part.id, entry]));
    const size = Math.max(1, Math.min(MAX_BATCH_SIZE, options.partsPerBatch ?? MAX_BATCH_SIZE));
    const answered = await inPool(chunk(pending, size), options.concurrency ?? 4, (group) =>
      sendOne(
        transport,
        group.map((entry) => entry.part),
      ),
    );
    const again: PendingPart[] = [];
    let wait = 0;
    for (const outcomes of answered) {
      for (const [id, outcome] of outcomes) {
        const entry = byId.get(id);
        if (entry === undefined) continue;
        if (outcome.kind === 'response' && outcome.response.status >= 500 && entry.part.method !== 'GET') {
          // A write part answered 5xx may have been applied: never sent again blindly; the caller looks for it,
          // after the part's Retry-After, if it gave one.
          results.set(id, { kind: 'unknown', detail: `Microsoft Graph answered ${outcome.response.status} for a change that may or may not have been made` });
          const asked = parseRetryAfter(outcome.response.headers['retry-after'], transport.now());
          if (asked !== undefined) uncertainWait = Math.max(uncertainWait, asked);
          continue;
        }
        if (outcome.kind === 'response' && RETRYABLE_STATUSES.has(outcome.response.status)) {
          const partWait = waitBeforeRetry(policy, entry.retries + 1, parseRetryAfter(outcome.response.headers['retry-after'], transport.now()));
          if (entry.retries >= policy.maxRetries || entry.waitedMs + partWait > policy.maxTotalWaitMs) {
            results.set(id, { kind: 'exhausted', lastStatus: outcome.response.status, retries: entry.retries });
            continue;
          }
          entry.retries += 1;
          entry.waitedMs += partWait;
          wait = Math.max(wait, partWait);
          transport.emit({ type: 'retry', scope: 'batchPart', reason: outcome.response.status, waitMs: partWait, retry: entry.retries });
          again.push(entry);
          continue;
        }
        results.set(id, outcome);
      }
    }
    if (again.length > 0) await transport.sleep(wait);
    pending = again;
  }
  if (uncertainWait > 0) await transport.sleep(uncertainWait);
  return results;
}
