// The app inside a Microsoft 365 host, through the host harness (tests/host-harness): the channel tab, the
// configuration page, the meeting side panel and stage, and the three Teams themes. Microsoft 365 mode runs
// against the Graph double with the test sign-in (the harness's user is signed in as nested app auth would).
// FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createGraphReviewStore } from '../../src/adapters/graph';
import type { Conversation, Review } from '../../src/domain/model';
import { createTestReview, testService } from '../fixtures/builders';
import { launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { answerTeamsCdn, collectAppErrors, doubleToken, expectAccessibleInHost, HostHarness, m365, type TeamsThemeName } from './support/host-harness';

/** The meeting chat the harness reports for side panel and stage (context.chat.id). */
const MEETING_THREAD = '19:meeting_aGFybmVzcw@thread.v2';
const MEETING_LINK = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(MEETING_THREAD)}/0?context=%7b%22Tid%22%3a%22harness%22%7d`;

describe('the app in a Teams host (harness)', () => {
  let browser: Browser;
  let review: Review;
  let conversation: Conversation;

  beforeAll(async () => {
    // Seed a fictional review with a scheduled conversation through the Graph store itself.
    const { graph } = m365();
    const token = await doubleToken(graph.reviewer);
    const store = createGraphReviewStore({ graphBaseUrl: graph.url, getAccessToken: () => Promise.resolve(token), teamId: graph.teamId, registerSiteId: graph.siteId, channelOwner: graph.reviewer });
    const service = testService(store, 'host');
    review = await createTestReview(service, 'Harness Kestrel');
    const participant = await service.addRecord('participant', review.id, {
      kind: 'practitioner',
      agencyId: review.agencies[0]?.id ?? null,
      roleTitle: 'Health visitor',
      realName: 'Robin Fictional',
      reportLabel: 'Health visitor 1',
      introductionLetter: { status: 'notSent', on: null },
    });
    if (!participant.ok) throw new Error(JSON.stringify(participant.error));
    const added = await service.addRecord('conversation', review.id, {
      participantId: participant.value.id,
      leadQuestionerId: null,
      leadNoteTakerId: null,
      status: 'scheduled',
      scheduledStart: '2026-03-02T10:00:00.000Z',
      meetingLink: MEETING_LINK,
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    conversation = added.value;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function openPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await newIsolatedContext(browser);
    await answerTeamsCdn(context);
    const page = await context.newPage();
    return { context, page, errors: collectAppErrors(page) };
  }

  const recordPath = () => `/reviews/${review.id}/conversations/${conversation.id}`;

  it('runs a channel tab in Microsoft 365 mode: initialises, reads the context, signs in and tells Teams it is ready', async () => {
    const { context, page, errors } = await openPage();
    const harness = await HostHarness.open(page, { frameContext: 'content', app: `/index.html#/reviews/${review.id}` });
    await harness.expectLoaded();
    await expect.poll(() => harness.app.getByTestId('mode-badge').textContent()).toContain('Microsoft 365');
    await expect.poll(() => harness.app.getByText('Harness Kestrel').first().isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await harness.appPath()).toBe(`/reviews/${review.id}`);
    await expectAccessibleInHost(page, 'channel tab');
    await screenshot(page, 'host-channel-tab');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the facilitators’ guide in the meeting side panel', async () => {
    const { context, page, errors } = await openPage();
    const harness = await HostHarness.open(page, { frameContext: 'sidePanel', app: `/index.html#${recordPath()}` });
    await harness.expectLoaded();
    await expect.poll(() => harness.appPath()).toBe(`${recordPath()}/guide`);
    await expect.poll(() => harness.app.getByRole('heading', { level: 1 }).first().isVisible(), { timeout: 30_000 }).toBe(true);
    // In a meeting the guide offers to share the participant's own view to the stage (RSC MeetingStage.Write.Chat).
    await harness.app.getByTestId('share-to-stage').click();
    await expect.poll(() => harness.app.getByText('Shared to the meeting stage.').isVisible()).toBe(true);
    await expectAccessibleInHost(page, 'side panel');
    await screenshot(page, 'host-side-panel');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds the conversation from the meeting when the side panel’s tab does not name it', async () => {
    const { context, page, errors } = await openPage();
    const harness = await HostHarness.open(page, { frameContext: 'sidePanel', app: `/index.html#/reviews/${review.id}`, chatId: MEETING_THREAD });
    await harness.expectLoaded();
    await expect.poll(() => harness.appPath(), { timeout: 30_000 }).toBe(`${recordPath()}/guide`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the participant-facing view on the meeting stage', async () => {
    const { context, page, errors } = await openPage();
    const harness = await HostHarness.open(page, { frameContext: 'meetingStage', app: `/index.html#${recordPath()}` });
    await harness.expectLoaded();
    await expect.poll(() => harness.appPath()).toBe(`${recordPath()}/stage`);
    await expect.poll(() => harness.app.getByRole('heading', { level: 1 }).first().isVisible(), { timeout: 30_000 }).toBe(true);
    await expectAccessibleInHost(page, 'meeting stage');
    await screenshot(page, 'host-meeting-stage');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('configures a channel tab: Save stays disabled until a review is chosen, then stores its address', async () => {
    const { context, page, errors } = await openPage();
    const harness = await HostHarness.open(page, { frameContext: 'settings', app: '/index.html#/config' });
    await harness.expectLoaded();
    const reviewSelect = harness.app.getByTestId('config-review');
    await expect.poll(() => reviewSelect.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await harness.validity()).toBe(false);
    await reviewSelect.selectOption({ label: 'Harness Kestrel' });
    await expect.poll(() => harness.validity()).toBe(true);
    await expectAccessibleInHost(page, 'tab configuration');
    await screenshot(page, 'host-tab-config');
    await harness.save();
    await expect.poll(() => harness.funcs()).toContain('settings.save.success');
    const saved = await harness.savedConfig();
    expect(saved?.contentUrl).toBe(`${m365().appUrl}index.html#/reviews/${review.id}`);
    expect(saved?.websiteUrl).toBe(saved?.contentUrl);
    expect(saved?.entityId).toBe(`review:${review.id}`);
    expect(saved?.suggestedDisplayName).toBe('Harness Kestrel');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('configures a meeting tab with the conversation this meeting is for already chosen', async () => {
    const { context, page, errors } = await openPage();
    const harness = await HostHarness.open(page, { frameContext: 'settings', app: '/index.html#/config', chatId: MEETING_THREAD });
    await harness.expectLoaded();
    await expect.poll(() => harness.validity(), { timeout: 30_000 }).toBe(true);
    expect(await harness.app.getByTestId('config-conversation').inputValue()).toBe(conversation.id);
    await harness.save();
    await expect.poll(() => harness.funcs()).toContain('settings.save.success');
    expect((await harness.savedConfig())?.contentUrl).toBe(`${m365().appUrl}index.html#${recordPath()}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes its theme from the host at start and follows the host’s theme changes', async () => {
    const { context, page, errors } = await openPage();
    const harness = await HostHarness.open(page, { frameContext: 'content', app: `/index.html#/reviews/${review.id}`, theme: 'dark' });
    await harness.expectLoaded();
    const provider = harness.app.locator('[data-theme]').first();
    await expect.poll(() => provider.getAttribute('data-theme')).toBe('dark');
    // Inside Teams the host decides the theme: the app offers no theme switch of its own.
    expect(await harness.app.getByTestId('theme-switch').count()).toBe(0);
    await expect.poll(() => harness.app.getByText('Harness Kestrel').first().isVisible(), { timeout: 30_000 }).toBe(true);
    const backgrounds = new Set<string>();
    for (const theme of ['default', 'dark', 'contrast'] satisfies TeamsThemeName[]) {
      await harness.setTheme(theme);
      await expect.poll(() => provider.getAttribute('data-theme')).toBe(theme);
      backgrounds.add(await provider.evaluate((element) => getComputedStyle(element).backgroundColor));
      await expectAccessibleInHost(page, `channel tab, ${theme} theme`);
      await screenshot(page, `host-theme-${theme}`);
    }
    expect(backgrounds.size).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });
});
