// FICTIONAL data throughout: every name, agency and event in this journey is invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { ReviewsPage } from './pages/ReviewsPage';
import { NewReviewPage } from './pages/NewReviewPage';
import { OverviewPage } from './pages/OverviewPage';
import { TeamPage } from './pages/TeamPage';
import { ParticipantsPage } from './pages/ParticipantsPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { ConversationsPage } from './pages/ConversationsPage';
import { appUrl, chooseTheme, reviewIdIn } from './pages/workspace-base';
import { seedSnapshot } from './support/seed-analysis';
import { generateLargeFixture } from '../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';

const SOCIAL_CARE = 'Children’s Social Care (fictional)';
const HEALTH = 'Health Visiting (fictional)';
const SCHOOL = 'Primary School (fictional)';

describe('setting up a review: reviews, overview, team, participants, documents, conversations', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let reviewId = '';
  const ids: { participant?: string; document?: string; conversation?: string } = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newIsolatedContext(browser);
    page = await context.newPage();
    errors = collectPageErrors(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('creates a review from nothing, keyboard only, after refusing bad input', async () => {
    const reviews = new ReviewsPage(page);
    await reviews.goto();
    await expect.poll(() => reviews.emptyState.isVisible()).toBe(true);
    await expectAccessible(page, 'reviews (empty)');

    await reviews.startNewReview();
    const form = new NewReviewPage(page);
    await expectAccessible(page, 'new review');
    // Bad input: an over-long codename and an empty question are refused inline; nothing is created.
    await form.codename.fill('K'.repeat(81));
    await form.submit();
    await expect.poll(() => form.fieldMessage(form.codename)).toBe('Codename is at most 80 characters');
    expect(await form.fieldMessage(form.question(0))).toBe('Question for review is required');
    expect(await form.problemSummary.textContent()).toContain('choose what prompted the review');
    expect(await form.problemSummary.textContent()).toContain('Question 1 is required');
    expect(page.url()).toContain('#/reviews/new');
    await expectAccessible(page, 'new review with problems');
    await screenshot(page, 'setting-up-a-review/new-review-problems');

    await form.codename.fill('');
    await form.createWithKeyboard({
      codename: 'Kestrel',
      questions: ['How did agencies share what they knew about the family? (fictional)', 'What helped practice go well? (fictional)'],
      triggerPosition: 1,
      from: '2025-01-01',
      to: '2025-11-11',
      agencies: [SOCIAL_CARE, HEALTH, SCHOOL],
    });
    reviewId = reviewIdIn(page);
    const overview = new OverviewPage(page);
    expect(await overview.currentStage()).toBe('preparation');
    expect(await overview.details.getByTestId('review-questions').getByRole('textbox').count()).toBe(2);
    expect(await overview.details.getByRole('radio', { name: /^Routine practice/ }).isChecked()).toBe(true);
    expect(await overview.details.getByTestId('agencies-editor').locator('li').allTextContents()).toEqual(
      [SOCIAL_CARE, HEALTH, SCHOOL].map((name) => `${name}Remove`),
    );
    expect(await overview.openPoints()).toContain('The review team has no lead reviewer');

    await reviews.goto();
    expect(await reviews.codenames()).toEqual(['Kestrel']);
    expect(await reviews.row('Kestrel').textContent()).toContain('Routine practice');
  });

  it('builds the team and says plainly when the facilitators are not two', async () => {
    const team = new TeamPage(page);
    await team.goto(reviewId);
    expect(await team.composition.textContent()).toContain('no lead reviewer');
    await team.addMember({ name: 'Robin Ashdown (fictional)', role: 'Lead reviewer', email: 'robin@example.org', profession: 'Social work' });
    await team.addMember({ name: 'Sam Okafor (fictional)', role: 'Facilitator', profession: 'Health visiting' });
    expect(await team.composition.textContent()).toContain('The team has one facilitator');
    await team.addMember({ name: 'Lee Carver (fictional)', role: 'Facilitator', profession: 'Education' });
    await team.addMemberWithKeyboard({ name: 'Morgan Pryce (fictional)', role: 'LSCB coordinator' });
    expect(await team.editor.getByTestId('member-role').inputValue()).toBe('lscbCoordinator');
    expect(await team.composition.textContent()).toContain('The team has a lead reviewer and the two facilitators');
    expect(await team.memberNames()).toEqual(['Robin Ashdown (fictional)', 'Lee Carver (fictional)', 'Sam Okafor (fictional)', 'Morgan Pryce (fictional)']);
    // An edit saves itself and shows it.
    await team.editor.getByTestId('member-profession').fill('Board business manager');
    await team.waitForSaved(team.editor);
    await expectAccessible(page, 'team');
  });

  it('adds six participants, family first-class, and refuses a duplicate', async () => {
    const participants = new ParticipantsPage(page);
    await participants.goto(reviewId);
    await participants.addParticipant({ kind: 'Family member', roleTitle: 'Mother', realName: 'Dana Holloway (fictional)' });
    expect(await participants.editor.getByTestId('participant-report-label').inputValue()).toBe('Family member A');
    await participants.addParticipant({ kind: 'Child or young person', realName: 'Kit Holloway (fictional)' });
    await participants.addParticipant({ kind: 'Carer', roleTitle: 'Grandmother', realName: 'Iris Holloway (fictional)', reportLabel: 'Grandmother' });
    ids.participant = await participants.addParticipant({ kind: 'Practitioner', agency: SOCIAL_CARE, roleTitle: 'Social worker', realName: 'Alex Fenwick (fictional)' });
    await participants.addParticipant({ kind: 'Practitioner', agency: HEALTH, roleTitle: 'Health visitor', realName: 'Jo Marsh (fictional)' });
    await participants.addParticipant({ kind: 'First-line manager', agency: SCHOOL, roleTitle: 'Head teacher', realName: 'Chris Dunmore (fictional)' });
    expect(await participants.count()).toBe(6);

    const problems = await participants.addExpectingProblems({ kind: 'Practitioner', agency: SOCIAL_CARE, roleTitle: 'Social worker', realName: '  alex fenwick (FICTIONAL)', reportLabel: 'Social worker 2' });
    expect(problems).toEqual(['alex fenwick (FICTIONAL) from Children’s Social Care (fictional) is already a participant (shown as “Social worker, Children’s Social Care”)']);
    expect(await participants.fieldMessage(participants.form.getByTestId('participant-real-name'))).toContain('is already a participant');
    expect(await participants.count()).toBe(6);
    await expectAccessible(page, 'participants (add form with a problem)');

    // Family members come first in the list, under their pseudonyms.
    const labels = await participants.list.getByRole('option').evaluateAll((options) => options.map((option) => option.querySelector('.fui-Text')?.textContent ?? ''));
    expect(labels.slice(0, 3).sort()).toEqual(['Child A', 'Family member A', 'Grandmother']);

    // Filter by kind: only family kinds.
    await page.getByTestId('filter-agency').selectOption({ label: 'Family (no agency)' });
    expect(await participants.count()).toBe(3);
    await page.getByTestId('filter-agency').selectOption({ label: 'All agencies and family' });

    // Keyboard in the virtual list: one tab stop, arrows to move, Enter to open.
    await participants.list.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await participants.editor.waitFor();
    expect(await participants.editor.getByRole('heading', { level: 2 }).textContent()).toBe('Social worker, Children’s Social Care');
  });

  it('keeps every edit across a reload', async () => {
    const participants = new ParticipantsPage(page);
    await participants.goto(reviewId, ids.participant);
    await participants.setSignificance('Key', 'Held the case for most of the period (fictional).');
    await participants.editor.getByTestId('participant-letter-status').selectOption({ label: 'Sent' });
    await participants.editor.getByTestId('participant-letter-date').fill('2026-01-10');
    await participants.addIdentifier('AF');
    await participants.waitForSaved(participants.editor);
    // A letter marked sent without its date is refused inline and not stored.
    await participants.editor.getByTestId('participant-letter-date').fill('');
    await expect.poll(() => participants.saveStatus(participants.editor).getAttribute('data-status')).toBe('invalid');
    expect(await participants.fieldMessage(participants.editor.getByTestId('participant-letter-date'))).toBe('the date the letter was sent is required');
    await page.reload();
    await participants.editor.waitFor();
    expect(await participants.editor.getByTestId('participant-significance').inputValue()).toBe('key');
    expect(await participants.editor.getByLabel('Note on significance').inputValue()).toBe('Held the case for most of the period (fictional).');
    expect(await participants.editor.getByTestId('participant-letter-date').inputValue()).toBe('10/01/2026'); // shown day first, stored as 2026-01-10
    expect(await participants.editor.getByTestId('participant-identifiers').getByRole('textbox').inputValue()).toBe('AF');
  });

  it('logs two documents and refuses one whose period lies outside the review', async () => {
    const documents = new DocumentsPage(page);
    await documents.goto(reviewId);
    ids.document = await documents.addDocument({ agency: SOCIAL_CARE, title: 'Case file (fictional)', recordType: 'Case file', from: '2025-01-01', to: '2025-10-31' });
    await documents.notes.fill('Read in full by the lead reviewer.');
    await documents.waitForSaved(documents.editor);
    await documents.addDocument({ agency: HEALTH, title: 'Health visiting records (fictional)', recordType: 'Health records', from: '2024-06-01', to: '2025-08-31' });
    // Partly outside: stored with a warning.
    expect(await documents.fieldMessage(documents.editor.getByTestId('document-period').getByLabel(/^From/))).toMatch(/starts before the period under review/i);
    const problems = await documents.addExpectingProblems({ agency: SCHOOL, title: 'Old attendance log (fictional)', recordType: 'School records', from: '2023-01-01', to: '2024-07-31' });
    expect(problems).toEqual(['the record ends on 31 July 2024, before the period under review (1 January 2025 to 11 November 2025) begins']);
    expect(await documents.count()).toBe(2);
    await expectAccessible(page, 'documents (add form with a problem)');
  });

  it('records a conversation with notes on several steps', async () => {
    const conversations = new ConversationsPage(page);
    await conversations.goto(reviewId);
    expect(await conversations.rowText('Social worker, Children’s Social Care')).toContain('To arrange');
    ids.conversation = await conversations.arrange('Social worker, Children’s Social Care', { questioner: 'Sam Okafor (fictional)', noteTaker: 'Lee Carver (fictional)' });
    await conversations.schedule('2025-10-30', '10:30');
    await conversations.setStatus('Held');
    await conversations.editor.getByTestId('conversation-link').fill('https://meet.example.org/fictional');
    await conversations.setRecording('Recording held');
    await conversations.waitForSaved(conversations.editor.locator('> div').first());
    // A date before the period under review is refused, naming the period.
    await conversations.schedule('2024-12-01', '10:30');
    await expect.poll(() => conversations.conversationStatus.getAttribute('data-status')).toBe('invalid');
    expect(await conversations.fieldMessage(conversations.editor.getByTestId('conversation-date'))).toContain('before the period under review');
    await conversations.schedule('2025-10-30', '10:30');
    await conversations.waitForSaved(conversations.editor.locator('> div').first());
    expect(await conversations.editor.getByText('Stored as').textContent()).toContain('30 Oct 2025, 10:30');

    await conversations.step('1').getByRole('checkbox', { name: 'Purpose of the conversation' }).check();
    await conversations.waitForSaved(conversations.step('1'));
    await conversations.writeStepNote('2', 'Described the referral and the first home visit (fictional).');
    await conversations.writeStepNote('3b', 'Was worried about the size of the caseload at the time (fictional).');
    await conversations.writeStepNote('5', 'Joint visits with the health visitor worked well (fictional).');
    await conversations.addWentWell('Joint visits with health visiting (fictional)');
    await conversations.addSuggestedChange('A shared chronology from the start (fictional)');
    await conversations.pasteWrittenRecord('Agreed notes of the conversation (fictional).');
    await conversations.waitForSaved(conversations.editor.locator('> div').first());
    expect(await conversations.editor.getByTestId('open-guide').getAttribute('href')).toBe(`#/reviews/${reviewId}/conversations/${ids.conversation}/guide`);
    await expectAccessible(page, 'conversation');

    await page.reload();
    await conversations.editor.waitFor();
    expect(await conversations.step('2').getByTestId('step-notes-2').inputValue()).toBe('Described the referral and the first home visit (fictional).');
    expect(await conversations.step('1').getByRole('checkbox', { name: 'Purpose of the conversation' }).isChecked()).toBe(true);
    expect(await conversations.editor.getByTestId('written-record-text').inputValue()).toBe('Agreed notes of the conversation (fictional).');
    expect(await conversations.editor.getByTestId('went-well').getByRole('textbox').first().inputValue()).toBe('Joint visits with health visiting (fictional)');
    expect(await conversations.rowText('Social worker, Children’s Social Care')).toContain('Held');
    expect(await conversations.rowText('Family member A')).toContain('To arrange');
  });

  it('settles a conflict between two pages by keeping both texts', async () => {
    const second = await context.newPage();
    const secondErrors = collectPageErrors(second);
    const mine = new DocumentsPage(page);
    const theirs = new DocumentsPage(second);
    await mine.goto(reviewId, ids.document);
    await theirs.goto(reviewId, ids.document);
    // Both change the same notes: the second page's edit is pending while the first page saves.
    const firstText = 'Checked against the chronology (first page).';
    const secondText = 'Seen by the health reviewer too (second page).';
    await theirs.notes.fill(secondText);
    await mine.notes.fill(firstText);
    await mine.notes.blur();
    // Usually the second page finds the conflict; on a slow machine its pause may end first, and then the first
    // page does. Either way one page shows both versions.
    const withDialog = await Promise.race([
      second.getByTestId('conflict-dialog').waitFor({ timeout: 15_000 }).then(() => ({ page: second, own: secondText, other: firstText })),
      page.getByTestId('conflict-dialog').waitFor({ timeout: 15_000 }).then(() => ({ page, own: firstText, other: secondText })),
    ]);
    const dialog = withDialog.page.getByTestId('conflict-dialog');
    expect(await dialog.getByTestId('conflict-mine-notes').textContent()).toBe(withDialog.own);
    expect(await dialog.getByTestId('conflict-theirs-notes').textContent()).toBe(withDialog.other);
    await expectAccessible(withDialog.page, 'conflict dialog');
    await screenshot(withDialog.page, 'setting-up-a-review/conflict-dialog');
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await new DocumentsPage(withDialog.page).waitForSaved(withDialog.page.getByTestId('document-editor'));
    await page.reload();
    await mine.editor.waitFor();
    const kept = await mine.notes.inputValue();
    expect(kept).toContain(firstText);
    expect(kept).toContain(secondText);
    expect(secondErrors).toEqual([]);
    await second.close();
  });

  it('shows what is needed to move on, moves with a reason, and goes back', async () => {
    const overview = new OverviewPage(page);
    await overview.goto(reviewId);
    const open = await overview.openPoints();
    expect(open).toContain('5 participants have not been sent the introductory letter');
    expect(open).not.toContain('The review team has no lead reviewer');
    expect(await overview.nextStep.getByRole('link').getAttribute('href')).toBe(`#/reviews/${reviewId}/participants`);
    await page.getByTestId('move-forward').click();
    expect(await overview.fieldMessage(page.getByTestId('override-reason'))).toBe('Say why the review should go ahead with these still open');
    expect(await overview.currentStage()).toBe('preparation');
    await overview.moveForward('Letters go out this week; conversations can be booked meanwhile (fictional).');
    expect(await overview.currentStage()).toBe('dataCollection');
    expect(await overview.history.textContent()).toContain('Letters go out this week');
    await overview.moveBack('Preparation', 'A new participant was identified (fictional).');
    expect(await overview.currentStage()).toBe('preparation');
    await overview.setCodename('Kestrel North');
    await page.reload();
    await overview.details.waitFor();
    expect(await overview.details.getByTestId('review-codename').inputValue()).toBe('Kestrel North');
    await expectAccessible(page, 'overview');
  });

  it('looks right in the light, dark and high-contrast themes', async () => {
    const screens: Array<[string, string]> = [
      ['reviews', '/'],
      ['new-review', '/reviews/new'],
      ['overview', `/reviews/${reviewId}`],
      ['team', `/reviews/${reviewId}/team`],
      ['participants', `/reviews/${reviewId}/participants/${ids.participant}`],
      ['documents', `/reviews/${reviewId}/documents/${ids.document}`],
      ['conversations', `/reviews/${reviewId}/conversations/${ids.conversation}`],
    ];
    const themes = [
      ['default', 'Light'],
      ['dark', 'Dark'],
      ['contrast', 'High contrast'],
    ] as const;
    for (const [theme, label] of themes) {
      await page.goto(appUrl('/'));
      await chooseTheme(page, label);
      for (const [name, path] of screens) {
        await page.goto(appUrl(path));
        await page.locator('#screen-title').waitFor();
        await page.locator(`[data-theme="${theme}"]`).first().waitFor();
        await page.waitForTimeout(150);
        if (theme !== 'default') await expectAccessible(page, `${name} (${theme})`);
        await screenshot(page, `setting-up-a-review/${name}-${theme}`);
      }
    }
    await chooseTheme(page, 'Light');
  });

  it('stays smooth and keyboard-usable with the large fixture (40 participants, 80 conversations)', async () => {
    const large = generateLargeFixture({ random: mulberry32(7), reviewId: 'rev-large-workspace-a' });
    await seedSnapshot(page, large);
    const participants = new ParticipantsPage(page);
    const started = Date.now();
    await participants.goto(large.review.id);
    await participants.list.waitFor();
    expect(await participants.count()).toBe(large.participants.length);
    // Only the rows in view are in the page.
    const rendered = await participants.list.getByRole('option').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(large.participants.length);
    await participants.list.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await participants.editor.waitFor();
    const last = await participants.list.getByRole('option', { selected: true }).getAttribute('aria-posinset');
    expect(Number(last)).toBe(large.participants.length);
    await expectAccessible(page, 'participants (large fixture)');

    const conversations = new ConversationsPage(page);
    await conversations.goto(large.review.id);
    await conversations.list.waitFor();
    expect(Number(await conversations.list.getAttribute('data-count'))).toBeGreaterThanOrEqual(large.conversations.length);
    expect(await conversations.list.getByRole('option').count()).toBeLessThan(40);
    await conversations.list.focus();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="conversation-editor"], [data-testid="add-conversation-form"]').first().waitFor();
    await expectAccessible(page, 'conversations (large fixture)');
    // Generous: two screens opened and used on a shared 2-core machine.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('opens the fictional training case and deletes a review after typing its codename', async () => {
    const reviews = new ReviewsPage(page);
    await reviews.goto();
    await reviews.openTrainingCase();
    await reviews.goto();
    expect((await reviews.codenames()).length).toBe(3);
    await reviews.deleteReview('Kestrel North');
    await expect.poll(() => reviews.codenames()).not.toContain('Kestrel North');
    expect(errors).toEqual([]);
  });
});
