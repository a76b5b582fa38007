import type { ReviewChange } from '../../src/ports/review-store';
// FICTIONAL test data. The stand-ins standalone mode hands the screens while its data chunk loads
// (src/host/deferred-services.ts), over a real ReviewService and Dexie store (fake-indexeddb).
import { describe, expect, it } from 'vitest';
import { BundleService } from '../../src/app/bundles';
import type { ReviewOperations } from '../../src/app/review-service';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import type { ReviewId } from '../../src/domain/ids';
import { deferred, deferredBundleService, deferredPart, deferredReviewService } from '../../src/host/deferred-services';
import { FICTIONAL_AGENCIES, createTestReview, testService } from '../fixtures/builders';

/** A Dexie store that counts watch subscriptions made and ended. */
class CountingStore extends DexieReviewStore {
  subscribed = 0;
  unsubscribed = 0;
  override watchReview(reviewId: ReviewId, onChange: (change: ReviewChange) => void): () => void {
    this.subscribed++;
    const stop = super.watchReview(reviewId, onChange);
    return () => {
      this.unsubscribed++;
      stop();
    };
  }
}

let databases = 0;

/** A loader the test releases by hand, as a chunk download would finish. */
function gatedLoader<T>(value: T) {
  let release: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const gate = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  let loads = 0;
  const load = async (): Promise<T> => {
    loads++;
    await gate;
    return value;
  };
  return { load, release: () => release(), fail: (error: Error) => fail(error), loads: () => loads };
}

function realService(store = new CountingStore(`deferred-test-${++databases}`)) {
  return { store, service: testService(store, `d${databases}`) };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('the deferred review service', () => {
  it('answers calls made before the load once it arrives, and later calls straight away', async () => {
    const { service } = realService();
    const gate = gatedLoader<ReviewOperations>(service);
    const facade = deferredReviewService(deferred(gate.load, "This browser's review store"));

    let answered = false;
    const early = facade.listReviews().then((result) => {
      answered = true;
      return result;
    });
    await settled();
    expect(answered).toBe(false);

    gate.release();
    expect(await early).toEqual({ ok: true, value: [] });

    const creating = await facade.createReview({
      codename: 'Heron',
      questions: ['What helped practitioners notice the risk? (fictional)'],
      trigger: 'routinePractice',
      periodUnderReview: { from: '2025-01-01', to: '2025-12-31' },
      agencies: FICTIONAL_AGENCIES,
      fictional: true,
    });
    if (!creating.ok) throw new Error(JSON.stringify(creating.error));
    const created = creating.value;
    const listed = await facade.listReviews();
    expect(listed.ok && listed.value.map((review) => review.codename)).toEqual(['Heron']);
    // The real service did the work: its own store sees the review.
    const direct = await service.loadReview(created.id);
    expect(direct.ok && direct.value.review.codename).toBe('Heron');
    // Generic calls keep their kinds.
    const member = await facade.addRecord('teamMember', created.id, { name: 'Sam Fictional', role: 'leadReviewer' });
    expect(member.ok && member.value.name).toBe('Sam Fictional');
    // A caller's own id is passed on (step notes derive theirs, so two facilitators meet on one record).
    const named = await facade.addRecord('teamMember', created.id, { name: 'Lee Fictional', role: 'facilitator' }, 'tm-chosen-id');
    expect(named.ok && named.value.id).toBe('tm-chosen-id');
    // Many calls, one load.
    expect(gate.loads()).toBe(1);
  });

  it('turns a failed load into an "unavailable" failure, not a throw, and loads again on the next call', async () => {
    const { service } = realService();
    let attempts = 0;
    const facade = deferredReviewService(
      deferred(async () => {
        attempts++;
        if (attempts === 1) throw new Error('Failed to fetch dynamically imported module');
        return service;
      }, "This browser's review store"),
    );

    const failed = await facade.listReviews();
    expect(failed).toEqual({
      ok: false,
      error: {
        kind: 'unavailable',
        what: "This browser's review store",
        detail: 'it could not be loaded: Failed to fetch dynamically imported module',
        retryable: false,
      },
    });
    const store = await facade.store.listReviews();
    expect(store).toEqual({ ok: true, value: [] });
    expect(attempts).toBe(2);
  });

  it('also fails as a value when the loader throws before returning a promise', async () => {
    const facade = deferredReviewService(
      deferred((): Promise<ReviewOperations> => {
        throw new Error('no chunk');
      }, 'The store'),
    );
    const result = await facade.loadReview('rev-x' as ReviewId);
    expect(!result.ok && result.error.kind).toBe('unavailable');
  });

  it('subscribes a watch once the store is loaded, and hears changes through it', async () => {
    const { store, service } = realService();
    const review = await createTestReview(service, 'Kingfisher');
    const gate = gatedLoader<ReviewOperations>(service);
    const facade = deferredReviewService(deferred(gate.load, 'The store'));

    let changes = 0;
    const stop = facade.store.watchReview(review.id, () => changes++);
    await settled();
    expect(store.subscribed).toBe(0);

    gate.release();
    await waitFor(() => store.subscribed === 1, 'the subscription');
    // liveQuery's first answer is the baseline; wait for it before changing anything.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const renamed = await facade.updateReview(review, { codename: 'Kingfisher Two' });
    expect(renamed.ok).toBe(true);
    await waitFor(() => changes > 0, 'the change notification');

    stop();
    expect(store.unsubscribed).toBe(1);
  });

  it('never subscribes a watch that was stopped before the store arrived', async () => {
    const { store, service } = realService();
    const gate = gatedLoader<ReviewOperations>(service);
    const facade = deferredReviewService(deferred(gate.load, 'The store'));

    const stop = facade.store.watchReview('rev-unwatched' as ReviewId, () => undefined);
    stop();
    gate.release();
    expect(await facade.listReviews()).toEqual({ ok: true, value: [] });
    await settled();
    expect(store.subscribed).toBe(0);
    expect(store.unsubscribed).toBe(0);
    // Stopping twice is harmless.
    stop();
    expect(store.unsubscribed).toBe(0);
  });

  it('leaves a watch silent when the store cannot be loaded', async () => {
    const facade = deferredReviewService(deferred((): Promise<ReviewOperations> => Promise.reject(new Error('offline')), 'The store'));
    const stop = facade.store.watchReview('rev-x' as ReviewId, () => {
      throw new Error('should not be called');
    });
    await settled();
    expect(() => stop()).not.toThrow();
  });
});

describe('the deferred bundle service', () => {
  it('waits for the shared load and answers through the real bundle service', async () => {
    const store = new DexieReviewStore(`deferred-test-${++databases}`);
    const deps = { store, clock: steppingClock('2026-03-28T09:00:00.000Z', 60_000), ids: sequentialIds('b'), actor: () => 'Test Reviewer (fictional)' };
    const service = testService(store, 'b');
    const review = await createTestReview(service, 'Plover');
    const gate = gatedLoader({ service, bundles: new BundleService(deps) });
    const data = deferred(gate.load, 'The store');
    const bundles = deferredBundleService(deferredPart(data, (loaded) => loaded.bundles));
    const reviews = deferredReviewService(deferredPart(data, (loaded) => loaded.service));

    const exporting = bundles.exportBundle(review.id);
    const listing = reviews.listReviews();
    gate.release();
    const exported = await exporting;
    expect(exported.ok && exported.value.bundle.snapshot.review.codename).toBe('Plover');
    expect((await listing).ok).toBe(true);
    // The service and the bundles share one load of the data chunk.
    expect(gate.loads()).toBe(1);
  });
});
