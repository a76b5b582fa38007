import { describeFailure } from '../app/failure-messages';
import type { AppServices } from '../ui/app-services';
import type { BundleOperations } from '../app/bundles';
import type { ReviewOperations } from '../app/review-service';
import { deferred, deferredOperations, deferredPart } from './deferred-services';

const USER_NAME_KEY = 'lt.userName';

/**
 * Standalone mode: IndexedDB in this browser, no sign-in. The data layer is fetched as its own chunk, starting
 * now, so it downloads while the first screen renders; the screens get stand-ins that wait for it.
 */
export function standaloneServices(): AppServices {
  const userName = localStorage.getItem(USER_NAME_KEY) ?? 'Reviewer (this browser)';
  const data = deferred(async () => (await import('./standalone-data')).openStandaloneData(userName), "This browser's review store");
  void data.get();
  const bundles = deferredOperations<BundleOperations>(deferredPart(data, (loaded) => loaded.bundles));
  return {
    service: deferredOperations<ReviewOperations>(deferredPart(data, (loaded) => loaded.service)),
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
