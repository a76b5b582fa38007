// FICTIONAL data throughout: every name, agency and event in this journey is invented.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHILD_RECORD_SCHEMAS, RECORD_SCHEMA_VERSION, type ChildRecordKind, type ChildRecordOf, type ReviewSnapshot } from '../../src/domain/model';
import { baseUrl, collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { analysisBaseSnapshot, seedSnapshot } from './support/seed-analysis';
import { appUrl, chooseTheme } from './pages/workspace-base';
import { GuidePage } from './pages/GuidePage';
import { NarrativePage } from './pages/NarrativePage';
import { PatternsPage } from './pages/PatternsPage';
import { ReviewsPage } from './pages/ReviewsPage';

/**
 * Issue 10: what a facilitator met on first use. Each test here failed before the fix it covers: the stage view
 * showing the facilitators' bracketed comments, step 6 missing a discrepancy that disputes the participant's account,
 * dates following the browser's locale, a single date read as "onwards", a Remove that could not work, two lead
 * reviewers without a word, an unknown section quietly showing the Overview, the guide with no way back, a cramped
 * lanes box, a re-import with only Replace or Keep, the favicon and the light frame, repeated labels, patterns that
 * could cite only episodes, and agencies' local names in pattern statements.
 */
const REVIEW_ID = 'rev-first-use';
const CODENAME = 'Heron (fictional)';
const AT = '2026-02-03T10:00:00.000Z';
const ACTOR = 'Fixture builder (fictional)';
const CLASS_TEACHER_LABEL = 'Class teacher, Oakfield Primary School (fictional)';

function record<K extends ChildRecordKind>(kind: K, id: string, fields: Record<string, unknown>): ChildRecordOf<K> {
  const candidate = { ...fields, id, reviewId: REVIEW_ID, schemaVersion: RECORD_SCHEMA_VERSION, version: 1, createdAt: AT, updatedAt: AT, createdBy: ACTOR, updatedBy: ACTOR };
  const parsed = CHILD_RECORD_SCHEMAS[kind].safeParse(candidate);
  if (!parsed.success) throw new Error(`Fixture ${kind} ${id} is invalid: ${parsed.error.message}`);
  return parsed.data as ChildRecordOf<K>;
}

function firstUseSnapshot(): ReviewSnapshot {
  const snapshot = analysisBaseSnapshot(REVIEW_ID, CODENAME);
  snapshot.participants = snapshot.participants.map((participant) => (participant.id === 'par-ct' ? { ...participant, reportLabel: CLASS_TEACHER_LABEL } : participant));
  snapshot.teamMembers.push(
    record('teamMember', 'tm-lead', { name: 'Lee Leadwell (fictional)', role: 'leadReviewer' }),
    record('teamMember', 'tm-q', { name: 'Quinn Asker (fictional)', role: 'facilitator' }),
    record('teamMember', 'tm-n', { name: 'Nia Notes (fictional)', role: 'facilitator' }),
  );
  snapshot.narrative.push(
    record('narrativeEntry', 'nar-hv-account', {
      kind: 'account',
      perspective: { of: 'participant', participantId: 'par-hv' },
      source: { kind: 'conversation', conversationId: 'con-hv' },
      period: { from: '2025-03-01', to: '2025-03-31' },
      text: 'I visited every week in March (fictional).',
    }),
    record('narrativeEntry', 'nar-ct-account', {
      kind: 'account',
      perspective: { of: 'participant', participantId: 'par-ct' },
      source: { kind: 'conversation', conversationId: 'con-ct' },
      period: { from: '2025-05-01', to: '2025-05-31' },
      text: 'I told the head teacher what the child had said (fictional).',
    }),
    // Disputes the health visitor's account, from another agency's records, and nobody ticked who it involves.
    record('narrativeEntry', 'nar-dispute', {
      kind: 'discrepancy',
      perspective: { of: 'agency', agencyId: 'ag-social-care' },
      source: { kind: 'document', documentId: 'doc-sc-file' },
      period: { from: '2025-03-01', to: '2025-03-31' },
      text: 'The case file records one visit in March, not four (fictional).',
      relatedEntryIds: ['nar-hv-account'],
    }),
  );
  snapshot.episodes.push(
    record('episode', 'kpe-visit', {
      title: 'March home visits (fictional)',
      period: { from: '2025-03-01', to: '2025-03-31' },
      description: 'The health visitor saw the family in March (fictional).',
      factors: [
        { id: 'kpe-visit.f1', factorId: 'conditions.workload', whyItMadeSense: 'Twenty-eight families on the caseload (fictional).' },
        { id: 'kpe-visit.f2', factorId: 'ownTeam.supervision', whyItMadeSense: '' },
      ],
      participantIds: ['par-hv'],
      raisedInConversationId: 'con-hv',
    }),
  );
  snapshot.patterns.push(
    record('pattern', 'pat-workload', {
      category: 6,
      subPatternId: null,
      newSubPatternTitle: 'Caseloads crowd out reflection (fictional)',
      statement: 'Heavy caseloads leave little time to reflect on what visits show.',
      influence: 'makesProblematicPracticeMoreLikely',
      episodeIds: ['kpe-visit'],
    }),
  );
  return snapshot;
}

/** A step note written before comments were kept apart (record schema version 1), brackets and all. */
const OLD_STEP_NOTE = {
  id: 'con-sw.step-8',
  reviewId: REVIEW_ID,
  schemaVersion: 1,
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  createdBy: ACTOR,
  updatedBy: ACTOR,
  conversationId: 'con-sw',
  step: '8',
  text: 'You felt unheard [facilitator: check the supervision log] by the panel (fictional).',
  checked: ['share-on-stage'],
};

/** Writes one row as an older build left it (row format 1, unchecked): the store lifts it when the review is read. */
async function seedOldRow(page: Page, kind: ChildRecordKind, stored: { id: string; reviewId: string }): Promise<void> {
  await page.evaluate(
    async (row) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('learning-together');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['records'], 'readwrite');
        transaction.objectStore('records').put(row);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    },
    { reviewId: stored.reviewId, kind, id: stored.id, rowFormat: 1, record: stored },
  );
}

