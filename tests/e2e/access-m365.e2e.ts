// Access control in Microsoft 365 mode over the Graph double (issue 13), as two people in two browsers: the LSCB
// coordinator adds a facilitator to the review's private channel, who then opens and edits the review; the
// coordinator removes them; their next edit is refused by SharePoint (403), the app says "You no longer have access
// to this review" (no error screen), and the review's copy in their browser (outbox cache, edit journal) is gone.
// FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createGraphReviewStore } from '../../src/adapters/graph';
import type { ReviewId } from '../../src/domain/ids';
import { CHILD_RECORD_SCHEMAS, RECORD_SCHEMA_VERSION } from '../../src/domain/model';
import type { ReviewStore } from '../../src/ports/review-store';
import { LSCB_USERS } from '../graph-double/lscb-fixture';
import { expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { collectAppErrors, doubleToken, m365 } from './support/host-harness';
import { SEEDED_EPISODES, uniqueReviewId, writePathSnapshot } from './support/seed-write-path';
import { EpisodesPage } from './pages/EpisodesPage';

const COORDINATOR = LSCB_USERS.reviewer;
const FACILITATOR = LSCB_USERS.practitioner;
const AT = '2026-02-02T10:00:00.000Z';
/** The outbox's IndexedDB database for a person (src/host/graph-wiring.ts outboxDatabaseName). */
const outboxDatabaseName = (upn: string): string => `learning-together-outbox:${upn.toLowerCase()}`;

async function coordinatorStore(): Promise<ReviewStore> {
  const { graph } = m365();
  const token = await doubleToken(COORDINATOR);
  return createGraphReviewStore({
    graphBaseUrl: graph.url,
    getAccessToken: () => Promise.resolve(token),
    teamId: graph.teamId,
    registerSiteId: graph.siteId,
    channelOwner: COORDINATOR,
  });
}

const member = (reviewId: string, id: string, name: string, email: string, role: string) =>
  CHILD_RECORD_SCHEMAS.teamMember.parse({
    id,
    reviewId,
    name,
    email,
    role,
    schemaVersion: RECORD_SCHEMA_VERSION,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    createdBy: 'Fixture',
    updatedBy: 'Fixture',
  });

/** Opens an address in the Microsoft 365 build, signed in as `upn` with the test sign-in. */
async function openSignedInAs(page: Page, upn: string, path: string, ready: Locator): Promise<void> {
  await page.goto(`${m365().appUrl}#${path}`);
  const signIn = page.getByTestId('sign-in');
  await Promise.race([ready.waitFor({ timeout: 60_000 }), signIn.waitFor({ timeout: 60_000 })]);
  if (await signIn.isVisible()) {
    const username = page.getByTestId('sign-in-username');
    if (await username.isVisible()) await username.fill(upn);
    await signIn.click();
  }
  await ready.waitFor({ timeout: 60_000 });
}

/** What this browser still keeps of a review: the outbox's cached copy and the edit journal's entry. */
async function keptInBrowser(page: Page, upn: string, reviewId: string): Promise<{ cached: boolean; journal: boolean }> {
  return page.evaluate(
    async ({ database, id }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(database);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const cached = db.objectStoreNames.contains('snapshots')
        ? await new Promise<boolean>((resolve) => {
            const get = db.transaction('snapshots').objectStore('snapshots').get(id);
            get.onsuccess = () => resolve(get.result !== undefined);
            get.onerror = () => resolve(false);
          })
        : false;
      db.close();
      return { cached, journal: localStorage.getItem(`lt.edits.${id}`) !== null };
    },
    { database: outboxDatabaseName(upn), id: reviewId },
  );
}

describe('who can open a review, in Microsoft 365 mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adds a facilitator who then edits; removes them; their next edit is refused and their copy is gone', async () => {
    const store = await coordinatorStore();
    const reviewId = uniqueReviewId('access-m365');
    const snapshot = writePathSnapshot(reviewId, 'Dunlin (fictional)');
    snapshot.teamMembers.push(
      member(reviewId, 'tm-coordinator', 'Alex Reviewer (fictional)', COORDINATOR, 'lscbCoordinator'),
      member(reviewId, 'tm-facilitator', 'Jo Practitioner (fictional)', FACILITATOR, 'facilitator'),
    );
    const imported = await store.importSnapshot(snapshot, { replace: false });
    expect(imported.ok ? 'ok' : JSON.stringify(imported.error)).toBe('ok');

    // The coordinator adds the facilitator to the review's channel.
    const coordinatorContext = await newIsolatedContext(browser);
    const coordinator = await coordinatorContext.newPage();
    const coordinatorErrors = collectAppErrors(coordinator);
    const membership = coordinator.getByTestId('membership');
    await openSignedInAs(coordinator, COORDINATOR, `/reviews/${encodeURIComponent(reviewId)}/access`, membership.getByTestId('membership-changes'));
    const addition = membership.getByTestId('membership-change').filter({ hasText: FACILITATOR });
    await addition.waitFor({ timeout: 60_000 });
    await addition.getByRole('button', { name: 'Make this change' }).click();
    await membership.getByTestId('membership-in-line').waitFor({ timeout: 60_000 });
    await expect.poll(() => membership.getByTestId('membership-audit').textContent()).toContain(`Added Jo Practitioner (fictional) (${FACILITATOR})`);
    await expectAccessible(coordinator, 'channel membership');
    await screenshot(coordinator, 'access-m365-coordinator');

    // The facilitator, in a browser of their own, opens the review and edits an episode.
    const facilitatorContext = await newIsolatedContext(browser);
    const facilitator = await facilitatorContext.newPage();
    const facilitatorErrors = collectAppErrors(facilitator);
    const episodes = new EpisodesPage(facilitator);
    await openSignedInAs(facilitator, FACILITATOR, `/reviews/${encodeURIComponent(reviewId)}/episodes`, episodes.table);
    await episodes.open(SEEDED_EPISODES.homeVisit.title);
    const description = episodes.editor.getByRole('textbox', { name: /^Description/ });
    await description.fill('Edited by the facilitator (fictional).');
    await expect
      .poll(
        async () => {
          const loaded = await store.loadReview(reviewId as ReviewId);
          return loaded.ok ? loaded.value.episodes.find((episode) => episode.id === SEEDED_EPISODES.homeVisit.id)?.description : loaded.error.kind;
        },
        { timeout: 60_000 },
      )
      .toBe('Edited by the facilitator (fictional).');

    // The coordinator takes them off the team list, then out of the channel.
    const loaded = await store.loadReview(reviewId as ReviewId);
    const record = loaded.ok ? loaded.value.teamMembers.find((candidate) => candidate.id === 'tm-facilitator') : undefined;
    expect(record).toBeDefined();
    expect((await store.deleteRecord('teamMember', reviewId as ReviewId, 'tm-facilitator', record!.version)).ok).toBe(true);
    await coordinator.reload();
    const removal = membership.getByTestId('membership-change').filter({ hasText: FACILITATOR });
    await removal.waitFor({ timeout: 60_000 });
    expect(await removal.textContent()).toContain('Remove');
    await removal.getByRole('button', { name: 'Make this change' }).click();
    await expect.poll(() => membership.getByTestId('membership-audit').textContent(), { timeout: 60_000 }).toContain(`Removed Jo Practitioner`);

    // Their next edit is refused by SharePoint: said plainly, and nothing of the review stays in their browser.
    await description.fill('Typed after removal (fictional).');
    await facilitator.getByTestId('access-lost').waitFor({ timeout: 60_000 });
    expect(await facilitator.getByRole('alert').count()).toBe(0);
    await expect.poll(() => keptInBrowser(facilitator, FACILITATOR, reviewId), { timeout: 30_000 }).toEqual({ cached: false, journal: false });
    await expectAccessible(facilitator, 'access lost');
    await screenshot(facilitator, 'access-m365-access-lost');

    const refusals = (errors: string[]) => errors.filter((error) => !/status of 403/.test(error));
    expect(refusals(coordinatorErrors)).toEqual([]);
    expect(refusals(facilitatorErrors)).toEqual([]);
    await coordinatorContext.close();
    await facilitatorContext.close();
  }, 300_000);
});
