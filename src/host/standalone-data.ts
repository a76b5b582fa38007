import { BundleService } from '../app/bundles';
import { ReviewService } from '../app/review-service';
import { DexieReviewStore } from '../adapters/local/dexie-review-store';
import { randomIds, systemClock } from '../adapters/local/system';
import { browserJournal } from '../adapters/local/browser-journal';

/** The IndexedDB database standalone mode keeps its reviews in. */
export const STANDALONE_DATABASE = 'learning-together';

export interface StandaloneData {
  readonly service: ReviewService;
  readonly bundles: BundleService;
}

/**
 * Standalone mode's data layer: the Dexie store and the services over it. A chunk of its own (dexie, zod, the
 * model), loaded by src/host/standalone.ts as the app starts, while the first screen renders.
 */
export function openStandaloneData(userName: string): StandaloneData {
  const store = new DexieReviewStore(STANDALONE_DATABASE);
  const deps = { store, clock: systemClock, ids: randomIds, actor: () => userName };
  return {
    service: new ReviewService({ ...deps, journal: browserJournal() }),
    bundles: new BundleService({ ...deps, producer: 'Learning Together for Teams (standalone)' }),
  };
}
