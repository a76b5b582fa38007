// Publishing the training case's reports (FICTIONAL) in standalone mode: the preliminary draft goes to this browser's
// stage archive with its hash in the audit trail; the public report's preview shows roles, never real names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ReviewsPage } from './pages/ReviewsPage';
import { reviewIdIn } from './pages/workspace-base';
import { collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';

describe('publishing reports in standalone mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('previews and publishes the preliminary draft to the archive, and prepares the public report without real names', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const reviews = new ReviewsPage(page);
    await reviews.goto();
    await reviews.openTrainingCase();
    const reviewId = reviewIdIn(page);
    await page.goto(page.url().split('#')[0] + `#/reviews/${reviewId}/reports`);
    const preliminary = page.getByTestId('report-stage-preliminary');
    await preliminary.waitFor();

    await preliminary.getByRole('button', { name: 'Preview the report' }).click();
    const preview = preliminary.getByTestId('report-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('report-preview-header').textContent()).toBe('Confidential to the participants of this review; do not share');
    expect(await preview.getByRole('columnheader').count()).toBe(3);
    await screenshot(page, 'publishing-preview');

    await preliminary.getByRole('button', { name: 'Publish to participants' }).click();
    const published = preliminary.getByText(/^Published to this browser's report archive/u);
    await published.waitFor({ timeout: 60_000 });
    await expect.poll(() => preliminary.getByText(/SHA-256 [0-9a-f]{16}…/u).count()).toBeGreaterThan(0);
    const download = page.waitForEvent('download');
    await preliminary.getByRole('button', { name: 'Download this version' }).first().click();
    expect((await download).suggestedFilename()).toBe('preliminary-report-draft-1.docx');
    await screenshot(page, 'publishing-published');

    const publicStage = page.getByTestId('report-stage-finalPublic');
    await publicStage.getByRole('button', { name: 'Prepare the public report' }).click();
    await publicStage.getByRole('article', { name: 'Public report, version 1' }).waitFor();
    await publicStage.getByRole('button', { name: 'Preview the report' }).click();
    const publicPreview = publicStage.getByTestId('report-preview');
    await publicPreview.waitFor();
    const text = (await publicPreview.textContent()) ?? '';
    expect(text).not.toContain('Confidential to the participants');
    // The training case's people, by their real (fictional) names,, never reaches the public report.
    expect(text).not.toMatch(/Kayleigh Dunmore|Rhys Tallon/u);
    await expectAccessible(page, 'reports-publishing');
    await screenshot(page, 'publishing-public-preview');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
