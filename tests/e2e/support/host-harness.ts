// Page model for the host harness (tests/host-harness): the app framed as a Teams tab, side panel or stage.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { GRAPH_SCOPE_NAMES } from '../../../src/host/auth/scopes';

export type FrameContextName = 'content' | 'sidePanel' | 'meetingStage' | 'settings' | 'remove';
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

export const m365 = () => inject('m365');

/**
 * teams-js fetches its list of valid host origins from a CDN when it loads. Nothing may leave 127.0.0.1 in
 * tests, so answer it here (the harness is same-origin with the app, which teams-js accepts anyway).
 */
export async function answerTeamsCdn(context: BrowserContext): Promise<void> {
  await context.route('https://res.cdn.office.net/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com'] }) }),
  );
}

export interface HarnessOptions {
  readonly frameContext: FrameContextName;
  /** The tab's content URL path and hash, e.g. `/index.html#/reviews/rev-1`. */
  readonly app: string;
  readonly theme?: TeamsThemeName;
  readonly chatId?: string;
  readonly upn?: string;
}

export class HostHarness {
  constructor(readonly page: Page) {}

  static async open(page: Page, options: HarnessOptions): Promise<HostHarness> {
    const query = new URLSearchParams({ frameContext: options.frameContext, app: options.app, theme: options.theme ?? 'default' });
    if (options.chatId) query.set('chatId', options.chatId);
    if (options.upn) query.set('upn', options.upn);
    await page.goto(`${m365().harnessUrl}?${query.toString()}`);
    return new HostHarness(page);
  }

  get app(): FrameLocator {
    return this.page.frameLocator('iframe[title="Learning Together"]');
  }

  /** The path in the framed app's hash, e.g. `/reviews/rev-1/conversations/con-1/guide`. */
  async appPath(): Promise<string> {
    const frame = this.page.frames().find((candidate) => candidate !== this.page.mainFrame());
    return frame ? new URL(frame.url()).hash.replace(/^#/, '') : '';
  }

  /** The teams-js calls the app made, in order. */
  funcs(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { hostHarness: { funcs(): string[] } }).hostHarness.funcs());
  }

  argsOf(func: string): Promise<unknown[][]> {
    return this.page.evaluate(
      (name) => (window as unknown as { hostHarness: { messages: Array<{ func: string; args: unknown[] }> } }).hostHarness.messages.filter((message) => message.func === name).map((message) => message.args),
      func,
    );
  }

  setTheme(theme: TeamsThemeName): Promise<void> {
    return this.page.evaluate((name) => (window as unknown as { hostHarness: { setTheme(name: string): void } }).hostHarness.setTheme(name), theme);
  }

  validity(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { hostHarness: { validity(): boolean } }).hostHarness.validity());
  }

  savedConfig(): Promise<{ contentUrl?: string; websiteUrl?: string; entityId?: string; suggestedDisplayName?: string } | null> {
    return this.page.evaluate(() => (window as unknown as { hostHarness: { savedConfig(): never } }).hostHarness.savedConfig());
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }

  /** The app has told the host it is ready (notifySuccess), as Teams waits for with showLoadingIndicator. */
  async expectLoaded(): Promise<void> {
    await expect.poll(() => this.funcs(), { timeout: 30_000 }).toContain('appInitialization.success');
    const funcs = await this.funcs();
    expect(funcs.indexOf('initialize')).toBe(0);
    expect(funcs).toContain('getContext');
    expect(funcs.indexOf('appInitialization.appLoaded')).toBeLessThan(funcs.indexOf('appInitialization.success'));
  }
}

/**
 * Page errors fail the test, as in collectPageErrors, with one exception: Chromium logs every 404 a page's fetch
 * receives, and the Graph store asks for lists that a new review's site does not have yet (404 means "create it").
 * Only a 404 from the Graph double is let through; any other failed request or error still counts.
 */
export function collectAppErrors(page: Page): string[] {
  const errors: string[] = [];
  const graphOrigin = m365().graph.origin;
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const expectedGraph404 = message.text().includes('status of 404') && message.location().url.startsWith(`${graphOrigin}/`);
    if (!expectedGraph404) errors.push(`${message.text()} (${message.location().url})`);
  });
  return errors;
}

/** A Graph token from the double for a fictional user, with exactly the app's scopes. */
export async function doubleToken(upn: string): Promise<string> {
  const response = await fetch(`${m365().graph.origin}/_double/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ upn, scopes: GRAPH_SCOPE_NAMES }),
  });
  const body = (await response.json()) as { token: string };
  return body.token;
}

/**
 * No serious or critical accessibility violations, in the harness and inside the framed app. Like expectAccessible,
 * except for Fluent's tabster focus sentinels (`<i data-tabster-dummy aria-hidden tabindex=0>`): inside an iframe
 * tabster puts them at the edges of <body> to hand focus back to the host, and moves focus on at once when one is
 * reached. axe's aria-hidden-focus flags them; they carry no content and are not what a person lands on.
 */
export async function expectAccessibleInHost(page: Page, screenName: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude([['iframe', '[data-tabster-dummy]']])
    .analyze();
  // The frame exclusion above reaches one frame only when the page has several (a sign-in frame beside the app's):
  // the same sentinels are left out by their attribute wherever axe found them.
  const serious = results.violations
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !node.html.includes('data-tabster-dummy')) }))
    .filter((violation) => violation.nodes.length > 0)
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    serious.map((violation) => `${screenName}: ${violation.id} (${violation.impact}) on ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`),
  ).toEqual([]);
}
