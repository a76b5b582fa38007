// Issue 8 in Microsoft 365 mode over the Graph double: an edit made on the episodes screen while the connection to
// Graph is cut is shown queued in the header ("Offline: 1 queued", never "Saved"), is listed in the panel, survives a
// reload, and reaches SharePoint once the connection returns (checked through a second client of the double). A
// change made meanwhile by someone else to the same field is settled from the header's panel on another screen.
// FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Dialog, Locator, Page, Route } from 'playwright-core';
import { createGraphReviewStore } from '../../src/adapters/graph';
import type { ReviewId } from '../../src/domain/ids';
import type { ReviewStore } from '../../src/ports/review-store';
import { expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { collectAppErrors, doubleToken, m365 } from './support/host-harness';
import { SEEDED_EPISODES, uniqueReviewId, writePathSnapshot } from './support/seed-write-path';
import { EpisodesPage } from './pages/EpisodesPage';
import { SYNC_TEXT, SYNC_TEXT_PATTERN, SyncIndicator } from './pages/SyncIndicator';

const EPISODE = SEEDED_EPISODES.homeVisit;

/** "Offline: N queued": the edits of one field while offline may be kept as one change or as several. */
const QUEUED = /^Offline: [1-9]\d* queued$/;

/** A second client of the double (the Graph store in Node, as the reviewer), to seed and to check. */
async function doubleStore(): Promise<ReviewStore> {
  const { graph } = m365();
  const token = await doubleToken(graph.reviewer);
  return createGraphReviewStore({ graphBaseUrl: graph.url, getAccessToken: () => Promise.resolve(token), teamId: graph.teamId, registerSiteId: graph.siteId, channelOwner: graph.reviewer });
}

async function seededReview(store: ReviewStore, prefix: string): Promise<string> {
  const reviewId = uniqueReviewId(prefix);
  const imported = await store.importSnapshot(writePathSnapshot(reviewId, 'Plover (fictional)'), { replace: false });
  expect(imported.ok ? 'ok' : JSON.stringify(imported.error)).toBe('ok');
  return reviewId;
}

/** The episode's description as SharePoint holds it, read by the second client. */
async function descriptionInSharePoint(store: ReviewStore, reviewId: string): Promise<string | undefined> {
  const loaded = await store.loadReview(reviewId as ReviewId);
  if (!loaded.ok) return `(${loaded.error.kind})`;
  return loaded.value.episodes.find((episode) => episode.id === EPISODE.id)?.description;
}

/** Opens an address in the Microsoft 365 build, signing in with the test sign-in when asked. */
async function openSignedIn(page: Page, path: string, ready: Locator): Promise<void> {
  await page.goto(`${m365().appUrl}#${path}`);
  const signIn = page.getByTestId('sign-in');
  await Promise.race([ready.waitFor({ timeout: 60_000 }), signIn.waitFor({ timeout: 60_000 })]);
  if (await signIn.isVisible()) await signIn.click();
  await ready.waitFor({ timeout: 60_000 });
}

/** Cuts this context's connection to Graph (sign-in still answers: the tokens are this tab's); returns the reconnect. */
async function cutGraph(context: BrowserContext): Promise<() => Promise<void>> {
  const { graph } = m365();
  const cut = (route: Route) => route.abort('connectionrefused');
  const graphApi = new RegExp(`^${graph.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`);
  await context.route(graphApi, cut);
  return () => context.unroute(graphApi, cut);
}

/** Types as a person does (key by key, replacing what was there). */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
}

/** Errors a cut connection causes on purpose are expected; any other is not. */
const unexpected = (errors: readonly string[]): string[] => errors.filter((error) => !/ERR_CONNECTION_REFUSED|Failed to fetch|Failed to load resource/.test(error));

