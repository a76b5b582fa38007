// Publishing a report in Microsoft 365 mode against the Graph double (FICTIONAL data: the app's own training case):
// the Word document goes into the review's private channel and a message announces it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { collectAppErrors, m365 } from './support/host-harness';
import { reviewIdIn } from './pages/workspace-base';

describe('publishing a report into the review’s private channel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('publishes the preliminary draft to the channel and lists the published version with its hash', async () => {
    const { appUrl } = m365();
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectAppErrors(page);
    await page.goto(appUrl);
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.getByTestId('mode-badge').textContent(), { timeout: 30_000 }).toContain('Microsoft 365');
    await page.getByTestId('open-training-case').first().click();
    await page.getByTestId('stage-tracker').waitFor({ timeout: 120_000 });
    const reviewId = reviewIdIn(page);
    await page.goto(`${appUrl.split('#')[0]}#/reviews/${reviewId}/reports`);
    const preliminary = page.getByTestId('report-stage-preliminary');
    await preliminary.waitFor({ timeout: 60_000 });
    await preliminary.getByRole('button', { name: 'Publish to participants' }).click();
    await preliminary.getByText(/^Published to the review's private channel/u).waitFor({ timeout: 90_000 });
    await expect.poll(() => preliminary.getByText(/SHA-256 [0-9a-f]{16}…/u).count()).toBeGreaterThan(0);
    expect(await preliminary.textContent()).toContain('preliminary-report-draft-1.docx');
    await expectAccessible(page, 'reports (Microsoft 365 mode)');
    await screenshot(page, 'publishing-m365');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
