import type { Locator, Page } from 'playwright-core';
import { baseUrl } from '../support/browser';

/** Learning across reviews: the collation of pooled findings. */
export class CollationPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(`${baseUrl()}#/collation`);
    await this.headline.waitFor();
  }

  get headline(): Locator {
    return this.page.getByTestId('collation-headline');
  }

  section(id: string): Locator {
    return this.page.getByTestId(`collation-${id}`);
  }

  /** A row's figures as text, by its label in a table. */
  async row(sectionId: string, label: string): Promise<string[]> {
    return this.section(sectionId)
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: label }) })
      .locator('td')
      .allInnerTexts();
  }

  async showReviews(label: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Show the reviews behind ${label}` }).click();
    const drill = this.page.getByTestId('drill-down');
    await drill.waitFor();
    return drill;
  }
}
