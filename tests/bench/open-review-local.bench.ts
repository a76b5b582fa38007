// open-review-local (DESIGN §6): load the large fixture from IndexedDB in Chromium in 150 ms or less.
// Also open-review-local-node: the same load through fake-indexeddb in Node, against JSON.parse of the same data.
import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { generateLargeFixture } from '../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import { median, registerBench, timeRuns, type BenchResult } from './benches';
import { buildBenchPage } from './serve';
import type { OpenReviewLocalResult } from './pages/open-review-local';

const OPEN_REVIEW_BUDGET_MS = 150;
/** DESIGN §6: at most 1.3× a raw getAll of the same rows, at every scale. */
const OPEN_REVIEW_RATIO_BUDGET = 1.3;
const SCALES = [1, 2, 4] as const;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

registerBench({
  name: 'open-review-local-node',
  description: 'loadReview of the large fixture from the Dexie store over fake-indexeddb in Node, against JSON.parse of the same review',
  async run({ quick, log }) {
    const runs = quick ? 3 : 9;
    const snapshot = generateLargeFixture({ random: mulberry32(20260329) });
    const store = new DexieReviewStore(`bench-open-review-node-${Date.now()}`);
    try {
      log('importing the large fixture into fake-indexeddb');
      const imported = await store.importSnapshot(snapshot, { replace: true });
      if (!imported.ok) throw new Error(`import failed: ${imported.error.kind}`);
      const load = await timeRuns(
        async () => {
          const loaded = await store.loadReview(snapshot.review.id);
          if (!loaded.ok) throw new Error(`load failed: ${loaded.error.kind}`);
        },
        { warmup: 1, runs },
      );
      const text = JSON.stringify(snapshot);
      const parse = await timeRuns(() => JSON.parse(text), { warmup: 1, runs });
      return [
        {
          name: 'open-review-local-node',
          value: median(load),
          unit: 'ms',
          baseline: { name: 'json-parse', value: median(parse) },
          notes: [`median of ${runs} runs; ${(text.length / 1e6).toFixed(1)} MB of JSON; no budget (the budget is for Chromium)`],
        },
      ];
    } finally {
      store.close();
    }
  },
});

registerBench({
  name: 'open-review-local',
  description: 'loadReview of the large fixture (scales 1, 2 and 4) from IndexedDB in Chromium, with the real Dexie store, against a raw IndexedDB getAll',
  async run({ quick, log }) {
    const outDir = mkdtempSync(join(tmpdir(), 'lt-bench-page-'));
    let server: Server | undefined;
    const browser = await launch();
    try {
      log('building the bench page with Vite');
      await buildBenchPage('open-review-local.html', outDir);
      server = await serveFolder(outDir);
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('the bench server has no address');
      const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
      // Nothing leaves this machine.
      await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]).*/, (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${address.port}/open-review-local.html`);
      await page.waitForFunction(() => window.benchReady === true);
      const runs = quick ? 3 : 9;
      const results: BenchResult[] = [];
      for (const scale of SCALES) {
        log(`running in Chromium, scale ${scale}`);
        const measured: OpenReviewLocalResult = await page.evaluate((options) => window.runOpenReviewLocal(options), { runs, scale });
        // Scale 1 keeps the bench's old name; the others say their scale.
        results.push({
          name: scale === 1 ? 'open-review-local' : `open-review-local-x${scale}`,
          value: median(measured.loadMs),
          unit: 'ms',
          baseline: { name: 'raw-indexeddb-getall', value: median(measured.rawGetAllMs) },
          budget: [
            { on: 'value', max: OPEN_REVIEW_BUDGET_MS },
            { on: 'ratio', max: OPEN_REVIEW_RATIO_BUDGET },
          ],
          notes: [
            `median of ${runs} warm runs, each alternating with a raw read; load ${measured.loadMs.map((ms) => ms.toFixed(0)).join(', ')} ms; raw ${measured.rawGetAllMs.map((ms) => ms.toFixed(0)).join(', ')} ms`,
            `first load after opening the database ${measured.firstLoadMs.toFixed(1)} ms; ${measured.records} records`,
            `for comparison: a full schema check of the loaded review (what rows written before ADR 0850 still cost) ${median(measured.validateMs).toFixed(1)} ms (median)`,
            ...(scale === 1 ? [measured.userAgent.replace(/^Mozilla\/5\.0 /, '')] : []),
          ],
        });
      }
      return results;
    } finally {
      await browser.close();
      await new Promise<void>((resolveClose) => (server ? server.close(() => resolveClose()) : resolveClose()));
      rmSync(outDir, { recursive: true, force: true });
    }
  },
});

function launch() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.map': 'application/json' };

/** A static server for the built page, on 127.0.0.1 only. */
function serveFolder(folder: string): Promise<Server> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)));
    if (!path.startsWith(root) || !statSync(path, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen(server)));
}
