import type { Locator, Page } from 'playwright-core';
import { waitForDialogGone } from './analysis-helpers';
import { WorkspaceScreen, recordIdIn } from './workspace-base';

export interface PatternFields {
  readonly category: 1 | 2 | 3 | 4 | 5 | 6;
  /** An Appendix 6 sub-pattern's title (or part of it), or a new one's title. */
  readonly subPattern: string | { readonly newTitle: string };
  readonly statement: string;
  readonly influence: 'Supports good practice' | 'Makes problematic practice more likely';
}

export interface Prioritisation {
  readonly widespread?: 'Not yet assessed' | 'Low' | 'Medium' | 'High';
  readonly relevance?: 'Not yet assessed' | 'Low' | 'Medium' | 'High';
  readonly rank?: number | null;
  readonly rationale?: string;
  readonly selected?: boolean;
}

/** Patterns: create from episodes, the typology board, "recorded, not prioritised", and the editor. */
export class PatternsPage extends WorkspaceScreen {
  constructor(page: Page) {
    super(page, 'patterns');
  }

  async goto(reviewId: string, patternId?: string): Promise<void> {
    await this.gotoSection(reviewId, patternId);
  }

  get creator(): Locator {
    return this.page.getByTestId('create-pattern');
  }

  get board(): Locator {
    return this.page.getByTestId('pattern-board');
  }

  get recorded(): Locator {
    return this.page.getByTestId('recorded-patterns');
  }

  get editor(): Locator {
    return this.page.getByTestId('pattern-editor');
  }

  get createDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Create a pattern' });
  }

  async chooseEpisodes(titles: readonly string[]): Promise<void> {
    for (const title of titles) await this.creator.getByRole('checkbox', { name: new RegExp(`^${escape(title)}`) }).check();
  }

  async sharedFactors(): Promise<string> {
    return ((await this.creator.getByTestId('shared-factors').textContent()) ?? '').trim();
  }

  private async fillCreate(fields: PatternFields): Promise<void> {
    await this.creator.getByRole('button', { name: /^Create pattern from/ }).click();
    const dialog = this.createDialog;
    await dialog.getByLabel(/^Typology category/).selectOption({ value: String(fields.category) });
    const subPattern = dialog.getByLabel(/^Sub-pattern \(Appendix 6\)/);
    if (typeof fields.subPattern === 'string') {
      const options = await subPattern.locator('option').allTextContents();
      const wanted = fields.subPattern;
      const label = options.find((option) => option.includes(wanted));
      if (!label) throw new Error(`No sub-pattern containing “${wanted}”`);
      await subPattern.selectOption({ label });
    } else {
      await subPattern.selectOption({ value: 'new' });
      await dialog.getByLabel(/^New sub-pattern title/).fill(fields.subPattern.newTitle);
    }
    await dialog.getByLabel(/^Statement, in non-case-specific language/).fill(fields.statement);
    await dialog.getByRole('radio', { name: fields.influence }).check();
  }

  /** Opens "Create pattern from …" for the chosen episodes and fills the dialog; does not submit. */
  async fillNewPattern(fields: PatternFields): Promise<void> {
    await this.fillCreate(fields);
  }

  /** The create dialog's confirming button. */
  get createDialogSubmit(): Locator {
    return this.createDialog.getByRole('button', { name: 'Create pattern' });
  }

  /** Creates a pattern from the chosen episodes; its editor opens. Returns its id. */
  async createPattern(fields: PatternFields): Promise<string> {
    await this.fillCreate(fields);
    await this.createDialog.getByRole('button', { name: 'Create pattern' }).click();
    await this.editor.waitFor();
    await this.page.waitForURL(/\/patterns\/[^/?]+/);
    return recordIdIn(this.page, 'patterns');
  }

  async prioritise(values: Prioritisation): Promise<void> {
    const editor = this.editor;
    if (values.widespread) await editor.getByRole('radiogroup', { name: 'How widespread beyond this case' }).getByRole('radio', { name: values.widespread }).check();
    if (values.relevance) await editor.getByRole('radiogroup', { name: /Contemporary relevance/ }).getByRole('radio', { name: values.relevance }).check();
    if (values.rank !== undefined) await editor.getByRole('spinbutton', { name: 'Rank' }).fill(values.rank === null ? '' : String(values.rank));
    if (values.rationale !== undefined) await editor.getByLabel('Rationale').fill(values.rationale);
    if (values.selected !== undefined) await editor.getByRole('switch', { name: 'Prioritised for the report' }).setChecked(values.selected);
  }

  async closeEditor(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Close' }).click();
    await waitForDialogGone(this.page, this.editor);
  }

  /** Titles of the prioritised patterns in a category column, in rank order. */
  async prioritisedIn(category: number): Promise<string[]> {
    return (await this.board.locator(`section[data-category="${category}"] li h4`).allTextContents()).map((text) => text.trim());
  }

  async recordedTitles(): Promise<string[]> {
    return (await this.recorded.locator('li h4').allTextContents()).map((text) => text.trim());
  }

  async open(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title, exact: true }).first().click();
    await this.editor.waitFor();
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
