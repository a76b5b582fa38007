// Microsoft 365 mode, creating a review while SharePoint has not finished the new channel's site (issue 9): the
// coordinator sees the setup wait, closes the tab, comes back, carries on, and the review is there. FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createGraphReviewStore } from '../../src/adapters/graph';
import { launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { doubleToken, m365 } from './support/host-harness';
import { NewReviewPage } from './pages/NewReviewPage';

async function setChannelSiteDelay(ms: number): Promise<void> {
  await fetch(`${m365().graph.origin}/_double/channel-site-delay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ms }) });
}

describe('creating a review while the channel’s site is not ready (Microsoft 365 mode)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await setChannelSiteDelay(0);
    await browser?.close();
  });

  it('shows the wait, survives closing the tab, and finishes when resumed', { timeout: 240_000 }, async () => {
    const { graph, appUrl } = m365();
    await setChannelSiteDelay(25_000);
    const context = await newIsolatedContext(browser);
    const first = await context.newPage();
    await first.goto(appUrl);
    await first.getByTestId('sign-in').click();
    await first.getByRole('button', { name: 'New review' }).click({ timeout: 30_000 });
    const newReview = new NewReviewPage(first);
    await newReview.fill({
      codename: 'Shearwater',
      questions: ['How did agencies hear what the child was saying? (fictional)'],
      trigger: 'Routine practice',
      from: '2025-01-01',
      to: '2025-11-11',
      agencies: ['Health Visiting (fictional)'],
    });
    await newReview.submit();
    // The setup is waiting for SharePoint: the coordinator sees it, with the step it is on.
    await first.getByTestId('review-setup-waiting').waitFor({ timeout: 30_000 });
    expect(await first.getByTestId('review-setup-progress').textContent()).toContain('Shearwater');
    await screenshot(first, 'm365-review-setup-waiting');
    await first.close();

    // Later, in a new tab: the stopped setup is listed, and carrying on finishes it.
    await new Promise((resolve) => setTimeout(resolve, 25_000));
    const second = await context.newPage();
    await second.goto(appUrl);
    // A new tab signs in again (the test sign-in, like MSAL here, keeps its session per tab).
    await second.getByTestId('sign-in').click({ timeout: 30_000 });
    await second.getByTestId('review-setup-pending').waitFor({ timeout: 30_000 });
    expect(await second.getByTestId('review-setup-pending').textContent()).toContain('Shearwater');
    await screenshot(second, 'm365-review-setup-pending');
    await second.getByTestId('review-setup-resume').click();
    await second.getByTestId('stage-tracker').waitFor({ timeout: 60_000 });

    const token = await doubleToken(graph.reviewer);
    const store = createGraphReviewStore({ graphBaseUrl: graph.url, getAccessToken: () => Promise.resolve(token), teamId: graph.teamId, registerSiteId: graph.siteId });
    const listed = await store.listReviews();
    expect(listed.ok && listed.value.filter((summary) => summary.codename === 'Shearwater')).toHaveLength(1);
    await context.close();
  });
});
