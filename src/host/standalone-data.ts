import { BundleService } from '../app/bundles';
import { ReviewService } from '../app/review-service';
import { DexieReviewStore } from '../adapters/local/dexie-review-store';
import { randomIds, systemClock } from '../adapters/local/system';
import { browserJournal } from '../adapters/local/browser-journal';
import type { ActingAsChoices } from '../app/access/acting-as';
import { actorFor, leadReviewerActor } from '../domain/access';

import { STANDALONE_DATABASE } from './standalone-database';

export interface StandaloneData {
  readonly service: ReviewService;
  readonly bundles: BundleService;
}

/**
 * Standalone mode's data layer: the Dexie store and the services over it. A chunk of its own (dexie, zod, the
 * model), loaded by src/host/standalone.ts as the app starts, while the first screen renders.
 */
export function openStandaloneData(userName: string, actingAs?: ActingAsChoices): StandaloneData {
  const store = new DexieReviewStore(STANDALONE_DATABASE);
  const deps = { store, clock: systemClock, ids: randomIds, actor: () => userName };
  return {
    service: new ReviewService({
      ...deps,
      journal: browserJournal(),
      // Who this browser's user acts as in each review (chosen in the review's header; the lead reviewer until then).
      access: (snapshot) => {
        const choice = actingAs?.get(snapshot.review.id) ?? null;
        return (choice && actorFor(snapshot, choice)) ?? leadReviewerActor(userName);
      },
    }),
    bundles: new BundleService({ ...deps, producer: 'Learning Together for Teams (standalone)' }),
  };
}