describe('first use (issue 10)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newIsolatedContext(browser, { width: 1280, height: 1000 });
    page = await context.newPage();
    errors = collectPageErrors(page);
    await page.goto(baseUrl());
    await seedSnapshot(page, firstUseSnapshot());
    await seedOldRow(page, 'stepNote', OLD_STEP_NOTE);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("keeps the facilitators' own comments off the participant's stage view (1), and the guide has a way back (8)", async () => {
    const guide = new GuidePage(page);
    await guide.goto(REVIEW_ID, 'con-hv');
    await guide.goToStep('8');
    await guide.writeComments('Ask the team manager about the rota (fictional).');
    await guide.writeNotes('You felt stretched [facilitator: follow up on caseload] and supervision helped (fictional).');
    await page.getByRole('checkbox', { name: /Show these notes to the participant on the stage/ }).check();
    await guide.waitSaved();
    await expectAccessible(page, 'guide step 8 with comments');

    const stage = await context.newPage();
    await stage.goto(GuidePage.stageUrl(REVIEW_ID, 'con-hv'));
    const summary = stage.getByText('You felt stretched and supervision helped (fictional).');
    await summary.waitFor();
    const shown = (await stage.locator('body').textContent()) ?? '';
    for (const hidden of ['facilitator', 'caseload', 'rota', '[', ']']) expect(shown).not.toContain(hidden);
    await expectAccessible(stage, 'stage view');
    await screenshot(stage, 'first-use/stage-summary');

    // A note from before the change: its bracketed comment became a comment, and the stage never shows it.
    await stage.goto(GuidePage.stageUrl(REVIEW_ID, 'con-sw'));
    await stage.getByText('You felt unheard by the panel (fictional).').waitFor();
    expect((await stage.locator('body').textContent()) ?? '').not.toContain('supervision log');
    await stage.close();
    await page.goto(appUrl(`/reviews/${REVIEW_ID}/conversations/con-sw`));
    await expect.poll(() => page.getByTestId('step-comments-8').inputValue()).toBe('facilitator: check the supervision log');
    expect(await page.getByTestId('step-notes-8').inputValue()).toBe('You felt unheard by the panel (fictional).');

    // Opened in a plain browser tab, the guide links back to the workspace.
    await guide.goto(REVIEW_ID, 'con-hv');
    await guide.backToWorkspace.click();
    await page.waitForURL(/#\/reviews\/rev-first-use\/conversations\/con-hv$/u);
    await page.getByRole('link', { name: 'Open the live guide' }).or(page.getByTestId('open-guide')).first().waitFor();
  });

  it("offers at step 6 a discrepancy that disputes this participant's account, though no one ticked them (2)", async () => {
    const guide = new GuidePage(page);
    await guide.goto(REVIEW_ID, 'con-hv');
    await guide.goToStep('6');
    const queries = page.getByTestId('step-six-queries');
    await expect.poll(() => queries.textContent()).toContain('The case file records one visit in March, not four (fictional).');
    expect(await queries.textContent()).toContain('Disputes or fills a gap in their account');
  });

  it('says what still refers to a participant, links to it, and offers no Remove that cannot work (5)', async () => {
    await page.goto(appUrl(`/reviews/${REVIEW_ID}/participants/par-hv`));
    await page.getByTestId('remove-record').click();
    const dialog = page.getByRole('alertdialog', { name: 'Health visitor cannot be removed yet' });
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Remove', exact: true }).count()).toBe(0);
    const links = (await dialog.getByTestId('remove-blocked-by').getByRole('link').allTextContents()).map((text) => text.trim());
    expect(links).toEqual(expect.arrayContaining(['Their conversation (held)', 'The episode “March home visits (fictional)”']));
    await expectAccessible(page, 'remove dialog, blocked');
    await screenshot(page, 'first-use/remove-blocked');
    await dialog.getByRole('link', { name: 'The episode “March home visits (fictional)”' }).click();
    await page.waitForURL(/#\/reviews\/rev-first-use\/episodes\/kpe-visit$/u);
  });

  it('warns when the team gets a second lead reviewer (6)', async () => {
    await page.goto(appUrl(`/reviews/${REVIEW_ID}/team`));
    await page.getByTestId('add-team-member').click();
    const form = page.getByTestId('add-team-member-form');
    await form.getByTestId('member-name').fill('Rae Second (fictional)');
    await form.getByTestId('member-role').selectOption({ label: 'Lead reviewer' });
    await expect.poll(() => form.textContent()).toContain('Lee Leadwell (fictional) is already the lead reviewer');
    await form.getByRole('button', { name: 'Add to the team' }).click();
    await expect.poll(() => page.getByTestId('team-composition').textContent()).toContain('The team has 2 lead reviewers (Lee Leadwell (fictional) and Rae Second (fictional))');
    await expectAccessible(page, 'team with two leads');
  });

  it('shows "not found" with a way back for an unknown section (7)', async () => {
    await page.goto(appUrl(`/reviews/${REVIEW_ID}/nonsense-section`));
    await page.getByTestId('section-not-found').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.getByTestId('stage-tracker').count()).toBe(0);
    expect(page.url()).toContain('nonsense-section');
    expect(await page.locator('nav[aria-label="Review sections"] [aria-current="page"]').count()).toBe(0);
    await expectAccessible(page, 'section not found');
    await page.getByRole('link', { name: 'review’s overview' }).click();
    await page.getByTestId('stage-tracker').waitFor();
  });

  it('gives the narrative lanes the screen, keeps headings and dates in view, and repeats no label (9, 12)', async () => {
    const narrative = new NarrativePage(page);
    await narrative.goto(REVIEW_ID);
    const lanes = narrative.lanes;
    await lanes.waitFor();
    const maxHeight = await lanes.evaluate((element) => Number.parseFloat(getComputedStyle(element).maxHeight));
    // The window is 1,000 px high: the lanes may use all of it below the header (it was 75 % of it, about 600–750 px).
    expect(maxHeight).toBeGreaterThanOrEqual(1000 - 7 * 16);
    await lanes.evaluate((element) => element.scrollBy(600, 0));
    const box = await lanes.boundingBox();
    const heading = await lanes.locator('h3').first().boundingBox();
    expect(heading && box && heading.x >= box.x - 1 && heading.x < box.x + 40).toBe(true);
    const teacherLane = lanes.locator('section[data-lane="participant:par-ct"]');
    // The lane's heading names the teacher once: the subtitle does not repeat the label's role and agency.
    const laneText = (await teacherLane.locator('h3').locator('xpath=..').textContent()) ?? '';
    expect(laneText.split(CLASS_TEACHER_LABEL).length - 1).toBe(1);
    expect(laneText).not.toContain(`${CLASS_TEACHER_LABEL}Class teacher`);
    await screenshot(page, 'first-use/narrative-lanes-scrolled');
  });

  it('lets a pattern cite the factors and narrative entries it rests on, and flags local agency names (13, 14)', async () => {
    const patterns = new PatternsPage(page);
    await patterns.goto(REVIEW_ID, 'pat-workload');
    const editor = patterns.editor;
    await editor.getByRole('checkbox', { name: /^Workload \(in “March home visits \(fictional\)”\)/u }).check();
    await editor.getByRole('checkbox', { name: /I visited every week in March/u }).check();
    await editor.getByLabel(/^Statement/u).fill('Staff at Oakfield rarely hear back after a referral.');
    await expect.poll(() => editor.textContent()).toContain('“Oakfield”');
    await editor.getByLabel(/^Statement/u).fill('Schools rarely hear back after a referral.');
    await expectAccessible(page, 'pattern editor with citations');
    await patterns.closeEditor();
    const cited = page.getByTestId('pattern-cited-factors');
    await expect.poll(() => cited.textContent()).toContain('Workload (in March home visits (fictional))');
    expect(await page.getByTestId('pattern-cited-entries').textContent()).toContain('I visited every week in March (fictional).');
  });

  it('says which copy is newer and what differs when a review is imported again, and can import it as a copy (10)', async () => {
    await page.goto(appUrl(`/reviews/${REVIEW_ID}`));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-bundle').click()]);
    const path = await download.path();
    const bundleText = readFileSync(path, 'utf8');
    // A change here after the export: this copy is now the newer.
    await page.goto(appUrl(`/reviews/${REVIEW_ID}/team`));
    await page.getByTestId('add-team-member').click();
    await page.getByTestId('add-team-member-form').getByTestId('member-name').fill('Obi Observer (fictional)');
    await page.getByTestId('add-team-member-form').getByTestId('member-role').selectOption({ label: 'Observer' });
    await page.getByTestId('add-team-member-form').getByRole('button', { name: 'Add to the team' }).click();
    await page.getByTestId('team-row-Obi Observer (fictional)').waitFor();

    const reviews = new ReviewsPage(page);
    await reviews.goto();
    await page.getByTestId('import-bundle-file').setInputFiles({ name: 'heron.review-bundle.json', mimeType: 'application/json', buffer: Buffer.from(bundleText) });
    const comparison = page.getByTestId('import-comparison');
    await comparison.waitFor();
    const said = (await comparison.textContent()) ?? '';
    expect(said).toContain('The copy here is newer');
    expect(said).toMatch(/Team members: \d+ here, \d+ in the bundle/u);
    await expectAccessible(page, 'import comparison');
    await screenshot(page, 'first-use/import-comparison');
    await page.getByRole('button', { name: 'Import as a copy' }).click();
    await page.getByTestId('stage-tracker').waitFor();
    await reviews.goto();
    expect(await reviews.codenames()).toEqual(expect.arrayContaining([CODENAME, `${CODENAME} (copy)`]));
  });

  it('has a favicon and no light frame around the dark and high-contrast themes (12)', async () => {
    const icon = await page.request.get(new URL('favicon.svg', baseUrl()).toString());
    expect(icon.status()).toBe(200);
    expect(await page.locator('link[rel="icon"]').count()).toBe(1);
    await page.goto(appUrl(`/reviews/${REVIEW_ID}`));
    for (const theme of ['Dark', 'High contrast', 'Light'] as const) {
      await chooseTheme(page, theme);
      expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
      // The top-left pixel is the theme's own background, not the browser's white margin.
      const corner = await page.evaluate(() => {
        const element = document.elementFromPoint(1, 1);
        return element === document.documentElement || element === document.body;
      });
      expect(corner).toBe(false);
      const name = theme.toLowerCase().replace(' ', '-');
      await screenshot(page, `first-use/overview-${name}`);
      // The screens this issue changed, in each theme: the blocked remove dialog, the lanes, the stage.
      await page.goto(appUrl(`/reviews/${REVIEW_ID}/participants/par-hv`));
      await page.getByTestId('remove-record').click();
      await page.getByRole('alertdialog').waitFor();
      await expectAccessible(page, `remove dialog (${theme})`);
      await screenshot(page, `first-use/remove-blocked-${name}`);
      await page.getByRole('alertdialog').getByRole('button', { name: 'Close' }).click();
      await page.goto(appUrl(`/reviews/${REVIEW_ID}/narrative`));
      await page.getByTestId('narrative-lanes').waitFor();
      await screenshot(page, `first-use/narrative-lanes-${name}`);
      await page.goto(GuidePage.stageUrl(REVIEW_ID, 'con-hv'));
      await page.getByTestId('stage-summary').waitFor();
      await expectAccessible(page, `stage (${theme})`);
      await screenshot(page, `first-use/stage-${name}`);
      await page.goto(appUrl(`/reviews/${REVIEW_ID}`));
      await page.getByTestId('stage-tracker').waitFor();
    }
    expect(errors.filter((error) => !/Failed to load resource/u.test(error))).toEqual([]);
  });
});

