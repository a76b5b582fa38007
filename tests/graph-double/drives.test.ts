import { describe, expect, it } from 'vitest';
import { SIMPLE_UPLOAD_MAX_BYTES } from './engine/drives';
import { asRecord, call, errorCode, installGraphDouble, type Harness } from './test-support';

const harness = installGraphDouble();

const bytes = (length: number, fill = 7): Uint8Array => new Uint8Array(length).fill(fill);

async function startSession(h: Harness, name: string, conflictBehavior = 'fail'): Promise<string> {
  const session = await call('POST', `/sites/${h.tenant.siteId}/drive/root:/Reports/${name}:/createUploadSession`, {
    token: h.token,
    body: { item: { '@microsoft.graph.conflictBehavior': conflictBehavior, name } },
  });
  expect(session.status).toBe(200);
  expect(typeof asRecord(session.body).expirationDateTime).toBe('string');
  return String(asRecord(session.body).uploadUrl);
}

function putRange(uploadUrl: string, data: Uint8Array, start: number, total: number) {
  return call('PUT', uploadUrl, { raw: data, headers: { 'content-range': `bytes ${start}-${start + data.length - 1}/${total}` } });
}

describe('drives and simple upload', () => {
  it('uploads by path (201), replaces (200), downloads, and reports driveItem facets', async () => {
    const h = harness();
    const created = await call('PUT', `/sites/${h.tenant.siteId}/drive/root:/Reports/summary.txt:/content`, { token: h.token, raw: 'first version', headers: { 'content-type': 'text/plain' } });
    expect(created.status).toBe(201);
    const item = asRecord(created.body);
    expect(item).toMatchObject({ name: 'summary.txt', size: 13, file: { mimeType: 'text/plain' }, parentReference: { driveId: h.tenant.driveId } });
    expect(String(item.eTag)).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(String(item.webUrl)).toBe('https://contoso.sharepoint.com/sites/LSCBCaseReviews/Shared%20Documents/Reports/summary.txt');

    const replaced = await call('PUT', `/drives/${h.tenant.driveId}/root:/Reports/summary.txt:/content`, { token: h.token, raw: 'second' });
    expect(replaced.status).toBe(200);
    expect(asRecord(replaced.body).id).toBe(item.id);
    // /content redirects to a pre-authenticated URL, which refuses the Graph token: read downloadUrl instead.
    const followed = await call('GET', `/drives/${h.tenant.driveId}/items/${String(item.id)}/content`, { token: h.token });
    expect(followed.status).toBe(401);
    const described = await call('GET', `/drives/${h.tenant.driveId}/items/${String(item.id)}`, { token: h.token });
    const downloadUrl = String(asRecord(described.body)['@microsoft.graph.downloadUrl']);
    const download = await call('GET', downloadUrl);
    expect(download.body).toBe('second');

    const clash = await call('PUT', `/drives/${h.tenant.driveId}/root:/Reports/summary.txt:/content?@microsoft.graph.conflictBehavior=fail`, { token: h.token, raw: 'x' });
    expect(clash.status).toBe(409);
    expect(errorCode(clash)).toBe('nameAlreadyExists');
  });

  it(`refuses a simple upload above ${SIMPLE_UPLOAD_MAX_BYTES} bytes with 413`, async () => {
    const h = harness();
    const result = await call('PUT', `/drives/${h.tenant.driveId}/root:/big.bin:/content`, { token: h.token, raw: bytes(SIMPLE_UPLOAD_MAX_BYTES + 1) });
    expect(result.status).toBe(413);
    expect(asRecord(result.body).error).toMatchObject({ innerError: { code: 'maxFileSizeExceeded' } });
    expect(h.double.driveItems(h.tenant.driveId)).toEqual([]);
  });

  it('gives sharepointIds only when selected, and deletes items (204)', async () => {
    const h = harness();
    const root = await call('GET', `/drives/${h.tenant.driveId}/root`, { token: h.token });
    expect(asRecord(root.body).sharepointIds).toBeUndefined();
    const ids = await call('GET', `/drives/${h.tenant.driveId}/root?$select=sharepointIds`, { token: h.token });
    const site = h.double.state.sites.get(h.tenant.siteId);
    expect(asRecord(asRecord(ids.body).sharepointIds).siteId).toBe(site?.siteCollectionId);
    const file = await call('PUT', `/drives/${h.tenant.driveId}/root:/a.txt:/content`, { token: h.token, raw: 'a' });
    const deleted = await call('DELETE', `/drives/${h.tenant.driveId}/items/${String(asRecord(file.body).id)}`, { token: h.token });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expect((await call('GET', `/drives/${h.tenant.driveId}/root:/a.txt`, { token: h.token })).status).toBe(404);
  });
});

