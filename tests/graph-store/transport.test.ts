// The transport and $batch executor against a scripted HTTP peer: each call gets the next scripted
// answer, so the tests control exactly when Graph throttles, drops or answers.
import { describe, expect, it } from 'vitest';
import { sendBatch } from '../../src/adapters/graph/http/batch';
import { parseRetryAfter } from '../../src/adapters/graph/http/retry-policy';
import { GraphTransport } from '../../src/adapters/graph/http/transport';
import { failureFromOutcome } from '../../src/adapters/graph/http/failures';
import { describeFailure } from '../../src/app/failure-messages';

type Answer = { status: number; headers?: Record<string, string>; body?: unknown } | 'drop';

interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

function scriptedPeer(answers: Answer[], getAccessToken: () => Promise<string> = async () => 'token-1') {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>));
    sent.push({ method: init?.method ?? 'GET', url: String(input), headers, body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('The scripted peer ran out of answers.');
    if (answer === 'drop') throw new TypeError('fetch failed');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  const waits: number[] = [];
  const transport = new GraphTransport({
    baseUrl: 'https://graph.example.test/v1.0',
    getAccessToken,
    fetch: fetch as typeof globalThis.fetch,
    sleep: async (ms) => {
      waits.push(ms);
    },
    now: () => Date.parse('2026-03-28T12:00:00Z'),
    retryPolicy: { maxRetries: 3, maxTotalWaitMs: 60_000, baseBackoffMs: 100 },
  });
  return { transport, sent, waits };
}

const batchAnswer = (responses: unknown[]): Answer => ({ status: 200, body: { responses } });

describe('Retry-After', () => {
  const now = Date.parse('2026-03-28T12:00:00Z');
  it('reads whole seconds, fractional seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('2.128', now)).toBe(2128);
    expect(parseRetryAfter('Sat, 28 Mar 2026 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sat, 28 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('transport', () => {
  it('retries a throttled request after its Retry-After, with the token and base URL on every attempt', async () => {
    const peer = scriptedPeer([{ status: 429, headers: { 'retry-after': '1.5' } }, { status: 503, headers: { 'retry-after': 'Sat, 28 Mar 2026 12:00:02 GMT' } }, { status: 200, body: { ok: 1 } }]);
    const outcome = await peer.transport.send({ method: 'GET', url: '/sites/s/lists' });
    expect(outcome).toMatchObject({ kind: 'response', response: { status: 200, body: { ok: 1 } } });
    expect(peer.waits).toEqual([1500, 2000]);
    expect(peer.sent.map((request) => request.url)).toEqual(Array(3).fill('https://graph.example.test/v1.0/sites/s/lists'));
    expect(peer.sent.every((request) => request.headers.authorization === 'Bearer token-1')).toBe(true);
  });

  it('backs off exponentially on 504 without Retry-After, and gives up after the cap with a clear failure', async () => {
    const peer = scriptedPeer(Array(4).fill({ status: 504 }));
    const outcome = await peer.transport.send({ method: 'GET', url: '/x' });
    expect(outcome).toEqual({ kind: 'exhausted', lastStatus: 504, retries: 3, waitedMs: 700 });
    expect(peer.waits).toEqual([100, 200, 400]);
    const failure = failureFromOutcome(outcome, 'The review register');
    expect(failure).toMatchObject({ kind: 'unavailable', retryable: true });
    expect(describeFailure(failure)).toBe(
      'The review register is unavailable right now (Microsoft Graph kept answering 504 after 3 retries). Your change is kept and will be tried again.',
    );
  });

  it('sends a dropped read again but reports a dropped create as such, for the caller to reconcile', async () => {
    const read = scriptedPeer(['drop', { status: 200, body: {} }]);
    expect((await read.transport.send({ method: 'GET', url: '/x' })).kind).toBe('response');
    const create = scriptedPeer(['drop']);
    expect(await create.transport.send({ method: 'POST', url: '/x', json: {} })).toMatchObject({ kind: 'dropped' });
    expect(create.sent).toHaveLength(1);
  });

  it('asks for a fresh token once after a 401', async () => {
    let calls = 0;
    const peer = scriptedPeer([{ status: 401 }, { status: 200, body: {} }], async () => `token-${++calls}`);
    expect((await peer.transport.send({ method: 'GET', url: '/x' })).kind).toBe('response');
    expect(peer.sent.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});

describe('$batch', () => {
  it('never puts more than 20 requests in one batch', async () => {
    const parts = Array.from({ length: 45 }, (_, index) => ({ id: `p${index}`, method: 'GET' as const, url: `/items/${index}` }));
    const peer = scriptedPeer([]);
    const echo = async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { requests: Array<{ id: string }> };
      peer.sent.push({ method: 'POST', url: String(input), headers: {}, body });
      return new Response(JSON.stringify({ responses: body.requests.map((request) => ({ id: request.id, status: 200, body: { id: request.id } })) }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const transport = new GraphTransport({ baseUrl: 'https://graph.example.test/v1.0', getAccessToken: async () => 't', fetch: echo as typeof fetch });
    const results = await sendBatch(transport, parts);
    const sizes = peer.sent.map((request) => (request.body as { requests: unknown[] }).requests.length);
    expect(sizes.sort((a, b) => b - a)).toEqual([20, 20, 5]);
    expect(results.size).toBe(45);
    expect(results.get('p44')).toMatchObject({ kind: 'response', response: { status: 200, body: { id: 'p44' } } });
  });

  it('retries only the throttled parts of a batch, after the longest of their Retry-After values', async () => {
    const peer = scriptedPeer([
      batchAnswer([
        { id: 'a', status: 200, body: { value: 'A' } },
        { id: 'b', status: 429, headers: { 'Retry-After': '2.128' }, body: { error: { code: 'TooManyRequests' } } },
        { id: 'c', status: 503, headers: { 'Retry-After': '1' }, body: null },
      ]),
      batchAnswer([
        { id: 'c', status: 200, body: { value: 'C' } },
        { id: 'b', status: 200, body: { value: 'B' } },
      ]),
    ]);
    const results = await sendBatch(peer.transport, ['a', 'b', 'c'].map((id) => ({ id, method: 'GET' as const, url: `/${id}` })));
    expect([...results.entries()].map(([id, outcome]) => [id, outcome.kind === 'response' ? outcome.response.body : outcome.kind])).toEqual(
      expect.arrayContaining([
        ['a', { value: 'A' }],
        ['b', { value: 'B' }],
        ['c', { value: 'C' }],
      ]),
    );
    expect(peer.waits).toEqual([2128]);
    const retried = (peer.sent[1]?.body as { requests: Array<{ id: string }> }).requests.map((request) => request.id).sort();
    expect(retried).toEqual(['b', 'c']);
  });

  it('reports a part that stays throttled as exhausted once its retries are used up', async () => {
    const throttled = { id: 'a', status: 429, headers: { 'retry-after': '1' }, body: null };
    const peer = scriptedPeer([batchAnswer([throttled]), batchAnswer([throttled]), batchAnswer([throttled]), batchAnswer([throttled])]);
    const results = await sendBatch(peer.transport, [{ id: 'a', method: 'GET', url: '/a' }]);
    expect(results.get('a')).toEqual({ kind: 'exhausted', lastStatus: 429, retries: 3 });
    expect(peer.waits).toEqual([1000, 1000, 1000]);
  });

  it('marks the parts of a dropped write batch as unknown rather than sending them again', async () => {
    const peer = scriptedPeer(['drop']);
    const results = await sendBatch(peer.transport, [{ id: 'a', method: 'POST', url: '/items', body: { fields: {} } }]);
    expect(results.get('a')?.kind).toBe('unknown');
    expect(peer.sent).toHaveLength(1);
    const sentPart = (peer.sent[0]?.body as { requests: Array<Record<string, unknown>> }).requests[0];
    expect(sentPart).toEqual({ id: 'a', method: 'POST', url: '/items', headers: { 'content-type': 'application/json' }, body: { fields: {} } });
  });
});

describe('the one Graph client: answers after a write may have been applied', () => {
  it('never re-sends a POST answered 503 or 504: the caller gets a lost answer to reconcile', async () => {
    for (const status of [503, 504]) {
      const peer = scriptedPeer([{ status, headers: { 'retry-after': '1' } }, { status: 201, body: { id: '1' } }]);
      const outcome = await peer.transport.send({ method: 'POST', url: '/sites/s/lists/l/items', json: { fields: {} } });
      expect(outcome.kind).toBe('dropped');
      expect(peer.sent).toHaveLength(1);
    }
  });

  it('still retries a POST refused with 429 (Graph did not run it), and a GET answered 503', async () => {
    const peer = scriptedPeer([{ status: 429, headers: { 'retry-after': '2' } }, { status: 201, body: { id: '1' } }]);
    expect((await peer.transport.send({ method: 'POST', url: '/x', json: {} })).kind).toBe('response');
    expect(peer.waits).toEqual([2000]);
    const reads = scriptedPeer([{ status: 503, headers: { 'retry-after': '1' } }, { status: 200, body: {} }]);
    expect((await reads.transport.send({ method: 'GET', url: '/x' })).kind).toBe('response');
  });

  it('reports a write part answered 504 inside a $batch as unknown instead of retrying it', async () => {
    const peer = scriptedPeer([batchAnswer([{ id: 'a', status: 504, headers: {}, body: null }])]);
    const outcomes = await sendBatch(peer.transport, [{ id: 'a', method: 'POST', url: '/items', body: { fields: {} } }]);
    expect(outcomes.get('a')?.kind).toBe('unknown');
    expect(peer.sent).toHaveLength(1);
  });

  it('sends no Authorization to a pre-authenticated URL', async () => {
    const peer = scriptedPeer([{ status: 200, body: 'text' }]);
    await peer.transport.send({ method: 'GET', url: 'https://contoso.sharepoint.com/_layouts/15/download.aspx?tempauth=x', anonymous: true, responseAs: 'text' });
    expect(peer.sent[0]?.headers.authorization).toBeUndefined();
  });
});
