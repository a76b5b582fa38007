// Runs in Chromium. Imports the generated (FICTIONAL) large fixture into IndexedDB through the real
// DexieReviewStore, then times loadReview: "open a review" as the standalone app does it.
import { DexieReviewStore } from '../../../src/adapters/local/dexie-review-store';
import { generateLargeFixture } from '../../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../../src/domain/fixtures/prng';
import type { ReviewId } from '../../../src/domain/ids';
import { ReviewSnapshotSchema } from '../../../src/domain/model';

export interface OpenReviewLocalResult {
  readonly loadMs: number[];
  /** The first load after opening the database afresh, reported apart from the warm runs. */
  readonly firstLoadMs: number;
  readonly rawGetAllMs: number[];
  /** Validating the loaded review against the schemas alone, to show where the time goes. */
  readonly validateMs: number[];
  readonly records: number;
  readonly userAgent: string;
}

const DATABASE = 'learning-together-bench';

function rawLoad(reviewId: string): Promise<number> {
  // The same data without Dexie or validation: one transaction, a get and an index getAll.
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DATABASE);
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const start = performance.now();
      const transaction = db.transaction(['reviews', 'records'], 'readonly');
      transaction.objectStore('reviews').get(reviewId);
      const rows = transaction.objectStore('records').index('reviewId').getAll(reviewId);
      transaction.oncomplete = () => {
        const elapsed = performance.now() - start;
        db.close();
        if (!Array.isArray(rows.result) || rows.result.length === 0) reject(new Error('raw getAll found no records'));
        else resolve(elapsed);
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

async function run(options: { runs: number; scale: number }): Promise<OpenReviewLocalResult> {
  await new Promise<void>((resolve) => {
    const deleting = indexedDB.deleteDatabase(DATABASE);
    deleting.onsuccess = deleting.onerror = deleting.onblocked = () => resolve();
  });
  const snapshot = generateLargeFixture({ random: mulberry32(20260329), scale: options.scale });
  const writer = new DexieReviewStore(DATABASE);
  const imported = await writer.importSnapshot(snapshot, { replace: true });
  if (!imported.ok) throw new Error(`import failed: ${imported.error.kind}`);
  writer.close();

  const reviewId = snapshot.review.id as ReviewId;
  const store = new DexieReviewStore(DATABASE);
  let start = performance.now();
  const first = await store.loadReview(reviewId);
  const firstLoadMs = performance.now() - start;
  if (!first.ok) throw new Error(`load failed: ${first.error.kind}`);
  const records = Object.values(first.value).reduce((sum, value) => sum + (Array.isArray(value) ? value.length : 0), 0);

  // The store's load and the raw read alternate, so a busy moment on a shared machine falls on both alike.
  await rawLoad(reviewId);
  const loadMs: number[] = [];
  const rawGetAllMs: number[] = [];
  for (let index = 0; index < options.runs; index++) {
    start = performance.now();
    const loaded = await store.loadReview(reviewId);
    loadMs.push(performance.now() - start);
    if (!loaded.ok) throw new Error(`load failed: ${loaded.error.kind}`);
    rawGetAllMs.push(await rawLoad(reviewId));
  }
  store.close();
  const validateMs: number[] = [];
  for (let index = 0; index < options.runs; index++) {
    start = performance.now();
    ReviewSnapshotSchema.safeParse(first.value);
    validateMs.push(performance.now() - start);
  }
  return { loadMs, firstLoadMs, rawGetAllMs, validateMs, records, userAgent: navigator.userAgent };
}

declare global {
  interface Window {
    runOpenReviewLocal: typeof run;
    benchReady: boolean;
  }
}
window.runOpenReviewLocal = run;
window.benchReady = true;
