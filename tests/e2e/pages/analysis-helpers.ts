import type { Locator, Page } from 'playwright-core';

/**
 * Waits until a dialog has gone and the page behind it is back in the accessibility tree. Fluent hides the rest of
 * the page (aria-hidden on #root) while a dialog is open and restores it a moment after the dialog closes; role-based
 * queries made in between would find nothing.
 */
export async function waitForDialogGone(page: Page, dialog: Locator): Promise<void> {
  await dialog.waitFor({ state: 'detached' });
  await page.locator('#root[aria-hidden="true"]').waitFor({ state: 'detached' });
}
