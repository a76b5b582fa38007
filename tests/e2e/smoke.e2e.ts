import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';

describe('app shell in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts in standalone mode and says the data stays in this browser', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(baseUrl());
    await expect.poll(() => page.getByTestId('mode-badge').textContent()).toContain('stays in this browser');
    await expectAccessible(page, 'reviews');
    await screenshot(page, 'shell-reviews');
    expect(errors).toEqual([]);
    await context.close();
  });
});
