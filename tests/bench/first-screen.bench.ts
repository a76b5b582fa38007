// first-screen (DESIGN §6): the standalone reviews list WITH its data shown, in at most 1.5× the time a bare
// Fluent v9 + teams-js app (tests/bench/bare-app) takes to paint, both built and measured in the same run, in
// Debian Chromium. Each run is a fresh document (warm browser cache), timed inside the page from the start of the
// navigation until the thing is on screen and two frames have been painted after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateLargeFixture } from '../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import { emptySnapshot } from '../../src/domain/model';
import { seedSnapshot } from '../e2e/support/seed-analysis';
import { median, registerBench, type BenchResult } from './benches';
import { buildApp } from './first-load';
import { launchChromium, localContext, serveFolder, type ServedFolder } from './serve';

export const FIRST_SCREEN_RATIO_BUDGET = 1.5;
const SEEDED_REVIEWS = 3;

/**
 * Resolves with milliseconds since the navigation started once `selector` matches at least `count` elements and
 * two frames have been painted after that. A string, so no build tool rewrites it on its way into the page.
 */
const READY_SCRIPT = (selector: string, count: number): string => `new Promise((resolve, reject) => {
  const started = performance.now();
  const check = () => {
    if (document.querySelectorAll(${JSON.stringify(selector)}).length >= ${count}) {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
    } else if (performance.now() - started > 30000) {
      reject(new Error('nothing matched ${selector.replace(/'/g, '')} within 30 s'));
    } else {
      requestAnimationFrame(check);
    }
  };
  check();
})`;

async function timeTo(page: Page, url: string, selector: string, count: number): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  return (await page.evaluate(READY_SCRIPT(selector, count))) as number;
}

/** The reviews list's rows (with codename, phase and dates): the data, not the empty table or a spinner. */
const LIST_ROWS = '[data-testid="reviews-table"] tbody tr[data-testid^="review-row-"]';
const LIST_HEADING = 'h1';
const BARE_PAINTED = 'h1';

registerBench({
  name: 'first-screen',
  description: 'the standalone reviews list with its data shown, against the paint of a bare Fluent v9 + teams-js app, in Chromium',
  async run({ quick, log }) {
    const folder = mkdtempSync(join(tmpdir(), 'lt-first-screen-'));
    const servers: ServedFolder[] = [];
    const browser = await launchChromium();
    try {
      log('building the app and the bare Fluent v9 + teams-js app');
      await buildApp({ outDir: join(folder, 'app') });
      await buildApp({ outDir: join(folder, 'bare'), root: join(import.meta.dirname, 'bare-app') });
      const app = await serveFolder(join(folder, 'app'));
      servers.push(app);
      const bare = await serveFolder(join(folder, 'bare'));
      servers.push(bare);

      const context = await localContext(browser);
      const page = await context.newPage();
      await page.goto(app.base);
      log(`seeding ${SEEDED_REVIEWS} reviews (one the large fixture) into IndexedDB`);
      const large = generateLargeFixture({ random: mulberry32(20260329) });
      await seedSnapshot(page, large);
      for (let index = 1; index < SEEDED_REVIEWS; index++) {
        await seedSnapshot(page, emptySnapshot({ ...large.review, id: `${large.review.id}-${index}` as typeof large.review.id, codename: `Review ${index} (fictional)` }));
      }

      const runs = quick ? 3 : 9;
      log(`warming up, then ${runs} runs of each, alternating`);
      await timeTo(page, app.base, LIST_ROWS, SEEDED_REVIEWS);
      await timeTo(page, bare.base, BARE_PAINTED, 1);
      const listTimes: number[] = [];
      const headingTimes: number[] = [];
      const bareTimes: number[] = [];
      for (let run = 0; run < runs; run++) {
        bareTimes.push(await timeTo(page, bare.base, BARE_PAINTED, 1));
        listTimes.push(await timeTo(page, app.base, LIST_ROWS, SEEDED_REVIEWS));
        headingTimes.push(await timeTo(page, app.base, LIST_HEADING, 1));
      }
      const result: BenchResult = {
        name: 'first-screen',
        value: median(listTimes),
        unit: 'ms',
        baseline: { name: 'bare Fluent v9 + teams-js paint', value: median(bareTimes) },
        budget: { on: 'ratio', max: FIRST_SCREEN_RATIO_BUDGET },
        notes: [
          `median of ${runs} fresh navigations each (warm browser cache), alternating; list with data: ${listTimes.map((ms) => ms.toFixed(0)).join(', ')} ms; bare: ${bareTimes.map((ms) => ms.toFixed(0)).join(', ')} ms`,
          `the reviews screen's heading alone (before its data): ${median(headingTimes).toFixed(0)} ms (ratio ${(median(headingTimes) / median(bareTimes)).toFixed(2)})`,
          `${SEEDED_REVIEWS} reviews in this browser's IndexedDB; the shipped public/config.json (tenant null), so standalone mode`,
        ],
      };
      return [result];
    } finally {
      await browser.close();
      for (const server of servers) await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
});
