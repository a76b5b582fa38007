// The staged dialogue with participants on the training case (FICTIONAL): drafts shared, meetings held, comments answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ReviewsPage } from './pages/ReviewsPage';
import { reviewIdIn } from './pages/workspace-base';
import { collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';

describe('reports and the dialogue with participants', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records the interim draft, its meeting and an answered comment, and keeps them after a reload', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const reviews = new ReviewsPage(page);
    await reviews.goto();
    await reviews.openTrainingCase();
    const reviewId = reviewIdIn(page);
    await page.goto(page.url().split('#')[0] + `#/reviews/${reviewId}/reports`);
    const interim = page.getByTestId('report-stage-interim');
    await interim.waitFor();
    expect(await interim.textContent()).toContain('Not yet shared with participants.');

    await interim.getByRole('button', { name: 'Record the interim report' }).click();
    const draft = interim.getByRole('article', { name: 'Interim report, draft 1' });
    await draft.waitFor();
    await draft.getByLabel('Shared with participants on').fill('2026-03-30');
    await draft.getByLabel('Interim group meeting held on').fill('2026-04-20');
    await expect.poll(() => draft.getByTestId('save-status').first().getAttribute('data-status')).toBe('saved');

    // A comment with no text is refused, naming the field; nothing is stored.
    const form = draft.getByRole('form', { name: "Add a participant's comment" });
    await form.getByLabel('Comment from').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => form.textContent()).toContain('Comment is required');
    await form.getByRole('textbox', { name: /^Comment/ }).fill('The chronology misses the March telephone call (fictional).');
    await form.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => draft.textContent()).toContain('Individual comments (1)');
    await draft.getByLabel("The team's response").selectOption({ label: 'Accepted' });
    await expect.poll(() => draft.getByTestId('save-status').last().getAttribute('data-status')).toBe('saved');
    await expectAccessible(page, 'reports');
    await screenshot(page, 'reports');

    await page.reload();
    const reloaded = page.getByTestId('report-stage-interim').getByRole('article', { name: 'Interim report, draft 1' });
    await reloaded.waitFor();
    expect(await reloaded.getByLabel('Shared with participants on').inputValue()).toBe('30/03/2026');
    expect(await reloaded.getByLabel('Interim group meeting held on').inputValue()).toBe('20/04/2026');
    expect(await reloaded.getByLabel("The team's response").inputValue()).toBe('accepted');
    expect(errors).toEqual([]);
    await context.close();
  });
});
