// Issue 8/9: the Graph store's delta watch reports the records that changed (not just "something changed"), and one
// edit in Microsoft 365 mode costs exactly one Graph request, with nothing re-read after a successful write.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGraphReviewStore } from '../../src/adapters/graph';
import type { ReviewChange } from '../../src/ports/review-store';
import { createGraphWorld, setupServer, type GraphWorld } from './harness';
import { sampleSnapshot } from './sample-review';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function importSample(world: GraphWorld) {
  const snapshot = sampleSnapshot();
  const imported = await world.store().importSnapshot(snapshot, { replace: false });
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  return snapshot;
}

describe('delta watch', () => {
  it('reports changed and removed records mapped to domain records, and unknown after a 410', { timeout: 40_000 }, async () => {
    const world = await createGraphWorld(server);
    const snapshot = await importSample(world);
    const store = createGraphReviewStore(world.options({ watchIntervalMs: 20, sleep: undefined }));
    expect((await store.loadReview(snapshot.review.id)).ok).toBe(true);
    const writer = world.store({ token: world.chairToken });
    const loaded = await writer.loadReview(snapshot.review.id);
    if (!loaded.ok) throw new Error('load failed');
    const changes: ReviewChange[] = [];
    const stop = store.watchReview(snapshot.review.id, (change) => changes.push(change));
    try {
      await vi.waitFor(() => expect(world.double.requests.some((entry) => entry.query.includes('token=latest'))).toBe(true));
      const participant = loaded.value.participants[0]!;
      const saved = await writer.updateRecord('participant', { ...participant, roleTitle: 'Changed by the chair' });
      expect(saved.ok).toBe(true);
      await vi.waitFor(() => expect(changes.length).toBeGreaterThan(0), { timeout: 10_000 });
      const first = changes[0]!;
      expect(first.kind).toBe('records');
      if (first.kind !== 'records') throw new Error('unreachable');
      expect(first.changed).toEqual([{ kind: 'participant', record: expect.objectContaining({ id: participant.id, roleTitle: 'Changed by the chair', version: participant.version + 1 }) }]);
      expect(first.removed).toEqual([]);

      changes.length = 0;
      const episode = loaded.value.episodes[0]!;
      expect((await writer.deleteRecord('episode', snapshot.review.id, episode.id, episode.version)).ok).toBe(true);
      await vi.waitFor(() => expect(changes.length).toBeGreaterThan(0), { timeout: 10_000 });
      expect(changes[0]).toEqual({ kind: 'records', review: null, changed: [], removed: [{ kind: 'episode', id: episode.id }] });

      changes.length = 0;
      world.double.expireDeltaTokens();
      await vi.waitFor(() => expect(changes.length).toBeGreaterThan(0), { timeout: 10_000 });
      expect(changes[0]).toEqual({ kind: 'unknown' });
    } finally {
      stop();
    }
  });
});

describe('writes', () => {
  it('costs exactly one Graph request per edit, with no read after a successful write', async () => {
    const world = await createGraphWorld(server);
    const snapshot = await importSample(world);
    const store = world.store();
    const loaded = await store.loadReview(snapshot.review.id);
    if (!loaded.ok) throw new Error('load failed');

    world.double.clearRequestLog();
    const participant = loaded.value.participants[0]!;
    const updated = await store.updateRecord('participant', { ...participant, roleTitle: 'Team manager (fictional)' });
    expect(updated.ok).toBe(true);
    expect(world.double.requests.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['PATCH 200']);

    world.double.clearRequestLog();
    if (!updated.ok) throw new Error('unreachable');
    const again = await store.updateRecord('participant', { ...updated.value, roleTitle: 'Senior social worker (fictional)' });
    expect(again.ok).toBe(true);
    expect(world.double.requests.map((entry) => entry.method)).toEqual(['PATCH']);

    world.double.clearRequestLog();
    const episode = loaded.value.episodes[0]!;
    expect((await store.deleteRecord('episode', snapshot.review.id, episode.id, episode.version)).ok).toBe(true);
    expect(world.double.requests.map((entry) => entry.method)).toEqual(['DELETE']);
  });

  it('recovers a create whose answer was a 504 after the item was stored, without a duplicate', async () => {
    const world = await createGraphWorld(server);
    const snapshot = await importSample(world);
    const store = world.store();
    const loaded = await store.loadReview(snapshot.review.id);
    if (!loaded.ok) throw new Error('load failed');
    const template = loaded.value.episodes[0]!;
    world.double.clearRequestLog();
    world.double.faults.script({ fault: { kind: 'errorAfterCommit', status: 504 }, match: { method: 'POST', path: '/items' } });
    const created = await store.createRecord('episode', { ...template, id: 'epi-after-504' as typeof template.id, version: 0 });
    expect(created.ok).toBe(true);
    const reloaded = await store.loadReview(snapshot.review.id);
    if (!reloaded.ok) throw new Error('load failed');
    expect(reloaded.value.episodes.filter((episode) => episode.id === 'epi-after-504')).toHaveLength(1);
    expect(world.double.requests.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/items'))).toHaveLength(1);
  });

  it('re-reads and retries a fields PATCH refused with 409 resourceModified when nothing else changed', async () => {
    const world = await createGraphWorld(server);
    const snapshot = await importSample(world);
    const store = world.store();
    const loaded = await store.loadReview(snapshot.review.id);
    if (!loaded.ok) throw new Error('load failed');
    world.double.faults.script({ fault: { kind: 'saveConflict' }, match: { method: 'PATCH' } });
    const participant = loaded.value.participants[0]!;
    const saved = await store.updateRecord('participant', { ...participant, roleTitle: 'After a save conflict' });
    expect(saved.ok ? saved.value.version : saved.error.kind).toBe(participant.version + 1);
  });
});
