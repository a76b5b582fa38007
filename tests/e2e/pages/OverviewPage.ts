import type { Locator, Page } from 'playwright-core';
import { WorkspaceScreen } from './workspace-base';

/** The review's overview: the stage tracker, what is needed to move on, the history and the review's details. */
export class OverviewPage extends WorkspaceScreen {
  constructor(page: Page) {
    super(page, 'overview');
  }

  async goto(reviewId: string): Promise<void> {
    await this.gotoSection(reviewId);
    await this.page.getByTestId('stage-tracker').waitFor();
  }

  async currentStage(): Promise<string> {
    const current = this.page.getByTestId('stage-tracker').locator('[aria-current="step"]');
    return (await current.getAttribute('data-phase')) ?? '';
  }

  /** The unmet guards of the current stage, in plain words. */
  async openPoints(): Promise<string[]> {
    const list = this.page.getByTestId('unmet-guards');
    if (!(await list.isVisible())) return [];
    return (await list.locator('li > span:first-child').allTextContents()).map((text) => text.trim());
  }

  get nextStep(): Locator {
    return this.page.getByTestId('next-step');
  }

  /** Waits for the tracker to show a stage other than `before` (or an outcome message saying why not). */
  private async waitForMove(before: string): Promise<void> {
    await this.page.waitForFunction(
      (previous) => {
        const current = document.querySelector('[data-testid="stage-tracker"] [aria-current="step"]')?.getAttribute('data-phase');
        const outcome = document.querySelector('[data-testid="phase-outcome"]')?.textContent ?? '';
        return (current && current !== previous) || outcome.includes('cannot go ahead');
      },
      before,
    );
  }

  /** Moves on; with open points, gives the reason for going ahead. */
  async moveForward(reason?: string): Promise<void> {
    const before = await this.currentStage();
    if (reason !== undefined) await this.page.getByTestId('override-reason').fill(reason);
    await this.page.getByTestId('move-forward').click();
    await this.waitForMove(before);
  }

  /** Goes back to an earlier stage (always allowed). */
  async moveBack(stageTitle: string, reason = ''): Promise<void> {
    const before = await this.currentStage();
    await this.page.getByText('Go back to an earlier stage').click();
    await this.page.getByTestId('back-to').selectOption({ label: stageTitle });
    if (reason) await this.page.getByLabel('Reason (optional)').fill(reason);
    await this.page.getByTestId('move-back').click();
    await this.waitForMove(before);
  }

  get history(): Locator {
    return this.page.getByTestId('phase-history');
  }

  get details(): Locator {
    return this.page.getByTestId('review-details');
  }

  async setCodename(codename: string): Promise<void> {
    await this.details.getByTestId('review-codename').fill(codename);
    await this.waitForSaved(this.details);
  }

  async addQuestion(text: string): Promise<void> {
    await this.details.getByRole('button', { name: 'Add another question' }).click();
    const questions = this.details.getByTestId('review-questions').getByRole('textbox');
    await questions.last().fill(text);
    await this.waitForSaved(this.details);
  }
}