describe('upload sessions', () => {
  it('accepts ranges in order: 202 with nextExpectedRanges, then 201 with the driveItem; a re-sent range is 416', async () => {
    const h = harness();
    const uploadUrl = await startSession(h, 'large.bin');
    expect(uploadUrl.startsWith('https://graph.microsoft.com/_upload/')).toBe(true);
    const total = 128;
    const first = await putRange(uploadUrl, bytes(26, 1), 0, total);
    expect(first.status).toBe(202);
    expect(asRecord(first.body).nextExpectedRanges).toEqual(['26-']);
    const again = await putRange(uploadUrl, bytes(26, 1), 0, total);
    expect(again.status).toBe(416);
    expect(errorCode(again)).toBe('invalidRange');
    const skipAhead = await putRange(uploadUrl, bytes(10), 60, total);
    expect(skipAhead.status).toBe(416);
    const middle = await putRange(uploadUrl, bytes(74, 2), 26, total);
    expect(asRecord(middle.body).nextExpectedRanges).toEqual(['100-']);
    const last = await putRange(uploadUrl, bytes(28, 3), 100, total);
    expect(last.status).toBe(201);
    expect(asRecord(last.body)).toMatchObject({ name: 'large.bin', size: 128, file: { mimeType: 'application/octet-stream' } });
    const stored = h.double.driveItems(h.tenant.driveId).find((item) => item.name === 'large.bin');
    expect(stored?.path).toBe('Reports/large.bin');
    expect([...(stored?.content ?? [])].slice(24, 28)).toEqual([1, 1, 2, 2]);
    // The session is gone once the upload completes.
    expect((await putRange(uploadUrl, bytes(1), 127, total)).status).toBe(404);
  });

  it('checks the name at completion (409 nameAlreadyExists) and cancels with DELETE (204)', async () => {
    const h = harness();
    const uploadUrl = await startSession(h, 'clash.bin');
    await call('PUT', `/sites/${h.tenant.siteId}/drive/root:/Reports/clash.bin:/content`, { token: h.token, raw: 'someone else' });
    const last = await putRange(uploadUrl, bytes(4), 0, 4);
    expect(last.status).toBe(409);
    expect(errorCode(last)).toBe('nameAlreadyExists');

    const cancelled = await startSession(h, 'cancelled.bin');
    expect((await call('DELETE', cancelled)).status).toBe(204);
    expect((await call('GET', cancelled)).status).toBe(404);
    const existing = await call('POST', `/sites/${h.tenant.siteId}/drive/root:/Reports/clash.bin:/createUploadSession`, { token: h.token, body: { item: { '@microsoft.graph.conflictBehavior': 'fail' } } });
    expect(existing.status).toBe(409);
  });

  it('refuses an Authorization header on the uploadUrl and a fragment whose length does not match Content-Range', async () => {
    const h = harness();
    const uploadUrl = await startSession(h, 'auth.bin');
    const withAuth = await call('PUT', uploadUrl, { token: h.token, raw: bytes(4), headers: { 'content-range': 'bytes 0-3/4' } });
    expect(withAuth.status).toBe(401);
    const mismatch = await call('PUT', uploadUrl, { raw: bytes(3), headers: { 'content-range': 'bytes 0-3/4' } });
    expect(mismatch.status).toBe(400);
    expect((await putRange(uploadUrl, bytes(4), 0, 4)).status).toBe(201);
  });
});
