// The FICTIONAL training case in the real standalone build: loaded only when asked for, opened not copied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ReviewsPage } from './pages/ReviewsPage';
import { reviewIdIn } from './pages/workspace-base';
import { collectPageErrors, launchBrowser, newIsolatedContext } from './support/browser';

describe('the fictional training case in standalone mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads its code only when asked, and opens the same review the second time', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    const reviews = new ReviewsPage(page);
    await reviews.goto();
    expect(requested.filter((url) => /training-case/.test(url))).toEqual([]);

    await reviews.openTrainingCase();
    expect(reviewIdIn(page)).toBe('rev-training-brook-lane');
    expect(requested.filter((url) => /training-case-[\w-]+\.js$/.test(url))).toHaveLength(1);

    await reviews.goto();
    expect(await reviews.codenames()).toEqual(['Training case: Brook Lane (fictional)']);
    await reviews.openTrainingCase();
    expect(reviewIdIn(page)).toBe('rev-training-brook-lane');
    await reviews.goto();
    expect(await reviews.codenames()).toEqual(['Training case: Brook Lane (fictional)']);

    expect(errors).toEqual([]);
    await context.close();
  });
});
