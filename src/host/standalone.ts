import { ReviewService } from '../app/review-service';
import { DexieReviewStore } from '../adapters/local/dexie-review-store';
import { randomIds, systemClock } from '../adapters/local/system';
import type { AppServices } from '../ui/app-services';

const USER_NAME_KEY = 'lt.userName';

/** Standalone mode: IndexedDB in this browser, no sign-in. */
export function standaloneServices(): AppServices {
  const store = new DexieReviewStore('learning-together');
  const userName = localStorage.getItem(USER_NAME_KEY) ?? 'Reviewer (this browser)';
  const service = new ReviewService({ store, clock: systemClock, ids: randomIds, actor: () => userName });
  return { service, mode: 'standalone', userName };
}
