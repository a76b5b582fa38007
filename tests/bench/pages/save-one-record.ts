// Runs in Chromium. One small edit (an episode's description) through the app's real review session over the real
// Dexie store and edit journal, on a review of a given size: the time until the edit is shown (the session's view
// has it and its listeners have run) and until it is stored (the store has confirmed it). FICTIONAL data.
import { DexieReviewStore } from '../../../src/adapters/local/dexie-review-store';
import { browserJournal } from '../../../src/adapters/local/browser-journal';
import { randomIds, systemClock } from '../../../src/adapters/local/system';
import { ReviewService } from '../../../src/app/review-service';
import { generateLargeFixture } from '../../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../../src/domain/fixtures/prng';
import type { ReviewId } from '../../../src/domain/ids';
import { emptySnapshot, type ReviewSnapshot } from '../../../src/domain/model';

export interface SaveOneRecordResult {
  readonly shownMs: number[];
  readonly storedMs: number[];
  /** Whole-review reads during the edits: the save path must have none. */
  readonly reviewReads: number;
  readonly records: number;
}

const DATABASE = 'learning-together-bench-save';

/** The review at a scale; scale 0 is an empty review holding only the one episode edited. */
function reviewAt(scale: number): ReviewSnapshot {
  const large = generateLargeFixture({ random: mulberry32(20260329), scale: Math.max(1, scale) });
  if (scale > 0) return large;
  return { ...emptySnapshot(large.review), episodes: large.episodes.slice(0, 1) };
}

async function run(options: { runs: number; scale: number }): Promise<SaveOneRecordResult> {
  await new Promise<void>((resolve) => {
    const deleting = indexedDB.deleteDatabase(DATABASE);
    deleting.onsuccess = deleting.onerror = deleting.onblocked = () => resolve();
  });
  localStorage.clear();
  const snapshot = reviewAt(options.scale);
  const store = new DexieReviewStore(DATABASE);
  const imported = await store.importSnapshot(snapshot, { replace: true });
  if (!imported.ok) throw new Error(`import failed: ${imported.error.kind}`);
  let reviewReads = 0;
  const loadReview = store.loadReview.bind(store);
  store.loadReview = (reviewId) => {
    reviewReads++;
    return loadReview(reviewId);
  };
  const service = new ReviewService({ store, clock: systemClock, ids: randomIds, actor: () => 'Bench (fictional)', journal: browserJournal(), editDelayMs: 0 });
  const opened = await service.openSession(snapshot.review.id as ReviewId);
  if (!opened.ok) throw new Error('open failed');
  const session = opened.value;
  reviewReads = 0;
  const episodeId = snapshot.episodes[0]!.id;
  const shownMs: number[] = [];
  const storedMs: number[] = [];
  for (let index = 0; index < options.runs + 2; index++) {
    const current = session.getSnapshot().episodes.find((episode) => episode.id === episodeId)!;
    let shownAt = 0;
    const stop = session.subscribe(() => {
      if (shownAt === 0) shownAt = performance.now();
    });
    const start = performance.now();
    const submitted = session.submit({
      type: 'editRecord',
      kind: 'episode',
      id: episodeId,
      base: { description: current.description },
      changes: { description: `${current.description} ${index}` },
    });
    if (!submitted.accepted.ok) throw new Error('edit refused');
    const stored = await submitted.stored;
    const end = performance.now();
    stop();
    if (!stored.ok) throw new Error(`edit not stored: ${stored.error.kind}`);
    // The first two are warm-up.
    if (index >= 2) {
      shownMs.push(shownAt - start);
      storedMs.push(end - start);
    }
  }
  session.close();
  store.close();
  const records = Object.values(snapshot).reduce((sum, value) => sum + (Array.isArray(value) ? value.length : 0), 0);
  return { shownMs, storedMs, reviewReads, records };
}

declare global {
  interface Window {
    runSaveOneRecord: typeof run;
    benchReady: boolean;
  }
}

window.runSaveOneRecord = run;
window.benchReady = true;
