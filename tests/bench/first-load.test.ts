// How the first-load-js bench reads a Vite manifest (tests/bench/first-load.ts): a small hand-made build output.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { firstLoad, loadedBefore } from './first-load';

const folder = mkdtempSync(join(tmpdir(), 'lt-first-load-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'assets/main.js': 'import "./vendor.js"; const data = () => import("./data.js"); const lazy = () => import("./screen.js");',
  'assets/vendor.js': 'export const react = "r".repeat(500);',
  'assets/data.js': 'import "./zod.js"; import "./vendor.js"; export const store = 1;',
  'assets/zod.js': 'export const z = "z".repeat(300);',
  'assets/screen.js': 'export const screen = "s".repeat(200);',
};
mkdirSync(join(folder, 'assets'));
mkdirSync(join(folder, '.vite'));
for (const [file, text] of Object.entries(FILES)) writeFileSync(join(folder, file), text);
writeFileSync(
  join(folder, '.vite', 'manifest.json'),
  JSON.stringify({
    'index.html': { file: 'assets/main.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/data.ts', 'src/screen.tsx'] },
    '_vendor.js': { file: 'assets/vendor.js' },
    'src/data.ts': { file: 'assets/data.js', isDynamicEntry: true, imports: ['_zod.js', '_vendor.js'] },
    '_zod.js': { file: 'assets/zod.js' },
    'src/screen.tsx': { file: 'assets/screen.js', isDynamicEntry: true },
  }),
);

const gz = (files: readonly string[]) => files.reduce((sum, file) => sum + gzipSync(FILES[file] ?? '', { level: 9 }).length, 0);

describe('the first load of a build', () => {
  it('counts the entry and its static imports, not what it loads with import()', () => {
    const first = firstLoad(folder);
    expect(first.files).toEqual(['assets/main.js', 'assets/vendor.js']);
    expect(first.gzipBytes).toBe(gz(first.files));
  });

  it('adds a chunk started at once and its static imports, counting shared files once', () => {
    const withData = loadedBefore(folder, 'index.html', ['src/data.ts']);
    expect(withData.files).toEqual(['assets/main.js', 'assets/vendor.js', 'assets/data.js', 'assets/zod.js']);
    expect(withData.gzipBytes).toBe(gz(withData.files));
  });

  it('refuses a chunk the first screen does not import, so a renamed module fails loudly', () => {
    expect(() => loadedBefore(folder, 'index.html', ['src/renamed.ts'])).toThrow('does not import() src/renamed.ts');
  });
});
