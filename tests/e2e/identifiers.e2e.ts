// The identifier register, the leak scan and the respectful-language check on the training case (FICTIONAL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ReviewsPage } from './pages/ReviewsPage';
import { reviewIdIn } from './pages/workspace-base';
import { collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';

describe('identifiers and language', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses bad register input with clear messages, keeps wording with a reason, and keeps both after a reload', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const reviews = new ReviewsPage(page);
    await reviews.goto();
    await reviews.openTrainingCase();
    const reviewId = reviewIdIn(page);
    await page.goto(page.url().split('#')[0] + `#/reviews/${reviewId}/identifiers`);
    const table = page.getByTestId('identifier-table');
    await table.waitFor();
    expect(await table.textContent()).toContain('Hannah Crosby');
    expect(await page.getByTestId('label-participant:par-sw').inputValue()).toBe('Social worker');

    // An added place with no label, then with its own name as the label: each refused with a message; nothing stored.
    await page.getByTestId('add-identifier').click();
    const form = page.getByTestId('add-identifier-form');
    await form.getByTestId('identifier-text').fill('Larkspur Avenue');
    await form.getByRole('button', { name: 'Add to the register' }).click();
    await expect.poll(() => form.textContent()).toContain('say what the public report prints instead');
    await form.getByTestId('identifier-label').fill('larkspur avenue');
    await form.getByRole('button', { name: 'Add to the register' }).click();
    await expect.poll(() => form.textContent()).toContain('the label must not be the identifier itself');
    await form.getByTestId('identifier-label').fill('a street nearby');
    await form.getByRole('button', { name: 'Add to the register' }).click();
    await expect.poll(() => table.textContent()).toContain('Larkspur Avenue');
    expect(await table.textContent()).toContain('Larkspur Ave, Larkspur Av');

    // A label that is someone else's name is pointed out.
    const label = page.getByTestId('label-participant:par-hv');
    await label.fill('Kay');
    await label.blur();
    await expect.poll(() => page.getByTestId('identifier-row-participant:par-hv').textContent()).toContain('which is in the register');
    await label.fill('Health visitor');
    await label.blur();

    await page.getByTestId('run-scan').click();
    await expect.poll(() => page.getByTestId('scan-panel').textContent()).toContain('No registered identifier found');

    // Language: keeping a wording without a reason is refused; with one it is kept.
    const panel = page.getByTestId('language-panel');
    const finding = panel.getByTestId('language-finding').first();
    await finding.waitFor();
    expect(await finding.textContent()).toContain('could have');
    await finding.getByTestId('language-keep').click();
    await finding.getByTestId('language-keep-confirm').click();
    await expect.poll(() => finding.textContent()).toContain('Say why this wording stays');
    await expectAccessible(page, 'identifiers');
    await screenshot(page, 'identifiers-bad-input');
    await finding.getByTestId('language-reason').fill('Describes what the review found, not what anyone should have done (fictional).');
    await finding.getByTestId('language-keep-confirm').click();
    await panel.getByTestId('language-clear').waitFor();
    await screenshot(page, 'identifiers');

    await page.reload();
    await page.getByTestId('identifier-table').waitFor();
    expect(await page.getByTestId('identifier-table').textContent()).toContain('Larkspur Avenue');
    await page.getByTestId('language-clear').waitFor();
    expect(await page.getByTestId('language-kept').textContent()).toContain('2 wordings kept with a reason');
    expect(errors).toEqual([]);
    await context.close();
  });
});
