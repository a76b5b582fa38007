// Access control in standalone mode (issue 13): the person chooses who they act as; a participant opens a draft shared
// with them, sees only their own conversation's notes (never the facilitators' own comments, never another
// participant's), and comments while the window is open. The role matrix is shown as a table. FICTIONAL data only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CHILD_RECORD_SCHEMAS, RECORD_SCHEMA_VERSION, type ChildRecordKind, type ChildRecordOf } from '../../src/domain/model';
import { baseUrl, collectPageErrors, expectAccessible, launchBrowser, newIsolatedContext, screenshot } from './support/browser';
import { analysisBaseSnapshot, seedSnapshot } from './support/seed-analysis';
import { storedCount } from './support/seed-write-path';

const REVIEW_ID = 'rev-access-e2e';
const AT = '2026-02-02T10:00:00.000Z';

function record<K extends ChildRecordKind>(kind: K, fields: Record<string, unknown>): ChildRecordOf<K> {
  const stamps = {
    reviewId: REVIEW_ID,
    schemaVersion: RECORD_SCHEMA_VERSION,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    createdBy: 'Fixture',
    updatedBy: 'Fixture',
  };
  return CHILD_RECORD_SCHEMAS[kind].parse({ ...stamps, ...fields }) as ChildRecordOf<K>;
}

/** A London calendar date `days` from today. */
const londonDay = (days: number): string => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

function accessSnapshot() {
  const snapshot = analysisBaseSnapshot(REVIEW_ID, 'Avocet (fictional)');
  snapshot.teamMembers.push(
    record('teamMember', { id: 'tm-lead', name: 'Robin Ashdown (fictional)', role: 'leadReviewer' }),
    record('teamMember', { id: 'tm-obs', name: 'Olu Observer (fictional)', role: 'observer' }),
  );
  snapshot.stepNotes.push(
    record('stepNote', {
      id: 'note-sw-2',
      conversationId: 'con-sw',
      step: '2',
      text: 'I visited the family twice in March (fictional words).',
      comments: 'Facilitators: check the March dates.',
    }),
    record('stepNote', { id: 'note-hv-2', conversationId: 'con-hv', step: '2', text: 'The health visitor’s own account (fictional).' }),
  );
  snapshot.reportStages.push(
    record('reportStage', {
      id: 'stage-prelim',
      stage: 'preliminary',
      draftNumber: 1,
      publishedAt: AT,
      commentWindow: { opensOn: londonDay(-2), closesOn: londonDay(10) },
    }),
    record('reportStage', { id: 'stage-interim', stage: 'interim', draftNumber: 1 }),
  );
  return snapshot;
}

describe('who may see what, in standalone mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a participant only what is theirs and lets them comment within the window; the matrix is a table', async () => {
    const context = await newIsolatedContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(baseUrl());
    await seedSnapshot(page, accessSnapshot());
    await page.goto(`${baseUrl()}#/reviews/${REVIEW_ID}/access`);

    // Nobody chosen: the lead reviewer, and the matrix as a table with the courtesy note.
    await page.getByTestId('access-matrix').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('acting-as-note').textContent()).toContain('courtesy, not security');
    expect(await page.getByTestId('access-matrix').getByRole('row').count()).toBe(9);
    await expectAccessible(page, 'who may see what');
    await screenshot(page, 'access-matrix');

    // An observer is told they cannot change the review.
    await page.getByTestId('acting-as').getByRole('combobox').selectOption('teamMember:tm-obs');
    await page.getByTestId('read-only-notice').waitFor();
    // …and does not see the conversations' notes.
    await page.goto(`${baseUrl()}#/reviews/${REVIEW_ID}/conversations/con-sw`);
    await page.getByTestId('notes-withheld').waitFor();
    expect((await page.textContent('body')) ?? '').not.toContain('I visited the family twice in March');
    await page.goto(`${baseUrl()}#/reviews/${REVIEW_ID}/access`);
    await page.getByTestId('access-matrix').waitFor();

    // The social worker, a participant.
    await page.getByTestId('acting-as').getByRole('combobox').selectOption('participant:par-sw');
    const view = page.getByTestId('participant-view');
    await view.waitFor();
    expect(await view.getByTestId('own-step-note').allTextContents()).toEqual(['I visited the family twice in March (fictional words).']);
    const text = (await view.textContent()) ?? '';
    expect(text).not.toContain('Facilitators: check the March dates.');
    expect(text).not.toContain('The health visitor’s own account');
    expect(await view.getByTestId('shared-draft').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Review sections' }).count()).toBe(0);

    await view.getByLabel('Your comment on this draft').fill('Section 2 leaves out the second visit (fictional).');
    await view.getByRole('button', { name: 'Send comment' }).click();
    await view.getByTestId('own-comment').waitFor();
    await expect.poll(() => storedCount(page, REVIEW_ID, 'comment', { field: 'participantId', equals: 'par-sw' })).toBe(1);
    await expectAccessible(page, 'participant view');
    await screenshot(page, 'access-participant-view');

    // Another participant sees neither the social worker's notes nor their comment.
    await page.getByTestId('acting-as').getByRole('combobox').selectOption('participant:par-hv');
    await expect.poll(async () => (await view.getByTestId('own-step-note').allTextContents()).join('|')).toBe('The health visitor’s own account (fictional).');
    expect(await view.getByTestId('own-comment').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
