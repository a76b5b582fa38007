// Scheduling a conversation in Microsoft 365 mode over the Graph double: a Teams meeting in the signed-in
// facilitator's Outlook calendar, moved, moved again in Outlook itself (noticed when the review opens), and
// cancelled. FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createGraphReviewStore } from '../../src/adapters/graph';
import { expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { collectAppErrors, doubleToken, m365 } from './support/host-harness';
import { SchedulingPanel } from './pages/SchedulingPanel';
import { GUIDE_CONVERSATION_ID, guideFixture } from '../fixtures/guide-fixture';

interface OutlookEvent {
  readonly id: string;
  readonly iCalUId: string;
  readonly isOnlineMeeting: boolean;
  readonly start: { dateTime: string };
  readonly onlineMeeting: { joinUrl: string } | null;
}

async function outlookEvents(): Promise<OutlookEvent[]> {
  const { graph } = m365();
  const token = await doubleToken(graph.reviewer);
  const response = await fetch(`${graph.url}/me/events`, { headers: { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="Europe/London"' } });
  return ((await response.json()) as { value: OutlookEvent[] }).value;
}

async function signedIn(page: Page, path: string, ready: string): Promise<void> {
  const { appUrl } = m365();
  await page.goto(`${appUrl}#${path}`);
  const signIn = page.getByTestId('sign-in');
  const target = page.getByTestId(ready);
  await Promise.race([target.waitFor({ timeout: 60_000 }), signIn.waitFor({ timeout: 60_000 })]);
  if (await signIn.isVisible()) await signIn.click();
  await target.waitFor({ timeout: 60_000 });
}

describe('scheduling a conversation in Microsoft 365 mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('makes a Teams meeting in Outlook, moves it, notices a move made in Outlook, and cancels it', async () => {
    const { graph } = m365();
    const token = await doubleToken(graph.reviewer);
    const store = createGraphReviewStore({
      graphBaseUrl: graph.url,
      getAccessToken: () => Promise.resolve(token),
      teamId: graph.teamId,
      registerSiteId: graph.siteId,
      channelOwner: graph.reviewer,
    });
    const reviewId = `rev-sched-m365-${Date.now().toString(36)}`;
    const imported = await store.importSnapshot(guideFixture(reviewId), { replace: false });
    expect(imported.ok ? 'ok' : JSON.stringify(imported.error)).toBe('ok');
    const before = (await outlookEvents()).length;

    const context = await newIsolatedContext(browser, { width: 1280, height: 1000, timezoneId: 'Europe/London' });
    const page = await context.newPage();
    const errors = collectAppErrors(page);
    await signedIn(page, `/reviews/${encodeURIComponent(reviewId)}/conversations/${GUIDE_CONVERSATION_ID}`, 'conversation-scheduling');
    const panel = new SchedulingPanel(page);

    await panel.fill('11/01/2027', '10:00', '90');
    await panel.scheduleButton().click();
    await expect.poll(() => panel.message().textContent(), { timeout: 30_000 }).toContain('The Teams meeting is in Outlook');
    const events = await outlookEvents();
    expect(events).toHaveLength(before + 1);
    const event = events.find((candidate) => candidate.start.dateTime.startsWith('2027-01-11T10:00'))!;
    expect(event.isOnlineMeeting).toBe(true);
    await expect.poll(() => panel.root.getByTestId('meeting-join-link').getAttribute('href')).toBe(event.onlineMeeting?.joinUrl);
    await screenshot(page, 'scheduling-m365-scheduled');
    await panel.root.screenshot({ path: 'tests/artifacts/screenshots/scheduling-m365-panel.png' });
    await expectAccessible(page, 'conversation scheduling (Microsoft 365)');

    await panel.fill('12/01/2027', '14:00', '60');
    await panel.scheduleButton().click();
    await expect.poll(() => panel.message().textContent(), { timeout: 30_000 }).toContain('Moved');
    await expect.poll(async () => (await outlookEvents()).find((candidate) => candidate.id === event.id)?.start.dateTime).toMatch(/^2027-01-12T14:00/);

    await expect
      .poll(
        async () => {
          const loaded = await store.loadReview(reviewId as never);
          return loaded.ok ? loaded.value.meetings.map((meeting) => meeting.start) : JSON.stringify(loaded.error);
        },
        { timeout: 30_000 },
      )
      .toEqual(['2027-01-12T14:00:00.000Z']);

    // Someone moves it in Outlook: when the review opens, the overview says so and the review follows.
    const moved = await fetch(`${graph.url}/me/events/${encodeURIComponent(event.id)}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        start: { dateTime: '2027-01-13T09:30:00', timeZone: 'Europe/London' },
        end: { dateTime: '2027-01-13T10:30:00', timeZone: 'Europe/London' },
      }),
    });
    expect(moved.status).toBe(200);
    await page.goto('about:blank');
    await signedIn(page, `/reviews/${encodeURIComponent(reviewId)}`, 'scheduling-overview');
    await expect.poll(() => page.getByTestId('calendar-reconciled').first().textContent(), { timeout: 30_000 }).toContain('was moved in Outlook');
    await page.getByTestId('scheduling-overview').screenshot({ path: 'tests/artifacts/screenshots/scheduling-m365-reconciled.png' });

    await signedIn(page, `/reviews/${encodeURIComponent(reviewId)}/conversations/${GUIDE_CONVERSATION_ID}`, 'conversation-scheduling');
    await expect.poll(() => panel.scheduled().textContent(), { timeout: 30_000 }).toContain('13 January 2027 at 09:30 GMT');
    await panel.cancel('We need to find another time.');
    await expect.poll(() => panel.message().textContent(), { timeout: 30_000 }).toContain('Cancelled');
    expect((await outlookEvents()).some((candidate) => candidate.id === event.id)).toBe(false);
    await screenshot(page, 'scheduling-m365-cancelled');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
