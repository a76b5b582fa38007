// The workspace issue's whole journey in standalone mode: a review from nothing to three recommendations,
// reloading midway and at the end. FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, collectPageErrors, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { analyseThroughTheScreens, checkEverythingKept, checkNothingLostAfterReload, createReviewThroughTheScreens } from './journeys/full-review-journey';

describe('a whole review in standalone mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('walks a review from nothing through every stage of the method, losing nothing on reload', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const keepFailureScreenshot = async (error: unknown): Promise<never> => {
      await screenshot(page, 'journey/standalone-failure');
      throw error;
    };
    const errors = collectPageErrors(page);
    await page.goto(baseUrl());
    await page.getByTestId('mode-badge').waitFor();
    expect(await page.getByTestId('mode-badge').textContent()).toContain('stays in this browser');

    // On failure, keep a picture of the screen as it was: the quickest way to see why.
    const journey = await createReviewThroughTheScreens(page).catch(keepFailureScreenshot);
    await checkNothingLostAfterReload(page, journey).catch(keepFailureScreenshot);
    await analyseThroughTheScreens(page, journey).catch(keepFailureScreenshot);
    await checkEverythingKept(page, journey).catch(keepFailureScreenshot);
    await screenshot(page, 'journey/standalone-recommendations');
    expect(errors).toEqual([]);
    await context.close();
  });
});
