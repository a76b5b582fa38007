// save-one-record (DESIGN §6): one small edit through the review session costs the same whatever the size of the
// review: at most 1.3× the same edit on an empty review, at scales 1 and 4, from change to shown and to stored;
// and in Microsoft 365 mode exactly one Graph request per edit (the write), none to re-read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReviewService } from '../../src/app/review-service';
import { memoryJournal } from '../../src/app/session/memory-journal';
import { randomIds, systemClock } from '../../src/adapters/local/system';
import { generateLargeFixture } from '../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import { emptySnapshot, type ReviewSnapshot } from '../../src/domain/model';
import { createGraphWorld, setupServer } from '../graph-store/harness';
import { median, registerBench, type BenchResult } from './benches';
import type { SaveOneRecordResult } from './pages/save-one-record';
import { buildBenchPage, launchChromium, localContext, serveFolder } from './serve';

const RATIO_BUDGET = 1.3;
const SCALES = [1, 4] as const;

registerBench({
  name: 'save-one-record',
  description: 'one edit of an episode through the review session over IndexedDB in Chromium, on the large fixture (scales 1 and 4) against an empty review',
  async run({ quick, log }) {
    const outDir = mkdtempSync(join(tmpdir(), 'lt-bench-save-'));
    const browser = await launchChromium();
    let served: Awaited<ReturnType<typeof serveFolder>> | undefined;
    try {
      log('building the bench page with Vite');
      await buildBenchPage('save-one-record.html', outDir);
      served = await serveFolder(outDir);
      const page = await (await localContext(browser)).newPage();
      await page.goto(`${served.base}save-one-record.html`);
      await page.waitForFunction(() => window.benchReady === true);
      const runs = quick ? 5 : 21;
      const measure = (scale: number): Promise<SaveOneRecordResult> => page.evaluate((options) => window.runSaveOneRecord(options), { runs, scale });
      log('an empty review');
      const empty = await measure(0);
      const results: BenchResult[] = [];
      for (const scale of SCALES) {
        log(`the large fixture, scale ${scale}`);
        const large = await measure(scale);
        // The empty review again, so a busy moment falls on both alike.
        const again = await measure(0);
        const baselineStored = median([...empty.storedMs, ...again.storedMs]);
        const baselineShown = median([...empty.shownMs, ...again.shownMs]);
        const suffix = scale === 1 ? '' : `-x${scale}`;
        results.push(
          {
            name: `save-one-record${suffix}`,
            value: median(large.storedMs),
            unit: 'ms',
            baseline: { name: 'same-edit-empty-review', value: baselineStored },
            budget: { on: 'ratio', max: RATIO_BUDGET },
            notes: [`change to stored, median of ${runs}; ${large.records} records; whole-review reads while saving: ${large.reviewReads}`],
          },
          {
            name: `save-one-record-shown${suffix}`,
            value: median(large.shownMs),
            unit: 'ms',
            baseline: { name: 'same-edit-empty-review', value: baselineShown },
            budget: { on: 'ratio', max: RATIO_BUDGET },
            notes: [`change to shown (the session's listeners have run), median of ${runs}`],
          },
        );
      }
      return results;
    } finally {
      await browser.close();
      await served?.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
});

registerBench({
  name: 'save-one-record-graph',
  description: 'one edit through the review session over the SharePoint store and the Graph double: requests per edit, and time against an empty review',
  async run({ quick, log }) {
    const server = setupServer();
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const runs = quick ? 3 : 9;
      const results: BenchResult[] = [];
      const measure = async (snapshot: ReviewSnapshot) => {
        const world = await createGraphWorld(server);
        const store = world.store();
        const imported = await store.importSnapshot(snapshot, { replace: false });
        if (!imported.ok) throw new Error(`import failed: ${imported.error.kind}`);
        const service = new ReviewService({
          store,
          clock: systemClock,
          ids: randomIds,
          actor: () => 'Bench (fictional)',
          journal: memoryJournal(),
          editDelayMs: 0,
        });
        const opened = await service.openSession(snapshot.review.id);
        if (!opened.ok) throw new Error('open failed');
        const session = opened.value;
        const episodeId = snapshot.episodes[0]!.id;
        const times: number[] = [];
        const requests: number[] = [];
        for (let index = -2; index < runs; index++) {
          const current = session.getSnapshot().episodes.find((episode) => episode.id === episodeId)!;
          world.double.clearRequestLog();
          const start = performance.now();
          const stored = await session.apply({
            type: 'editRecord',
            kind: 'episode',
            id: episodeId,
            base: { description: current.description },
            changes: { description: `${current.description} ${index}` },
          });
          times.push(performance.now() - start);
          if (!stored.ok) throw new Error(`edit not stored: ${stored.error.kind}`);
          // The first two find where the review lives (its site and lists) once for the store's life: warm-up.
          if (index < 0) times.pop();
          else requests.push(world.double.requests.length);
        }
        session.close();
        return { time: median(times), requests };
      };
      const large = generateLargeFixture({ random: mulberry32(20260329) });
      log('an empty review over the double');
      const empty = await measure({ ...emptySnapshot(large.review), episodes: large.episodes.slice(0, 1) });
      log('the large fixture over the double');
      const measured = await measure(large);
      results.push({
        name: 'save-one-record-graph-requests',
        value: Math.max(...measured.requests),
        unit: 'requests per edit',
        budget: { on: 'value', max: 1, min: 1 },
        notes: [`each of ${runs} edits: ${measured.requests.join(', ')} request(s) (the PATCH of the item's fields)`],
      });
      results.push({
        name: 'save-one-record-graph',
        value: measured.time,
        unit: 'ms',
        baseline: { name: 'same-edit-empty-review', value: empty.time },
        budget: { on: 'ratio', max: RATIO_BUDGET },
        notes: [`median of ${runs}, in-process double without latency: the double's own work on larger lists counts on this side too`],
      });
      return results;
    } finally {
      server.close();
    }
  },
});
