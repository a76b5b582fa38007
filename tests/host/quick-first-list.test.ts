// FICTIONAL test data. The reviews list read with Dexie alone while standalone mode's data layer is still loading
// (src/host/standalone.ts, src/adapters/local/review-list-reader.ts, ADR 0852), over a real store (fake-indexeddb).
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { ReviewOperations } from '../../src/app/review-service';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { readReviewList } from '../../src/adapters/local/review-list-reader';
import { deferred, deferredOperations, deferredPart } from '../../src/host/deferred-services';
import { withQuickFirstList } from '../../src/host/standalone';
import type { StandaloneData } from '../../src/host/standalone-data';
import { opensReviewsList } from '../../src/host/standalone-database';
import { FICTIONAL_AGENCIES, testService } from '../fixtures/builders';

let databases = 0;

async function storeWithReviews(codenames: string[]) {
  const name = `quick-list-${++databases}`;
  const store = new DexieReviewStore(name);
  const service = testService(store, `q${databases}`);
  for (const codename of codenames) {
    const created = await service.createReview({
      codename,
      questions: ['What helped practitioners share what they knew? (fictional)'],
      trigger: 'routinePractice',
      periodUnderReview: { from: '2025-01-01', to: '2025-12-31' },
      agencies: FICTIONAL_AGENCIES,
    });
    expect(created.ok).toBe(true);
  }
  return { name, store, service };
}

const frames = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the quick reviews list', () => {
  it('reads the same summaries, in the same order, as the full store', async () => {
    const { name, store } = await storeWithReviews(['Heron', 'Kestrel', 'Wren']);
    const full = await store.listReviews();
    expect(full.ok && full.value.map((summary) => summary.codename).sort()).toEqual(['Heron', 'Kestrel', 'Wren']);
    expect(await readReviewList(name)).toEqual(full.ok ? full.value : null);
    store.close();
  });

  it('answers null, not a throw, when a stored row cannot be read, so the full store can word the failure', async () => {
    const name = `quick-list-damaged-${++databases}`;
    const raw = new Dexie(name);
    raw.version(1).stores({ reviews: 'id', records: '[reviewId+kind+id], reviewId' });
    await raw.table('reviews').put({ id: 'rev-damaged', rowFormat: 2, review: null });
    raw.close();
    expect(await readReviewList(name)).toBeNull();
  });

  it('answers the first list before the data layer loads, starts it after, and sends later calls to the full store', async () => {
    const { name, store, service } = await storeWithReviews(['Heron']);
    let loads = 0;
    const data = deferred(async (): Promise<StandaloneData> => {
      loads++;
      return { service, bundles: undefined as never };
    }, "This browser's review store");
    const full = deferredOperations<ReviewOperations>(deferredPart(data, (loaded) => loaded.service));
    const quick = withQuickFirstList(full, data, readReviewList(name));

    const first = await quick.listReviews();
    expect(first.ok && first.value.map((summary) => summary.codename)).toEqual(['Heron']);
    expect(loads).toBe(0);
    await frames();
    expect(loads).toBe(1);

    // A review created since is seen: the second call is the full store's.
    await service.createReview({
      codename: 'Kestrel',
      questions: ['What made sense at the time? (fictional)'],
      trigger: 'goodPractice',
      periodUnderReview: { from: '2025-01-01', to: '2025-06-30' },
      agencies: FICTIONAL_AGENCIES,
    });
    const second = await quick.listReviews();
    expect(second.ok && second.value.map((summary) => summary.codename).sort()).toEqual(['Heron', 'Kestrel']);
    store.close();
  });

  it('falls back to the full store when the quick read could not answer', async () => {
    const { store, service } = await storeWithReviews(['Wren']);
    const data = deferred(async (): Promise<StandaloneData> => ({ service, bundles: undefined as never }), 'store');
    const quick = withQuickFirstList(deferredOperations<ReviewOperations>(deferredPart(data, (loaded) => loaded.service)), data, Promise.resolve(null));
    const listed = await quick.listReviews();
    expect(listed.ok && listed.value.map((summary) => summary.codename)).toEqual(['Wren']);
    store.close();
  });

  it('is used only when the app opens on the reviews list', () => {
    expect(['', '#', '#/'].map(opensReviewsList)).toEqual([true, true, true]);
    expect(['#/reviews/rev-1', '#/reviews/new', '#/setup'].map(opensReviewsList)).toEqual([false, false, false]);
  });
});
