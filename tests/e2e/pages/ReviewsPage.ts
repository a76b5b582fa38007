import type { Locator, Page } from 'playwright-core';
import { appUrl } from './workspace-base';

/** The list of reviews: the app's start screen. */
export class ReviewsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(appUrl('/'));
    await this.page.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
    await this.page.locator('[data-testid="reviews-table"], [data-testid="reviews-empty"]').first().waitFor();
  }

  get emptyState(): Locator {
    return this.page.getByTestId('reviews-empty');
  }

  get rows(): Locator {
    return this.page.getByTestId('reviews-table').locator('tbody tr');
  }

  row(codename: string): Locator {
    return this.page.getByTestId(`review-row-${codename}`);
  }

  async codenames(): Promise<string[]> {
    if (!(await this.page.getByTestId('reviews-table').isVisible())) return [];
    return (await this.rows.locator('td:first-child a').allTextContents()).map((text) => text.trim());
  }

  async startNewReview(): Promise<void> {
    await this.page.getByTestId('new-review').click();
    await this.page.getByRole('heading', { name: 'New review', level: 1 }).waitFor();
  }

  async openReview(codename: string): Promise<void> {
    await this.row(codename).getByRole('link', { name: codename }).click();
    await this.page.getByTestId('stage-tracker').waitFor();
  }

  get trainingCaseButton(): Locator {
    return this.page.getByTestId('open-training-case').first();
  }

  async openTrainingCase(): Promise<void> {
    await this.trainingCaseButton.click();
    await this.page.getByTestId('stage-tracker').waitFor({ timeout: 20_000 });
  }

  /** Deletes a review, typing its codename to confirm. */
  async deleteReview(codename: string, typed = codename): Promise<void> {
    await this.row(codename).getByRole('button', { name: `Delete review ${codename}` }).click();
    const dialog = this.page.getByTestId('delete-review-dialog');
    await dialog.getByTestId('confirm-codename').fill(typed);
    await dialog.getByRole('button', { name: 'Delete this review' }).click();
  }
}
