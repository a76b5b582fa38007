import type { Locator, Page } from 'playwright-core';
import { WorkspaceScreen, recordIdIn } from './workspace-base';

export interface DocumentFields {
  readonly agency: string;
  readonly title: string;
  readonly recordType: string;
  /** YYYY-MM-DD */
  readonly from: string;
  readonly to: string;
}

/** The log of agency documents. */
export class DocumentsPage extends WorkspaceScreen {
  constructor(page: Page) {
    super(page, 'documents');
  }

  async goto(reviewId: string, documentId?: string): Promise<void> {
    await this.gotoSection(reviewId, documentId);
  }

  get list(): Locator {
    return this.page.getByTestId('document-list');
  }

  get form(): Locator {
    return this.page.getByTestId('add-document-form');
  }

  get editor(): Locator {
    return this.page.getByTestId('document-editor');
  }

  async fillNew(fields: DocumentFields): Promise<void> {
    await this.page.getByTestId('add-document').click();
    await this.form.getByTestId('document-agency').selectOption({ label: fields.agency });
    await this.form.getByTestId('document-title').fill(fields.title);
    await this.form.getByTestId('document-record-type').fill(fields.recordType);
    await this.form.getByTestId('document-period').getByLabel(/^From/).fill(fields.from);
    await this.form.getByTestId('document-period').getByLabel(/^To/).fill(fields.to);
  }

  async addDocument(fields: DocumentFields): Promise<string> {
    await this.fillNew(fields);
    await this.form.getByRole('button', { name: 'Log document' }).click();
    await this.editor.waitFor();
    await this.page.waitForURL(/\/documents\/[^/]+$/);
    return recordIdIn(this.page, 'documents');
  }

  async addExpectingProblems(fields: DocumentFields): Promise<string[]> {
    await this.fillNew(fields);
    await this.form.getByRole('button', { name: 'Log document' }).click();
    await this.page.getByTestId('problem-summary').waitFor();
    return (await this.page.getByTestId('problem-summary').locator('li').allTextContents()).map((text) => text.trim());
  }

  async count(): Promise<number> {
    const count = await this.list.getAttribute('data-count');
    return count === null ? 0 : Number(count);
  }

  async open(title: string): Promise<void> {
    await this.openListItem('document-list', new RegExp(`^${title.replace(/[()]/g, '\\$&')}`));
    await this.editor.waitFor();
  }

  get notes(): Locator {
    return this.editor.getByTestId('document-notes');
  }
}
