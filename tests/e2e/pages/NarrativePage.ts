import type { Locator, Page } from 'playwright-core';
import { waitForDialogGone } from './analysis-helpers';
import { WorkspaceScreen } from './workspace-base';

export type NarrativeKindLabel = 'Account' | 'Gap' | 'Discrepancy' | "Reviewers' judgement";

export interface NarrativeEntryFields {
  readonly kind: NarrativeKindLabel;
  /** The option text, or a part of it: "Health visitor". Not needed for a reviewers' judgement. */
  readonly perspective?: string;
  /** The option text, or a part of it: "Conversation with Social worker 1". */
  readonly source?: string;
  /** YYYY-MM-DD */
  readonly from: string;
  readonly to?: string;
  readonly text: string;
  /** Parts of the labels of the entries it relates to or disputes. */
  readonly related?: readonly string[];
}

/** The narrative of multi-agency perspectives: lanes, table, filters, the add dialog and the editor. */
export class NarrativePage extends WorkspaceScreen {
  constructor(page: Page) {
    super(page, 'narrative');
  }

  async goto(reviewId: string, entryId?: string): Promise<void> {
    await this.gotoSection(reviewId, entryId);
  }

  get lanes(): Locator {
    return this.page.getByTestId('narrative-lanes');
  }

  get table(): Locator {
    return this.page.getByTestId('narrative-table');
  }

  get judgementsTable(): Locator {
    return this.page.getByTestId('judgements-table');
  }

  get addDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add a narrative entry' });
  }

  get editor(): Locator {
    return this.page.getByTestId('narrative-editor');
  }

  /** "5 entries" or "Showing 1 of 5 entries". */
  async countText(): Promise<string> {
    return ((await this.page.getByTestId('narrative-count').textContent()) ?? '').trim();
  }

  async showTable(): Promise<void> {
    await this.page.getByRole('group', { name: 'How to show the narrative' }).getByRole('button', { name: 'Table' }).click();
    await this.table.waitFor();
  }

  async showLanes(): Promise<void> {
    await this.page.getByRole('group', { name: 'How to show the narrative' }).getByRole('button', { name: 'Lanes' }).click();
    await this.lanes.waitFor();
  }

  /** A lane, by its heading: a participant's report label, an agency's name, or "Reviewers' judgement". */
  lane(title: string): Locator {
    return this.lanes.locator('section[data-lane]').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  get judgementLane(): Locator {
    return this.lanes.locator('section[data-lane="reviewTeam"]');
  }

  async laneTitles(): Promise<string[]> {
    return (await this.lanes.locator('section[data-lane] h3').allTextContents()).map((text) => text.trim());
  }

  /** The card (lanes view) holding some text. */
  card(text: string): Locator {
    return this.lanes.locator('li[data-entry-id]').filter({ hasText: text });
  }

  private async fill(scope: Locator, fields: NarrativeEntryFields): Promise<void> {
    await scope.getByRole('radio', { name: fields.kind, exact: true }).check();
    if (fields.perspective) await this.chooseOption(scope.getByLabel(/^Whose perspective/), fields.perspective);
    if (fields.source) await this.chooseOption(scope.getByLabel(/^Source/), fields.source);
    await scope.getByLabel(/^From/).fill(fields.from);
    await scope.getByLabel(/^To/).fill(fields.to ?? '');
    await scope.getByRole('textbox', { name: /What the entry says|The review team’s judgement/ }).fill(fields.text);
    for (const related of fields.related ?? []) await scope.getByRole('checkbox', { name: new RegExp(escape(related)) }).check();
  }

  /** Selects the first option of a native select whose text contains `text`. */
  private async chooseOption(select: Locator, text: string): Promise<void> {
    const options = await select.locator('option').allTextContents();
    const label = options.find((option) => option === text) ?? options.find((option) => option.includes(text));
    if (!label) throw new Error(`No option containing “${text}” in ${options.join(' | ')}`);
    await select.selectOption({ label });
  }

  /** Opens "Add entry" and fills the dialog; does not submit (the dialog's own "Add entry" is `addDialogSubmit`). */
  async fillNewEntry(fields: NarrativeEntryFields): Promise<void> {
    await this.page.getByRole('button', { name: 'Add entry' }).first().click();
    await this.fill(this.addDialog, fields);
  }

  /** The dialog's confirming button. */
  get addDialogSubmit(): Locator {
    return this.addDialog.getByRole('button', { name: 'Add entry' });
  }

  async addEntry(fields: NarrativeEntryFields): Promise<void> {
    await this.page.getByRole('button', { name: 'Add entry' }).first().click();
    await this.fill(this.addDialog, fields);
    await this.addDialog.getByRole('button', { name: 'Add entry' }).click();
    await waitForDialogGone(this.page, this.addDialog);
  }

  /** Tries to add an entry that breaks a rule: returns the dialog's message, and leaves the dialog closed. */
  async addExpectingProblem(fields: NarrativeEntryFields): Promise<{ message: string; from: string }> {
    await this.page.getByRole('button', { name: 'Add entry' }).first().click();
    await this.fill(this.addDialog, fields);
    await this.addDialog.getByRole('button', { name: 'Add entry' }).click();
    const message = this.addDialog.getByTestId('add-entry-message');
    await message.waitFor();
    const result = { message: ((await message.textContent()) ?? '').trim(), from: await this.fieldMessage(this.addDialog.getByLabel(/^From/)) };
    await this.addDialog.getByRole('button', { name: 'Cancel' }).click();
    await waitForDialogGone(this.page, this.addDialog);
    return result;
  }

  /** Opens the entry whose card holds `text` (lanes view). */
  async openEntry(text: string): Promise<void> {
    await this.card(text).getByRole('link', { name: /^Open / }).click();
    await this.editor.waitFor();
  }

  async closeEditor(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Close' }).click();
    await waitForDialogGone(this.page, this.editor);
  }

  async filterByKind(kind: NarrativeKindLabel): Promise<void> {
    await this.page.getByRole('search', { name: 'Filter the narrative' }).getByRole('checkbox', { name: kind, exact: true }).check();
  }

  async filterByAgency(agency: string): Promise<void> {
    await this.page.getByRole('search', { name: 'Filter the narrative' }).getByLabel('Agency').selectOption({ label: agency });
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).click();
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
