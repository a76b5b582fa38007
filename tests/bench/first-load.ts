// Builds a Vite app and measures the JavaScript its first screen loads: the entry chunk and everything it
// imports statically (what the browser fetches before the first render), not the chunks behind import().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type InlineConfig } from 'vite';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

export interface FirstLoad {
  /** Output files of the first screen's JavaScript, relative to outDir. */
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

export interface BuildOptions {
  readonly outDir: string;
  readonly mode?: string;
  /** A folder with its own index.html and no vite.config (the baseline); default: this project. */
  readonly root?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Builds with Vite (the project's config unless `root` is given) and writes .vite/manifest.json. */
export async function buildApp(options: BuildOptions): Promise<void> {
  const config: InlineConfig = {
    logLevel: 'error',
    mode: options.mode ?? 'production',
    build: { outDir: options.outDir, emptyOutDir: true, sourcemap: false, manifest: true, target: 'es2022' },
  };
  if (options.root) Object.assign(config, { root: options.root, configFile: false, plugins: [react()] });
  await build(config);
}

/** The first screen's JS for the page `entryHtml` (a manifest key such as "index.html"). */
export function firstLoad(outDir: string, entryHtml = 'index.html'): FirstLoad {
  return loadedBefore(outDir, entryHtml, []);
}

/**
 * The JS fetched before the first screen can show its data: the first screen's, plus chunks it starts loading
 * with import() at once (manifest keys such as "src/host/standalone-data.ts") and what they import statically.
 * Each file counts once.
 */
export function loadedBefore(outDir: string, entryHtml: string, startedAtOnce: readonly string[]): FirstLoad {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryHtml);
  const reachable = new Set([...seen].flatMap((key) => manifest[key]?.dynamicImports ?? []));
  for (const key of startedAtOnce) {
    // Only a chunk the first screen can actually import() counts: a renamed module fails loudly, not silently.
    if (!reachable.has(key)) throw new Error(`The first screen does not import() ${key}`);
    visit(key);
  }
  const files = [...new Set([...seen].map((key) => manifest[key]?.file ?? '').filter((file) => file.endsWith('.js')))];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(outDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}
