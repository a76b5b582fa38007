// Helpers for benches that open a built page in Debian Chromium: a static server on 127.0.0.1 only, and the
// browser launched the same way each time.
import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build } from 'vite';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** A browser context in which nothing leaves this machine. */
export async function localContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 900 } });
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|about:).*/, (route) => route.abort('blockedbyclient'));
  return context;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface ServedFolder {
  /** e.g. "http://127.0.0.1:41234/" */
  readonly base: string;
  close(): Promise<void>;
}

/** A built app on 127.0.0.1 only; unknown paths get index.html, as a static host would for a hash-routed app. */
export async function serveFolder(folder: string): Promise<ServedFolder> {
  const root = resolve(folder);
  const server: Server = createServer((request, response) => {
    const requested = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)));
    const path = requested.startsWith(root) && statSync(requested, { throwIfNoEntry: false })?.isFile() ? requested : join(root, 'index.html');
    response.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen()));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the bench server has no address');
  return {
    base: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolveClose) => server.close(() => resolveClose())),
  };
}

/** Builds one of tests/bench/pages/*.html (and the code it imports) into `outDir` with Vite, without the app's config. */
export async function buildBenchPage(page: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    root: resolve('tests/bench/pages'),
    build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: resolve('tests/bench/pages', page) } },
  });
}
