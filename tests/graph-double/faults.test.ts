import { describe, expect, it } from 'vitest';
import { createGraphDouble } from './engine/double';
import { seedLscbTenant } from './lscb-fixture';
import { asRecord, call, errorCode, installGraphDouble } from './test-support';

const harness = installGraphDouble();

describe('scripted faults', () => {
  it('429 carries a fractional Retry-After, code TooManyRequests and innerError code/status "429"; throttled requests still cost', async () => {
    const h = harness();
    h.double.faults.script({ fault: { kind: 'throttle', retryAfterSeconds: 2.128 }, match: { path: '/lists' } });
    h.double.clearRequestLog();
    const result = await call('GET', `/sites/${h.tenant.siteId}/lists`, { token: h.token });
    expect(result.status).toBe(429);
    expect(result.headers.get('retry-after')).toBe('2.128');
    const error = asRecord(asRecord(result.body).error);
    expect(error.code).toBe('TooManyRequests');
    expect(asRecord(error.innerError)).toMatchObject({ code: '429', status: '429' });
    expect(h.double.requests[0]).toMatchObject({ status: 429, fault: 'throttle', resourceUnits: 2 });
    expect(h.double.resourceUnits).toBe(2);
    // The fault fired once; the retry succeeds.
    expect((await call('GET', `/sites/${h.tenant.siteId}/lists`, { token: h.token })).status).toBe(200);
  });

  it('503 carries Retry-After; 412 preconditionFailed changes nothing; skip lets requests through first', async () => {
    const h = harness();
    const list = h.double.seedList(h.tenant.siteId, { displayName: 'Notes' });
    h.double.seedListItem(h.tenant.siteId, list.id, { Title: 'one' });
    h.double.faults.script(
      { fault: { kind: 'unavailable', retryAfterSeconds: 3 }, match: { method: 'GET' }, skip: 1 },
      { fault: { kind: 'preconditionFailed' }, match: { method: 'PATCH' } },
    );
    expect((await call('GET', `/sites/${h.tenant.siteId}`, { token: h.token })).status).toBe(200);
    const unavailable = await call('GET', `/sites/${h.tenant.siteId}`, { token: h.token });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('3');
    const conflict = await call('PATCH', `/sites/${h.tenant.siteId}/lists/${list.id}/items/1/fields`, { token: h.token, body: { Title: 'two' } });
    expect(conflict.status).toBe(412);
    expect(errorCode(conflict)).toBe('resourceModified');
    expect(h.double.listItems(h.tenant.siteId, list.id)[0]?.fields.Title).toBe('one');
    expect(h.double.faults.pendingScripted).toBe(0);
  });

  it('a dropped connection surfaces as a fetch TypeError and changes nothing', async () => {
    const h = harness();
    const list = h.double.seedList(h.tenant.siteId, { displayName: 'Notes' });
    h.double.faults.script({ fault: { kind: 'drop' }, match: { method: 'POST' } });
    await expect(call('POST', `/sites/${h.tenant.siteId}/lists/${list.id}/items`, { token: h.token, body: { fields: { Title: 'lost' } } })).rejects.toThrow(TypeError);
    expect(h.double.listItems(h.tenant.siteId, list.id)).toEqual([]);
    expect(h.double.requests.at(-1)).toMatchObject({ status: 0, fault: 'drop' });
  });

  it('dropAfterCommit applies the change but the client only sees a network error', async () => {
    const h = harness();
    const list = h.double.seedList(h.tenant.siteId, { displayName: 'Notes' });
    h.double.faults.script({ fault: { kind: 'dropAfterCommit' }, match: { method: 'POST' } });
    await expect(call('POST', `/sites/${h.tenant.siteId}/lists/${list.id}/items`, { token: h.token, body: { fields: { Title: 'saved' } } })).rejects.toThrow(TypeError);
    expect(h.double.listItems(h.tenant.siteId, list.id).map((item) => item.fields.Title)).toEqual(['saved']);
  });
});

describe('random faults by rate', () => {
  async function statuses(seed: number): Promise<number[]> {
    const double = createGraphDouble({ seed });
    const tenant = seedLscbTenant(double);
    double.faults.setRates({ throttle: 0.3, unavailable: 0.1, retryAfterSeconds: { min: 0.5, max: 4 } });
    const out: number[] = [];
    for (let index = 0; index < 40; index += 1) {
      const response = await double.handle({ method: 'GET', url: `https://graph.microsoft.com/v1.0/sites/${tenant.siteId}`, headers: { authorization: `Bearer ${tenant.reviewerToken}` } });
      out.push(response.status);
      if (response.status === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(0.5);
    }
    return out;
  }

  it('is reproducible for a seed and differs between seeds', async () => {
    const first = await statuses(11);
    expect(await statuses(11)).toEqual(first);
    expect(await statuses(12)).not.toEqual(first);
    expect(first.filter((status) => status === 429).length).toBeGreaterThan(3);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(15);
  });

  it('delays every response by the configured latency', async () => {
    const h = harness();
    h.double.setLatency(80);
    const started = Date.now();
    await call('GET', `/sites/${h.tenant.siteId}`, { token: h.token });
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });
});
