// FICTIONAL test data: every name and agency here is invented.
// Two people edit one review at once through two sessions on two handles of one store (as two tabs do), with
// random commands, reloads in between and conflicts on the way. At the end both see what the store holds, no
// word either typed is lost, and every rule holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { ReviewService, addToSession } from '../../src/app/review-service';
import { memoryJournal } from '../../src/app/session/memory-journal';
import type { ReviewSession } from '../../src/app/session/review-session';
import type { Episode, ReviewSnapshot } from '../../src/domain/model';
import { snapshotIssues } from '../../src/domain/session/rules';
import { createTestReview } from '../fixtures/builders';

const FACTORS = ['fl-1-1', 'fl-1-2', 'fl-2-1', 'ls-1-1'];
const EPISODES = ['kpe-a', 'kpe-b'];

type Step =
  | { readonly who: 0 | 1; readonly op: 'append'; readonly episode: number; readonly field: 'description' | 'significance' }
  | { readonly who: 0 | 1; readonly op: 'tag'; readonly episode: number; readonly factor: number; readonly on: boolean }
  | { readonly who: 0 | 1; readonly op: 'add' }
  | { readonly who: 0 | 1; readonly op: 'flush' }
  | { readonly who: 0 | 1; readonly op: 'reload' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    who: fc.constantFrom(0 as const, 1 as const),
    op: fc.constant('append' as const),
    episode: fc.nat(1),
    field: fc.constantFrom('description' as const, 'significance' as const),
  }),
  fc.record({
    who: fc.constantFrom(0 as const, 1 as const),
    op: fc.constant('tag' as const),
    episode: fc.nat(1),
    factor: fc.nat(FACTORS.length - 1),
    on: fc.boolean(),
  }),
  fc.record({ who: fc.constantFrom(0 as const, 1 as const), op: fc.constant('add' as const) }),
  fc.record({ who: fc.constantFrom(0 as const, 1 as const), op: fc.constant('flush' as const) }),
  fc.record({ who: fc.constantFrom(0 as const, 1 as const), op: fc.constant('reload' as const) }),
);

let database = 0;

async function runSteps(steps: readonly Step[]): Promise<void> {
  const name = `session-property-${++database}`;
  const handles = [new DexieReviewStore(name), new DexieReviewStore(name)];
  const journals = [memoryJournal(), memoryJournal()];
  let generation = 0;
  const serviceFor = (who: 0 | 1) =>
    new ReviewService({
      store: handles[who]!,
      journal: journals[who]!,
      clock: steppingClock('2026-02-02T10:00:00.000Z', 1000),
      ids: sequentialIds(`p${database}w${who}g${++generation}`),
      actor: () => (who === 0 ? 'Ana (fictional)' : 'Ben (fictional)'),
      editDelayMs: 0,
    });
  const services = [serviceFor(0), serviceFor(1)];
  const review = await createTestReview(services[0]!);
  for (const id of EPISODES) {
    const added = await services[0]!.addRecord(
      'episode',
      review.id,
      { title: `Episode ${id} (fictional)`, period: { from: '2025-03-01', to: null }, description: 'Start.' },
      id,
    );
    if (!added.ok) throw new Error('setup');
  }
  const open = async (who: 0 | 1): Promise<ReviewSession> => {
    const opened = await services[who]!.openSession(review.id);
    if (!opened.ok) throw new Error('open');
    return opened.value;
  };
  const sessions = [await open(0), await open(1)];
  const typed: string[] = [];
  let token = 0;

  for (const next of steps) {
    const session = sessions[next.who]!;
    if (next.op === 'append') {
      const id = EPISODES[next.episode]!;
      const current = session.getSnapshot().episodes.find((episode) => episode.id === id);
      if (!current) continue;
      const word = `w${next.who}x${++token}`;
      typed.push(word);
      session.submit({
        type: 'editRecord',
        kind: 'episode',
        id,
        base: { [next.field]: current[next.field] },
        changes: { [next.field]: `${current[next.field]} ${word}`.trim() },
      });
    } else if (next.op === 'tag') {
      const id = EPISODES[next.episode]!;
      const current = session.getSnapshot().episodes.find((episode) => episode.id === id);
      if (!current) continue;
      session.submit({ type: 'setEpisodeFactor', episodeId: id, factorId: FACTORS[next.factor]!, tagged: next.on, tagId: `${id}.f${++token}` });
    } else if (next.op === 'add') {
      const word = `new${next.who}x${++token}`;
      typed.push(word);
      // Submitted at once (as a click does); its storing goes on in the background.
      void addToSession(session, 'episode', { title: `Added ${word}`, period: { from: '2025-04-01', to: null }, description: word });
    } else if (next.op === 'flush') {
      await session.flush();
    } else {
      // A reload: the page goes without waiting; the journal keeps what was not stored yet.
      session.close();
      services[next.who] = serviceFor(next.who);
      sessions[next.who] = await open(next.who);
    }
  }

  // Both settle whatever is left: every conflict kept both ways, then written.
  for (let round = 0; round < 6; round++) {
    for (const session of sessions) {
      await session.flush();
      const toSettle = session.getSyncState().conflicts;
      for (const conflict of toSettle) expect(session.settle(conflict.id, conflict.fields.length > 0 ? 'both' : 'mine').ok).toBe(true);
      await session.flush();
    }
  }
  // What each now shows equals what is stored (reading it again), and nothing typed is lost.
  const stored = await handles[0]!.loadReview(review.id);
  if (!stored.ok) throw new Error('load');
  for (const who of [0, 1] as const) {
    sessions[who]!.close();
    services[who] = serviceFor(who);
    const fresh = await open(who);
    await fresh.flush();
    expect(comparable(fresh.getSnapshot())).toEqual(comparable(await reloadOrThrow(handles[who]!, review.id)));
  }
  const final = await reloadOrThrow(handles[0]!, review.id);
  const text = final.episodes.map((episode) => `${episode.title} ${episode.description} ${episode.significance}`).join(' ');
  for (const word of typed) expect(text, `“${word}” was typed and must still be there`).toContain(word);
  expect(snapshotIssues(final, '2026-12-04T00:00:00.000Z')).toEqual([]);
  handles.forEach((handle) => handle.close());
}

async function reloadOrThrow(store: DexieReviewStore, reviewId: ReviewSnapshot['review']['id']): Promise<ReviewSnapshot> {
  const loaded = await store.loadReview(reviewId);
  if (!loaded.ok) throw new Error('load');
  return loaded.value;
}

const comparable = (snapshot: ReviewSnapshot) =>
  [...snapshot.episodes]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((episode: Episode) => ({
      id: episode.id,
      description: episode.description,
      significance: episode.significance,
      factors: episode.factors.map((tag) => tag.factorId).sort(),
    }));

describe('two sessions on one review', () => {
  it('converge on what the store holds, with no lost text and every rule holding, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), (steps) => runSteps(steps)),
      { numRuns: Number(process.env.SESSION_RUNS ?? 30), seed: Number(process.env.SESSION_SEED ?? 20261204) },
    );
  }, 120_000);
});
