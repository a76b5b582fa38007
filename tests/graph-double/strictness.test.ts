// Where the double used to be more lenient than Graph (issue 9): each test here failed against the old double.
import { describe, expect, it } from 'vitest';
import { ALL_SCOPES } from './engine/auth';
import { LSCB_USERS } from './lscb-fixture';
import { asRecord, call, errorCode, installGraphDouble, valueOf, type Harness } from './test-support';

const harness = installGraphDouble();

const member = (upn: string, owner = false) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${upn}')`,
  roles: owner ? ['owner'] : [],
});

async function privateChannel(h: Harness, name: string, members: unknown[] = []): Promise<string> {
  const created = await call('POST', `/teams/${h.tenant.teamId}/channels`, { token: h.token, body: { displayName: name, membershipType: 'private', members } });
  expect(created.status).toBe(201);
  return String(asRecord(created.body).id);
}

describe('file downloads', () => {
  it('answers /content with 302 to a pre-authenticated URL that refuses the Graph token', async () => {
    const h = harness();
    const put = await call('PUT', `/sites/${h.tenant.siteId}/drive/root:/a.json:/content`, { token: h.token, raw: '{"a":1}', headers: { 'content-type': 'application/json' } });
    const id = String(asRecord(put.body).id);
    const raw = await fetch(`https://graph.microsoft.com/v1.0/sites/${h.tenant.siteId}/drive/items/${id}/content`, {
      headers: { authorization: `Bearer ${h.token}` },
      redirect: 'manual',
    });
    expect(raw.status).toBe(302);
    const location = raw.headers.get('location') ?? '';
    expect(location).toContain('tempauth=');
    expect((await call('GET', location, { token: h.token })).status).toBe(401);
    expect((await call('GET', location)).body).toEqual({ a: 1 });
    // Graph gives the same URL as @microsoft.graph.downloadUrl, also when asked for through $select.
    const selected = await call('GET', `/sites/${h.tenant.siteId}/drive/items/${id}?$select=id,@microsoft.graph.downloadUrl`, { token: h.token });
    const body = asRecord(selected.body);
    expect(body.id).toBe(id);
    expect(String(body['@microsoft.graph.downloadUrl'])).toContain('tempauth=');
    expect(body.name).toBeUndefined();
  });
});

describe('errors after the server applied a write', () => {
  it('applies the create and answers 504', async () => {
    const h = harness();
    h.double.seedList(h.tenant.siteId, { displayName: 'Things', columns: [{ name: 'code', text: {} }] });
    h.double.faults.script({ fault: { kind: 'errorAfterCommit' }, match: { method: 'POST', path: '/items' } });
    const created = await call('POST', `/sites/${h.tenant.siteId}/lists/Things/items`, { token: h.token, body: { fields: { code: 'x' } } });
    expect(created.status).toBe(504);
    expect(h.double.listItems(h.tenant.siteId, 'Things')).toHaveLength(1);
  });

  it('models 409 resourceModified on a fields PATCH', async () => {
    const h = harness();
    h.double.seedList(h.tenant.siteId, { displayName: 'Things', columns: [{ name: 'code', text: {} }] });
    const item = h.double.seedListItem(h.tenant.siteId, 'Things', { code: 'x' });
    h.double.faults.script({ fault: { kind: 'saveConflict' }, match: { method: 'PATCH' } });
    const patched = await call('PATCH', `/sites/${h.tenant.siteId}/lists/Things/items/${item.id}/fields`, { token: h.token, body: { code: 'y' } });
    expect(patched.status).toBe(409);
    expect(errorCode(patched)).toBe('resourceModified');
  });
});

