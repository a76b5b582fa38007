// FICTIONAL data throughout: every name, agency and event in this journey is invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { analysisBaseSnapshot, seedSnapshot } from './support/seed-analysis';
import { appUrl } from './pages/workspace-base';
import { waitForDialogGone } from './pages/analysis-helpers';
import { NarrativePage } from './pages/NarrativePage';
import { EpisodesPage } from './pages/EpisodesPage';
import { PatternsPage } from './pages/PatternsPage';
import { RecommendationsPage } from './pages/RecommendationsPage';

const REVIEW_ID = 'rev-workspace-b';
const SCHOOL = 'Oakfield Primary School (fictional)';
const HOME_VISIT = 'Home visit after the school’s concern (fictional)';
const STRATEGY = 'Strategy discussion (fictional)';
const CONFERENCE = 'Child protection conference (fictional)';
const SHARING_PATTERN = 'What and how much should be shared?';

describe('analysing a review: narrative, key practice episodes, patterns, recommendations', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let homeVisitId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newIsolatedContext(browser);
    page = await context.newPage();
    errors = collectPageErrors(page);
    // A review with participants, documents and conversations; the analysis is built through the screens.
    await page.goto(baseUrl());
    await seedSnapshot(page, analysisBaseSnapshot(REVIEW_ID));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('keeps each perspective in its own lane, marks gaps and discrepancies, and keeps judgements apart', async () => {
    const narrative = new NarrativePage(page);
    await narrative.goto(REVIEW_ID);
    expect(await narrative.countText()).toBe('0 entries');

    // Bad input first: a period before the review's is refused inline and nothing is stored.
    const refused = await narrative.addExpectingProblem({
      kind: 'Account',
      perspective: 'Health visitor',
      source: 'Document: Health visiting record (fictional)',
      from: '2024-12-01',
      text: 'An entry dated before the review period (fictional).',
    });
    expect(refused.from).toBe('The start date 1 December 2024 is before the period under review (1 January 2025 to 31 December 2025)');
    expect(refused.message).toContain('Narrative entry was not saved: period.from:');
    expect(await narrative.countText()).toBe('0 entries');

    await narrative.addEntry({
      kind: 'Account',
      perspective: 'Health visitor',
      source: 'Document: Health visiting record (fictional)',
      from: '2025-03-03',
      to: '2025-03-03',
      text: 'At the new-birth visit the home was warm and tidy, and the baby was feeding well (fictional).',
    });
    await narrative.addEntry({
      kind: 'Account',
      perspective: 'Social worker 1',
      source: 'Conversation with Social worker 1',
      from: '2025-03-10',
      to: '2025-04-20',
      text: 'The school’s concern reached me as a general worry, not as a referral (fictional).',
    });
    await narrative.addEntry({
      kind: 'Gap',
      perspective: SCHOOL,
      source: 'Conversation with Class teacher',
      from: '2025-03-05',
      text: 'No written record of the school’s March concern has been found (fictional).',
    });
    await narrative.addEntry({
      kind: 'Discrepancy',
      perspective: 'Class teacher',
      source: 'Conversation with Class teacher',
      from: '2025-03-04',
      to: '2025-03-04',
      text: 'The class teacher describes the child as tired and hungry that week, unlike the health visiting record (fictional).',
      related: ['Health visitor, 3 Mar 2025'],
    });
    await narrative.addEntry({
      kind: "Reviewers' judgement",
      from: '2025-03-01',
      to: '2025-04-30',
      text: 'The accounts differ because each agency saw the family at different moments; none had the whole picture (fictional).',
      related: ['Class teacher, 4 Mar 2025'],
    });
    expect(await narrative.countText()).toBe('5 entries');

    // One lane per perspective, agencies in the review's order; the judgement lane last, on its own.
    expect(await narrative.laneTitles()).toEqual(['Social worker 1', 'Health visitor', SCHOOL, 'Class teacher', "Reviewers' judgement"]);
    const gap = narrative.card('No written record');
    expect(await gap.getAttribute('data-kind')).toBe('gap');
    expect(await gap.textContent()).toContain('Gap');
    expect(await gap.textContent()).toContain('Source: Conversation with Class teacher');
    expect(await narrative.card('new-birth visit').textContent()).toContain('Source: Document: Health visiting record (fictional)');
    expect(await narrative.card('new-birth visit').textContent()).toContain('Disputed by 1 discrepancy');
    const discrepancy = narrative.card('tired and hungry');
    expect(await discrepancy.getAttribute('data-kind')).toBe('discrepancy');
    expect(await discrepancy.textContent()).toContain('Disputes: Health visitor, 3 Mar 2025');
    expect(await narrative.judgementLane.locator('li[data-entry-id]').allTextContents()).toEqual([expect.stringContaining('none had the whole picture')]);
    expect(await narrative.lane('Health visitor').textContent()).not.toContain('whole picture');
    expect(await page.getByTestId('missing-perspectives').textContent()).toBe('No entries yet from the perspective of: Ms Rowan (pseudonym), Team manager.');
    await expectAccessible(page, 'narrative lanes');
    await narrative.judgementLane.scrollIntoViewIfNeeded();
    await screenshot(page, 'analysing-a-review/narrative-lanes');

    // A discrepancy links to what it disputes: the link opens that entry.
    await discrepancy.getByRole('link', { name: 'Health visitor, 3 Mar 2025' }).click();
    await narrative.editor.waitFor();
    expect(await narrative.editor.getByRole('heading', { level: 2 }).textContent()).toBe('Account: Health visitor');
    await narrative.closeEditor();

    await narrative.filterByKind('Gap');
    expect(await narrative.countText()).toBe('Showing 1 of 5 entries');
    expect(await narrative.laneTitles()).toEqual([SCHOOL, "Reviewers' judgement"]);
    await narrative.clearFilters();
    await narrative.filterByAgency('Health Visiting (fictional)');
    expect(await narrative.countText()).toBe('Showing 1 of 5 entries');
    await narrative.clearFilters();

    // The table view is remembered in the address.
    await narrative.showTable();
    expect(page.url()).toContain('narrativeView=table');
    await page.reload();
    await narrative.table.waitFor();
    expect(await narrative.table.locator('tbody tr[data-row-key]').count()).toBe(4);
    expect(await narrative.judgementsTable.textContent()).toContain('none had the whole picture');
    await expectAccessible(page, 'narrative table');
    await screenshot(page, 'analysing-a-review/narrative-table');
    await narrative.showLanes();

    // Edits save themselves; a period outside the review is refused in the editor too, keeping what was stored.
    await narrative.openEntry('general worry');
    await narrative.editor.getByRole('textbox', { name: 'What the entry says' }).fill('The school’s concern reached me as a general worry, not as a referral; I planned a visit (fictional).');
    await narrative.waitForSaved(narrative.editor);
    await narrative.editor.getByLabel(/^From/).fill('2026-02-01');
    await expect.poll(() => narrative.saveStatus(narrative.editor).getAttribute('data-status')).toBe('invalid');
    expect(await narrative.fieldMessage(narrative.editor.getByLabel(/^From/))).toBe(
      'The start date 1 February 2026 is after the period under review (1 January 2025 to 31 December 2025)',
    );
    await expectAccessible(page, 'narrative editor');
    await screenshot(page, 'analysing-a-review/narrative-editor-invalid');
    await narrative.closeEditor();
    await page.reload();
    await narrative.lanes.waitFor();
    expect(await narrative.card('I planned a visit').textContent()).toContain('10 Mar 2025 – 20 Apr 2025');
  });

  it('records episodes in the Appendix 4 table, with factors chosen by mouse and by keyboard', async () => {
    const episodes = new EpisodesPage(page);
    await episodes.goto(REVIEW_ID);

    const refused = await episodes.addExpectingProblem({ title: 'An episode with no description (fictional)', from: '2025-05-01', description: '' });
    expect(refused.description).toBe('The description is required: describe the episode and its significance with hindsight before it can be saved');
    expect(refused.message).toContain('Key practice episode was not saved: description:');
    expect(await page.getByTestId('episodes-count').textContent()).toBe('0 episodes');

    homeVisitId = await episodes.addEpisode({
      title: HOME_VISIT,
      from: '2025-03-12',
      description: 'The social worker visited the home after hearing of the school’s worry and found no immediate concern (fictional).',
      significance: 'With hindsight, the visit set the view that the family was coping (fictional).',
    });
    await episodes.setJudgement('Problematic practice', 'The visit was prompt; the school’s view was not sought (fictional).');
    await episodes.addFactorByClicking('workload', 'Workload', /Conditions of work/);
    await episodes.setWhy('Workload', 'Three other visits were due that day; a short visit seemed proportionate (fictional).');
    await episodes.addFactorByClicking('information', 'Information sharing');
    await episodes.setWhy('Information sharing', 'The worry came by telephone, not as a referral, so it was not logged (fictional).');
    await episodes.waitForSaved(episodes.editor);
    await expectAccessible(page, 'episode editor');
    await screenshot(page, 'analysing-a-review/episode-editor');
    await episodes.closeEditor();

    await episodes.addEpisode({
      title: STRATEGY,
      from: '2025-04-02',
      to: '2025-04-02',
      description: 'Agencies met and shared what each knew; a plan for joint visits was agreed (fictional).',
    });
    await episodes.setJudgement('Good practice');
    // Keyboard only: Tab to the search box, type, arrow down, Enter.
    await episodes.addFactorByKeyboard('information sharing');
    await episodes.factorTag('Information sharing').waitFor();
    await episodes.addFactorByKeyboard('workload');
    await episodes.factorTag('Workload').waitFor();
    expect(await episodes.chosenFactors()).toEqual(['Information sharing', 'Workload']);
    expect(await page.getByTestId('factor-picker-status').textContent()).toContain('Workload added');
    // Shift+Tab from the search box reaches the newest factor's "why it made sense".
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('The chair asked each agency in turn, so nothing was left unsaid (fictional).');
    await episodes.waitForSaved(episodes.editor);
    // Escape closes the editor, saving first.
    await page.keyboard.press('Escape');
    await waitForDialogGone(page, episodes.editor);

    await episodes.addEpisode({ title: CONFERENCE, from: '2025-06-18', description: 'The conference heard from every agency; the plan was reviewed (fictional).' });
    await episodes.setJudgement('Mixed: good and problematic');
    await episodes.addFactorByClicking('supervision', 'Supervision');
    await episodes.waitForSaved(episodes.editor);
    await episodes.closeEditor();

    expect(await episodes.columnHeadings()).toEqual([
      'Description of key practice episode and significance with hindsight',
      "Breakdown and reviewers' judgement of adequacy of practice",
      'Contributory factors (why did actions/decisions make sense at the time?)',
    ]);
    expect(await episodes.rowTitles()).toEqual([HOME_VISIT, STRATEGY, CONFERENCE]);
    const homeVisitRow = await episodes.row(HOME_VISIT).textContent();
    expect(homeVisitRow).toContain('Problematic practice');
    expect(homeVisitRow).toContain('Workload Recurs in 2 episodes');
    expect(homeVisitRow).toContain('Three other visits were due that day');
    expect(await episodes.row(CONFERENCE).textContent()).not.toContain('Recurs in');
    await expectAccessible(page, 'episodes table');
    await screenshot(page, 'analysing-a-review/episodes-table');

    await episodes.showRecurrence();
    expect(page.url()).toContain('episodesView=recurrence');
    expect(await episodes.recurrenceSummary()).toBe('2 factors recur across two or more episodes; 3 factors are tagged in 3 episodes.');
    expect(await episodes.recurrence()).toEqual([
      { factor: 'Workload', count: 2 },
      { factor: 'Information sharing', count: 2 },
    ]);
    await episodes.sortRecurrenceBy('Factor');
    expect((await episodes.recurrence()).map((row) => row.factor)).toEqual(['Information sharing', 'Workload']);
    await expectAccessible(page, 'factor recurrence');
    await screenshot(page, 'analysing-a-review/episodes-recurrence');
    await episodes.showTable();
  });

  it('creates patterns from selected episodes, prioritises one and keeps the other recorded', async () => {
    const patterns = new PatternsPage(page);
    await patterns.goto(REVIEW_ID);
    await patterns.chooseEpisodes([HOME_VISIT, STRATEGY]);
    expect(await patterns.sharedFactors()).toBe('Factors these episodes share: Workload (2 of 2); Information sharing (2 of 2)');
    await patterns.createPattern({
      category: 4,
      subPattern: SHARING_PATTERN,
      statement: 'Worries passed on informally are not treated as information to record, so no agency holds the whole picture.',
      influence: 'Makes problematic practice more likely',
    });
    await patterns.prioritise({ widespread: 'High', relevance: 'High', rank: 1, rationale: 'Seen across agencies and likely to recur (fictional).', selected: true });
    await patterns.waitForSaved(patterns.editor);
    await patterns.closeEditor();

    await patterns.chooseEpisodes([CONFERENCE]);
    await patterns.createPattern({
      category: 2,
      subPattern: 'Supervision',
      statement: 'Regular reflective supervision helps practitioners revisit plans when new information arrives.',
      influence: 'Supports good practice',
    });
    // A statement naming someone in this case is pointed out.
    await patterns.editor.getByLabel(/^Statement, in non-case-specific language/).fill('Supervision helped Erin Fictitious’s worker revisit the plan.');
    await expect
      .poll(() => patterns.fieldMessage(patterns.editor.getByLabel(/^Statement, in non-case-specific language/)))
      .toContain('It mentions “Erin Fictitious”');
    await patterns.editor.getByLabel(/^Statement, in non-case-specific language/).fill('Regular reflective supervision helps practitioners revisit plans when new information arrives.');
    await patterns.waitForSaved(patterns.editor);
    await expectAccessible(page, 'pattern editor');
    await patterns.closeEditor();

    expect(await patterns.prioritisedIn(4)).toEqual([SHARING_PATTERN]);
    expect(await patterns.recordedTitles()).toEqual(['Supervision']);
    expect(await page.getByTestId('patterns-count').textContent()).toBe('1 prioritised; 1 recorded, not prioritised');
    await expectAccessible(page, 'patterns');
    await screenshot(page, 'analysing-a-review/patterns');
  });

  it('adds recommendations of the three kinds and tracks one in UK dates', async () => {
    const recommendations = new RecommendationsPage(page);
    await recommendations.goto(REVIEW_ID);
    await recommendations.add({
      kind: 'Clear-cut and local',
      level: 'Local',
      addressee: 'LSCB partner agencies (fictional)',
      text: 'Agree one rule across agencies for recording worries passed on by telephone (fictional).',
      patterns: [SHARING_PATTERN],
    });
    await recommendations.add({
      kind: 'Needs judgement by senior management',
      level: 'Regional',
      addressee: 'Directors of children’s services (fictional)',
      text: 'Consider protected time for reflective supervision against other demands (fictional).',
      patterns: ['Supervision'],
    });
    await recommendations.add({
      kind: 'Needs research or national action',
      level: 'National',
      addressee: 'National research body (fictional)',
      text: 'Research how assessment forms capture informal worries (fictional).',
    });
    expect(await recommendations.textsIn('Clear-cut and local')).toEqual([expect.stringContaining('one rule across agencies')]);
    expect(await recommendations.textsIn('Needs judgement by senior management')).toEqual([expect.stringContaining('protected time')]);
    expect(await recommendations.textsIn('Needs research or national action')).toEqual([expect.stringContaining('assessment forms')]);

    await recommendations.open('one rule across agencies');
    await recommendations.track({ status: 'Agreed', owner: 'LSCB business manager (fictional)', due: '2026-06-30' });
    await recommendations.waitForSaved(recommendations.editor);
    await expectAccessible(page, 'recommendation editor');
    await recommendations.closeEditor();
    const card = await recommendations.card('one rule across agencies').textContent();
    expect(card).toContain('Agreed');
    expect(card).toContain('Due 30 Jun 2026');
    expect(card).toContain(`Responds to: ${SHARING_PATTERN}`);
    await expectAccessible(page, 'recommendations');
    await screenshot(page, 'analysing-a-review/recommendations');
  });

  it('keeps everything after a reload, and deep links open their record', async () => {
    await page.reload();
    const narrative = new NarrativePage(page);
    await narrative.goto(REVIEW_ID);
    expect(await narrative.countText()).toBe('5 entries');

    const episodes = new EpisodesPage(page);
    await episodes.goto(REVIEW_ID);
    expect(await episodes.rowTitles()).toEqual([HOME_VISIT, STRATEGY, CONFERENCE]);
    await episodes.open(STRATEGY);
    expect(await episodes.chosenFactors()).toEqual(['Information sharing', 'Workload']);
    expect(await episodes.factorTag('Workload').getByRole('textbox').inputValue()).toBe('The chair asked each agency in turn, so nothing was left unsaid (fictional).');
    expect(await episodes.editor.getByRole('radio', { name: 'Good practice', exact: true }).isChecked()).toBe(true);
    await episodes.closeEditor();

    await page.goto(appUrl(`/reviews/${REVIEW_ID}/episodes/${homeVisitId}`));
    await episodes.editor.waitFor();
    expect(await episodes.editor.getByRole('heading', { level: 2 }).textContent()).toBe(HOME_VISIT);
    expect(await episodes.chosenFactors()).toEqual(['Workload', 'Information sharing']);
    // An episode a pattern draws on is not offered for removal: the dialog names the pattern and links to it.
    await episodes.editor.getByRole('button', { name: 'Remove this key practice episode' }).click();
    const blocked = page.getByRole('alertdialog', { name: 'This key practice episode cannot be removed yet' });
    expect(await blocked.getByRole('link').allTextContents()).toEqual([`The pattern “${SHARING_PATTERN}”`]);
    expect(await blocked.getByRole('button', { name: 'Remove', exact: true }).count()).toBe(0);
    await blocked.getByRole('button', { name: 'Close' }).click();
    await episodes.closeEditor();

    const patterns = new PatternsPage(page);
    await patterns.goto(REVIEW_ID);
    expect(await patterns.prioritisedIn(4)).toEqual([SHARING_PATTERN]);
    expect(await patterns.recordedTitles()).toEqual(['Supervision']);

    const recommendations = new RecommendationsPage(page);
    await recommendations.goto(REVIEW_ID);
    expect(await recommendations.card('one rule across agencies').textContent()).toContain('Due 30 Jun 2026');

    await page.goto(appUrl(`/reviews/${REVIEW_ID}/patterns/pat-not-here`));
    await page.getByRole('alert').filter({ hasText: 'This pattern could not be found in this review' }).waitFor();
  });

  it('stays accessible in the light, dark and high-contrast themes', async () => {
    const screens = [
      { name: 'narrative', path: 'narrative', ready: 'narrative-lanes' },
      { name: 'episodes', path: 'episodes', ready: 'episodes-table' },
      { name: 'patterns', path: 'patterns', ready: 'pattern-board' },
      { name: 'recommendations', path: 'recommendations', ready: null },
    ] as const;
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await page.evaluate((name) => localStorage.setItem('lt.theme', name), theme);
      for (const screen of screens) {
        await page.goto(appUrl(`/reviews/${REVIEW_ID}/${screen.path}`));
        await page.reload();
        await page.locator('#screen-title').waitFor();
        if (screen.ready) await page.getByTestId(screen.ready).waitFor();
        expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe(theme);
        await expectAccessible(page, `${screen.name} (${theme})`);
        await screenshot(page, `analysing-a-review/${screen.name}-${theme}`);
      }
    }
    await page.evaluate(() => localStorage.setItem('lt.theme', 'default'));
    expect(errors).toEqual([]);
  });
});
