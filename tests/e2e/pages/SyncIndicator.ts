import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForDialogGone } from './analysis-helpers';

/**
 * The one sync indicator for the whole app, in the header, in both modes (issue 8). Its visible text is exactly one
 * of "Saved" (everything stored where the mode keeps data: IndexedDB standalone, SharePoint in Microsoft 365 mode,
 * never merely queued), "Saving…", "Offline: N queued", "N to settle" (conflicts) or "Not saved" (a failure). Its
 * accessible name starts with "Sync status:". Clicking it opens the panel "Changes not yet stored", which lists each
 * queued or conflicting edit by the record it is about and settles conflicts from any screen.
 */
export type SyncSettlement = 'Keep mine' | 'Keep theirs' | 'Keep both';

export const SYNC_TEXT = {
  saved: 'Saved',
  saving: 'Saving…',
  notSaved: 'Not saved',
  queued: (count: number) => `Offline: ${count} queued`,
  toSettle: (count: number) => `${count} to settle`,
} as const;

/** Every text the indicator may show, as one pattern: anything else breaks the contract. */
export const SYNC_TEXT_PATTERN = /^(Saved|Saving…|Offline: \d+ queued|\d+ to settle|Not saved)$/;

export class SyncIndicator {
  constructor(readonly page: Page) {}

  /** The indicator: a button in the app's header. */
  get button(): Locator {
    return this.page.locator('header').getByTestId('sync-indicator');
  }

  /** Every element with the indicator's test id on the page (there must be exactly one). */
  get everywhere(): Locator {
    return this.page.getByTestId('sync-indicator');
  }

  get panel(): Locator {
    return this.page.getByRole('dialog', { name: 'Changes not yet stored' });
  }

  /** The visible text, trimmed; '' while the indicator is not on the page. */
  async text(): Promise<string> {
    if ((await this.button.count()) === 0) return '';
    return ((await this.button.first().textContent()) ?? '').trim();
  }

  /** The accessible name (aria-label, or the text when there is none). */
  async accessibleName(): Promise<string> {
    const button = this.button.first();
    const label = await button.getAttribute('aria-label');
    if (label) return label.trim();
    const labelledBy = await button.getAttribute('aria-labelledby');
    if (labelledBy) {
      const parts = await Promise.all(labelledBy.split(/\s+/).filter(Boolean).map((id) => this.page.locator(`[id="${id}"]`).textContent()));
      return parts.map((part) => (part ?? '').trim()).join(' ');
    }
    return ((await button.textContent()) ?? '').trim();
  }

  /** Polls until the indicator shows exactly `expected` (a text or a pattern). */
  async waitForText(expected: string | RegExp, timeout = 30_000): Promise<void> {
    if (typeof expected === 'string') await expect.poll(() => this.text(), { timeout }).toBe(expected);
    else await expect.poll(() => this.text(), { timeout }).toMatch(expected);
  }

  /** Records every text the indicator shows from now on (sampled each animation frame in the page). */
  async startRecording(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __syncTexts: string[] }).__syncTexts = seen;
      const sample = () => {
        const text = document.querySelector('header [data-testid="sync-indicator"]')?.textContent?.trim() ?? '';
        if (seen[seen.length - 1] !== text) seen.push(text);
        requestAnimationFrame(sample);
      };
      sample();
    });
  }

  /** The texts seen since startRecording, in order, without repeats. */
  recorded(): Promise<string[]> {
    return this.page.evaluate(() => [...((window as unknown as { __syncTexts?: string[] }).__syncTexts ?? [])]);
  }

  async open(): Promise<void> {
    await this.button.first().click();
    await this.panel.waitFor();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await waitForDialogGone(this.page, this.panel);
  }

  /** The panel's entries, each as its text. */
  async items(): Promise<string[]> {
    return (await this.panel.getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** The panel's entry about a record, by a part of its name (e.g. the episode's title). */
  item(recordName: string | RegExp): Locator {
    return this.panel.getByRole('listitem').filter({ hasText: recordName });
  }

  /** Settles a conflict from the panel. */
  async settle(recordName: string | RegExp, choice: SyncSettlement): Promise<void> {
    await this.item(recordName).getByRole('button', { name: choice, exact: true }).click();
  }
}
