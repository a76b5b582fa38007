import type { Locator, Page } from 'playwright-core';
import { WorkspaceScreen, recordIdIn } from './workspace-base';

/** Conversations: one row per participant (those with none are "to arrange"), and the conversation record. */
export class ConversationsPage extends WorkspaceScreen {
  constructor(page: Page) {
    super(page, 'conversations');
  }

  async goto(reviewId: string, conversationId?: string): Promise<void> {
    await this.gotoSection(reviewId, conversationId);
  }

  get list(): Locator {
    return this.page.getByTestId('conversation-list');
  }

  get editor(): Locator {
    return this.page.getByTestId('conversation-editor');
  }

  /** The list's rows for one participant, as text. */
  async rowText(reportLabel: string): Promise<string> {
    return (await this.list.getByRole('option', { name: new RegExp(`^${reportLabel}`) }).first().textContent()) ?? '';
  }

  /** Arranges a conversation with a participant shown as "to arrange"; returns the new conversation's id. */
  async arrange(reportLabel: string, facilitators?: { questioner: string; noteTaker: string }): Promise<string> {
    await this.openListItem('conversation-list', new RegExp(`^${reportLabel}`));
    const form = this.page.getByTestId('add-conversation-form');
    if (facilitators) {
      await form.getByTestId('conversation-questioner').selectOption({ label: facilitators.questioner });
      await form.getByTestId('conversation-note-taker').selectOption({ label: facilitators.noteTaker });
    }
    await form.getByRole('button', { name: 'Create the conversation record' }).click();
    await this.editor.waitFor();
    await this.page.waitForURL(/\/conversations\/[^/]+$/);
    return recordIdIn(this.page, 'conversations');
  }

  async open(reportLabel: string): Promise<void> {
    await this.openListItem('conversation-list', new RegExp(`^${reportLabel}`));
    await this.editor.waitFor();
  }

  /** Date (YYYY-MM-DD) and time (HH:MM) as London wall time. */
  async schedule(date: string, time: string): Promise<void> {
    await this.editor.getByTestId('conversation-date').fill(date);
    await this.editor.getByTestId('conversation-time').fill(time);
  }

  async setStatus(label: string): Promise<void> {
    await this.editor.getByTestId('conversation-status').selectOption({ label });
  }

  async setRecording(label: string): Promise<void> {
    await this.editor.getByTestId('conversation-recording').selectOption({ label });
  }

  step(stepId: string): Locator {
    return this.editor.getByTestId(`step-${stepId}`);
  }

  /** Writes a step's notes and waits until they are stored. */
  async writeStepNote(stepId: string, text: string): Promise<void> {
    await this.step(stepId).getByTestId(`step-notes-${stepId}`).fill(text);
    await this.waitForSaved(this.step(stepId));
  }

  async pasteWrittenRecord(text: string): Promise<void> {
    await this.editor.getByTestId('written-record-paste').fill(text);
    await this.editor.getByTestId('written-record-use').click();
  }

  async addWentWell(text: string): Promise<void> {
    await this.editor.getByTestId('went-well-new').fill(text);
    await this.editor.getByTestId('went-well').getByRole('button', { name: 'Add' }).click();
  }

  async addSuggestedChange(text: string): Promise<void> {
    await this.editor.getByTestId('suggested-changes-new').fill(text);
    await this.editor.getByTestId('suggested-changes').getByRole('button', { name: 'Add' }).click();
  }

  /** The conversation's own save status (not a step's). */
  get conversationStatus(): Locator {
    return this.editor.getByTestId('save-status').first();
  }
}
