// FICTIONAL test data. The stand-ins standalone mode hands the screens while its data chunk loads
// (src/host/deferred-services.ts), over a real ReviewService and Dexie store (fake-indexeddb).
import { describe, expect, it } from 'vitest';
import { BundleService, type BundleOperations } from '../../src/app/bundles';
import type { ReviewOperations } from '../../src/app/review-service';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import type { ReviewId } from '../../src/domain/ids';
import { deferred, deferredOperations, deferredPart } from '../../src/host/deferred-services';
import { FICTIONAL_AGENCIES, createTestReview, testService } from '../fixtures/builders';

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

function realService(store = new DexieReviewStore(`deferred-test-${++databases}`)) {
  return { store, service: testService(store, `d${databases}`) };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));


describe('the deferred review service', () => {
  it('answers calls made before the load once it arrives, and later calls straight away', async () => {
    const { service } = realService();
    const gate = gatedLoader<ReviewOperations>(service);
    const facade = deferredOperations<ReviewOperations>(deferred(gate.load, "This browser's review store"));

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
    const facade = deferredOperations<ReviewOperations>(
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
    const again = await facade.listReviews();
    expect(again).toEqual({ ok: true, value: [] });
    expect(attempts).toBe(2);
  });

  it('also fails as a value when the loader throws before returning a promise', async () => {
    const facade = deferredOperations<ReviewOperations>(
      deferred((): Promise<ReviewOperations> => {
        throw new Error('no chunk');
      }, 'The store'),
    );
    const result = await facade.loadReview('rev-x' as ReviewId);
    expect(!result.ok && result.error.kind).toBe('unavailable');
  });

  it('is not mistaken for a promise, and names a method the real service lacks', async () => {
    const { service } = realService();
    const facade = deferredOperations<ReviewOperations>(deferred(async () => service, 'The store'));
    expect(await Promise.resolve(facade)).toBe(facade);
    const missing = await (facade as unknown as { noSuchUseCase: () => Promise<unknown> }).noSuchUseCase();
    expect(missing).toMatchObject({ ok: false, error: { kind: 'unavailable', what: 'noSuchUseCase' } });
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
    const bundles = deferredOperations<BundleOperations>(deferredPart(data, (loaded) => loaded.bundles));
    const reviews = deferredOperations<ReviewOperations>(deferredPart(data, (loaded) => loaded.service));

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
