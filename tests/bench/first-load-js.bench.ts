// first-load-js (DESIGN §6): the gzipped JavaScript of the standalone first screen is at most 1.5× that of a bare
// Fluent v9 + teams-js app (tests/bench/bare-app), both built with Vite in the same run.
// The reviews list renders from the entry chunk, but its rows need standalone mode's data layer (dexie, zod, the
// model), a chunk src/host/standalone.ts starts fetching at once. So that nobody is misled, notes also give the JS
// fetched before the list shows data (the first screen plus that chunk), and all the JS start-up fetches with no
// interaction (also the header's theme switch, fetched as the header renders).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerBench } from './benches';
import { buildApp, firstLoad, loadedBefore } from './first-load';

export const FIRST_LOAD_RATIO_BUDGET = 1.5;

/** The chunk standalone start-up import()s at once: the data layer the reviews list waits for. */
export const STANDALONE_DATA_CHUNK = 'src/host/standalone-data.ts';
/** Chunks the first screen import()s as it renders, without waiting for anyone to do anything. */
export const FETCHED_AT_START_UP = [STANDALONE_DATA_CHUNK, 'src/ui/components/ThemeSwitch.tsx', 'src/ui/components/sync/SyncIndicator.tsx'];

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
const ratio = (bytes: number, baselineBytes: number): string => (bytes / baselineBytes).toFixed(2);

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
      const withData = loadedBefore(join(folder, 'app'), 'index.html', [STANDALONE_DATA_CHUNK]);
      const dataFiles = withData.files.filter((file) => !app.files.includes(file));
      const atStartUp = loadedBefore(join(folder, 'app'), 'index.html', FETCHED_AT_START_UP);
      return [
        {
          name: 'first-load-js',
          value: kb(app.gzipBytes),
          unit: 'KB gz',
          baseline: { name: 'bare Fluent v9 + teams-js', value: kb(bare.gzipBytes) },
          budget: { on: 'ratio', max: FIRST_LOAD_RATIO_BUDGET },
          notes: [
            `app first screen: ${app.files.join(', ')} (${kb(app.rawBytes)} KB minified)`,
            `before the reviews list shows data: ${kb(withData.gzipBytes)} KB gz (ratio ${ratio(withData.gzipBytes, bare.gzipBytes)}), ` +
              `the first screen + the data chunk started at once (${dataFiles.join(', ')}; fetched in parallel with the first render)`,
            `all JS fetched at start-up with no interaction: ${kb(atStartUp.gzipBytes)} KB gz (ratio ${ratio(atStartUp.gzipBytes, bare.gzipBytes)}), ` +
              `adding ${FETCHED_AT_START_UP.slice(1).join(', ')}`,
            `baseline: ${bare.files.join(', ')} (${kb(bare.rawBytes)} KB minified)`,
          ],
        },
      ];
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
});
