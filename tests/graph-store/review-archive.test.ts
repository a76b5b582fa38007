// Archiving a finished review and removing its private channel after the retention period (ADR 0908), against the
// double's private-channel limit: an archived channel still counts, a removed one counts for 30 more days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphStorage } from '../../src/adapters/graph';
import { describeFailure } from '../../src/app/failure-messages';
import { LSCB_USERS } from '../graph-double';
import { APP_SCOPES, createGraphWorld, setupServer } from './harness';
import { sampleSnapshot } from './sample-review';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const DAY = 86_400_000;

function movableClock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), nowMs: () => now, advance: (ms: number) => void (now += ms) };
}

async function fullTeam() {
  const clock = movableClock();
  const world = await createGraphWorld(server, { privateChannelLimit: 2, now: clock.now });
  const coordinator = world.double.issueToken({
    upn: LSCB_USERS.reviewer,
    scopes: [...APP_SCOPES, 'ChannelSettings.ReadWrite.All', 'Channel.Delete.All'],
    expiresInSeconds: 400 * 86_400,
  });
  const storage = createGraphStorage(world.options({ privateChannelLimit: 2, archiveRetentionDays: 90, now: clock.nowMs, token: coordinator }));
  for (const [reviewId, codename] of [
    ['rev-avocet', 'Avocet'],
    ['rev-bittern', 'Bittern'],
  ] as const) {
    expect((await storage.store.createReview(sampleSnapshot({ reviewId, codename }).review)).ok).toBe(true);
  }
  const channelOf = (codename: string) =>
    [...world.double.state.teams.get(world.teamId)!.channels.values()].find((channel) => channel.displayName.includes(codename))!;
  return { clock, world, ...storage, channelOf };
}

describe('archiving a finished review and removing its channel', () => {
  it('archives: the channel becomes read-only in Teams, the review leaves the list, and the team is still full', async () => {
    const { archive, store, setup, channelOf } = await fullTeam();
    const archived = await archive.archive('rev-avocet');
    expect(archived.ok && archived.value).toMatchObject({
      reviewId: 'rev-avocet',
      codename: 'Avocet',
      archivedAt: '2026-03-02T09:00:00.000Z',
      removableFrom: '2026-05-31T09:00:00.000Z',
      channelRemovedAt: null,
      hasChannel: true,
    });
    expect(channelOf('Avocet').archivedAt).toBeDefined();
    const listed = await store.listReviews();
    expect(listed.ok && listed.value.map((summary) => summary.codename)).toEqual(['Bittern']);
    expect((await archive.archived()).ok && (await archive.archived())).toMatchObject({ ok: true, value: [{ reviewId: 'rev-avocet' }] });
    // An archived channel still exists, so it still counts.
    expect(await setup.privateChannelQuota()).toEqual({ ok: true, value: { limit: 2, inUse: 2, remaining: 0 } });
    // Archiving twice changes nothing.
    expect(await archive.archive('rev-avocet')).toEqual(archived);
  });

  it('refuses to remove the channel before the retention period is over, and says from when it can', async () => {
    const { archive, clock, channelOf } = await fullTeam();
    const notArchived = await archive.removeChannel('rev-bittern');
    expect(notArchived.ok ? 'ok' : describeFailure(notArchived.error)).toMatch(/Archive the review first/);
    expect((await archive.archive('rev-avocet')).ok).toBe(true);
    clock.advance(89 * DAY);
    const early = await archive.removeChannel('rev-avocet');
    expect(early.ok ? 'ok' : early.error.kind).toBe('blocked');
    expect(early.ok ? '' : describeFailure(early.error)).toMatch(/can be removed from 2026-05-31/);
    expect(channelOf('Avocet').deletedAt).toBeUndefined();
  });

  it('removes the channel after the retention period; Teams counts it for 30 more days, then a new review fits', async () => {
    const { archive, store, setup, clock, channelOf } = await fullTeam();
    expect((await archive.archive('rev-avocet')).ok).toBe(true);
    clock.advance(90 * DAY);
    const removed = await archive.removeChannel('rev-avocet');
    expect(removed.ok && removed.value.channelRemovedAt).toBe('2026-05-31T09:00:00.000Z');
    expect(channelOf('Avocet').deletedAt).toBeDefined();
    expect((await store.loadReview('rev-avocet' as never)).ok).toBe(false);
    // Deleted channels count for 30 days: the double refuses a third private channel, and the app says so first.
    expect(await setup.privateChannelQuota()).toEqual({ ok: true, value: { limit: 2, inUse: 2, remaining: 0 } });
    const tooSoon = await store.createReview(sampleSnapshot({ reviewId: 'rev-curlew', codename: 'Curlew' }).review);
    expect(tooSoon.ok ? 'ok' : describeFailure(tooSoon.error)).toMatch(/dedicated site/);
    await setup.abandon('rev-curlew');
    clock.advance(30 * DAY);
    expect(await setup.privateChannelQuota()).toEqual({ ok: true, value: { limit: 2, inUse: 1, remaining: 1 } });
    expect((await store.createReview(sampleSnapshot({ reviewId: 'rev-dunlin', codename: 'Dunlin' }).review)).ok).toBe(true);
  });

  it('asks for the archive and delete permissions only when used, and names them when refused', async () => {
    const { world } = await fullTeam();
    const plain = createGraphStorage(world.options({ privateChannelLimit: 2 }));
    const refused = await plain.archive.archive('rev-bittern');
    expect(refused.ok ? 'ok' : describeFailure(refused.error)).toMatch(/ChannelSettings\.ReadWrite\.All/);
  });
});
