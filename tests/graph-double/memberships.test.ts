// FICTIONAL tenant: every name here is invented.
import { describe, expect, it } from 'vitest';
import { ALL_SCOPES } from './engine/auth';
import { LSCB_USERS } from './lscb-fixture';
import { asRecord, call, installGraphDouble, valueOf, type Harness } from './test-support';

const harness = installGraphDouble();
const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';
const bind = (upn: string, roles: string[] = []) => ({
  '@odata.type': MEMBER_TYPE,
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${upn}')`,
  roles,
});
const NEWCOMER = 'fay.facilitator@contoso.onmicrosoft.com';

async function reviewChannel(h: Harness): Promise<{ channelId: string; members: string; siteId: string }> {
  const created = await call('POST', `/teams/${h.tenant.teamId}/channels`, {
    token: h.token,
    body: { membershipType: 'private', displayName: 'Review Kestrel', members: [bind(LSCB_USERS.panelChair)] },
  });
  const channelId = String(asRecord(created.body).id);
  const folder = await call('GET', `/teams/${h.tenant.teamId}/channels/${encodeURIComponent(channelId)}/filesFolder`, { token: h.token });
  const driveId = String(asRecord(asRecord(folder.body).parentReference).driveId);
  const siteId = String(h.double.state.drives.get(driveId)?.siteId);
  return { channelId, members: `/teams/${h.tenant.teamId}/channels/${encodeURIComponent(channelId)}/members`, siteId };
}

describe('team and channel membership', () => {
  it('adds a person to the team first, then to the channel; a person outside the team is refused by the channel (400)', async () => {
    const h = harness();
    h.double.seedUser({ userPrincipalName: NEWCOMER, displayName: 'Fay Facilitator' });
    const { members } = await reviewChannel(h);
    expect((await call('POST', members, { token: h.token, body: bind(NEWCOMER) })).status).toBe(400);
    const joined = await call('POST', `/teams/${h.tenant.teamId}/members`, { token: h.token, body: bind(NEWCOMER) });
    expect(joined.status).toBe(201);
    expect(asRecord(joined.body).roles).toEqual([]);
    expect((await call('POST', `/teams/${h.tenant.teamId}/members`, { token: h.token, body: bind(NEWCOMER) })).status).toBe(409);
    const teamList = valueOf(await call('GET', `/teams/${h.tenant.teamId}/members`, { token: h.token })).map((member) => asRecord(member).email);
    expect(teamList).toContain(NEWCOMER);
    expect((await call('POST', members, { token: h.token, body: bind(NEWCOMER) })).status).toBe(201);
  });

  it('lets only team owners add to the team, and only channel owners change a role (PATCH) or remove', async () => {
    const h = harness();
    h.double.seedUser({ userPrincipalName: NEWCOMER });
    const { members } = await reviewChannel(h);
    const chairToken = h.double.issueToken({ upn: LSCB_USERS.panelChair, scopes: ALL_SCOPES });
    expect((await call('POST', `/teams/${h.tenant.teamId}/members`, { token: chairToken, body: bind(NEWCOMER) })).status).toBe(403);
    const chair = valueOf(await call('GET', members, { token: h.token }))
      .map(asRecord)
      .find((member) => member.email === LSCB_USERS.panelChair);
    const chairMembership = `${members}/${encodeURIComponent(String(chair?.id))}`;
    expect((await call('PATCH', chairMembership, { token: chairToken, body: { '@odata.type': MEMBER_TYPE, roles: ['owner'] } })).status).toBe(403);
    const promoted = await call('PATCH', chairMembership, { token: h.token, body: { '@odata.type': MEMBER_TYPE, roles: ['owner'] } });
    expect(promoted.status).toBe(200);
    expect(asRecord(promoted.body).roles).toEqual(['owner']);
    expect((await call('PATCH', chairMembership, { token: h.token, body: { roles: ['member'] } })).status).toBe(400);
    // Now an owner, the chair may manage members.
    expect((await call('PATCH', chairMembership, { token: chairToken, body: { roles: [] } })).status).toBe(200);
  });

  it('refuses a member beyond the private channel limit', async () => {
    const h = harness({ privateChannelMemberLimit: 2 });
    const { members } = await reviewChannel(h);
    const refused = await call('POST', members, { token: h.token, body: bind(LSCB_USERS.practitioner) });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('limit of 2 members');
  });

  it('refuses guests when the tenant does not allow them, and never lets a guest own the team', async () => {
    const guest = 'visiting.reviewer_fabrikam.example#EXT#@contoso.onmicrosoft.com';
    const closed = harness({ guestsAllowed: false });
    closed.double.seedUser({ userPrincipalName: guest });
    expect((await call('POST', `/teams/${closed.tenant.teamId}/members`, { token: closed.token, body: bind(guest, ['guest']) })).status).toBe(403);
    const open = harness({ guestsAllowed: true });
    open.double.seedUser({ userPrincipalName: guest });
    expect((await call('POST', `/teams/${open.tenant.teamId}/members`, { token: open.token, body: bind(guest, ['owner']) })).status).toBe(400);
    const added = await call('POST', `/teams/${open.tenant.teamId}/members`, { token: open.token, body: bind(guest, ['guest']) });
    expect(added.status).toBe(201);
    expect(asRecord(added.body).roles).toEqual(['guest']);
  });

  it("answers a removed member's next read of the channel site's lists and files with 403", async () => {
    const h = harness();
    const { members, siteId } = await reviewChannel(h);
    const chairToken = h.double.issueToken({ upn: LSCB_USERS.panelChair, scopes: ALL_SCOPES });
    expect((await call('GET', `/sites/${siteId}/lists`, { token: chairToken })).status).toBe(200);
    expect((await call('GET', `/sites/${siteId}/drive/root/children`, { token: chairToken })).status).toBe(200);
    const chair = valueOf(await call('GET', members, { token: h.token }))
      .map(asRecord)
      .find((member) => member.email === LSCB_USERS.panelChair);
    expect((await call('DELETE', `${members}/${encodeURIComponent(String(chair?.id))}`, { token: h.token })).status).toBe(204);
    expect((await call('GET', `/sites/${siteId}/lists`, { token: chairToken })).status).toBe(403);
    expect((await call('GET', `/sites/${siteId}/drive/root/children`, { token: chairToken })).status).toBe(403);
  });
});
