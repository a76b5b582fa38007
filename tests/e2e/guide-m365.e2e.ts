// The conversation guide in Microsoft 365 mode over the Graph double: the connection to Graph is cut in the
// middle of a conversation, notes keep being written, the page is reloaded during the outage, and everything is
// in SharePoint once the connection returns. FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { createGraphReviewStore } from '../../src/adapters/graph';
import type { ReviewId } from '../../src/domain/ids';
import type { ReviewStore } from '../../src/ports/review-store';
import { expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { collectAppErrors, doubleToken, m365 } from './support/host-harness';
import { GuidePage } from './pages/GuidePage';
import { GUIDE_CONVERSATION_ID, guideFixture } from '../fixtures/guide-fixture';

const PANEL = { width: 320, height: 900 };

/** A second client of the double (the Graph store in Node, as the reviewer), to seed and to check. */
async function doubleStore(): Promise<ReviewStore> {
  const { graph } = m365();
  const token = await doubleToken(graph.reviewer);
  return createGraphReviewStore({ graphBaseUrl: graph.url, getAccessToken: () => Promise.resolve(token), teamId: graph.teamId, registerSiteId: graph.siteId, channelOwner: graph.reviewer });
}

async function signedInGuide(page: Page, reviewId: string): Promise<GuidePage> {
  const { appUrl } = m365();
  await page.goto(`${appUrl}#/reviews/${encodeURIComponent(reviewId)}/conversations/${GUIDE_CONVERSATION_ID}/guide`);
  const guide = new GuidePage(page);
  const signIn = page.getByTestId('sign-in');
  await Promise.race([guide.root.waitFor({ timeout: 60_000 }), signIn.waitFor({ timeout: 60_000 })]);
  if (await signIn.isVisible()) await signIn.click();
  await guide.root.waitFor({ timeout: 60_000 });
  return guide;
}

const stepNotesIn = async (store: ReviewStore, reviewId: string) => {
  const loaded = await store.loadReview(reviewId as ReviewId);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return Object.fromEntries(loaded.value.stepNotes.filter((note) => note.conversationId === GUIDE_CONVERSATION_ID).map((note) => [note.step, note.text]));
};

describe('conversation guide in Microsoft 365 mode, with the connection to Graph cut', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps writing notes offline, loses nothing over a reload, and syncs them when Graph returns', async () => {
    const { graph } = m365();
    const store = await doubleStore();
    const reviewId = `rev-guide-m365-${Date.now().toString(36)}`;
    const imported = await store.importSnapshot(guideFixture(reviewId), { replace: false });
    expect(imported.ok ? 'ok' : JSON.stringify(imported.error)).toBe('ok');

    const context = await newIsolatedContext(browser, PANEL);
    const page = await context.newPage();
    const errors = collectAppErrors(page);
    const guide = await signedInGuide(page, reviewId);
    await guide.goToStep('2');
    await guide.writeNotes('Online: picked up the case in March.');
    await expect.poll(() => stepNotesIn(store, reviewId), { timeout: 30_000 }).toMatchObject({ '2': 'Online: picked up the case in March.' });

    // The connection to Graph drops (sign-in still answers: the tokens are this tab's).
    const cut = (route: Route) => route.abort('connectionrefused');
    const graphApi = new RegExp(`^${graph.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`);
    await context.route(graphApi, cut);
    await guide.notes.fill('Online: picked up the case in March.\nOffline: visited twice that month.');
    await guide.waitSaved();
    await guide.goToStep('3b');
    await guide.writeNotes('Offline: weighing the family’s trust against another referral.');
    const indicator = page.getByTestId('offline-title');
    await expect.poll(() => indicator.textContent(), { timeout: 60_000 }).toMatch(/^Offline — 2 changes waiting to sync$/);
    await expectAccessible(page, 'guide offline');
    await screenshot(page, 'guide-m365-offline');

    // A reload during the outage: the notes are still there, still waiting.
    await page.reload();
    await guide.root.waitFor({ timeout: 90_000 });
    expect(await guide.currentStep()).toBe('3b');
    expect(await guide.notesText()).toBe('Offline: weighing the family’s trust against another referral.');
    await guide.goToStep('2');
    expect(await guide.notesText()).toBe('Online: picked up the case in March.\nOffline: visited twice that month.');
    await expect.poll(() => indicator.textContent(), { timeout: 60_000 }).toMatch(/waiting to sync$/);
    // SharePoint has not seen them yet.
    expect(await stepNotesIn(store, reviewId)).toEqual({ '2': 'Online: picked up the case in March.' });

    // The connection returns: everything is sent, in order, and the indicator goes.
    await context.unroute(graphApi, cut);
    await page.getByTestId('offline-indicator').getByRole('button', { name: 'Try now' }).click();
    await expect.poll(() => page.getByTestId('offline-indicator').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => stepNotesIn(store, reviewId), { timeout: 30_000 }).toEqual({
      '2': 'Online: picked up the case in March.\nOffline: visited twice that month.',
      '3b': 'Offline: weighing the family’s trust against another referral.',
    });

    // And the guide goes on saving straight to SharePoint.
    await guide.goToStep('9');
    await guide.writeNotes('Back online: he found it useful.');
    await expect.poll(() => stepNotesIn(store, reviewId), { timeout: 30_000 }).toMatchObject({ '9': 'Back online: he found it useful.' });
    expect(errors.filter((error) => !/ERR_CONNECTION_REFUSED|Failed to fetch|Failed to load resource/.test(error))).toEqual([]);
    await context.close();
  });
});
