import type { Locator, Page } from 'playwright-core';
import { waitForDialogGone } from './analysis-helpers';
import { WorkspaceScreen, recordIdIn, tabTo } from './workspace-base';

export interface EpisodeFields {
  readonly title: string;
  /** YYYY-MM-DD */
  readonly from: string;
  readonly to?: string;
  readonly description: string;
  readonly significance?: string;
}

export type JudgementLabel = 'Not yet judged' | 'Good practice' | 'Problematic practice' | 'Mixed: good and problematic' | 'Unclear';

/** Key practice episodes: the Appendix 4 table, the add dialog, the editor with its factor picker, recurrence. */
export class EpisodesPage extends WorkspaceScreen {
  constructor(page: Page) {
    super(page, 'episodes');
  }

  async goto(reviewId: string, episodeId?: string): Promise<void> {
    await this.gotoSection(reviewId, episodeId);
  }

  get table(): Locator {
    return this.page.getByTestId('episodes-table');
  }

  get editor(): Locator {
    return this.page.getByTestId('episode-editor');
  }

  get addDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add a key practice episode' });
  }

  async columnHeadings(): Promise<string[]> {
    return (await this.table.locator('thead th').allTextContents()).map((text) => text.trim());
  }

  /** The table row of an episode, by its title. */
  row(title: string): Locator {
    return this.table.locator('tbody tr[data-row-key]').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async rowTitles(): Promise<string[]> {
    return (await this.table.locator('tbody tr[data-row-key] td:first-child a').allTextContents()).map((text) => text.trim());
  }

  private async fillNew(fields: EpisodeFields): Promise<void> {
    await this.page.getByRole('button', { name: 'Add episode' }).click();
    await this.addDialog.getByLabel(/^Title/).fill(fields.title);
    await this.addDialog.getByLabel(/^From/).fill(fields.from);
    await this.addDialog.getByLabel(/^To/).fill(fields.to ?? '');
    await this.addDialog.getByLabel(/^Description/).fill(fields.description);
    await this.addDialog.getByLabel('Significance with hindsight').fill(fields.significance ?? '');
  }

  /** Opens "Add episode" and fills the dialog; does not submit (the dialog's own "Add episode" is `addDialogSubmit`). */
  async fillNewEpisode(fields: EpisodeFields): Promise<void> {
    await this.fillNew(fields);
  }

  /** The dialog's confirming button. */
  get addDialogSubmit(): Locator {
    return this.addDialog.getByRole('button', { name: 'Add episode' });
  }

  /** Adds an episode; the editor opens on it. Returns its id. */
  async addEpisode(fields: EpisodeFields): Promise<string> {
    await this.fillNew(fields);
    await this.addDialog.getByRole('button', { name: 'Add episode' }).click();
    await this.editor.waitFor();
    await this.page.waitForURL(/\/episodes\/[^/?]+/);
    return recordIdIn(this.page, 'episodes');
  }

  /** Tries to add an episode that breaks a rule: returns the message and the description field's message. */
  async addExpectingProblem(fields: EpisodeFields): Promise<{ message: string; description: string }> {
    await this.fillNew(fields);
    await this.addDialog.getByRole('button', { name: 'Add episode' }).click();
    const message = this.addDialog.getByTestId('add-episode-message');
    await message.waitFor();
    const result = { message: ((await message.textContent()) ?? '').trim(), description: await this.fieldMessage(this.addDialog.getByLabel(/^Description/)) };
    await this.addDialog.getByRole('button', { name: 'Cancel' }).click();
    await waitForDialogGone(this.page, this.addDialog);
    return result;
  }

  async open(title: string): Promise<void> {
    await this.row(title).getByRole('link', { name: title, exact: true }).click();
    await this.editor.waitFor();
  }

  async setJudgement(judgement: JudgementLabel, breakdown?: string): Promise<void> {
    await this.editor.getByRole('radio', { name: judgement, exact: true }).check();
    if (breakdown !== undefined) await this.editor.getByLabel('Breakdown of the judgement').fill(breakdown);
  }

  get factorSearch(): Locator {
    return this.editor.getByTestId('factor-search');
  }

  /** Adds a factor with the mouse: search, then click the option under the given type. */
  async addFactorByClicking(search: string, factorLabel: string, typeGroup?: RegExp): Promise<void> {
    await this.factorSearch.fill(search);
    const scope = typeGroup ? this.editor.getByRole('group', { name: typeGroup }) : this.editor.getByTestId('factor-list');
    await scope.getByRole('option', { name: factorLabel }).first().click();
    await this.factorTag(factorLabel).waitFor();
  }

  /** Adds a factor with the keyboard only: Tab to the search box, type, arrow down `downPresses` times, Enter. */
  async addFactorByKeyboard(search: string, downPresses = 1): Promise<void> {
    await tabTo(this.page, this.factorSearch, 120);
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(search);
    for (let press = 0; press < downPresses; press += 1) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
  }

  /** The chosen factor's tag in the editor. */
  factorTag(factorLabel: string): Locator {
    return this.editor.getByTestId('factor-tags').locator('li').filter({ has: this.page.getByTestId('factor-tag-label').getByText(factorLabel, { exact: true }) });
  }

  async chosenFactors(): Promise<string[]> {
    const tags = this.editor.getByTestId('factor-tags');
    if ((await tags.count()) === 0) return [];
    return (await tags.getByTestId('factor-tag-label').allTextContents()).map((text) => text.trim());
  }

  async setWhy(factorLabel: string, why: string): Promise<void> {
    await this.factorTag(factorLabel).getByRole('textbox').fill(why);
  }

  async closeEditor(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Close' }).click();
    await waitForDialogGone(this.page, this.editor);
  }

  async showRecurrence(): Promise<void> {
    await this.page.getByRole('group', { name: 'How to show the episodes' }).getByRole('button', { name: 'Recurring factors' }).click();
    await this.page.getByTestId('factor-recurrence').waitFor();
  }

  async showTable(): Promise<void> {
    await this.page.getByRole('group', { name: 'How to show the episodes' }).getByRole('button', { name: 'Table of episodes' }).click();
    await this.table.waitFor();
  }

  /** Factor and count for each row of the recurrence table, in its current order. */
  async recurrence(): Promise<Array<{ factor: string; count: number }>> {
    const rows = this.page.getByTestId('factor-recurrence').locator('tbody tr');
    const result: Array<{ factor: string; count: number }> = [];
    for (let index = 0; index < (await rows.count()); index += 1) {
      const row = rows.nth(index);
      result.push({ factor: ((await row.locator('td').first().textContent()) ?? '').trim(), count: Number(await row.getAttribute('data-count')) });
    }
    return result;
  }

  async sortRecurrenceBy(column: 'Factor' | 'Where in the framework' | 'Episodes'): Promise<void> {
    await this.page.getByTestId('factor-recurrence').getByRole('button', { name: column }).click();
  }

  async recurrenceSummary(): Promise<string> {
    return ((await this.page.getByTestId('recurrence-summary').textContent()) ?? '').trim();
  }
}
