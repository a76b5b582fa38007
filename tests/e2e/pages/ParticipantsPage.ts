import type { Locator, Page } from 'playwright-core';
import { WorkspaceScreen, recordIdIn } from './workspace-base';

export interface ParticipantFields {
  /** The kind's label: "Practitioner", "Family member", "Child or young person", … */
  readonly kind: string;
  /** The agency's name; leave out for family. */
  readonly agency?: string;
  readonly roleTitle?: string;
  readonly realName: string;
  /** Leave out to take the suggested label. */
  readonly reportLabel?: string;
}

/** Participants: the list (family first) and the editor. */
export class ParticipantsPage extends WorkspaceScreen {
  constructor(page: Page) {
    super(page, 'participants');
  }

  async goto(reviewId: string, participantId?: string): Promise<void> {
    await this.gotoSection(reviewId, participantId);
  }

  get list(): Locator {
    return this.page.getByTestId('participant-list');
  }

  get form(): Locator {
    return this.page.getByTestId('add-participant-form');
  }

  get editor(): Locator {
    return this.page.getByTestId('participant-editor');
  }

  /** Fills the "Add participant" form; does not submit. */
  async fillNew(fields: ParticipantFields): Promise<void> {
    await this.page.getByTestId('add-participant').click();
    await this.form.getByTestId('participant-kind').selectOption({ label: fields.kind });
    if (fields.agency) await this.form.getByTestId('participant-agency').selectOption({ label: fields.agency });
    if (fields.roleTitle) await this.form.getByTestId('participant-role-title').fill(fields.roleTitle);
    await this.form.getByTestId('participant-real-name').fill(fields.realName);
    if (fields.reportLabel) await this.form.getByTestId('participant-report-label').fill(fields.reportLabel);
    else await this.form.getByRole('button', { name: 'Suggest a label' }).click();
  }

  /** Adds a participant and waits for their editor; returns the new id. */
  async addParticipant(fields: ParticipantFields): Promise<string> {
    await this.fillNew(fields);
    await this.form.getByRole('button', { name: 'Add participant' }).click();
    await this.editor.waitFor();
    await this.page.waitForURL(/\/participants\/[^/]+$/);
    return recordIdIn(this.page, 'participants');
  }

  /** Submits the add form expecting a refusal; returns the inline messages shown. */
  async addExpectingProblems(fields: ParticipantFields): Promise<string[]> {
    await this.fillNew(fields);
    await this.form.getByRole('button', { name: 'Add participant' }).click();
    await this.page.getByTestId('problem-summary').waitFor();
    return (await this.page.getByTestId('problem-summary').locator('li').allTextContents()).map((text) => text.trim());
  }

  /** The report labels in the list, in order (only the rows in view are in the page). */
  async listedLabels(): Promise<string[]> {
    return (await this.list.getByRole('option').locator('span.fui-Text').first().allTextContents()).map((text) => text.trim());
  }

  async count(): Promise<number> {
    return Number(await this.list.getAttribute('data-count'));
  }

  async open(reportLabel: string): Promise<void> {
    await this.openListItem('participant-list', new RegExp(`^${reportLabel}`));
    await this.editor.waitFor();
  }

  async setSignificance(label: string, note?: string): Promise<void> {
    await this.editor.getByTestId('participant-significance').selectOption({ label });
    if (note !== undefined) await this.editor.getByLabel('Note on significance').fill(note);
  }

  async addIdentifier(text: string): Promise<void> {
    const group = this.editor.getByTestId('participant-identifiers');
    await group.getByRole('button', { name: 'Add an identifier' }).click();
    await group.getByRole('textbox').last().fill(text);
  }
}
