import type { Locator, Page } from 'playwright-core';
import { WorkspaceScreen, recordIdIn, tabTo } from './workspace-base';

export interface TeamMemberFields {
  readonly name: string;
  /** The role's label: "Lead reviewer", "Facilitator", "Reviewer", "LSCB coordinator", "Observer". */
  readonly role: string;
  readonly email?: string;
  readonly profession?: string;
}

/** The review team. */
export class TeamPage extends WorkspaceScreen {
  constructor(page: Page) {
    super(page, 'team');
  }

  async goto(reviewId: string, memberId?: string): Promise<void> {
    await this.gotoSection(reviewId, memberId);
  }

  get composition(): Locator {
    return this.page.getByTestId('team-composition');
  }

  get editor(): Locator {
    return this.page.getByTestId('team-member-editor');
  }

  /** Adds a member through the "Add team member" form; returns the new member's id (the editor opens). */
  async addMember(fields: TeamMemberFields): Promise<string> {
    await this.page.getByTestId('add-team-member').click();
    const form = this.page.getByTestId('add-team-member-form');
    await form.getByTestId('member-name').fill(fields.name);
    await form.getByTestId('member-role').selectOption({ label: fields.role });
    if (fields.email) await form.getByTestId('member-email').fill(fields.email);
    if (fields.profession) await form.getByTestId('member-profession').fill(fields.profession);
    await form.getByRole('button', { name: 'Add to the team' }).click();
    await this.editor.waitFor();
    await this.page.waitForURL(/\/team\/[^/]+$/);
    return recordIdIn(this.page, 'team');
  }

  /**
   * The same with the keyboard only: Tab to "Add team member", Enter (the name field takes focus), type, Tab to
   * the role and type the start of its label (as in any native select), Tab to "Add to the team", Enter.
   */
  async addMemberWithKeyboard(fields: TeamMemberFields): Promise<string> {
    await tabTo(this.page, this.page.getByTestId('add-team-member'));
    await this.page.keyboard.press('Enter');
    const form = this.page.getByTestId('add-team-member-form');
    await form.waitFor();
    await tabTo(this.page, form.getByTestId('member-name'));
    await this.page.keyboard.type(fields.name);
    await tabTo(this.page, form.getByTestId('member-role'));
    await this.page.keyboard.type(fields.role);
    await tabTo(this.page, form.getByRole('button', { name: 'Add to the team' }));
    await this.page.keyboard.press('Enter');
    await this.editor.waitFor();
    await this.page.waitForURL(/\/team\/[^/]+$/);
    return recordIdIn(this.page, 'team');
  }

  async memberNames(): Promise<string[]> {
    return (await this.page.getByTestId('team-table').locator('tbody tr td:first-child').allTextContents()).map((text) => text.trim());
  }

  async openMember(name: string): Promise<void> {
    await this.page.getByTestId('team-table').getByRole('link', { name, exact: true }).click();
    await this.editor.waitFor();
  }
}
