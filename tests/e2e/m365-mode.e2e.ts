// Microsoft 365 mode in a plain browser, against the Graph double on 127.0.0.1, signed in with the test sign-in
// (the m365-double build). The seed of the whole workspace journey in Microsoft 365 mode. FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createGraphReviewStore } from '../../src/adapters/graph';
import { asId, type ReviewId } from '../../src/domain/ids';
import { expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { collectAppErrors, doubleToken, m365 } from './support/host-harness';
import { NewReviewPage } from './pages/NewReviewPage';
import { ParticipantsPage } from './pages/ParticipantsPage';
import { reviewIdIn } from './pages/workspace-base';

describe('Microsoft 365 mode in the browser, against the Graph double', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** What the double holds, read by a second client (the Graph store in Node) with its own token. */
  async function doubleStore() {
    const { graph } = m365();
    const token = await doubleToken(graph.reviewer);
    return createGraphReviewStore({ graphBaseUrl: graph.url, getAccessToken: () => Promise.resolve(token), teamId: graph.teamId, registerSiteId: graph.siteId });
  }

  it('signs in, creates a review and a participant in SharePoint lists, and finds them again after a reload', async () => {
    const { graph, appUrl } = m365();
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectAppErrors(page);

    // Not framed, but a tenant is configured: Microsoft 365 mode after signing in.
    await page.goto(appUrl);
    await page.getByRole('heading', { name: 'Test sign-in (Graph double)' }).waitFor();
    expect(await page.getByTestId('sign-in-username').inputValue()).toBe(graph.reviewer);
    expect(await page.getByTestId('mode-badge').textContent()).toContain('Microsoft 365');
    await expectAccessible(page, 'test sign-in');
    await screenshot(page, 'm365-sign-in');
    await page.getByTestId('sign-in').click();

    await expect.poll(() => page.getByTestId('mode-badge').textContent(), { timeout: 30_000 }).toContain('Microsoft 365');
    expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe('microsoft365');
    await page.getByRole('button', { name: 'New review' }).click();
    const newReview = new NewReviewPage(page);
    await newReview.create({
      codename: 'Osprey',
      questions: ['How did agencies share what they knew about the baby’s weight? (fictional)'],
      trigger: 'Routine practice',
      from: '2025-01-01',
      to: '2025-11-11',
      agencies: ['Health Visiting (fictional)'],
    });
    const reviewId = reviewIdIn(page);

    const participants = new ParticipantsPage(page);
    await participants.openFromNavigation('Participants');
    await participants.addParticipant({
      kind: 'Practitioner',
      agency: 'Health Visiting (fictional)',
      roleTitle: 'Health visitor',
      realName: 'Sam Fictional',
      reportLabel: 'Health visitor 1',
    });
    await expectAccessible(page, 'participants (Microsoft 365 mode)');
    await screenshot(page, 'm365-participants');

    // The double holds it: another client reads the review back through Graph.
    const store = await doubleStore();
    await expect
      .poll(async () => {
        const loaded = await store.loadReview(asId<ReviewId>(reviewId));
        return loaded.ok ? loaded.value.participants.map((participant) => participant.realName) : [];
      }, { timeout: 30_000 })
      .toEqual(['Sam Fictional']);
    const listed = await store.listReviews();
    expect(listed.ok && listed.value.map((summary) => summary.codename)).toContain('Osprey');
    // The register on the LSCB site has the codename and nothing identifying.
    const registerItems = await fetch(`${graph.url}/sites/${graph.siteId}/lists/LtReviewRegister/items?$expand=fields`, {
      headers: { authorization: `Bearer ${await doubleToken(graph.reviewer)}` },
    });
    expect(registerItems.status).toBe(200);
    const registerText = await registerItems.text();
    expect(registerText).toContain('Osprey');
    expect(registerText).not.toContain('Sam Fictional');

    // A reload signs in again silently (this tab's session) and reads everything back from the double.
    await page.reload();
    await expect.poll(() => page.getByTestId('mode-badge').textContent(), { timeout: 30_000 }).toContain('Microsoft 365');
    await participants.heading.waitFor({ timeout: 30_000 });
    await expect.poll(() => participants.count(), { timeout: 30_000 }).toBe(1);
    await participants.open('Health visitor 1');
    expect(await participants.editor.getByTestId('participant-real-name').inputValue()).toBe('Sam Fictional');
    await screenshot(page, 'm365-after-reload');
    expect(errors).toEqual([]);
    await context.close();
  });
});
