// The SharePoint set-up screen (#/setup) in the built app. In standalone mode there is nothing to set up,
// and the screen says so; it must be accessible and legible in all three themes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';

async function setTheme(page: Page, theme: 'default' | 'dark' | 'contrast'): Promise<void> {
  await page.evaluate((name) => localStorage.setItem('lt.theme', name), theme);
  await page.reload();
  await page.locator(`[data-theme="${theme}"]`).first().waitFor();
}

describe('SharePoint set-up screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says that standalone mode needs no set-up, in every theme, with no accessibility problems', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${baseUrl()}#/setup`);
    await page.getByRole('heading', { name: 'Set up SharePoint for Learning Together' }).waitFor();
    expect(await page.getByTestId('setup-not-needed').textContent()).toContain('No set-up is needed here');
    expect(await page.getByTestId('run-setup').count()).toBe(0);
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await setTheme(page, theme);
      await page.getByTestId('setup-not-needed').waitFor();
      await expectAccessible(page, `setup-${theme}`);
      await screenshot(page, `setup-standalone-${theme}`);
    }
    await page.getByRole('link', { name: 'Back to reviews' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/');
    expect(errors).toEqual([]);
    await context.close();
  });
});
