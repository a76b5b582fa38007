// first-load-js (DESIGN §6): the gzipped JavaScript of the standalone first screen is at most 1.5× that of a bare
// Fluent v9 + teams-js app (tests/bench/bare-app), both built with Vite in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerBench } from './benches';
import { buildApp, firstLoad } from './first-load';

export const FIRST_LOAD_RATIO_BUDGET = 1.5;

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

registerBench({
  name: 'first-load-js',
  description: 'gzipped JS of the standalone first screen, against a bare Fluent v9 + teams-js app built in the same run',
  async run({ log }) {
    const folder = mkdtempSync(join(tmpdir(), 'lt-first-load-'));
    try {
      log('building the app (production)');
      await buildApp({ outDir: join(folder, 'app') });
      log('building the bare Fluent v9 + teams-js app');
      await buildApp({ outDir: join(folder, 'bare'), root: join(import.meta.dirname, 'bare-app') });
      const app = firstLoad(join(folder, 'app'));
      const bare = firstLoad(join(folder, 'bare'));
      return [
        {
          name: 'first-load-js',
          value: kb(app.gzipBytes),
          unit: 'KB gz',
          baseline: { name: 'bare Fluent v9 + teams-js', value: kb(bare.gzipBytes) },
          budget: { on: 'ratio', max: FIRST_LOAD_RATIO_BUDGET },
          notes: [
            `app first screen: ${app.files.join(', ')} (${kb(app.rawBytes)} KB minified)`,
            `baseline: ${bare.files.join(', ')} (${kb(bare.rawBytes)} KB minified)`,
          ],
        },
      ];
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
});
