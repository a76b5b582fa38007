import { describe, expect, it } from 'vitest';
import { CHANNEL_NAME_MAX_LENGTH } from './engine/teams';
import { LSCB_USERS } from './lscb-fixture';
import { asRecord, call, installGraphDouble, valueOf, type Harness } from './test-support';

const harness = installGraphDouble();

const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';
const bind = (upn: string) => ({ '@odata.type': MEMBER_TYPE, 'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${upn}')`, roles: [] as string[] });

async function privateChannel(h: Harness, members = [bind(LSCB_USERS.panelChair)]): Promise<string> {
  const result = await call('POST', `/teams/${h.tenant.teamId}/channels`, {
    token: h.token,
    body: { membershipType: 'private', displayName: 'Case 42 review', description: 'Restricted', members },
  });
  expect(result.status).toBe(201);
  expect(asRecord(result.body).membershipType).toBe('private');
  return String(asRecord(result.body).id);
}

describe('channels', () => {
  it('creates a private channel with members; the creator becomes an owner', async () => {
    const h = harness();
    const channelId = await privateChannel(h);
    expect(channelId).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
    const channel = h.double.channel(h.tenant.teamId, channelId);
    const members = [...channel.members.values()].map((member) => ({ upn: h.double.state.users.get(member.userId)?.userPrincipalName, roles: member.roles }));
    expect(members).toEqual([
      { upn: LSCB_USERS.panelChair, roles: [] },
      { upn: LSCB_USERS.reviewer, roles: ['owner'] },
    ]);
    const fetched = await call('GET', `/teams/${h.tenant.teamId}/channels/${encodeURIComponent(channelId)}`, { token: h.token });
    expect(asRecord(fetched.body).displayName).toBe('Case 42 review');
  });

  it(`refuses names over ${CHANNEL_NAME_MAX_LENGTH} characters, over 200 members, bad member types and non-team members`, async () => {
    const h = harness();
    const post = (body: unknown) => call('POST', `/teams/${h.tenant.teamId}/channels`, { token: h.token, body });
    expect((await post({ membershipType: 'private', displayName: 'x'.repeat(CHANNEL_NAME_MAX_LENGTH + 1) })).status).toBe(400);
    expect((await post({ membershipType: 'private', displayName: 'x'.repeat(CHANNEL_NAME_MAX_LENGTH) })).status).toBe(201);
    const many = Array.from({ length: 201 }, () => bind(LSCB_USERS.panelChair));
    expect((await post({ membershipType: 'private', displayName: 'Too many', members: many })).status).toBe(400);
    expect((await post({ membershipType: 'private', displayName: 'Wrong type', members: [{ 'user@odata.bind': `users('${LSCB_USERS.panelChair}')` }] })).status).toBe(400);
    h.double.seedUser({ userPrincipalName: 'outsider@contoso.onmicrosoft.com' });
    expect((await post({ membershipType: 'private', displayName: 'Outsider', members: [bind('outsider@contoso.onmicrosoft.com')] })).status).toBe(400);
    expect((await post({ membershipType: 'standard', displayName: 'Standard with members', members: [bind(LSCB_USERS.panelChair)] })).status).toBe(400);
  });

  it('creates a shared channel asynchronously (202 + Location to a teamsAsyncOperation)', async () => {
    const h = harness();
    const result = await call('POST', `/teams/${h.tenant.teamId}/channels`, { token: h.token, body: { membershipType: 'shared', displayName: 'Partners' } });
    expect(result.status).toBe(202);
    const location = result.headers.get('location') ?? '';
    const operationId = /operations\('([^']+)'\)/.exec(location)?.[1] ?? '';
    const operation = await call('GET', `/teams/${h.tenant.teamId}/operations/${operationId}`, { token: h.token });
    expect(asRecord(operation.body)).toMatchObject({ status: 'succeeded', operationType: 'createChannel' });
  });

  it('adds (201) and removes (204) members only on private or shared channels', async () => {
    const h = harness();
    const channelId = await privateChannel(h);
    const base = `/teams/${h.tenant.teamId}/channels/${encodeURIComponent(channelId)}/members`;
    const added = await call('POST', base, { token: h.token, body: bind(LSCB_USERS.practitioner) });
    expect(added.status).toBe(201);
    expect(asRecord(added.body)).toMatchObject({ '@odata.type': MEMBER_TYPE, email: LSCB_USERS.practitioner, roles: [] });
    const removed = await call('DELETE', `${base}/${encodeURIComponent(String(asRecord(added.body).id))}`, { token: h.token });
    expect(removed.status).toBe(204);
    expect(valueOf(await call('GET', base, { token: h.token }))).toHaveLength(2);
    const standard = await call('POST', `/teams/${h.tenant.teamId}/channels/${encodeURIComponent(h.tenant.generalChannelId)}/members`, { token: h.token, body: bind(LSCB_USERS.practitioner) });
    expect(standard.status).toBe(400);
  });
});

describe("a private channel's own site", () => {
  it('filesFolder provisions a separate site reachable through the drive, only for channel members', async () => {
    const h = harness();
    const channelId = await privateChannel(h);
    const folder = await call('GET', `/teams/${h.tenant.teamId}/channels/${encodeURIComponent(channelId)}/filesFolder`, { token: h.token });
    expect(folder.status).toBe(200);
    const driveId = String(asRecord(asRecord(folder.body).parentReference).driveId);
    expect(driveId).not.toBe(h.tenant.driveId);
    expect(asRecord(folder.body).name).toBe('Case 42 review');

    const root = await call('GET', `/drives/${driveId}/root?$select=sharepointIds`, { token: h.token });
    const siteCollectionId = String(asRecord(asRecord(root.body).sharepointIds).siteId);
    const site = await call('GET', `/sites/${siteCollectionId}`, { token: h.token });
    expect(site.status).toBe(200);
    const channelSiteId = String(asRecord(site.body).id);
    expect(channelSiteId).not.toBe(h.tenant.siteId);

    // Lists can be created in the channel site (GRAPH-NOTES marks this unverified against the real service).
    const list = await call('POST', `/sites/${channelSiteId}/lists`, { token: h.token, body: { displayName: 'Restricted notes' } });
    expect(list.status).toBe(201);

    const outsiderToken = h.double.issueToken({ upn: LSCB_USERS.practitioner });
    expect((await call('GET', `/sites/${channelSiteId}/lists`, { token: outsiderToken })).status).toBe(403);
    expect((await call('GET', `/drives/${driveId}/root`, { token: outsiderToken })).status).toBe(403);
    expect((await call('GET', `/sites/${h.tenant.siteId}/lists`, { token: outsiderToken })).status).toBe(200);
  });
});

describe('channel messages', () => {
  it('posts a message whose reference attachment id matches <attachment id> in the body (201); a mismatch is 400', async () => {
    const h = harness();
    const base = `/teams/${h.tenant.teamId}/channels/${encodeURIComponent(h.tenant.generalChannelId)}/messages`;
    const id = '153fa47d-18c9-4179-be08-9879815a9f90';
    const attachment = { id, contentType: 'reference', contentUrl: 'https://contoso.sharepoint.com/sites/LSCBCaseReviews/Shared%20Documents/General/report.docx', name: 'report.docx' };
    const ok = await call('POST', base, { token: h.token, body: { body: { contentType: 'html', content: `Report <attachment id="${id}"></attachment>` }, attachments: [attachment] } });
    expect(ok.status).toBe(201);
    expect(asRecord(ok.body)).toMatchObject({ messageType: 'message', channelIdentity: { teamId: h.tenant.teamId, channelId: h.tenant.generalChannelId } });
    const mismatch = await call('POST', base, { token: h.token, body: { body: { contentType: 'html', content: '<attachment id="other"></attachment>' }, attachments: [attachment] } });
    expect(mismatch.status).toBe(400);
    const unreferenced = await call('POST', base, { token: h.token, body: { body: { content: 'No tag' }, attachments: [attachment] } });
    expect(unreferenced.status).toBe(400);
    expect(h.double.channel(h.tenant.teamId, h.tenant.generalChannelId).messages).toHaveLength(1);
  });
});
