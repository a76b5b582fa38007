// Archiving a channel (engine/channel-archive.ts): read-only, still counted towards the private-channel limit.
import { describe, expect, it } from 'vitest';
import { LSCB_USERS } from './lscb-fixture';
import { asRecord, call, installGraphDouble } from './test-support';

const harness = installGraphDouble();

describe('channel archive', () => {
  it('lets an owner archive and unarchive a private channel (202), which then says isArchived', async () => {
    const h = harness();
    const created = await call('POST', `/teams/${h.tenant.teamId}/channels`, {
      token: h.token,
      body: { membershipType: 'private', displayName: 'Archived review' },
    });
    const channelId = encodeURIComponent(String(asRecord(created.body).id));
    const archived = await call('POST', `/teams/${h.tenant.teamId}/channels/${channelId}/archive`, {
      token: h.token,
      body: { shouldSetSpoSiteReadOnlyForMembers: true },
    });
    expect(archived.status).toBe(202);
    expect(asRecord((await call('GET', `/teams/${h.tenant.teamId}/channels/${channelId}`, { token: h.token })).body).isArchived).toBe(true);
    expect((await call('POST', `/teams/${h.tenant.teamId}/channels/${channelId}/archive`, { token: h.token, body: { readOnly: true } })).status).toBe(400);
    expect((await call('POST', `/teams/${h.tenant.teamId}/channels/${channelId}/unarchive`, { token: h.token })).status).toBe(202);
    expect(asRecord((await call('GET', `/teams/${h.tenant.teamId}/channels/${channelId}`, { token: h.token })).body).isArchived).toBe(false);
  });

  it('needs ChannelSettings.ReadWrite.All and an owner', async () => {
    const h = harness();
    const created = await call('POST', `/teams/${h.tenant.teamId}/channels`, {
      token: h.token,
      body: {
        membershipType: 'private',
        displayName: 'Owned review',
        members: [
          {
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${LSCB_USERS.panelChair}')`,
            roles: [],
          },
        ],
      },
    });
    const channelId = encodeURIComponent(String(asRecord(created.body).id));
    const withoutScope = h.double.issueToken({ upn: LSCB_USERS.reviewer, scopes: ['Channel.ReadBasic.All'] });
    expect((await call('POST', `/teams/${h.tenant.teamId}/channels/${channelId}/archive`, { token: withoutScope })).status).toBe(403);
    const member = h.double.issueToken({ upn: LSCB_USERS.panelChair });
    const refused = await call('POST', `/teams/${h.tenant.teamId}/channels/${channelId}/archive`, { token: member });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toMatch(/Only owners/);
  });
});
