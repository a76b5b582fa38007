import { describe, expect, it } from 'vitest';
import { MAX_BATCH_REQUESTS } from './engine/batch';
import { asRecord, call, errorCode, installGraphDouble, type Harness } from './test-support';

const harness = installGraphDouble();

interface PartResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function responsesOf(body: unknown): PartResponse[] {
  return asRecord(body).responses as PartResponse[];
}

function byId(parts: PartResponse[], id: string): PartResponse {
  const part = parts.find((candidate) => candidate.id === id);
  if (part === undefined) throw new Error(`No response for part ${id}`);
  return part;
}

function listFor(h: Harness): string {
  return h.double.seedList(h.tenant.siteId, { displayName: 'Tasks', columns: [{ name: 'Score', number: {} }] }).id;
}

describe('$batch envelope', () => {
  it(`refuses more than ${MAX_BATCH_REQUESTS} requests with 400 and Graph's message`, async () => {
    const h = harness();
    const requests = Array.from({ length: MAX_BATCH_REQUESTS + 1 }, (_, index) => ({ id: String(index), method: 'GET', url: `/sites/${h.tenant.siteId}` }));
    const result = await call('POST', '/$batch', { token: h.token, body: { requests } });
    expect(result.status).toBe(400);
    expect(asRecord(asRecord(result.body).error).message).toBe('Number of requests inside batch exceeds the limit.');
    expect(h.double.requests.filter((entry) => entry.inBatch)).toHaveLength(0);
  });

  it('refuses duplicate ids (case-insensitive), malformed payloads and bodies without Content-Type with 400', async () => {
    const h = harness();
    const duplicate = await call('POST', '/$batch', {
      token: h.token,
      body: { requests: [{ id: 'a', method: 'GET', url: `/sites/${h.tenant.siteId}` }, { id: 'A', method: 'GET', url: `/sites/${h.tenant.siteId}` }] },
    });
    expect(duplicate.status).toBe(400);
    expect((await call('POST', '/$batch', { token: h.token, raw: '{not json', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await call('POST', '/$batch', { token: h.token, body: { requests: 'nope' } })).status).toBe(400);
    const noContentType = await call('POST', '/$batch', { token: h.token, body: { requests: [{ id: '1', method: 'POST', url: '/me/events', body: {} }] } });
    expect(noContentType.status).toBe(400);
  });

  it('answers 200 with every part routed through the engine; 204 parts have body null', async () => {
    const h = harness();
    const listId = listFor(h);
    h.double.seedListItem(h.tenant.siteId, listId, { Title: 'Doomed' });
    const result = await call('POST', '/$batch', {
      token: h.token,
      body: {
        requests: [
          { id: '1', method: 'POST', url: `/sites/${h.tenant.siteId}/lists/${listId}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'Made in a batch' } } },
          { id: '2', method: 'DELETE', url: `/sites/${h.tenant.siteId}/lists/${listId}/items/1` },
          { id: '3', method: 'GET', url: `/sites/${h.tenant.siteId}/unknownThing` },
        ],
      },
    });
    expect(result.status).toBe(200);
    const parts = responsesOf(result.body);
    expect(byId(parts, '1').status).toBe(201);
    expect(byId(parts, '2')).toMatchObject({ status: 204, body: null });
    expect(byId(parts, '3').status).toBe(400);
    expect(h.double.listItems(h.tenant.siteId, listId).map((item) => item.fields.Title)).toEqual(['Made in a batch']);
    expect(h.double.requests.filter((entry) => entry.inBatch).map((entry) => entry.method).sort()).toEqual(['DELETE', 'GET', 'POST']);
    expect(h.double.requests.at(-1)).toMatchObject({ path: '/$batch', inBatch: false, status: 200 });
  });

  it('returns responses in a seeded order that differs from the request order but is the same for the same seed', async () => {
    const orders: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const h = harness({ seed: 7 });
      const requests = Array.from({ length: 10 }, (_, index) => ({ id: String(index + 1), method: 'GET', url: `/sites/${h.tenant.siteId}` }));
      const result = await call('POST', '/$batch', { token: h.token, body: { requests } });
      orders.push(responsesOf(result.body).map((part) => part.id));
    }
    expect(orders[0]).toEqual(orders[1]);
    expect(orders[0]).not.toEqual(Array.from({ length: 10 }, (_, index) => String(index + 1)));
  });
});

describe('$batch dependencies and part-level faults', () => {
  it('runs dependsOn chains in order and fails dependents of a failed request with 424', async () => {
    const h = harness();
    const listId = listFor(h);
    const items = `/sites/${h.tenant.siteId}/lists/${listId}/items`;
    const json = { 'Content-Type': 'application/json' };
    const result = await call('POST', '/$batch', {
      token: h.token,
      body: {
        requests: [
          { id: '1', method: 'POST', url: items, headers: json, body: { fields: { Title: 'first' } } },
          { id: '2', method: 'PATCH', url: `${items}/1/fields`, headers: json, body: { Title: 'second' }, dependsOn: ['1'] },
          { id: '3', method: 'POST', url: items, headers: json, body: { fields: { Nope: 1 } }, dependsOn: ['2'] },
          { id: '4', method: 'PATCH', url: `${items}/1/fields`, headers: json, body: { Title: 'never' }, dependsOn: ['3'] },
          { id: '5', method: 'GET', url: `${items}/1`, dependsOn: ['4'] },
        ],
      },
    });
    const parts = responsesOf(result.body);
    expect([1, 2, 3, 4, 5].map((id) => byId(parts, String(id)).status)).toEqual([201, 200, 400, 424, 424]);
    expect(h.double.listItems(h.tenant.siteId, listId)[0]?.fields.Title).toBe('second');
  });

  it('throttles individual parts with 429 and a Retry-After header inside an outer 200', async () => {
    const h = harness();
    h.double.faults.script({ fault: { kind: 'throttle', retryAfterSeconds: 2.128 }, match: { inBatch: true, method: 'GET' } });
    const result = await call('POST', '/$batch', {
      token: h.token,
      body: { requests: [{ id: 'a', method: 'GET', url: `/sites/${h.tenant.siteId}` }, { id: 'b', method: 'GET', url: `/sites/${h.tenant.siteId}` }] },
    });
    expect(result.status).toBe(200);
    const parts = responsesOf(result.body);
    const throttled = parts.filter((part) => part.status === 429);
    expect(throttled).toHaveLength(1);
    expect(throttled[0]?.headers['Retry-After']).toBe('2.128');
    expect(asRecord(asRecord(throttled[0]?.body).error).code).toBe('TooManyRequests');
    expect(parts.filter((part) => part.status === 200)).toHaveLength(1);
  });

  it('applies latency once to the outer request, not per part', async () => {
    const h = harness();
    h.double.setLatency(100);
    const requests = Array.from({ length: 5 }, (_, index) => ({ id: String(index), method: 'GET', url: `/sites/${h.tenant.siteId}` }));
    const started = Date.now();
    const result = await call('POST', '/$batch', { token: h.token, body: { requests } });
    const elapsed = Date.now() - started;
    expect(result.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(95);
    // Per-part latency would take at least 500 ms.
    expect(elapsed).toBeLessThan(450);
  });

  it('needs a token on the outer request', async () => {
    const h = harness();
    const result = await call('POST', '/$batch', { token: null, body: { requests: [{ id: '1', method: 'GET', url: `/sites/${h.tenant.siteId}` }] } });
    expect(result.status).toBe(401);
    expect(errorCode(result)).toBe('InvalidAuthenticationToken');
  });
});
