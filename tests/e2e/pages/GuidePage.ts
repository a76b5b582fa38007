import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl } from '../support/browser';

/** The conversation guide in the meeting side panel, as a facilitator uses it. */
export class GuidePage {
  constructor(readonly page: Page) {}

  static url(reviewId: string, conversationId: string): string {
    return `${baseUrl()}#/reviews/${encodeURIComponent(reviewId)}/conversations/${encodeURIComponent(conversationId)}/guide`;
  }

  static stageUrl(reviewId: string, conversationId: string): string {
    return `${baseUrl()}#/reviews/${encodeURIComponent(reviewId)}/conversations/${encodeURIComponent(conversationId)}/stage`;
  }

  async goto(reviewId: string, conversationId: string): Promise<void> {
    await this.page.goto(GuidePage.url(reviewId, conversationId));
    await this.root.waitFor();
  }

  get root(): Locator {
    return this.page.getByTestId('guide');
  }

  get notes(): Locator {
    return this.page.getByTestId('step-notes');
  }

  /** The facilitators' own comments on the step on screen: never shown to the participant. */
  get comments(): Locator {
    return this.page.getByTestId('step-comments');
  }

  async writeComments(text: string): Promise<void> {
    await this.comments.fill(text);
  }

  /** In a plain browser tab, the way back to the conversation in the workspace. */
  get backToWorkspace(): Locator {
    return this.page.getByTestId('guide-back');
  }

  get stepSelect(): Locator {
    return this.page.getByTestId('step-select');
  }

  async currentStep(): Promise<string> {
    return this.stepSelect.inputValue();
  }

  async goToStep(step: string): Promise<void> {
    await this.stepSelect.selectOption(step);
    await this.page.getByTestId(`step-${step}`).waitFor();
  }

  async next(): Promise<void> {
    const before = await this.currentStep();
    await this.page.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => this.currentStep()).not.toBe(before);
  }

  async notesStatus(): Promise<string | null> {
    return this.page.getByTestId('notes-status').getAttribute('data-status');
  }

  /** Types the step's notes and waits until they are stored. */
  async writeNotes(text: string): Promise<void> {
    await this.notes.fill(text);
    await this.waitSaved();
  }

  async waitSaved(): Promise<void> {
    await expect.poll(() => this.notesStatus(), { timeout: 15_000 }).toBe('saved');
  }

  async notesText(): Promise<string> {
    return this.notes.inputValue();
  }

  async chooseRole(role: 'Lead questioner' | 'Lead note-taker'): Promise<void> {
    await this.page.getByTestId('role-switch').getByRole('radio', { name: role }).check();
  }

  async role(): Promise<string | null> {
    return this.root.getAttribute('data-role');
  }

  async startTimer(): Promise<void> {
    await this.page.getByTestId('guide-timer').getByRole('button', { name: /Start timer|Resume/ }).click();
  }

  async timerTotal(): Promise<string> {
    return (await this.page.getByTestId('timer-total').textContent()) ?? '';
  }

  /** The step 3a form: a turning point captured as a key practice episode. */
  async captureEpisode(fields: { description: string; month: string; title?: string }, within: Locator = this.page.getByTestId('step-3a')): Promise<void> {
    const form = within.getByTestId('episode-capture');
    await form.getByLabel('What happened, in their words').fill(fields.description);
    await form.getByLabel('When (the month is enough)').fill(fields.month);
    if (fields.title) await form.getByLabel('Short title (optional)').fill(fields.title);
    await form.getByRole('button', { name: 'Add key practice episode' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('added to the review');
  }

  /** Step 4: presses a factor chip inside its Appendix 3 group. */
  async toggleFactor(group: string, factor: string): Promise<void> {
    const chips = this.page.getByRole('group', { name: group, exact: true });
    if (!(await chips.isVisible())) await this.page.getByRole('button', { name: new RegExp(`^${escapeRegExp(group)}`) }).click();
    const chip = chips.getByRole('button', { name: factor, exact: true });
    const before = await chip.getAttribute('aria-pressed');
    await chip.click();
    await expect.poll(() => chip.getAttribute('aria-pressed')).not.toBe(before);
  }

  async capture(list: 'wentWell' | 'suggestedChanges', text: string): Promise<void> {
    const area = this.page.getByTestId(`captured-${list}`);
    await area.getByRole('textbox').fill(text);
    await area.getByRole('button', { name: /^Add to / }).click();
    await expect.poll(() => area.getByRole('status').last().textContent()).toContain('added to the review');
    // Where the step lists what was captured (steps 5 and 7), it is there.
    if ((await area.getByRole('list').count()) > 0 || (await area.getByText('Nothing captured yet.').count()) > 0) {
      await expect.poll(() => area.getByRole('listitem').allTextContents()).toContain(text);
    }
  }

  async openRecordTab(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Record and transcript' }).click();
    await this.page.getByTestId('transcript-import').waitFor();
  }

  async uploadTranscript(name: string, text: string): Promise<void> {
    await this.page.getByTestId('transcript-file').setInputFiles({ name, mimeType: 'text/vtt', buffer: Buffer.from(text, 'utf8') });
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every stored record of a review, read straight from this browser's IndexedDB (the standalone store). */
export async function storedRecords(page: Page, reviewId: string): Promise<Array<{ kind: string; record: Record<string, unknown> }>> {
  return page.evaluate(
    (id) =>
      new Promise<Array<{ kind: string; record: Record<string, unknown> }>>((resolve, reject) => {
        const opening = indexedDB.open('learning-together');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const request = db.transaction('records').objectStore('records').index('reviewId').getAll(id);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            resolve((request.result as Array<{ kind: string; record: Record<string, unknown> }>).map((row) => ({ kind: row.kind, record: row.record })));
            db.close();
          };
        };
      }),
    reviewId,
  );
}
