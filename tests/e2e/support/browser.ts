import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = join(process.cwd(), 'tests', 'artifacts');

/** Debian's Chromium, headless, with nothing reaching beyond this machine. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const baseUrl = (): string => inject('baseUrl');

/** A fresh context (its own IndexedDB) that fails the test on any request leaving 127.0.0.1. */
export async function newIsolatedContext(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string; timezoneId?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    // A UK browser unless a test says otherwise (a US-configured one, to show dates stay day first).
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'Europe/London',
  });
  await context.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]).*/, (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    return route.abort('blockedbyclient');
  });
  return context;
}

/** Page errors fail the test: collect them and assert at the end. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** No serious or critical accessibility violations on the current screen. */
export async function expectAccessible(page: Page, screenName: string): Promise<void> {
  // Fluent's focus manager (Tabster) leaves 1px focus catchers, aria-hidden on purpose, at the body once a dialog
  // has opened; axe reads them as aria-hidden-focus. A known false positive (microsoft/tabster#288), so skip them.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('[data-tabster-dummy]').analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    serious.map((violation) => `${screenName}: ${violation.id} (${violation.impact}) on ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`),
  ).toEqual([]);
}

/** Screenshots are kept as test artefacts and looked at by a person. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS_DIR, 'screenshots', `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}
