import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl } from '../support/browser';

/** Hash routes, as the app uses them: `#/reviews/rev-1/participants/par-2`. */
export const appUrl = (path: string): string => `${baseUrl()}#${path}`;

/** The review id in the current address, if the page is inside a review. */
export function reviewIdIn(page: Page): string {
  const match = /#\/reviews\/([^/?#]+)/.exec(page.url());
  if (!match?.[1] || match[1] === 'new') throw new Error(`Not inside a review: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** The record id in the current address (`…/participants/par-2` → `par-2`). */
export function recordIdIn(page: Page, section: string): string {
  const match = new RegExp(`#/reviews/[^/]+/${section}/([^/?#]+)`).exec(page.url());
  if (!match?.[1]) throw new Error(`No ${section} record open: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Presses Tab (and only Tab) until `target` has focus: a keyboard user's way to a control. */
export async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: the target is not on the page');
  for (let press = 0; press < maxPresses; press += 1) {
    if (await handle.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`tabTo: did not reach the target in ${maxPresses} presses`);
}

/** Switches the theme with the control at the top right, as a person would ("Light", "Dark", "High contrast"). */
export async function chooseTheme(page: Page, label: 'Light' | 'Dark' | 'High contrast'): Promise<void> {
  await page.getByTestId('theme-switch').click();
  await page.getByRole('option', { name: label, exact: true }).click();
  const name = { Light: 'default', Dark: 'dark', 'High contrast': 'contrast' }[label];
  await page.locator(`[data-theme="${name}"]`).first().waitFor();
}

/** The inline validation message of a Fluent Field, found through its control's aria-describedby. */
export async function fieldMessage(page: Page, control: Locator): Promise<string> {
  const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
  for (const id of describedBy.split(/\s+/).filter(Boolean)) {
    if (!/validationMessage/.test(id)) continue;
    const text = await page.locator(`[id="${id}"]`).textContent();
    if (text) return text.trim();
  }
  return '';
}

/** What every workspace screen shares: its save status and the section links. */
export class WorkspaceScreen {
  constructor(
    readonly page: Page,
    private readonly section: string,
  ) {}

  async gotoSection(reviewId: string, recordId?: string): Promise<void> {
    const path = this.section === 'overview' ? `/reviews/${encodeURIComponent(reviewId)}` : `/reviews/${encodeURIComponent(reviewId)}/${this.section}`;
    // Stay on the app the page is already showing (standalone, or Microsoft 365 mode on another port).
    const current = this.page.url();
    const base = current.startsWith('http') ? current.split('#')[0] : baseUrl();
    await this.page.goto(`${base}#${recordId ? `${path}/${encodeURIComponent(recordId)}` : path}`);
    await this.page.locator('#screen-title').waitFor();
  }

  /** Opens the section from the review's navigation (as a person would). */
  async openFromNavigation(title: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Review sections' }).getByRole('link', { name: title, exact: true }).click();
    await this.page.locator('#screen-title').waitFor();
  }

  get heading(): Locator {
    return this.page.locator('#screen-title');
  }

  /** The save status of the record editor (the detail pane), or of a scoped part of the page. */
  saveStatus(scope: Locator = this.page.locator('body')): Locator {
    return scope.getByTestId('save-status').first();
  }

  /** Waits until the editor says everything is stored. */
  async waitForSaved(scope?: Locator): Promise<void> {
    await expect.poll(() => this.saveStatus(scope).getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
  }

  /** Clicks an option of a virtualised list by its visible text. */
  async openListItem(listTestId: string, text: string | RegExp): Promise<void> {
    await this.page.getByTestId(listTestId).getByRole('option', { name: text }).first().click();
  }

  /** The inline validation message under a Fluent Field (found from its control). */
  fieldMessage(control: Locator): Promise<string> {
    return fieldMessage(this.page, control);
  }
}
