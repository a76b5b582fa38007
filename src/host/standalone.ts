import { BundleService } from '../app/bundles';
import { describeFailure } from '../app/failure-messages';
import { ReviewService } from '../app/review-service';
import { DexieReviewStore } from '../adapters/local/dexie-review-store';
import { randomIds, systemClock } from '../adapters/local/system';
import type { AppServices } from '../ui/app-services';

const USER_NAME_KEY = 'lt.userName';

/** Standalone mode: IndexedDB in this browser, no sign-in. */
export function standaloneServices(): AppServices {
  const store = new DexieReviewStore('learning-together');
  const userName = localStorage.getItem(USER_NAME_KEY) ?? 'Reviewer (this browser)';
  const deps = { store, clock: systemClock, ids: randomIds, actor: () => userName };
  const service = new ReviewService(deps);
  const bundles = new BundleService({ ...deps, producer: 'Learning Together for Teams (standalone)' });
  return {
    service,
    mode: 'standalone',
    userName,
    bundles,
    // The training case is imported lazily (its own chunk), and opened rather than copied if already here.
    loadTrainingCase: async () => {
      const opened = await bundles.openTrainingCase(async () => (await import('../domain/training-case')).trainingCaseBundle());
      if (!opened.ok) throw new Error(describeFailure(opened.error));
      return opened.value.reviewId;
    },
  };
}
