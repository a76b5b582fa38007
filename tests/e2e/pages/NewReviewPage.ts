import type { Locator, Page } from 'playwright-core';
import { appUrl, fieldMessage, tabTo } from './workspace-base';

export interface NewReviewFields {
  readonly codename: string;
  readonly questions: readonly string[];
  /** The visible label's start, e.g. "Routine practice". */
  readonly trigger?: string;
  readonly triggerNote?: string;
  /** YYYY-MM-DD */
  readonly from?: string;
  readonly to?: string;
  readonly agencies?: readonly string[];
}

/** The form that starts a review. */
export class NewReviewPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto(appUrl('/reviews/new'));
    await this.codename.waitFor();
  }

  get codename(): Locator {
    return this.page.getByTestId('codename');
  }

  question(index: number): Locator {
    return this.page.getByTestId('questions').getByRole('textbox', { name: `Question ${index + 1}`, exact: true });
  }

  get from(): Locator {
    return this.page.getByTestId('period').getByLabel(/^From/);
  }

  get to(): Locator {
    return this.page.getByTestId('period').getByLabel(/^To/);
  }

  get agencyName(): Locator {
    return this.page.getByTestId('agencies-editor').getByRole('textbox', { name: 'Agency name' });
  }

  get createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create review' });
  }

  get problemSummary(): Locator {
    return this.page.getByTestId('problem-summary');
  }

  fieldMessage(control: Locator): Promise<string> {
    return fieldMessage(this.page, control);
  }

  async fill(fields: NewReviewFields): Promise<void> {
    await this.codename.fill(fields.codename);
    for (const [index, question] of fields.questions.entries()) {
      if (index > 0) await this.page.getByRole('button', { name: 'Add another question' }).click();
      await this.question(index).fill(question);
    }
    if (fields.trigger) await this.page.getByRole('radio', { name: new RegExp(`^${fields.trigger}`) }).check();
    if (fields.triggerNote) await this.page.getByLabel('Note on what prompted it').fill(fields.triggerNote);
    if (fields.from) await this.from.fill(fields.from);
    if (fields.to) await this.to.fill(fields.to);
    for (const agency of fields.agencies ?? []) {
      await this.agencyName.fill(agency);
      await this.page.getByRole('button', { name: 'Add agency' }).click();
    }
  }

  async submit(): Promise<void> {
    await this.createButton.click();
  }

  /** Creates a review and waits for its overview. */
  async create(fields: NewReviewFields): Promise<void> {
    await this.fill(fields);
    await this.submit();
    await this.page.getByTestId('stage-tracker').waitFor();
  }

  /**
   * The same form with the keyboard only: Tab to each control, type, arrow keys for the radio group, Enter to add
   * an agency and to submit. Dates are typed digit by digit into the date fields (DDMMYYYY or MMDDYYYY by locale, so
   * use dates that read the same both ways, such as 01-01 or 11-11).
   */
  async createWithKeyboard(fields: Required<Pick<NewReviewFields, 'codename' | 'questions' | 'from' | 'to'>> & { triggerPosition: number; agencies: readonly string[] }): Promise<void> {
    const keyboard = this.page.keyboard;
    await tabTo(this.page, this.codename);
    await keyboard.type(fields.codename);
    for (const [index, question] of fields.questions.entries()) {
      if (index > 0) {
        await tabTo(this.page, this.page.getByRole('button', { name: 'Add another question' }));
        await keyboard.press('Enter');
      }
      await tabTo(this.page, this.question(index));
      await keyboard.type(question);
    }
    await tabTo(this.page, this.page.getByRole('radio').first());
    await keyboard.press('Space');
    for (let step = 0; step < fields.triggerPosition; step += 1) await keyboard.press('ArrowDown');
    for (const [control, date] of [
      [this.from, fields.from],
      [this.to, fields.to],
    ] as const) {
      await tabTo(this.page, control);
      const [year, month, day] = date.split('-');
      await keyboard.type(`${day}${month}${year}`);
    }
    for (const agency of fields.agencies) {
      await tabTo(this.page, this.agencyName);
      await keyboard.type(agency);
      await keyboard.press('Enter');
    }
    await tabTo(this.page, this.createButton);
    await keyboard.press('Enter');
    await this.page.getByTestId('stage-tracker').waitFor();
  }
}
