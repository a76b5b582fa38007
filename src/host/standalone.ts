import { describeFailure } from '../app/failure-messages';
import type { AppServices } from '../ui/app-services';
import type { BundleOperations } from '../app/bundles';
import type { ReviewOperations } from '../app/review-service';
import { ok } from '../domain/result';
import type { ReviewSummary } from '../domain/review-summary';
import { deferred, deferredOperations, deferredPart, type Deferred } from './deferred-services';
import { STANDALONE_DATABASE } from './standalone-database';
import type { StandaloneData } from './standalone-data';
import { ActingAsChoices } from '../app/access/acting-as';
import { browserActingAsStorage } from '../adapters/local/acting-as-storage';

const USER_NAME_KEY = 'lt.userName';

/**
 * Standalone mode: IndexedDB in this browser, no sign-in. The data layer (dexie, zod, the model, the services) is a
 * chunk of its own; the screens get stand-ins that wait for it. When the app opens on the reviews list, the list is
 * read first with Dexie alone and the data layer is loaded once the rows are on screen; anywhere else it is loaded at
 * once (DESIGN §6 first-screen, ADR 0852).
 */
export function standaloneServices(options: { readonly quickList: QuickListRead | null }): AppServices {
  const userName = localStorage.getItem(USER_NAME_KEY) ?? 'Reviewer (this browser)';
  const actingAs = new ActingAsChoices(browserActingAsStorage());
  const data = deferred(async () => (await import('./standalone-data')).openStandaloneData(userName, actingAs), "This browser's review store");
  if (options.quickList === null) void data.get();
  const bundles = deferredOperations<BundleOperations>(deferredPart(data, (loaded) => loaded.bundles));
  const service = deferredOperations<ReviewOperations>(deferredPart(data, (loaded) => loaded.service));
  return {
    service: options.quickList === null ? service : withQuickFirstList(service, data, options.quickList),
    mode: 'standalone',
    userName,
    actingAs,
    bundles,
    reports: async () => (await import('./report-services')).standaloneReportServices(),
    pooledLearning: async () => (await import('./pooled-learning-services')).standalonePooledLearning(),
    meetingCalendar: async () => (await import('./scheduling-services')).standaloneMeetingCalendar(),
    // The training case is imported lazily (its own chunk), and opened rather than copied if already here.
    loadTrainingCase: async () => {
      const opened = await bundles.openTrainingCase(async () => (await import('../domain/training-case')).trainingCaseBundle());
      if (!opened.ok) throw new Error(describeFailure(opened.error));
      return opened.value.reviewId;
    },
  };
}

/** The reviews list read with Dexie alone; null when it could not be read. */
export type QuickListRead = Promise<ReviewSummary[] | null>;

/** Starts reading the reviews list at once, before the mode is decided, alongside the config.json round trip. */
export function startQuickListRead(): QuickListRead {
  return import('../adapters/local/review-list-reader').then((reader) => reader.readReviewList(STANDALONE_DATABASE)).catch(() => null);
}

/**
 * The first `listReviews` is answered by a quick read of the database (Dexie alone); the data layer starts loading
 * after the rows have been painted. Every later call, and a quick read that could not answer, goes to the full store.
 */
export function withQuickFirstList(service: ReviewOperations, data: Deferred<StandaloneData>, quickList: QuickListRead): ReviewOperations {
  let quickReadUsed = false;
  const listReviews: ReviewOperations['listReviews'] = async () => {
    if (quickReadUsed) return service.listReviews();
    quickReadUsed = true;
    const quick = await quickList;
    if (quick === null) return service.listReviews();
    afterNextPaint(() => void data.get());
    return ok(quick);
  };
  return new Proxy(service, {
    get: (target, name, receiver) => (name === 'listReviews' ? listReviews : Reflect.get(target, name, receiver)),
  });
}

/** Runs `then` once the frame after the next has started, so what was just rendered is painted first. */
function afterNextPaint(then: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(then, 0);
    return;
  }
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(then, 0)));
}
