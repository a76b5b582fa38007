// Microsoft 365 mode against the Graph double: the fictional training case is a review of its own there too.
// FICTIONAL data only (the app's own training case, Brook Lane).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createGraphReviewStore } from '../../src/adapters/graph';
import { TRAINING_CASE_CODENAME } from '../../src/domain/training-case';
import { expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { collectAppErrors, doubleToken, m365 } from './support/host-harness';
import { reviewIdIn } from './pages/workspace-base';

describe('the fictional training case in Microsoft 365 mode (issue 10, item 11)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers the training case once, enabled, and opens it as a review of its own marked fictional in the register', async () => {
    const { graph, appUrl } = m365();
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectAppErrors(page);
    await page.goto(appUrl);
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.getByTestId('mode-badge').textContent(), { timeout: 30_000 }).toContain('Microsoft 365');
    await page.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
    await page.locator('[data-testid="reviews-table"], [data-testid="reviews-empty"]').first().waitFor({ timeout: 30_000 });

    // Once beside the list (and once more in an empty list's own invitation), never disabled, never "not available".
    const buttons = page.getByTestId('open-training-case');
    expect(await buttons.first().isEnabled()).toBe(true);
    expect(await page.getByText('not available in this version of the app').count()).toBe(0);
    await expectAccessible(page, 'reviews (Microsoft 365 mode)');
    await buttons.first().click();
    await page.getByTestId('stage-tracker').waitFor({ timeout: 120_000 });
    const reviewId = reviewIdIn(page);
    await screenshot(page, 'first-use/m365-training-case');

    // Another client sees it in the register, marked fictional, with its own lists.
    const token = await doubleToken(graph.reviewer);
    const store = createGraphReviewStore({ graphBaseUrl: graph.url, getAccessToken: () => Promise.resolve(token), teamId: graph.teamId, registerSiteId: graph.siteId });
    const listed = await store.listReviews();
    expect(listed.ok && listed.value.filter((summary) => summary.id === reviewId).map((summary) => [summary.codename, summary.fictional])).toEqual([
      [TRAINING_CASE_CODENAME, true],
    ]);
    const loaded = await store.loadReview(listed.ok ? listed.value.find((summary) => summary.id === reviewId)!.id : (reviewId as never));
    expect(loaded.ok && loaded.value.participants.length).toBeGreaterThan(5);

    // Asking again opens the same review rather than a copy.
    await page.goto(appUrl);
    await page.getByTestId('open-training-case').first().click();
    await page.getByTestId('stage-tracker').waitFor({ timeout: 60_000 });
    expect(reviewIdIn(page)).toBe(reviewId);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
