import type { Locator, Page } from 'playwright-core';
import { waitForDialogGone } from './analysis-helpers';
import { WorkspaceScreen } from './workspace-base';

export type RecommendationKindTitle = 'Clear-cut and local' | 'Needs judgement by senior management' | 'Needs research or national action';

export interface RecommendationFields {
  readonly kind: RecommendationKindTitle;
  readonly level: 'Local' | 'Regional' | 'National';
  readonly addressee: string;
  readonly text: string;
  /** Parts of the titles of the patterns it responds to. */
  readonly patterns?: readonly string[];
}

export interface TrackingFields {
  readonly status?: 'Proposed' | 'Agreed' | 'In progress' | 'Implemented' | 'Not taken forward';
  readonly owner?: string;
  /** YYYY-MM-DD, or '' to clear. */
  readonly due?: string;
  readonly completed?: string;
  readonly evidence?: string;
}

/** Recommendations under the three kinds, the add dialog and the editor with tracking. */
export class RecommendationsPage extends WorkspaceScreen {
  constructor(page: Page) {
    super(page, 'recommendations');
  }

  async goto(reviewId: string, recommendationId?: string): Promise<void> {
    await this.gotoSection(reviewId, recommendationId);
  }

  get addDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add a recommendation' });
  }

  get editor(): Locator {
    return this.page.getByTestId('recommendation-editor');
  }

  private async fillFields(scope: Locator, fields: RecommendationFields): Promise<void> {
    await scope.getByRole('radio', { name: new RegExp(fields.kind) }).check();
    await scope.getByRole('radio', { name: fields.level, exact: true }).check();
    await scope.getByLabel(/^Addressed to/).fill(fields.addressee);
    await scope.getByLabel(/^Recommendation/).fill(fields.text);
    for (const pattern of fields.patterns ?? []) await scope.getByRole('checkbox', { name: new RegExp(pattern) }).check();
  }

  /** Opens "Add recommendation" and fills the dialog; does not submit (see `addDialogSubmit`). */
  async fillNew(fields: RecommendationFields): Promise<void> {
    await this.page.getByRole('button', { name: 'Add recommendation' }).click();
    await this.fillFields(this.addDialog, fields);
  }

  /** The dialog's confirming button. */
  get addDialogSubmit(): Locator {
    return this.addDialog.getByRole('button', { name: 'Add recommendation' });
  }

  async add(fields: RecommendationFields): Promise<void> {
    await this.page.getByRole('button', { name: 'Add recommendation' }).click();
    await this.fillFields(this.addDialog, fields);
    await this.addDialog.getByRole('button', { name: 'Add recommendation' }).click();
    await waitForDialogGone(this.page, this.addDialog);
  }

  /** The section of a kind ("Clear-cut and local"). */
  kind(title: RecommendationKindTitle): Locator {
    return this.page.locator('section[data-kind]').filter({ has: this.page.getByRole('heading', { name: new RegExp(title) }) });
  }

  async textsIn(title: RecommendationKindTitle): Promise<string[]> {
    return (await this.kind(title).locator('li[data-recommendation-id] > a').allTextContents()).map((text) => text.trim());
  }

  card(text: string): Locator {
    return this.page.locator('li[data-recommendation-id]').filter({ hasText: text });
  }

  async open(text: string): Promise<void> {
    await this.card(text).getByRole('link').first().click();
    await this.editor.waitFor();
  }

  async track(fields: TrackingFields): Promise<void> {
    const editor = this.editor;
    if (fields.status) await editor.getByLabel('Status').selectOption({ label: fields.status });
    if (fields.owner !== undefined) await editor.getByLabel('Owner').fill(fields.owner);
    if (fields.due !== undefined) await editor.getByLabel('Due').fill(fields.due);
    if (fields.completed !== undefined) await editor.getByLabel('Completed').fill(fields.completed);
    if (fields.evidence !== undefined) await editor.getByLabel('Evidence').fill(fields.evidence);
  }

  async closeEditor(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Close' }).click();
    await waitForDialogGone(this.page, this.editor);
  }
}
