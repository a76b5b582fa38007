// Creating a review as a tenant behaves (issue 9): the channel's site is "not ready yet" for minutes, the team's
// private channels run out, a lost answer to the channel create, and permissions asked for only when first used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphStorage } from '../../src/adapters/graph';
import { describeFailure } from '../../src/app/failure-messages';
import type { ReviewSetupProgress } from '../../src/ports/review-setup';
import { LSCB_USERS } from '../graph-double';
import { createGraphWorld, setupServer } from './harness';
import { sampleSnapshot } from './sample-review';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const MINUTE = 60_000;

/** A clock shared by the double and the store: the store's waits move it on. */
function sharedClock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    sleep: async (ms: number) => {
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const privateChannels = (world: Awaited<ReturnType<typeof createGraphWorld>>) =>
  [...world.double.state.teams.get(world.teamId)!.channels.values()].filter((channel) => channel.membershipType === 'private');

describe('setting up a review', () => {
  it('waits with backoff while the new channel’s site is not ready, showing each step', async () => {
    const clock = sharedClock();
    const world = await createGraphWorld(server, { now: clock.now, channelSiteDelayMs: 3 * MINUTE });
    const { store, setup } = createGraphStorage(world.options({ sleep: clock.sleep }));
    const seen: ReviewSetupProgress[] = [];
    setup.onProgress((progress) => seen.push(progress));
    const review = sampleSnapshot({ reviewId: 'rev-slow-site', codename: 'Heron' }).review;
    const created = await store.createReview(review);
    expect(created.ok).toBe(true);
    const stages = [...new Set(seen.map((progress) => progress.stage))];
    expect(stages).toEqual(['registered', 'channelCreated', 'waitingForSite', 'siteReady', 'listsProvisioned', 'ready']);
    const waits = seen.filter((progress) => progress.stage === 'waitingForSite').map((progress) => progress.nextWaitMs);
    expect(waits.slice(0, 4)).toEqual([2000, 4000, 8000, 16000]);
    expect(world.double.requests.filter((entry) => entry.path.endsWith('/filesFolder') && entry.status === 404).length).toBeGreaterThan(3);
  });

  it('pauses after about ten minutes, survives a closed tab, and is resumed or abandoned', async () => {
    const clock = sharedClock();
    const world = await createGraphWorld(server, { now: clock.now, channelSiteDelayMs: 25 * MINUTE });
    const kept = new Map<string, ReturnType<typeof sampleSnapshot>['review']>();
    const keeper = { get: (id: string) => kept.get(id), put: (review: (typeof kept extends Map<string, infer R> ? R : never)) => void kept.set(review.id, review), remove: (id: string) => void kept.delete(id) };
    const first = createGraphStorage(world.options({ sleep: clock.sleep, pendingReviews: keeper }));
    const review = sampleSnapshot({ reviewId: 'rev-paused', codename: 'Plover' }).review;
    const paused = await first.store.createReview(review);
    expect(paused.ok ? 'ok' : paused.error.kind).toBe('unavailable');
    if (!paused.ok) expect(describeFailure(paused.error)).toMatch(/not finished setting up the channel/);
    expect((await first.store.listReviews()).ok && (await first.store.listReviews())).toEqual({ ok: true, value: [] });

    // The tab is closed; later a new one (a new store) finds the setup where it stopped.
    clock.advance(20 * MINUTE);
    const second = createGraphStorage(world.options({ sleep: clock.sleep, pendingReviews: keeper }));
    const pending = await second.setup.pending();
    expect(pending).toEqual({ ok: true, value: [{ reviewId: 'rev-paused', codename: 'Plover', stage: 'channelCreated', resumable: true }] });
    const resumed = await second.setup.resume('rev-paused');
    expect(resumed.ok).toBe(true);
    const listed = await second.store.listReviews();
    expect(listed.ok && listed.value.map((summary) => summary.codename)).toEqual(['Plover']);
    expect(privateChannels(world)).toHaveLength(1);
    expect(await second.setup.pending()).toEqual({ ok: true, value: [] });

    // Abandoning a stopped setup removes it from the register.
    const other = sampleSnapshot({ reviewId: 'rev-abandoned', codename: 'Snipe' }).review;
    expect((await second.store.createReview(other)).ok).toBe(false);
    expect((await second.setup.abandon('rev-abandoned')).ok).toBe(true);
    expect(await second.setup.pending()).toEqual({ ok: true, value: [] });
  });

  it('says how many private channels are left and refuses a new review when the team is full', async () => {
    const world = await createGraphWorld(server, { privateChannelLimit: 2 });
    const { store, setup } = createGraphStorage(world.options({ privateChannelLimit: 2 }));
    expect(await setup.privateChannelQuota()).toEqual({ ok: true, value: { limit: 2, inUse: 0, remaining: 2 } });
    expect((await store.createReview(sampleSnapshot({ reviewId: 'rev-a', codename: 'Avocet' }).review)).ok).toBe(true);
    expect((await store.createReview(sampleSnapshot({ reviewId: 'rev-b', codename: 'Bittern' }).review)).ok).toBe(true);
    expect(await setup.privateChannelQuota()).toEqual({ ok: true, value: { limit: 2, inUse: 2, remaining: 0 } });
    const full = await store.createReview(sampleSnapshot({ reviewId: 'rev-c', codename: 'Curlew' }).review);
    expect(full.ok ? 'ok' : full.error.kind).toBe('blocked');
    if (!full.ok) expect(describeFailure(full.error)).toMatch(/dedicated site/);
  });

  it('finds the channel by name when the create was made but answered 504, and makes no second one', async () => {
    const world = await createGraphWorld(server);
    world.double.faults.script({ fault: { kind: 'errorAfterCommit', status: 504 }, match: { method: 'POST', path: '/channels', inBatch: false } });
    const { store } = createGraphStorage(world.options());
    const created = await store.createReview(sampleSnapshot({ reviewId: 'rev-lost-channel', codename: 'Dunlin' }).review);
    expect(created.ok).toBe(true);
    expect(privateChannels(world)).toHaveLength(1);
    expect(world.double.requests.some((entry) => entry.path.endsWith('/channels') && entry.method === 'GET' && entry.query.includes('displayName eq'))).toBe(true);
  });

  it('makes the channel’s owners the creator and the named owners, so they can manage its members', async () => {
    const world = await createGraphWorld(server);
    const { store } = createGraphStorage(world.options({ channelOwner: LSCB_USERS.reviewer, channelOwners: () => [LSCB_USERS.panelChair], channelMembers: () => [LSCB_USERS.practitioner] }));
    expect((await store.createReview(sampleSnapshot({ reviewId: 'rev-owners', codename: 'Eider' }).review)).ok).toBe(true);
    const channel = privateChannels(world)[0]!;
    const roles = [...channel.members.values()].map((member) => `${world.double.state.users.get(member.userId)?.userPrincipalName}:${member.roles.join(',')}`).sort();
    expect(roles).toEqual([`${LSCB_USERS.panelChair}:owner`, `${LSCB_USERS.practitioner}:`, `${LSCB_USERS.reviewer}:owner`].sort());
  });
});

describe('permissions asked for when first used', () => {
  it('asks for no extra permission to read, names Channel.Create when creating a review, and explains a refusal', async () => {
    const world = await createGraphWorld(server);
    const asked: string[][] = [];
    const { store } = createGraphStorage(
      world.options({
        getAccessToken: async (scopes = []) => {
          asked.push([...scopes]);
          if (scopes.includes('Channel.Create')) throw new Error('AADSTS65001: The user or administrator has not consented');
          return world.reviewerToken;
        },
      }),
    );
    expect((await store.listReviews()).ok).toBe(true);
    expect(asked.every((scopes) => scopes.length === 0)).toBe(true);
    const refused = await store.createReview(sampleSnapshot({ reviewId: 'rev-no-consent', codename: 'Fulmar' }).review);
    expect(refused.ok ? 'ok' : refused.error.kind).toBe('permissionDenied');
    if (!refused.ok) expect(describeFailure(refused.error)).toMatch(/Channel\.Create.*administrator/);
    // Nothing else broke: the register is still readable.
    expect((await store.listReviews()).ok).toBe(true);
  });
});