describe('multiple lines of text', () => {
  it('defaults to rich text, which wraps plain values in HTML; textType plain keeps them', async () => {
    const h = harness();
    const list = await call('POST', `/sites/${h.tenant.siteId}/lists`, {
      token: h.token,
      body: { displayName: 'Notes', columns: [{ name: 'rich', text: { allowMultipleLines: true } }, { name: 'plain', text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 10 } }], list: { template: 'genericList' } },
    });
    expect(list.status).toBe(201);
    const columns = valueOf(await call('GET', `/sites/${h.tenant.siteId}/lists/Notes/columns`, { token: h.token }));
    expect(columns.find((column) => column.name === 'rich')?.text).toMatchObject({ textType: 'richText', linesForEditing: 6 });
    expect(columns.find((column) => column.name === 'plain')?.text).toMatchObject({ textType: 'plain', linesForEditing: 10 });
    const created = await call('POST', `/sites/${h.tenant.siteId}/lists/Notes/items`, { token: h.token, body: { fields: { rich: '{"a":"<b>"}', plain: '{"a":"<b>"}' } } });
    const fields = asRecord(asRecord(created.body).fields);
    expect(fields.plain).toBe('{"a":"<b>"}');
    expect(fields.rich).not.toBe('{"a":"<b>"}');
  });
});

describe('private channels', () => {
  it('keeps a new channel site "not ready yet" for the configured time', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const h = harness({ now: () => now, channelSiteDelayMs: 120_000 });
    const channelId = await privateChannel(h, 'Review A');
    const early = await call('GET', `/teams/${h.tenant.teamId}/channels/${channelId}/filesFolder`, { token: h.token });
    expect(early.status).toBe(404);
    now = new Date('2026-03-01T10:02:01Z');
    expect((await call('GET', `/teams/${h.tenant.teamId}/channels/${channelId}/filesFolder`, { token: h.token })).status).toBe(200);
  });

  it('enforces the private-channel limit, counting deleted channels until the retention period ends', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const h = harness({ now: () => now, privateChannelLimit: 2 });
    const first = await privateChannel(h, 'Review 1');
    await privateChannel(h, 'Review 2');
    const refused = await call('POST', `/teams/${h.tenant.teamId}/channels`, { token: h.token, body: { displayName: 'Review 3', membershipType: 'private' } });
    expect(refused.status).toBe(403);
    expect((await call('DELETE', `/teams/${h.tenant.teamId}/channels/${first}`, { token: h.token })).status).toBe(204);
    expect((await call('POST', `/teams/${h.tenant.teamId}/channels`, { token: h.token, body: { displayName: 'Review 3', membershipType: 'private' } })).status).toBe(403);
    now = new Date('2026-04-01T10:00:00Z');
    const later = h.double.issueToken({ upn: LSCB_USERS.reviewer, scopes: ALL_SCOPES });
    expect((await call('POST', `/teams/${h.tenant.teamId}/channels`, { token: later, body: { displayName: 'Review 3', membershipType: 'private' } })).status).toBe(201);
  });

  it('refuses a duplicate name with 400 BadRequest, and finds channels by name with $filter', async () => {
    const h = harness();
    await privateChannel(h, 'Review Same');
    const again = await call('POST', `/teams/${h.tenant.teamId}/channels`, { token: h.token, body: { displayName: 'review same', membershipType: 'private' } });
    expect(again.status).toBe(400);
    expect(errorCode(again)).toBe('BadRequest');
    const found = valueOf(await call('GET', `/teams/${h.tenant.teamId}/channels?$filter=displayName eq 'Review Same'`, { token: h.token }));
    expect(found.map((channel) => channel.displayName)).toEqual(['Review Same']);
  });

  it('lets only the channel’s owners add members', async () => {
    const h = harness();
    const channelId = await privateChannel(h, 'Review Owners', [member(LSCB_USERS.panelChair)]);
    const chairToken = h.double.issueToken({ upn: LSCB_USERS.panelChair, scopes: ALL_SCOPES });
    const byMember = await call('POST', `/teams/${h.tenant.teamId}/channels/${channelId}/members`, { token: chairToken, body: member(LSCB_USERS.practitioner) });
    expect(byMember.status).toBe(403);
    const byOwner = await call('POST', `/teams/${h.tenant.teamId}/channels/${channelId}/members`, { token: h.token, body: member(LSCB_USERS.practitioner) });
    expect(byOwner.status).toBe(201);
  });
});
