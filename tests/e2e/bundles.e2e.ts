// Review bundles in the app: export the FICTIONAL training case, import it back, refuse a broken file, and
// replace an existing review only when asked.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ReviewsPage } from './pages/ReviewsPage';
import { reviewIdIn } from './pages/workspace-base';
import { collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';

describe('review bundles in standalone mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('exports a review, refuses a broken file, and imports the bundle into another browser', async () => {
    const first = await newIsolatedContext(browser);
    const page = await first.newPage();
    const errors = collectPageErrors(page);
    const reviews = new ReviewsPage(page);
    await reviews.goto();
    await reviews.openTrainingCase();
    const reviewId = reviewIdIn(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-bundle').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    expect(download.suggestedFilename()).not.toMatch(/Hannah|Crosby/);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const bundle = JSON.parse(text) as { format: string; formatVersion: number; snapshot: { review: { id: string }; audit: Array<{ action: string }> } };
    expect(bundle.format).toBe('learning-together/review-bundle');
    expect(bundle.snapshot.review.id).toBe(reviewId);
    expect(bundle.snapshot.audit.map((entry) => entry.action)).toContain('export');
    await expect.poll(() => page.getByTestId('export-message').textContent()).toContain('keep it as confidential as the review');
    expect(errors).toEqual([]);
    await first.close();

    // Another browser: a broken file is refused with the place of the problem, and nothing is stored.
    const second = await newIsolatedContext(browser);
    const other = await second.newPage();
    const otherReviews = new ReviewsPage(other);
    await otherReviews.goto();
    const fileInput = other.getByTestId('import-bundle-file');
    await fileInput.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "learning-together/review-bundle", ') });
    await expect.poll(() => other.getByTestId('import-problem').textContent()).toContain('not valid JSON: line 1');
    const damaged = JSON.parse(text) as { snapshot: { participants: Array<{ reportLabel: string }> } };
    const firstParticipant = damaged.snapshot.participants[0];
    if (firstParticipant) firstParticipant.reportLabel = '';
    await fileInput.setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
    await expect.poll(() => other.getByTestId('import-problem').textContent()).toContain('snapshot.participants[0].reportLabel');
    await expectAccessible(other, 'import problem');
    await screenshot(other, 'bundle-import-problem');
    expect(await other.getByTestId('reviews-empty').isVisible()).toBe(true);

    // The real bundle imports and opens; importing it again asks before replacing.
    await fileInput.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await other.waitForURL(new RegExp(`#/reviews/${reviewId}$`));
    await otherReviews.goto();
    await other.getByTestId('import-bundle-file').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await other.getByTestId('import-replace').waitFor();
    await other.getByRole('button', { name: 'Keep the review here' }).click();
    expect(await otherReviews.codenames()).toEqual(['Training case: Brook Lane (fictional)']);
    await second.close();
  });
});
