// Collection reads that follow @odata.nextLink to the end. Many collections are read together: each
// round sends every first (or next) page in $batch, so a whole review takes one round per page depth,
// not one request per page.
import { sendBatch, type PartOutcome } from './batch';
import type { GraphTransport } from './transport';

export interface CollectionQuery {
  readonly key: string;
  /** Service-relative URL of the first page. */
  readonly url: string;
}

export type PagingResult =
  | { readonly ok: true; readonly values: ReadonlyMap<string, unknown[]> }
  /** The first query that did not answer 200, with what it got instead. */
  | { readonly ok: false; readonly key: string; readonly outcome: PartOutcome };

interface PageBody {
  readonly value?: unknown;
  readonly '@odata.nextLink'?: unknown;
}

export async function readCollections(transport: GraphTransport, queries: readonly CollectionQuery[]): Promise<PagingResult> {
  const values = new Map<string, unknown[]>(queries.map((query) => [query.key, []]));
  let round = queries.map((query) => ({ key: query.key, url: query.url }));
  let page = 0;
  while (round.length > 0) {
    page += 1;
    const byPartId = new Map(round.map((entry, index) => [`${page}.${index}`, entry]));
    const batched: Array<{ id: string; url: string }> = [];
    const direct: Array<{ id: string; url: string }> = [];
    for (const [id, entry] of byPartId) {
      const relative = transport.relativeUrl(entry.url);
      if (relative === undefined) direct.push({ id, url: entry.url });
      else batched.push({ id, url: relative });
    }
    // One request on its own goes as a plain GET: a batch of one costs a round trip all the same.
    if (batched.length === 1 && direct.length === 0) direct.push(...batched.splice(0, 1));
    const outcomes = await sendBatch(
      transport,
      batched.map((entry) => ({ id: entry.id, method: 'GET' as const, url: entry.url })),
    );
    // A nextLink outside the base URL (never seen in practice) is also followed directly.
    await Promise.all(
      direct.map(async (entry) => {
        const sent = await transport.send({ method: 'GET', url: entry.url });
        outcomes.set(
          entry.id,
          sent.kind === 'response'
            ? sent
            : sent.kind === 'dropped'
              ? { kind: 'unknown', detail: sent.detail }
              : { kind: 'exhausted', lastStatus: sent.lastStatus, retries: sent.retries },
        );
      }),
    );
    const next: Array<{ key: string; url: string }> = [];
    for (const [id, entry] of byPartId) {
      const outcome = outcomes.get(id);
      if (outcome === undefined || outcome.kind !== 'response' || outcome.response.status !== 200) {
        return { ok: false, key: entry.key, outcome: outcome ?? { kind: 'unknown', detail: 'no answer in the batch' } };
      }
      const body = (outcome.response.body ?? {}) as PageBody;
      if (Array.isArray(body.value)) values.get(entry.key)?.push(...(body.value as unknown[]));
      if (typeof body['@odata.nextLink'] === 'string') next.push({ key: entry.key, url: body['@odata.nextLink'] });
    }
    round = next;
  }
  return { ok: true, values };
}
