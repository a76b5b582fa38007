// Learning across reviews in the standalone build: the FICTIONAL training case taken to final draft agreed is pooled,
// and its de-identified findings are seen in the collation view, in all three themes, with axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseBundle } from '../../src/domain/bundle';
import type { ReviewSnapshot } from '../../src/domain/model';
import { trainingCaseBundle } from '../../src/domain/training-case';
import { CollationPage } from './pages/CollationPage';
import { OverviewPage } from './pages/OverviewPage';
import { baseUrl, collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { seedSnapshot } from './support/seed-analysis';

/** The training case at the final draft stage, its recordings destroyed as the participants were promised. */
function trainingCaseAtFinalDraft(): ReviewSnapshot {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('training case');
  const snapshot = parsed.value.snapshot;
  return {
    ...snapshot,
    review: { ...snapshot.review, phase: 'finalDraftReport' },
    conversations: snapshot.conversations.map((conversation) =>
      conversation.recording.state === 'held' || conversation.recording.state === 'transcribed'
        ? {
            ...conversation,
            recording: {
              ...conversation.recording,
              state: 'destroyed',
              destroyed: { at: '2025-10-01T09:00:00.000Z', by: 'Facilitator (fictional)', how: 'Deleted from the device' },
            },
          }
        : conversation,
    ),
  };
}

describe('learning across reviews (standalone)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('pools the training case once its final draft is agreed, and shows its findings with charts and tables', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const snapshot = trainingCaseAtFinalDraft();
    const overview = new OverviewPage(page);
    await page.goto(baseUrl());
    await seedSnapshot(page, snapshot);

    const collation = new CollationPage(page);
    await collation.goto();
    // Not yet at the pooling stage: nothing pooled.
    await expect.poll(() => collation.headline.innerText()).toBe('No pooled reviews match.');

    await overview.goto(snapshot.review.id);
    await overview.moveForward('Closing meeting held; final draft agreed (fictional training run).');
    expect(await overview.currentStage()).toBe('publication');
    // Pooled as the phase changed, before the collation screen is opened.
    const pooledRows = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const request = indexedDB.open('learning-together-pooled-learning');
            request.onsuccess = () => {
              const db = request.result;
              if (!db.objectStoreNames.contains('pooled')) return resolve(0);
              const count = db.transaction('pooled').objectStore('pooled').count();
              count.onsuccess = () => resolve(count.result);
            };
            request.onerror = () => resolve(-1);
          }),
      );
    await expect.poll(pooledRows, { timeout: 15_000 }).toBe(1);

    await collation.goto();
    await expect.poll(() => collation.headline.innerText()).toMatch(/^1 review from 1 source \(this-lscb\), 2025\./);
    const patterns = snapshot.patterns.filter((pattern) => pattern.category === 4).length;
    expect((await collation.row('categories', '4. Communication and collaboration in multi-agency working in assessment and longer-term work'))[0]).toBe(
      String(patterns),
    );
    await expect.poll(() => page.getByTestId('collation-chart').count()).toBeGreaterThanOrEqual(5);
    // Nothing from the review's own words reaches the view.
    const text = await page.getByTestId('collation-screen').innerText();
    for (const participant of snapshot.participants) expect(text).not.toContain(participant.realName);
    for (const agency of snapshot.review.agencies) expect(text).not.toContain(agency.name);

    const drill = await collation.showReviews('Front-line factors');
    expect(await drill.getByRole('link').allInnerTexts()).toEqual([snapshot.review.codename]);

    await expectAccessible(page, 'collation');
    for (const theme of ['default', 'dark', 'contrast']) {
      await page.evaluate((chosen) => localStorage.setItem('lt.theme', chosen), theme);
      await page.reload();
      await collation.headline.waitFor();
      await expect.poll(() => page.getByTestId('collation-chart').count()).toBeGreaterThanOrEqual(5);
      await expectAccessible(page, `collation (${theme})`);
      await screenshot(page, `collation-${theme}`);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