describe('an edit made offline on the episodes screen, in Microsoft 365 mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is shown queued in the header, never "Saved", kept over a reload, and synced to SharePoint after reconnecting', async () => {
    const store = await doubleStore();
    const reviewId = await seededReview(store, 'offline-m365');
    const seeded = await descriptionInSharePoint(store, reviewId);

    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectAppErrors(page);
    page.on('dialog', (dialog: Dialog) => void dialog.accept());
    const episodes = new EpisodesPage(page);
    const sync = new SyncIndicator(page);
    const listPath = `/reviews/${encodeURIComponent(reviewId)}/episodes`;
    await openSignedIn(page, listPath, episodes.table);
    expect(await page.getByTestId('mode-badge').textContent()).toContain('Microsoft 365');
    await sync.waitForText(SYNC_TEXT.saved);
    expect(await sync.everywhere.count(), 'one sync indicator').toBe(1);
    expect(await sync.accessibleName()).toMatch(/^Sync status:/);

    await episodes.open(EPISODE.title);
    const description = episodes.editor.getByRole('textbox', { name: /^Description/ });
    const reconnect = await cutGraph(context);
    await sync.startRecording();
    const offlineText = 'Offline: visited within the hour (fictional).';
    await typeInto(description, offlineText);
    expect.soft(await description.inputValue(), 'the field shows what was typed').toBe(offlineText);

    // Kept on this device, not in SharePoint: the header says so, and never "Saved".
    await sync.waitForText(QUEUED, 60_000);
    expect(await sync.accessibleName()).toMatch(/^Sync status:/);
    const seen = await sync.recorded();
    expect(seen.every((text) => SYNC_TEXT_PATTERN.test(text)), `every text shown is one of the contract's: ${JSON.stringify(seen)}`).toBe(true);
    expect(seen.slice(1), `"Saved" while the edit was only queued: ${JSON.stringify(seen)}`).not.toContain(SYNC_TEXT.saved);
    expect(await descriptionInSharePoint(store, reviewId)).toBe(seeded);
    await screenshot(page, 'write-path/offline-m365-queued');

    // The editor is a modal drawer: close it (as a person would) to reach the header. Still only queued.
    await episodes.closeEditor();
    await sync.waitForText(QUEUED, 30_000);

    // The panel names the queued edit by its record; nothing there is a conflict.
    await sync.open();
    const items = await sync.items();
    expect(items.length, `queued edits listed: ${JSON.stringify(items)}`).toBeGreaterThanOrEqual(1);
    expect(items.every((item) => item.includes(EPISODE.title)), `each queued edit names its record: ${JSON.stringify(items)}`).toBe(true);
    expect(await sync.panel.getByRole('button', { name: 'Keep mine' }).count()).toBe(0);
    await expectAccessible(page, 'sync panel, offline');
    await screenshot(page, 'write-path/offline-m365-panel-queued');
    await sync.close();

    // A reload during the outage: the edit is still there and still queued.
    await page.reload();
    await episodes.table.waitFor({ timeout: 90_000 });
    await sync.waitForText(QUEUED, 60_000);
    await episodes.open(EPISODE.title);
    await expect.poll(() => description.inputValue(), { timeout: 30_000 }).toBe(offlineText);
    await episodes.closeEditor();
    expect(await descriptionInSharePoint(store, reviewId)).toBe(seeded);

    // The connection returns: the outbox sends it by itself, the header says "Saved", and SharePoint has it.
    await reconnect();
    await sync.waitForText(SYNC_TEXT.saved, 60_000);
    expect(await descriptionInSharePoint(store, reviewId)).toBe(offlineText);
    await sync.open();
    expect(await sync.items()).toEqual([]);
    await sync.close();
    await screenshot(page, 'write-path/offline-m365-synced');

    // And edits go on being stored straight in SharePoint.
    await episodes.open(EPISODE.title);
    const onlineText = 'Back online: saw both parents (fictional).';
    await typeInto(description, onlineText);
    await expect.poll(() => descriptionInSharePoint(store, reviewId), { timeout: 30_000 }).toBe(onlineText);
    await sync.waitForText(SYNC_TEXT.saved, 30_000);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('settles, from the header panel on another screen, a conflict the queued edit meets on reconnecting', async () => {
    const store = await doubleStore();
    const reviewId = await seededReview(store, 'conflict-m365');

    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectAppErrors(page);
    page.on('dialog', (dialog: Dialog) => void dialog.accept());
    const episodes = new EpisodesPage(page);
    const sync = new SyncIndicator(page);
    await openSignedIn(page, `/reviews/${encodeURIComponent(reviewId)}/episodes/${EPISODE.id}`, episodes.editor);
    await sync.waitForText(SYNC_TEXT.saved);

    const reconnect = await cutGraph(context);
    const mine = 'Mine, offline: prompt visit, school not asked (fictional).';
    await typeInto(episodes.editor.getByRole('textbox', { name: /^Description/ }), mine);
    await sync.waitForText(QUEUED, 60_000);
    await episodes.closeEditor();

    // Meanwhile a colleague changes the same description in SharePoint.
    const theirs = 'Theirs, online: a short visit, no concern found (fictional).';
    const loaded = await store.loadReview(reviewId as ReviewId);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    const stored = loaded.value.episodes.find((episode) => episode.id === EPISODE.id);
    if (!stored) throw new Error('The seeded episode is not in SharePoint');
    const updated = await store.updateRecord('episode', { ...stored, description: theirs });
    expect(updated.ok ? 'ok' : JSON.stringify(updated.error)).toBe('ok');

    // Back online: the queued edit meets theirs. The header counts it, on any screen.
    await reconnect();
    await sync.waitForText(/to settle$|^Saved$|^Not saved$/, 60_000);
    const after = await sync.text();
    const inSharePoint = await descriptionInSharePoint(store, reviewId);
    expect(after, `after reconnecting the header says "${after}", and SharePoint holds "${inSharePoint}"`).toBe(SYNC_TEXT.toSettle(1));
    await page.goto(`${m365().appUrl}#/reviews/${encodeURIComponent(reviewId)}/participants`);
    await page.locator('#screen-title').waitFor({ timeout: 30_000 });
    await sync.waitForText(SYNC_TEXT.toSettle(1), 30_000);
    expect(await descriptionInSharePoint(store, reviewId)).toBe(theirs);

    await sync.open();
    const item = sync.item(EPISODE.title);
    await item.waitFor();
    for (const choice of ['Keep mine', 'Keep theirs', 'Keep both'] as const) {
      expect(await item.getByRole('button', { name: choice, exact: true }).count(), `"${choice}" in the panel`).toBe(1);
    }
    await expectAccessible(page, 'sync panel, conflict');
    await screenshot(page, 'write-path/offline-m365-panel-conflict');
    await sync.settle(EPISODE.title, 'Keep mine');

    await expect.poll(() => descriptionInSharePoint(store, reviewId), { timeout: 60_000 }).toBe(mine);
    await expect.poll(() => sync.items(), { timeout: 30_000 }).toEqual([]);
    if (await sync.panel.isVisible()) await sync.close();
    await sync.waitForText(SYNC_TEXT.saved, 30_000);
    await screenshot(page, 'write-path/offline-m365-settled');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });
});
