// workspace-interactive: from navigation to a usable key practice episodes table for the large fixture (250 episodes,
// 1,500 factor tags), in Chromium, with the real app. Baseline, measured in the same run: the same screen for an
// empty review, so the ratio says what the analysis data costs on this machine.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { generateLargeFixture } from '../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import { emptySnapshot } from '../../src/domain/model';
import { seedSnapshot } from '../e2e/support/seed-analysis';
import { median, registerBench, type BenchResult } from './benches';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** DESIGN §6: a team member opening the episodes of a big review waits no more than a second... */
export const WORKSPACE_INTERACTIVE_BUDGET_MS = 1000;
/** ...and at most 1.3× what an empty review's episodes take, at scales 1 and 4. */
export const WORKSPACE_INTERACTIVE_RATIO_BUDGET = 1.3;
const SCALES = [1, 4] as const;

/**
 * Resolves, inside the page, with milliseconds since the navigation started once the episodes table is usable:
 * the heading and "Add episode" are there, the table shows its first rows (or the empty review's count), and a
 * frame has been painted after that. A string, so no build tool rewrites it on its way into the page.
 */
const READY_SCRIPT = (expectRows: boolean): string => `new Promise((resolve, reject) => {
  const started = performance.now();
  const check = () => {
    const table = document.querySelector('[data-testid="episodes-table"]');
    const count = document.querySelector('[data-testid="episodes-count"]');
    const add = [...document.querySelectorAll('button')].find((button) => button.textContent.trim() === 'Add episode' && !button.disabled);
    const rows = table ? table.querySelectorAll('tbody tr[data-row-key]').length : 0;
    const ready = table && count && add && (${expectRows} ? rows > 0 : count.textContent.trim() === '0 episodes');
    if (ready) {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
    } else if (performance.now() - started > 30000) {
      reject(new Error('the episodes table did not become usable within 30 s'));
    } else {
      requestAnimationFrame(check);
    }
  };
  check();
})`;

async function timeToUsable(page: Page, url: string, expectRows: boolean): Promise<number> {
  // A fresh document each time: a hash change alone would reuse the running app.
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  return (await page.evaluate(READY_SCRIPT(expectRows))) as number;
}

registerBench({
  name: 'workspace-interactive',
  description: 'Navigation to a usable key practice episodes table for the large fixture in Chromium, against the same screen for an empty review',
  async run({ quick, log }) {
    const outDir = mkdtempSync(join(tmpdir(), 'lt-bench-app-'));
    let server: Server | undefined;
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    try {
      log('building the app with Vite');
      await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
      server = await serveFolder(outDir);
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('the bench server has no address');
      const base = `http://127.0.0.1:${address.port}/`;

      const larges = SCALES.map((scale) => generateLargeFixture({ random: mulberry32(20260329), scale }));
      const large = larges[0]!;
      const empty = emptySnapshot({ ...large.review, id: `${large.review.id}-empty` as typeof large.review.id, codename: 'Empty (fictional)' });
      const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 900 } });
      // Nothing leaves this machine.
      await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|about:).*/, (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      await page.goto(base);
      log('seeding the large fixture (scales 1 and 4) and an empty review into IndexedDB');
      for (const snapshot of larges) await seedSnapshot(page, snapshot);
      await seedSnapshot(page, empty);

      const runs = quick ? 2 : 5;
      const urlOf = (reviewId: string) => `${base}#/reviews/${encodeURIComponent(reviewId)}/episodes`;
      const emptyUrl = urlOf(empty.review.id);
      log(`warming up, then ${runs} runs of each, alternating with the empty review`);
      for (const snapshot of larges) await timeToUsable(page, urlOf(snapshot.review.id), true);
      await timeToUsable(page, emptyUrl, false);
      const largeTimes: number[][] = larges.map(() => []);
      const emptyTimes: number[] = [];
      for (let run = 0; run < runs; run++) {
        emptyTimes.push(await timeToUsable(page, emptyUrl, false));
        for (const [index, snapshot] of larges.entries()) largeTimes[index]!.push(await timeToUsable(page, urlOf(snapshot.review.id), true));
      }
      const times = (list: readonly number[]) => list.map((time) => time.toFixed(0)).join(', ');
      return larges.map((snapshot, index): BenchResult => {
        const tags = snapshot.episodes.reduce((sum, episode) => sum + episode.factors.length, 0);
        const scale = SCALES[index]!;
        return {
          name: scale === 1 ? 'workspace-interactive' : `workspace-interactive-x${scale}`,
          value: median(largeTimes[index]!),
          unit: 'ms',
          baseline: { name: 'workspace-interactive-empty', value: median(emptyTimes) },
          budget: [
            { on: 'value', max: WORKSPACE_INTERACTIVE_BUDGET_MS },
            { on: 'ratio', max: WORKSPACE_INTERACTIVE_RATIO_BUDGET },
          ],
          notes: [
            `median of ${runs} cold navigations each (fresh document, warm browser cache); large x${scale}: ${times(largeTimes[index]!)} ms; empty: ${times(emptyTimes)} ms`,
            `large fixture x${scale}: ${snapshot.episodes.length} episodes, ${tags} factor tags, ${snapshot.narrative.length} narrative entries`,
          ],
        };
      });
    } finally {
      await browser.close();
      await new Promise<void>((resolveClose) => (server ? server.close(() => resolveClose()) : resolveClose()));
      rmSync(outDir, { recursive: true, force: true });
    }
  },
});

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** The built app on 127.0.0.1 only; unknown paths get index.html, as a static host would for the hash-routed app. */
function serveFolder(folder: string): Promise<Server> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    const requested = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)));
    const path = requested.startsWith(root) && statSync(requested, { throwIfNoEntry: false })?.isFile() ? requested : join(root, 'index.html');
    response.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen(server)));
}
