// The same whole journey in Microsoft 365 mode: the real app in Chromium, signed in with the test sign-in, storing
// every record in SharePoint lists on the Graph double at 127.0.0.1. FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createGraphReviewStore } from '../../src/adapters/graph';
import { asId, type ReviewId } from '../../src/domain/ids';
import { launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { collectAppErrors, doubleToken, m365 } from './support/host-harness';
import { JOURNEY, analyseThroughTheScreens, checkEverythingKept, checkNothingLostAfterReload, createReviewThroughTheScreens } from './journeys/full-review-journey';

describe('a whole review in Microsoft 365 mode, against the Graph double', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('walks a review from nothing to recommendations with every record in SharePoint lists', async () => {
    const { graph, appUrl } = m365();
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const keepFailureScreenshot = async (error: unknown): Promise<never> => {
      await screenshot(page, 'journey/m365-failure');
      throw error;
    };
    const errors = collectAppErrors(page);
    await page.goto(appUrl);
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.mode), { timeout: 30_000 }).toBe('microsoft365');
    await page.getByRole('button', { name: 'New review' }).waitFor({ timeout: 30_000 });

    // On failure, keep a picture of the screen as it was: the quickest way to see why.
    const journey = await createReviewThroughTheScreens(page).catch(keepFailureScreenshot);
    await checkNothingLostAfterReload(page, journey).catch(keepFailureScreenshot);
    await analyseThroughTheScreens(page, journey).catch(keepFailureScreenshot);
    await checkEverythingKept(page, journey).catch(keepFailureScreenshot);
    await screenshot(page, 'journey/m365-recommendations');

    // Another client, reading SharePoint through Graph with its own token, finds the whole review there.
    const token = await doubleToken(graph.reviewer);
    const store = createGraphReviewStore({ graphBaseUrl: graph.url, getAccessToken: () => Promise.resolve(token), teamId: graph.teamId, registerSiteId: graph.siteId });
    await expect
      .poll(async () => {
        const loaded = await store.loadReview(asId<ReviewId>(journey.reviewId));
        if (!loaded.ok) return loaded.error.kind;
        const snapshot = loaded.value;
        return {
          codename: snapshot.review.codename,
          participants: snapshot.participants.length,
          documents: snapshot.documents.length,
          conversations: snapshot.conversations.length,
          narrative: snapshot.narrative.length,
          episodes: snapshot.episodes.map((episode) => episode.title).sort(),
          factorTags: snapshot.episodes.reduce((sum, episode) => sum + episode.factors.length, 0),
          patterns: snapshot.patterns.length,
          recommendations: snapshot.recommendations.length,
        };
      }, { timeout: 60_000 })
      .toEqual({
        codename: JOURNEY.codename,
        participants: 6,
        documents: 1,
        conversations: 1,
        narrative: 5,
        episodes: [...JOURNEY.episodes].sort(),
        factorTags: 5,
        patterns: 2,
        recommendations: 3,
      });
    expect(errors).toEqual([]);
    await context.close();
  });
});
