import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { storedRecords } from './pages/GuidePage';
import { SchedulingPanel } from './pages/SchedulingPanel';

/**
 * Scheduling a conversation in standalone mode: the fictional training case's cancelled conversation with the
 * housing officer is given a time (iCalendar invitation), moved, and cancelled; bad input is refused with a clear
 * message and the .ics keeps one UID with a rising SEQUENCE. The browser runs in Europe/London.
 */
const CONVERSATION = 'con-housing';

async function openTrainingCase(page: Page): Promise<string> {
  await page.goto(baseUrl());
  await page.getByTestId('open-training-case').first().click();
  await page.waitForURL(/#\/reviews\/[^/]+$/, { timeout: 30_000 });
  const match = /#\/reviews\/([^/?#]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`No review opened: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

const meetingsOf = async (page: Page, reviewId: string) =>
  (await storedRecords(page, reviewId)).filter((row) => row.kind === 'meeting' && row.record.conversationId === CONVERSATION).map((row) => row.record);

describe('scheduling a conversation (standalone)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('schedules, moves and cancels a conversation as an iCalendar invitation', async () => {
    const context = await newIsolatedContext(browser, { width: 1280, height: 1000, timezoneId: 'Europe/London' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const reviewId = await openTrainingCase(page);
    await page.goto(`${baseUrl()}#/reviews/${encodeURIComponent(reviewId)}/conversations/${CONVERSATION}`);
    const panel = new SchedulingPanel(page);
    await panel.root.waitFor();

    // Too long for a one-to-one conversation; then a time already passed.
    await panel.fill('11/01/2027', '10:00', '120');
    await expect.poll(() => panel.root.textContent()).toContain('at most 90 minutes');
    expect(await panel.scheduleButton().getAttribute('aria-disabled')).toBe('true');
    await panel.fill('04/01/2021', '10:00', '90');
    await expect.poll(() => panel.root.textContent()).toContain('already passed');
    await screenshot(page, 'scheduling-refused');
    await panel.root.screenshot({ path: 'tests/artifacts/screenshots/scheduling-panel-refused.png' });

    await panel.fill('11/01/2027', '10:00', '90');
    await panel.scheduleButton().click();
    await expect.poll(() => panel.message().textContent(), { timeout: 15_000 }).toContain('Scheduled');
    await expect.poll(() => panel.scheduled().textContent()).toContain('11 January 2027 at 10:00 GMT');
    await expect.poll(async () => (await meetingsOf(page, reviewId)).length, { timeout: 10_000 }).toBe(1);
    const [first] = await meetingsOf(page, reviewId);
    const uid = (first?.calendar as { uid: string }).uid;
    expect(first).toMatchObject({ status: 'scheduled', start: '2027-01-11T10:00:00.000Z', calendar: { system: 'icalendar', sequence: 0 } });
    await screenshot(page, 'scheduling-scheduled');
    await panel.root.screenshot({ path: 'tests/artifacts/screenshots/scheduling-panel-scheduled.png' });
    await expectAccessible(page, 'conversation scheduling');

    // Moved into British Summer Time: 14:00 London is 13:00 UTC.
    await panel.fill('05/04/2027', '14:00', '60');
    await panel.scheduleButton().click();
    await expect.poll(() => panel.message().textContent(), { timeout: 15_000 }).toContain('Moved');
    await expect.poll(async () => (await meetingsOf(page, reviewId))[0]?.start, { timeout: 10_000 }).toBe('2027-04-05T13:00:00.000Z');
    const ics = await panel.downloadIcs();
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:${uid}`);
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20270405T140000');
    expect(ics).toContain('BEGIN:VTIMEZONE');

    await panel.cancel('We need to find another time.');
    await expect.poll(() => panel.message().textContent(), { timeout: 15_000 }).toContain('Cancelled');
    const cancelIcs = await panel.downloadIcs();
    expect(cancelIcs).toContain('METHOD:CANCEL');
    expect(cancelIcs).toContain('SEQUENCE:2');
    expect(cancelIcs).toContain(`UID:${uid}`);
    await expect
      .poll(async () => (await storedRecords(page, reviewId)).find((row) => row.record.id === CONVERSATION)?.record.status, { timeout: 10_000 })
      .toBe('toArrange');
    await screenshot(page, 'scheduling-cancelled');
    await panel.root.screenshot({ path: 'tests/artifacts/screenshots/scheduling-panel-cancelled.png' });

    // The overview says who has not been offered a conversation.
    await page.goto(`${baseUrl()}#/reviews/${encodeURIComponent(reviewId)}`);
    await page.getByTestId('scheduling-overview').waitFor();
    await expect.poll(() => page.getByTestId('not-scheduled').textContent()).toContain('Conversations not yet scheduled');
    await screenshot(page, 'scheduling-overview');
    await page.getByTestId('scheduling-overview').screenshot({ path: 'tests/artifacts/screenshots/scheduling-overview-section.png' });
    expect(errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
    await context.close();
  }, 120_000);
});