describe('dates in a US-configured browser (3, 4)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newIsolatedContext(browser, { locale: 'en-US', timezoneId: 'America/New_York' });
    page = await context.newPage();
    await page.goto(baseUrl());
    await seedSnapshot(page, { ...analysisBaseSnapshot('rev-us-dates', 'Egret (fictional)') });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows and reads every date dd/mm/yyyy, so 3/4/2025 is 3 April; a single date is a single day', async () => {
    const narrative = new NarrativePage(page);
    await narrative.goto('rev-us-dates');
    await narrative.addEntry({
      kind: 'Account',
      perspective: 'Health visitor',
      source: 'Document: Health visiting record (fictional)',
      from: '3/4/2025',
      text: 'A visit on one day only (fictional).',
    });
    const card = narrative.lanes.locator('li', { hasText: 'A visit on one day only (fictional).' });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('3 Apr 2025');
    expect(text).not.toContain('onwards');

    // The editor shows the stored date day first, with the form it expects.
    await card.getByRole('link').first().click();
    const from = narrative.editor.getByLabel(/^From/u);
    expect(await from.inputValue()).toBe('03/04/2025');
    expect(await from.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await narrative.editor.getByLabel(/^To/u).inputValue()).toBe('03/04/2025');
    await expectAccessible(page, 'narrative editor, UK dates in a US browser');

    // Open-ended only when the person says so.
    await narrative.editor.getByRole('checkbox', { name: 'It continues after this date (open-ended)' }).check();
    await narrative.closeEditor();
    await expect.poll(() => card.textContent()).toContain('From 3 Apr 2025 onwards');
  });
});
