// Issue 8, the write path, in the browser: a fast double click on any button that creates a record makes exactly one
// record; an edit followed at once by a reload, or by closing the tab, is kept (or the close is asked about); and
// the header's one sync indicator tells the truth. Standalone mode, with one field in Microsoft 365 mode too.
// FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Dialog, Locator, Page } from 'playwright-core';
import { createGraphReviewStore } from '../../src/adapters/graph';
import type { ChildRecordKind } from '../../src/domain/model';
import type { ReviewId } from '../../src/domain/ids';
import type { ReviewStore } from '../../src/ports/review-store';
import { baseUrl, collectPageErrors, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { collectAppErrors, doubleToken, m365 } from './support/host-harness';
import { seedSnapshot } from './support/seed-analysis';
import { SEEDED_DRAFT, SEEDED_EPISODES, storedCount, storedField, uniqueReviewId, writePathSnapshot } from './support/seed-write-path';
import { ConversationsPage } from './pages/ConversationsPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { EpisodesPage } from './pages/EpisodesPage';
import { NarrativePage } from './pages/NarrativePage';
import { ParticipantsPage } from './pages/ParticipantsPage';
import { PatternsPage } from './pages/PatternsPage';
import { RecommendationsPage } from './pages/RecommendationsPage';
import { SYNC_TEXT, SYNC_TEXT_PATTERN, SyncIndicator } from './pages/SyncIndicator';
import { TeamPage } from './pages/TeamPage';
import { WorkspaceScreen } from './pages/workspace-base';

/** Where an add form says it refused an add: the inline forms' summary and the add dialogs' messages. */
const REFUSALS = ['problem-summary', 'add-episode-message', 'add-entry-message', 'create-pattern-message', 'add-recommendation-message']
  .map((id) => `[data-testid="${id}"]`)
  .join(', ');

/** Long enough for a second add sent by the second click to have landed in IndexedDB, if it was sent at all. */
const IN_FLIGHT_MS = 1_500;

type FastClick = 'dblclick' | 'two clicks';
const FAST_CLICKS: readonly FastClick[] = ['dblclick', 'two clicks'];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (text: string): RegExp => new RegExp(`^${escapeRegExp(text)}`);

/**
 * A person's fast double click on a confirming button: Playwright's dblclick (click, click, dblclick at one point),
 * or two separate single clicks at the same point, the second sent straight after the first with no wait for the
 * app to answer. Either way the second click lands on whatever is there by then, as it would for a person.
 */
async function fastClick(page: Page, button: Locator, how: FastClick): Promise<void> {
  await button.scrollIntoViewIfNeeded();
  if (how === 'dblclick') {
    await button.dblclick();
    return;
  }
  const box = await button.boundingBox();
  if (!box) throw new Error('fastClick: the button is not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  await page.mouse.click(x, y);
}

/** Reloads, answering "leave" to any beforeunload question (nothing should be unsaved here), and waits for a screen. */
async function reloadScreen(page: Page): Promise<void> {
  await page.reload();
  await page.locator('#screen-title').waitFor({ timeout: 30_000 });
}

interface Seeded {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly reviewId: string;
  readonly errors: string[];
}

/** A context of its own with a review of its own in this browser's IndexedDB. */
async function openSeeded(browser: Browser, prefix: string): Promise<Seeded> {
  const context = await newIsolatedContext(browser);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(baseUrl());
  await page.getByTestId('mode-badge').waitFor();
  const reviewId = uniqueReviewId(prefix);
  await seedSnapshot(page, writePathSnapshot(reviewId));
  return { context, page, reviewId, errors };
}

/** One button that creates a record, and how to see how many records a fast double click on it made. */
interface AddCase {
  readonly name: string;
  readonly slug: string;
  readonly kind: ChildRecordKind;
  /** Opens the screen and fills in the form for this variant; returns the final confirming button. */
  prepare(page: Page, reviewId: string, variant: number): Promise<Locator>;
  /** After a reload: how many of this variant's records the screen lists. */
  listed(page: Page, reviewId: string, variant: number): Promise<number>;
  /** How many of this variant's records are stored. */
  stored(page: Page, reviewId: string, variant: number): Promise<number>;
}

const storedWhere =
  (kind: ChildRecordKind, field: string, values: readonly string[]) =>
  (page: Page, reviewId: string, variant: number): Promise<number> =>
    storedCount(page, reviewId, kind, { field, equals: values[variant] ?? '' });

const MEMBERS = [
  { name: 'Robin Lead (fictional)', role: 'Lead reviewer' },
  { name: 'Kit Reviewer (fictional)', role: 'Reviewer' },
] as const;
const NEW_PARTICIPANTS = [
  { realName: 'Fen Invented', reportLabel: 'Police officer 1' },
  { realName: 'Gil Madeup', reportLabel: 'Police officer 2' },
] as const;
const NEW_DOCUMENTS = ['Police incident log (fictional)', 'Police custody record (fictional)'] as const;
const TO_ARRANGE = [
  { label: 'Team manager', participantId: 'par-tm' },
  { label: 'Class teacher', participantId: 'par-ct' },
] as const;
const NARRATIVE_TEXTS = [
  'At the new-birth visit the baby was feeding well (fictional, double-click test).',
  'The school’s concern reached me as a general worry (fictional, double-click test).',
] as const;
const NEW_EPISODES = ['Telephone call from the school (fictional)', 'Joint home visit (fictional)'] as const;
const PATTERN_STATEMENTS = [
  'Regular reflective supervision helps practitioners revisit plans when new information arrives.',
  'Worries passed on informally are not treated as information to record, so no agency holds the whole picture.',
] as const;
const PATTERN_TITLES = ['Supervision', 'What and how much should be shared?'] as const;
const RECOMMENDATION_TEXTS = [
  'Agree one rule across agencies for recording worries passed on by telephone (fictional).',
  'Consider protected time for reflective supervision against other demands (fictional).',
] as const;
const COMMENT_TEXTS = ['The chronology misses the March telephone call (fictional).', 'The school’s view is missing from page 4 (fictional).'] as const;
const COMMENTERS = ['Health visitor', 'Class teacher'] as const;
const FACTORS = [
  { search: 'workload', label: 'Workload', group: /Conditions of work/ as RegExp | undefined },
  { search: 'supervision', label: 'Supervision', group: undefined },
] as const;

const reports = (page: Page) => new WorkspaceScreen(page, 'reports');
const interimDraft = (page: Page) => page.getByTestId('report-stage-interim').getByRole('article', { name: SEEDED_DRAFT.article });
const factorIds = new Map<string, string>();

const ADD_CASES: readonly AddCase[] = [
  {
    name: '"Add to the team" (team member)',
    slug: 'dbl-team',
    kind: 'teamMember',
    async prepare(page, reviewId, variant) {
      const team = new TeamPage(page);
      await team.goto(reviewId);
      const member = MEMBERS[variant] ?? MEMBERS[0];
      await page.getByTestId('add-team-member').click();
      const form = page.getByTestId('add-team-member-form');
      await form.getByTestId('member-name').fill(member.name);
      await form.getByTestId('member-role').selectOption({ label: member.role });
      return form.getByRole('button', { name: 'Add to the team' });
    },
    async listed(page, reviewId, variant) {
      const team = new TeamPage(page);
      await team.goto(reviewId);
      await page.getByTestId('team-table').waitFor();
      return (await team.memberNames()).filter((name) => name === MEMBERS[variant]?.name).length;
    },
    stored: storedWhere(
      'teamMember',
      'name',
      MEMBERS.map((member) => member.name),
    ),
  },
  {
    name: '"Add participant"',
    slug: 'dbl-participant',
    kind: 'participant',
    async prepare(page, reviewId, variant) {
      const participants = new ParticipantsPage(page);
      await participants.goto(reviewId);
      const person = NEW_PARTICIPANTS[variant] ?? NEW_PARTICIPANTS[0];
      await participants.fillNew({ kind: 'Practitioner', agency: 'Police (fictional)', roleTitle: 'Police officer', realName: person.realName, reportLabel: person.reportLabel });
      return participants.form.getByRole('button', { name: 'Add participant' });
    },
    async listed(page, reviewId, variant) {
      const participants = new ParticipantsPage(page);
      await participants.goto(reviewId);
      await participants.list.waitFor();
      return participants.list.getByRole('option', { name: startsWith(NEW_PARTICIPANTS[variant]?.reportLabel ?? '') }).count();
    },
    stored: storedWhere(
      'participant',
      'realName',
      NEW_PARTICIPANTS.map((person) => person.realName),
    ),
  },
  {
    name: '"Log document"',
    slug: 'dbl-document',
    kind: 'document',
    async prepare(page, reviewId, variant) {
      const documents = new DocumentsPage(page);
      await documents.goto(reviewId);
      await documents.fillNew({ agency: 'Police (fictional)', title: NEW_DOCUMENTS[variant] ?? '', recordType: 'Incident log', from: '2025-02-01', to: '2025-06-30' });
      return documents.form.getByRole('button', { name: 'Log document' });
    },
    async listed(page, reviewId, variant) {
      const documents = new DocumentsPage(page);
      await documents.goto(reviewId);
      await documents.list.waitFor();
      return documents.list.getByRole('option', { name: startsWith(NEW_DOCUMENTS[variant] ?? '') }).count();
    },
    stored: storedWhere('document', 'title', NEW_DOCUMENTS),
  },
  {
    name: '"Create the conversation record"',
    slug: 'dbl-conversation',
    kind: 'conversation',
    async prepare(page, reviewId, variant) {
      const conversations = new ConversationsPage(page);
      await conversations.goto(reviewId);
      await conversations.openListItem('conversation-list', startsWith(TO_ARRANGE[variant]?.label ?? ''));
      return page.getByTestId('add-conversation-form').getByRole('button', { name: 'Create the conversation record' });
    },
    async listed(page, reviewId, variant) {
      const conversations = new ConversationsPage(page);
      await conversations.goto(reviewId);
      await conversations.list.waitFor();
      return conversations.list.getByRole('option', { name: startsWith(TO_ARRANGE[variant]?.label ?? '') }).count();
    },
    stored: storedWhere(
      'conversation',
      'participantId',
      TO_ARRANGE.map((row) => row.participantId),
    ),
  },
  {
    name: '"Add entry" (narrative entry)',
    slug: 'dbl-narrative',
    kind: 'narrativeEntry',
    async prepare(page, reviewId, variant) {
      const narrative = new NarrativePage(page);
      await narrative.goto(reviewId);
      await narrative.fillNewEntry(
        variant === 0
          ? { kind: 'Account', perspective: 'Health visitor', source: 'Document: Health visiting record (fictional)', from: '2025-03-03', to: '2025-03-03', text: NARRATIVE_TEXTS[0] }
          : { kind: 'Account', perspective: 'Social worker 1', source: 'Conversation with Social worker 1', from: '2025-03-10', to: '2025-04-20', text: NARRATIVE_TEXTS[1] },
      );
      return narrative.addDialogSubmit;
    },
    async listed(page, reviewId, variant) {
      const narrative = new NarrativePage(page);
      await narrative.goto(reviewId);
      await narrative.lanes.waitFor();
      return narrative.card(NARRATIVE_TEXTS[variant] ?? '').count();
    },
    stored: storedWhere('narrativeEntry', 'text', NARRATIVE_TEXTS),
  },
  {
    name: '"Add episode" (key practice episode)',
    slug: 'dbl-episode',
    kind: 'episode',
    async prepare(page, reviewId, variant) {
      const episodes = new EpisodesPage(page);
      await episodes.goto(reviewId);
      await episodes.fillNewEpisode({
        title: NEW_EPISODES[variant] ?? '',
        from: variant === 0 ? '2025-03-05' : '2025-05-14',
        description: 'An episode added with a fast double click (fictional).',
      });
      return episodes.addDialogSubmit;
    },
    async listed(page, reviewId, variant) {
      const episodes = new EpisodesPage(page);
      await episodes.goto(reviewId);
      await episodes.table.waitFor();
      return (await episodes.rowTitles()).filter((title) => title === NEW_EPISODES[variant]).length;
    },
    stored: storedWhere('episode', 'title', NEW_EPISODES),
  },
  {
    name: '"Create pattern"',
    slug: 'dbl-pattern',
    kind: 'pattern',
    async prepare(page, reviewId, variant) {
      const patterns = new PatternsPage(page);
      await patterns.goto(reviewId);
      await patterns.chooseEpisodes([variant === 0 ? SEEDED_EPISODES.homeVisit.title : SEEDED_EPISODES.strategy.title]);
      await patterns.fillNewPattern(
        variant === 0
          ? { category: 2, subPattern: PATTERN_TITLES[0], statement: PATTERN_STATEMENTS[0], influence: 'Supports good practice' }
          : { category: 4, subPattern: PATTERN_TITLES[1], statement: PATTERN_STATEMENTS[1], influence: 'Makes problematic practice more likely' },
      );
      return patterns.createDialogSubmit;
    },
    async listed(page, reviewId, variant) {
      const patterns = new PatternsPage(page);
      await patterns.goto(reviewId);
      await patterns.board.waitFor();
      return (await patterns.recordedTitles()).filter((title) => title === PATTERN_TITLES[variant]).length;
    },
    stored: storedWhere('pattern', 'statement', PATTERN_STATEMENTS),
  },
  {
    name: '"Add recommendation"',
    slug: 'dbl-recommendation',
    kind: 'recommendation',
    async prepare(page, reviewId, variant) {
      const recommendations = new RecommendationsPage(page);
      await recommendations.goto(reviewId);
      await recommendations.fillNew(
        variant === 0
          ? { kind: 'Clear-cut and local', level: 'Local', addressee: 'LSCB partner agencies (fictional)', text: RECOMMENDATION_TEXTS[0] }
          : { kind: 'Needs judgement by senior management', level: 'Regional', addressee: 'Directors of children’s services (fictional)', text: RECOMMENDATION_TEXTS[1] },
      );
      return recommendations.addDialogSubmit;
    },
    async listed(page, reviewId, variant) {
      const recommendations = new RecommendationsPage(page);
      await recommendations.goto(reviewId);
      await page.getByRole('button', { name: 'Add recommendation' }).waitFor();
      return recommendations.card(RECOMMENDATION_TEXTS[variant] ?? '').count();
    },
    stored: storedWhere('recommendation', 'text', RECOMMENDATION_TEXTS),
  },
  {
    // A stage with no draft ("Record the preliminary report"), then a stage with one ("Record another draft").
    name: '"Record the … report" / "Record another draft" (report draft)',
    slug: 'dbl-report-draft',
    kind: 'reportStage',
    async prepare(page, reviewId, variant) {
      await reports(page).gotoSection(reviewId);
      return variant === 0
        ? page.getByTestId('report-stage-preliminary').getByRole('button', { name: 'Record the preliminary report' })
        : page.getByTestId('report-stage-interim').getByRole('button', { name: 'Record another draft' });
    },
    async listed(page, reviewId, variant) {
      await reports(page).gotoSection(reviewId);
      await page.getByTestId('report-stage-interim').waitFor();
      // The interim stage already had draft 1: count only what the clicks made.
      return variant === 0
        ? page.getByTestId('report-stage-preliminary').getByRole('article').count()
        : (await page.getByTestId('report-stage-interim').getByRole('article').count()) - 1;
    },
    async stored(page, reviewId, variant) {
      return variant === 0
        ? storedCount(page, reviewId, 'reportStage', { field: 'stage', equals: 'preliminary' })
        : (await storedCount(page, reviewId, 'reportStage', { field: 'stage', equals: 'interim' })) - 1;
    },
  },
  {
    name: '"Add comment" (participant’s comment on a draft)',
    slug: 'dbl-comment',
    kind: 'comment',
    async prepare(page, reviewId, variant) {
      await reports(page).gotoSection(reviewId);
      const form = interimDraft(page).getByRole('form', { name: "Add a participant's comment" });
      await form.getByLabel('Comment from').selectOption({ label: COMMENTERS[variant] ?? '' });
      await form.getByRole('textbox', { name: /^Comment/ }).fill(COMMENT_TEXTS[variant] ?? '');
      return form.getByRole('button', { name: 'Add comment' });
    },
    async listed(page, reviewId, variant) {
      await reports(page).gotoSection(reviewId);
      await interimDraft(page).waitFor();
      return interimDraft(page).getByText(COMMENT_TEXTS[variant] ?? '', { exact: true }).count();
    },
    stored: storedWhere('comment', 'text', COMMENT_TEXTS),
  },
  {
    // A factor tag is part of its episode: a double click on a factor in the picker must tag it once.
    name: 'a factor in the picker (factor tag on an episode)',
    slug: 'dbl-factor',
    kind: 'episode',
    async prepare(page, reviewId, variant) {
      const episodes = new EpisodesPage(page);
      await episodes.goto(reviewId, SEEDED_EPISODES.homeVisit.id);
      await episodes.editor.waitFor();
      const factor = FACTORS[variant] ?? FACTORS[0];
      await episodes.factorSearch.fill(factor.search);
      const scope = factor.group ? episodes.editor.getByRole('group', { name: factor.group }) : episodes.editor.getByTestId('factor-list');
      const option = scope.getByRole('option', { name: factor.label }).first();
      factorIds.set(factor.label, (await option.getAttribute('data-factor-id')) ?? '');
      return option;
    },
    async listed(page, reviewId, variant) {
      const episodes = new EpisodesPage(page);
      await episodes.goto(reviewId, SEEDED_EPISODES.homeVisit.id);
      await episodes.editor.waitFor();
      return (await episodes.chosenFactors()).filter((label) => label === FACTORS[variant]?.label).length;
    },
    async stored(page, reviewId, variant) {
      const factors = (await storedField(page, reviewId, 'episode', SEEDED_EPISODES.homeVisit.id, 'factors')) as Array<{ factorId: string }> | null;
      const wanted = factorIds.get(FACTORS[variant]?.label ?? '');
      return (factors ?? []).filter((tag) => tag.factorId === wanted).length;
    },
  },
];

describe('a fast double click on any add button makes one record (standalone)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const addCase of ADD_CASES) {
    it(`${addCase.name}: a dblclick, and two clicks with no wait, each make exactly one record`, async () => {
      const { context, page, reviewId, errors } = await openSeeded(browser, addCase.slug);
      // Nothing here leaves anything unsaved: any question on reload is answered "leave".
      page.on('dialog', (dialog: Dialog) => void dialog.accept());
      for (const [variant, how] of FAST_CLICKS.entries()) {
        const button = await addCase.prepare(page, reviewId, variant);
        await fastClick(page, button, how);
        // The add goes through (it is stored)…
        await expect
          .poll(() => addCase.stored(page, reviewId, variant), { timeout: 15_000, message: `${addCase.name}, ${how}: nothing was stored` })
          .toBeGreaterThanOrEqual(1);
        // …and any second add the second click started has had time to land too.
        await page.waitForTimeout(IN_FLIGHT_MS);
        // A double click is one add: the person is not told "Not added yet" about a record that was added.
        expect.soft(await page.locator(REFUSALS).count(), `${addCase.name}, ${how}: a refusal is shown for an add that was made`).toBe(0);
        await screenshot(page, `write-path/${addCase.slug}-${how.replace(' ', '-')}`);
        await reloadScreen(page);
        // Soft, so both ways of double clicking are reported.
        expect.soft(await addCase.listed(page, reviewId, variant), `${addCase.name}, ${how}: records listed after a reload`).toBe(1);
        expect.soft(await addCase.stored(page, reviewId, variant), `${addCase.name}, ${how}: records stored (${addCase.kind})`).toBe(1);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

/** A text field in a record's editor, typed into as a person types. */
interface EditCase {
  readonly name: string;
  readonly slug: string;
  readonly text: string;
  /** Opens the record's editor (its own address), and returns the field. */
  open(page: Page, reviewId: string): Promise<Locator>;
  /** The stored value of the field (standalone), to check it reached IndexedDB. */
  stored(page: Page, reviewId: string): Promise<unknown>;
}

const EDIT_CASES: readonly EditCase[] = [
  {
    name: "an episode's description",
    slug: 'episode-description',
    text: 'Visited within the hour; saw both parents (fictional).',
    async open(page, reviewId) {
      const episodes = new EpisodesPage(page);
      await episodes.goto(reviewId, SEEDED_EPISODES.homeVisit.id);
      await episodes.editor.waitFor();
      return episodes.editor.getByRole('textbox', { name: /^Description/ });
    },
    stored: (page, reviewId) => storedField(page, reviewId, 'episode', SEEDED_EPISODES.homeVisit.id, 'description'),
  },
  {
    name: "a participant's role title",
    slug: 'participant-role-title',
    text: 'Health visitor, named nurse (fictional)',
    async open(page, reviewId) {
      const participants = new ParticipantsPage(page);
      await participants.goto(reviewId, 'par-hv');
      await participants.editor.waitFor();
      return participants.editor.getByTestId('participant-role-title');
    },
    stored: (page, reviewId) => storedField(page, reviewId, 'participant', 'par-hv', 'roleTitle'),
  },
  {
    name: "a conversation's step note",
    slug: 'step-note',
    text: 'Purpose explained; he asked who reads it (fictional).',
    async open(page, reviewId) {
      const conversations = new ConversationsPage(page);
      await conversations.goto(reviewId, 'con-hv');
      await conversations.editor.waitFor();
      return conversations.step('1').getByTestId('step-notes-1');
    },
    async stored(page, reviewId) {
      return (await storedCount(page, reviewId, 'stepNote', { field: 'text', equals: this.text })) === 1 ? this.text : null;
    },
  },
];

/** Types as a person does (key by key, replacing what was there), and returns as soon as the last key is up. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text);
}

describe('an edit followed at once by a reload or a tab close is kept (standalone)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const edit of EDIT_CASES) {
    it(`keeps ${edit.name} typed and reloaded at once (no wait for "Saved")`, async () => {
      const { context, page, reviewId, errors } = await openSeeded(browser, `reload-${edit.slug}`);
      const asked: string[] = [];
      // A reload is the person's choice: if the app asks, they answer "leave", and still nothing may be lost.
      page.on('dialog', (dialog: Dialog) => {
        asked.push(dialog.type());
        void dialog.accept();
      });
      const field = await edit.open(page, reviewId);
      await typeInto(field, edit.text);
      expect.soft(await field.inputValue(), `${edit.name}: the field shows what was typed`).toBe(edit.text);
      await page.reload();
      const reloaded = await edit.open(page, reviewId);
      await expect.poll(() => reloaded.inputValue(), { timeout: 10_000, message: `${edit.name} after a reload straight after typing` }).toBe(edit.text);
      await expect.poll(() => edit.stored(page, reviewId), { timeout: 10_000, message: `${edit.name} in IndexedDB` }).toBe(edit.text);
      await screenshot(page, `write-path/reload-${edit.slug}`);
      expect(asked.every((type) => type === 'beforeunload')).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`keeps ${edit.name} typed just before the tab is closed, or asks before closing`, async () => {
      const { context, page, reviewId, errors } = await openSeeded(browser, `close-${edit.slug}`);
      const field = await edit.open(page, reviewId);
      await typeInto(field, edit.text);
      expect.soft(await field.inputValue(), `${edit.name}: the field shows what was typed`).toBe(edit.text);

      const asked = new Promise<string>((resolve) => {
        page.once('dialog', (dialog: Dialog) => {
          resolve(dialog.type());
          // "Stay on this page".
          void dialog.dismiss();
        });
      });
      const closed = new Promise<'closed'>((resolve) => page.once('close', () => resolve('closed')));
      await page.close({ runBeforeUnload: true });
      const outcome = await Promise.race([asked, closed, new Promise<'neither'>((resolve) => setTimeout(() => resolve('neither'), 15_000))]);
      expect(outcome, 'the tab neither closed nor asked').not.toBe('neither');

      if (outcome === 'closed') {
        // Closed without asking: then the text must already be kept. A new tab on the same browser shows it.
        const again = await context.newPage();
        await again.goto(baseUrl());
        const reopened = await edit.open(again, reviewId);
        await expect
          .poll(() => reopened.inputValue(), { timeout: 10_000, message: `${edit.name}: the tab closed straight after typing, without asking, and the text was lost` })
          .toBe(edit.text);
        await expect.poll(() => edit.stored(again, reviewId), { timeout: 10_000, message: `${edit.name} in IndexedDB` }).toBe(edit.text);
        await screenshot(again, `write-path/close-${edit.slug}-reopened`);
      } else {
        // Asked: it must be the browser's "leave this page?" question, and staying keeps the text and stores it.
        expect(outcome).toBe('beforeunload');
        expect(await field.inputValue()).toBe(edit.text);
        await expect.poll(() => edit.stored(page, reviewId), { timeout: 10_000 }).toBe(edit.text);
        await screenshot(page, `write-path/close-${edit.slug}-asked`);
        await page.close();
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('the header’s one sync indicator (standalone)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is in the header on every screen, and says "Saving…" until an edit is in IndexedDB, then "Saved"', async () => {
    const { context, page, reviewId, errors } = await openSeeded(browser, 'sync-standalone');
    const sync = new SyncIndicator(page);
    const screens = ['', '/team', '/participants', '/episodes', '/reports'];
    for (const path of screens) {
      await page.goto(`${baseUrl()}#/reviews/${encodeURIComponent(reviewId)}${path}`);
      await page.locator('#screen-title').waitFor();
      await expect.poll(() => sync.everywhere.count(), { message: `one sync indicator on ${path || 'the overview'}` }).toBe(1);
      expect(await sync.button.count(), 'the indicator is in the header').toBe(1);
      await sync.waitForText(SYNC_TEXT.saved, 10_000);
      expect(await sync.accessibleName()).toMatch(/^Sync status:/);
    }

    const episodes = new EpisodesPage(page);
    await episodes.goto(reviewId, SEEDED_EPISODES.homeVisit.id);
    await episodes.editor.waitFor();
    await sync.startRecording();
    const description = 'Typed while watching the header (fictional).';
    await typeInto(episodes.editor.getByRole('textbox', { name: /^Description/ }), description);
    await episodes.waitForSaved(episodes.editor);
    await sync.waitForText(SYNC_TEXT.saved, 10_000);
    const seen = await sync.recorded();
    expect(seen.every((text) => SYNC_TEXT_PATTERN.test(text)), `every text shown is one of the contract's: ${JSON.stringify(seen)}`).toBe(true);
    // While typed text is not yet in IndexedDB, the header must not say "Saved".
    expect(seen).toContain(SYNC_TEXT.saving);
    expect(seen[seen.length - 1]).toBe(SYNC_TEXT.saved);
    expect(await storedField(page, reviewId, 'episode', SEEDED_EPISODES.homeVisit.id, 'description')).toBe(description);

    // With nothing queued or in conflict, the panel lists nothing. (The episode editor is a modal drawer over the
    // header: it is closed first, as a person would.)
    await page.keyboard.press('Escape');
    await episodes.editor.waitFor({ state: 'hidden' });
    await sync.open();
    expect(await sync.items()).toEqual([]);
    await screenshot(page, 'write-path/sync-panel-standalone');
    await sync.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A second client of the double (the Graph store in Node, as the reviewer), to seed and to check. */
async function doubleStore(): Promise<ReviewStore> {
  const { graph } = m365();
  const token = await doubleToken(graph.reviewer);
  return createGraphReviewStore({ graphBaseUrl: graph.url, getAccessToken: () => Promise.resolve(token), teamId: graph.teamId, registerSiteId: graph.siteId, channelOwner: graph.reviewer });
}

/** Opens an address in the Microsoft 365 build, signing in with the test sign-in when asked. */
async function openSignedIn(page: Page, path: string, ready: Locator): Promise<void> {
  await page.goto(`${m365().appUrl}#${path}`);
  const signIn = page.getByTestId('sign-in');
  await Promise.race([ready.waitFor({ timeout: 60_000 }), signIn.waitFor({ timeout: 60_000 })]);
  if (await signIn.isVisible()) await signIn.click();
  await ready.waitFor({ timeout: 60_000 });
}

describe('an edit followed at once by a reload is kept (Microsoft 365 mode, Graph double)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps an episode's description typed and reloaded at once, and it reaches SharePoint", async () => {
    const store = await doubleStore();
    const reviewId = uniqueReviewId('reload-m365');
    const imported = await store.importSnapshot(writePathSnapshot(reviewId), { replace: false });
    expect(imported.ok ? 'ok' : JSON.stringify(imported.error)).toBe('ok');

    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectAppErrors(page);
    page.on('dialog', (dialog: Dialog) => void dialog.accept());
    const episodes = new EpisodesPage(page);
    const path = `/reviews/${encodeURIComponent(reviewId)}/episodes/${SEEDED_EPISODES.homeVisit.id}`;
    await openSignedIn(page, path, episodes.editor);
    const text = 'Visited within the hour (fictional, Microsoft 365).';
    await typeInto(episodes.editor.getByRole('textbox', { name: /^Description/ }), text);
    await page.reload();
    await openSignedIn(page, path, episodes.editor);
    await expect.poll(() => episodes.editor.getByRole('textbox', { name: /^Description/ }).inputValue(), { timeout: 30_000 }).toBe(text);
    await screenshot(page, 'write-path/reload-m365-episode-description');

    // It reaches SharePoint; or, where the offline outbox met its own earlier write (sent just before the reload,
    // its answer lost) and now holds the edit as a conflict, the header never says "Saved" while SharePoint lacks
    // it. That case is a known gap, noted on issue 8: the outbox's recovery does not yet rebase its queue.
    const inSharePoint = async () => {
      const loaded = await store.loadReview(reviewId as ReviewId);
      return loaded.ok && loaded.value.episodes.find((episode) => episode.id === SEEDED_EPISODES.homeVisit.id)?.description === text;
    };
    const indicator = page.locator('header').getByTestId('sync-indicator').first();
    await expect
      .poll(async () => (await inSharePoint()) || /to settle|queued|Not saved/.exec((await indicator.textContent()) ?? '') !== null, {
        timeout: 60_000,
        message: 'the description in SharePoint, or the header saying it is not stored yet',
      })
      .toBe(true);
    if (!(await inSharePoint())) expect(await indicator.textContent(), 'the header while SharePoint lacks the edit').not.toBe('Saved');
    expect(errors).toEqual([]);
    await context.close();
  });
});
