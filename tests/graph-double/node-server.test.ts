// The node:http front-end over a real 127.0.0.1 socket (no msw in this file).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGraphDouble, type GraphDouble } from './engine/double';
import { startGraphDoubleServer, type GraphDoubleServer } from './front-ends/node-server';
import { seedLscbTenant, type LscbTenant } from './lscb-fixture';

let double: GraphDouble;
let tenant: LscbTenant;
let server: GraphDoubleServer;

beforeEach(async () => {
  double = createGraphDouble({ seed: 5 });
  tenant = seedLscbTenant(double);
  server = await startGraphDoubleServer(double);
});

afterEach(async () => {
  await server.close();
});

const auth = (): Record<string, string> => ({ authorization: `Bearer ${tenant.reviewerToken}` });

describe('Node http front-end', () => {
  it('listens on 127.0.0.1 and serves Graph with links pointing back at itself', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
    const list = double.seedList(tenant.siteId, { displayName: 'Notes' });
    for (let index = 0; index < 3; index += 1) double.seedListItem(tenant.siteId, list.id, { Title: `n${index}` });
    const response = await fetch(`${server.url}/sites/${tenant.siteId}/lists/${list.id}/items?$top=2`, { headers: auth() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const next = String(body['@odata.nextLink']);
    expect(next.startsWith(`${server.url}/sites/`)).toBe(true);
    const second = (await (await fetch(next, { headers: auth() })).json()) as { value: unknown[] };
    expect(second.value).toHaveLength(1);
  });

  it('answers CORS preflight and exposes ETag, Retry-After and Location to the browser', async () => {
    const preflight = await fetch(`${server.url}/sites/${tenant.siteId}/lists/x/items/1/fields`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,if-match,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,if-match,content-type');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');

    const list = double.seedList(tenant.siteId, { displayName: 'Notes' });
    const created = await fetch(`${server.url}/sites/${tenant.siteId}/lists/${list.id}/items`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json', origin: 'http://127.0.0.1:5173' },
      body: JSON.stringify({ fields: { Title: 'via browser' } }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toMatch(/,1"$/);
    expect(created.headers.get('location')).toContain(`/items/1`);
    const exposed = created.headers.get('access-control-expose-headers') ?? '';
    for (const name of ['ETag', 'Retry-After', 'Location']) expect(exposed).toContain(name);

    const stale = await fetch(`${server.url}/sites/${tenant.siteId}/lists/${list.id}/items/1/fields`, {
      method: 'PATCH',
      headers: { ...auth(), 'content-type': 'application/json', 'if-match': '"{00000000-0000-0000-0000-000000000000},1"' },
      body: JSON.stringify({ Title: 'changed' }),
    });
    expect(stale.status).toBe(412);
    expect(double.listItems(tenant.siteId, list.id)[0]?.fields.Title).toBe('via browser');
  });

  it('drops the socket for a dropped-connection fault, so fetch rejects with a TypeError', async () => {
    double.faults.script({ fault: { kind: 'drop' } });
    await expect(fetch(`${server.url}/sites/${tenant.siteId}`, { headers: auth() })).rejects.toThrow(TypeError);
    expect((await fetch(`${server.url}/sites/${tenant.siteId}`, { headers: auth() })).status).toBe(200);
  });

  it('serves upload sessions on its own origin and a control API for tests in another process', async () => {
    const session = (await (
      await fetch(`${server.url}/drives/${tenant.driveId}/root:/big.bin:/createUploadSession`, { method: 'POST', headers: auth() })
    ).json()) as { uploadUrl: string };
    expect(session.uploadUrl.startsWith(`${server.origin}/_upload/`)).toBe(true);
    const done = await fetch(session.uploadUrl, { method: 'PUT', headers: { 'content-range': 'bytes 0-4/5' }, body: new Uint8Array([1, 2, 3, 4, 5]) });
    expect(done.status).toBe(201);

    const minted = (await (
      await fetch(`${server.origin}/_double/token`, { method: 'POST', body: JSON.stringify({ upn: 'sam.chair@contoso.onmicrosoft.com', scopes: ['Sites.Read.All'] }) })
    ).json()) as { token: string };
    const denied = await fetch(`${server.url}/sites/${tenant.siteId}/lists`, { method: 'POST', headers: { authorization: `Bearer ${minted.token}` }, body: '{}' });
    expect(denied.status).toBe(403);
    await fetch(`${server.origin}/_double/faults`, { method: 'POST', body: JSON.stringify({ script: [{ fault: { kind: 'throttle', retryAfterSeconds: 1.5 } }] }) });
    const throttled = await fetch(`${server.url}/sites/${tenant.siteId}`, { headers: auth() });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1.5');
  });
});
