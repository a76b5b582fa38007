// FICTIONAL tenant and review: every name here is invented.
// A coordinator manages who can open a review through the one Graph client: adding a person (to the LSCB team first,
// then the review's private channel), removing them (reported only once the channel no longer lists them), each
// change an audit entry, failures pending with their reason. The removed person's next read is refused (403) and
// this browser's copy of the review is cleared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChannelDirectory } from '../../src/adapters/graph';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { ReviewMembership } from '../../src/app/access/membership';
import { ReviewService } from '../../src/app/review-service';
import { memoryJournal } from '../../src/app/session/memory-journal';
import { actorForSignedIn } from '../../src/domain/access';
import { asId, type ReviewId } from '../../src/domain/ids';
import { ALL_SCOPES, LSCB_USERS, createGraphWorld, setupServer } from './harness';
import { sampleSnapshot } from './sample-review';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const FAY = 'fay.facilitator@contoso.onmicrosoft.com';
const NOW = '2026-03-10T10:00:00.000Z';

async function reviewWithChannel() {
  const world = await createGraphWorld(server);
  world.double.seedUser({ userPrincipalName: FAY, displayName: 'Fay Facilitator' });
  const coordinatorToken = world.double.issueToken({ upn: LSCB_USERS.reviewer, scopes: ALL_SCOPES });
  const store = world.store({ token: coordinatorToken, channelMembers: () => [] });
  const sample = sampleSnapshot({ reviewId: 'rev-access' });
  const snapshot = {
    ...sample,
    teamMembers: [{ ...sample.teamMembers[0]!, id: 'tm-coordinator', name: 'Alex Reviewer', email: LSCB_USERS.reviewer, role: 'lscbCoordinator' as const }],
  };
  const imported = await store.importSnapshot(snapshot as never, { replace: false });
  expect(imported.ok ? 'ok' : JSON.stringify(imported.error)).toBe('ok');
  const journal = memoryJournal();
  const service = new ReviewService({
    store,
    journal,
    clock: steppingClock(NOW, 1000),
    ids: sequentialIds('m'),
    actor: () => 'Alex Reviewer',
    access: (current) => actorForSignedIn(current, { name: 'Alex Reviewer', email: LSCB_USERS.reviewer }),
    editDelayMs: 0,
  });
  const session = await service.openSession(asId<ReviewId>('rev-access'));
  if (!session.ok) throw new Error(JSON.stringify(session.error));
  const directory = graphChannelDirectory(world.options({ token: coordinatorToken }));
  const membership = new ReviewMembership(directory, session.value, { signedIn: LSCB_USERS.reviewer, memberLimit: 5000 });
  return { world, service, session: session.value, membership };
}

describe('a coordinator manages who can open a review', () => {
  it('adds a facilitator to the team and the channel, then removes them; each change is audited and their next read refused', async () => {
    const { world, service, session, membership } = await reviewWithChannel();
    const added = await service.addRecord('teamMember', session.reviewId, { name: 'Fay Facilitator', email: FAY, role: 'facilitator' }, 'tm-fay');
    expect(added.ok).toBe(true);
    const before = await membership.state();
    if (!before.ok) throw new Error(JSON.stringify(before.error));
    expect(before.value.plan.changes).toEqual([{ kind: 'add', email: FAY, name: 'Fay Facilitator', role: 'member' }]);
    expect((await membership.apply(before.value.plan.changes[0]!)).ok).toBe(true);
    const team = world.double.state.teams.get(world.teamId)!;
    expect([...team.memberIds].map((id) => world.double.state.users.get(id)?.userPrincipalName)).toContain(FAY);

    const fayStore = world.store({ token: world.double.issueToken({ upn: FAY, scopes: ALL_SCOPES }) });
    const fayJournal = memoryJournal();
    let forgotten = '';
    const fayService = new ReviewService({
      store: fayStore,
      journal: fayJournal,
      clock: steppingClock(NOW, 1000),
      ids: sequentialIds('f'),
      actor: () => 'Fay Facilitator',
      access: (current) => actorForSignedIn(current, { name: 'Fay Facilitator', email: FAY }),
      editDelayMs: 0,
      forgetLocalCopy: async (reviewId) => {
        forgotten = reviewId;
      },
    });
    const fayOpen = await fayService.openSession(session.reviewId);
    expect(fayOpen.ok && fayOpen.value.access().role).toBe('facilitator');
    await fayService.closeSession(session.reviewId);

    expect((await service.removeRecord('teamMember', { reviewId: session.reviewId, id: 'tm-fay', version: 1 })).ok).toBe(true);
    const after = await membership.state();
    if (!after.ok) throw new Error(JSON.stringify(after.error));
    expect(after.value.plan.changes.map((change) => change.kind)).toEqual(['remove']);
    expect((await membership.apply(after.value.plan.changes[0]!)).ok).toBe(true);
    const trail = session.getSnapshot().audit.filter((entry) => entry.action === 'permissionChange');
    expect(trail.map((entry) => [entry.who, entry.summary])).toEqual([
      ['Alex Reviewer', `Added Fay Facilitator (${FAY}) to the review’s private channel as a member`],
      ['Alex Reviewer', `Removed Fay Facilitator (${FAY}) from the review’s private channel`],
    ]);

    fayJournal.write(session.reviewId, [{ commandId: 'c1', command: { type: 'removeRecord', kind: 'document', id: 'doc-1' }, at: NOW, by: 'Fay' }]);
    const refused = await fayService.openSession(session.reviewId);
    expect(refused.ok ? 'opened' : refused.error.kind).toBe('accessLost');
    expect(forgotten).toBe(session.reviewId);
    expect(fayJournal.read(session.reviewId)).toEqual([]);
  }, 60_000);

  it('keeps a change Teams refused pending, with the reason, and makes it on a retry', async () => {
    const { world, service, session, membership } = await reviewWithChannel();
    await service.addRecord('teamMember', session.reviewId, { name: 'Fay Facilitator', email: FAY, role: 'facilitator' }, 'tm-fay');
    const planned = await membership.state();
    if (!planned.ok) throw new Error('state');
    const change = planned.value.plan.changes[0]!;
    const channel = [...world.double.state.teams.get(world.teamId)!.channels.values()].find((candidate) => candidate.membershipType === 'private')!;
    const owner = [...channel.members.values()].find((member) => member.roles.includes('owner'))!;
    // Teams refuses: the coordinator is, for now, not an owner of the channel.
    channel.members.set(owner.membershipId, { ...owner, roles: [] });
    expect((await membership.apply(change)).ok).toBe(false);
    const pending = await membership.state();
    expect(pending.ok && pending.value.pending.map((entry) => entry.reason)).toEqual([expect.stringMatching(/owners/)]);
    expect(session.getSnapshot().audit.filter((entry) => entry.action === 'permissionChange')).toEqual([]);
    channel.members.set(owner.membershipId, owner);
    expect((await membership.apply(change)).ok).toBe(true);
    const settled = await membership.state();
    expect(settled.ok && settled.value.pending).toEqual([]);
  }, 60_000);
});
