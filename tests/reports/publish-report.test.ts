// FICTIONAL test data: the app's own fictional training case (Brook Lane).
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../src/adapters/docx/report-docx';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { createReportArchive } from '../../src/adapters/local/report-archive';
import { BundleService } from '../../src/app/bundles';
import { registerChecks } from '../../src/app/reports/public-report-checks';
import { publishReport, sha256Hex, type PublishDeps } from '../../src/app/reports/publish-report';
import type { ReviewService } from '../../src/app/review-service';
import { asId, type ReviewId } from '../../src/domain/ids';
import { trainingCaseBundle, TRAINING_CASE_REVIEW_ID } from '../../src/domain/training-case';
import { testService } from '../fixtures/builders';

let counter = 0;
let store: DexieReviewStore;
let archive: ReturnType<typeof createReportArchive>;
let service: ReviewService;

beforeEach(async () => {
  counter += 1;
  store = new DexieReviewStore(`publish-${counter}`);
  archive = createReportArchive(`publish-archive-${counter}`, steppingClock('2026-03-29T10:00:00.000Z'), sequentialIds('p'));
  const bundles = new BundleService({
    store,
    clock: steppingClock('2026-03-28T10:00:00.000Z'),
    ids: sequentialIds('b'),
    actor: () => 'Elaine Marsh',
    producer: 'tests',
  });
  const imported = await bundles.importBundleValue(trainingCaseBundle(), { replace: true });
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  service = testService(store);
});
afterEach(() => {
  store.close();
  archive.close();
});

const reviewId = asId<ReviewId>(TRAINING_CASE_REVIEW_ID);
const deps = (overrides: Partial<PublishDeps> = {}): PublishDeps => ({
  renderer: { render: (model) => renderReportDocx(model) },
  publisher: archive,
  checks: registerChecks,
  ...overrides,
});

async function openSession() {
  const session = await service.openSession(reviewId);
  if (!session.ok) throw new Error('no session');
  return session.value;
}

async function addDraft(stage: 'interim' | 'finalPublic', fields: Record<string, unknown> = {}) {
  const added = await service.addRecord('reportStage', reviewId, { stage, draftNumber: 1, ...fields });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  return added.value;
}

describe('publishing a report', () => {
  it('puts the draft in the archive and records where, with the SHA-256 of the exact bytes, in the draft and the audit trail', async () => {
    const session = await openSession();
    const published = await publishReport(session, 'stage-preliminary-1', deps());
    expect(published.ok).toBe(true);
    if (!published.ok) return;
    const listed = await archive.listPublished(reviewId);
    expect(listed.ok && listed.value.map((version) => version.location)).toEqual([published.value.location]);
    const downloaded = await archive.download(published.value.location);
    if (!downloaded.ok) throw new Error('not downloadable');
    expect(await sha256Hex(downloaded.value)).toBe(published.value.document.sha256);
    // mammoth reads the body only; the header is its own part of the file.
    expect(strFromU8(unzipSync(downloaded.value)['word/header1.xml'] ?? new Uint8Array())).toContain('Confidential to the participants of this review');
    expect((await mammoth.extractRawText({ buffer: Buffer.from(downloaded.value) })).value).toContain(': preliminary report');
    const snapshot = session.getSnapshot();
    const stage = snapshot.reportStages.find((draft) => draft.id === 'stage-preliminary-1');
    expect(stage?.publications.map((publication) => publication.sha256)).toEqual([published.value.document.sha256]);
    expect(stage?.publishedLocation).toBe(published.value.location);
    const audit = snapshot.audit.filter((entry) => entry.action === 'publication' && entry.summary.includes(published.value.document.sha256));
    expect(audit).toHaveLength(1);
  });

  it('blocks the public report while the scan finds an identifier, and publishes nothing', async () => {
    const session = await openSession();
    const version = await addDraft('finalPublic');
    const leaky = { ...registerChecks, anonymiserFor: () => (text: string) => text };
    const published = await publishReport(session, version.id, deps({ checks: leaky }));
    expect(published.ok).toBe(false);
    if (published.ok) return;
    expect(published.error.kind).toBe('blocked');
    expect(published.error.kind === 'blocked' && published.error.reasons.length).toBeGreaterThan(0);
    const listed = await archive.listPublished(reviewId);
    expect(listed.ok && listed.value).toEqual([]);
    expect(session.getSnapshot().audit.filter((entry) => entry.action === 'publication' && entry.summary.includes('finalPublic'))).toEqual([]);
  });

  it('publishes the public report rendered through the register once the scan finds nothing', async () => {
    const session = await openSession();
    const version = await addDraft('finalPublic');
    const published = await publishReport(session, version.id, deps());
    if (!published.ok) throw new Error(JSON.stringify(published.error));
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(published.value.document.bytes) })).value;
    for (const participant of session.getSnapshot().participants) expect(text).not.toContain(participant.realName);
    expect(text).not.toContain('Confidential to the participants');
  });

  it('opens the interim stage only when the preliminary comment window has closed, or with a recorded reason', async () => {
    // The training case's preliminary window closes on 30 January 2026; the test clock stands in March 2026.
    const session = await openSession();
    const interim = await addDraft('interim');
    expect((await publishReport(session, interim.id, deps())).ok).toBe(true);
    const early = await service.saveRecord('reportStage', {
      ...session.getSnapshot().reportStages.find((draft) => draft.id === 'stage-preliminary-1')!,
      commentWindow: { opensOn: '2026-03-01', closesOn: '2026-04-30' },
    });
    expect(early.ok).toBe(true);
    const second = await service.addRecord('reportStage', reviewId, { stage: 'interim', draftNumber: 2 });
    if (!second.ok) throw new Error('not added');
    const refused = await publishReport(session, second.value.id, deps());
    expect(!refused.ok && refused.error.kind).toBe('blocked');
    const withReason = await service.saveRecord('reportStage', { ...second.value, earlyStartReason: 'The group asked to meet before Easter.' });
    expect(withReason.ok).toBe(true);
    expect((await publishReport(session, second.value.id, deps())).ok).toBe(true);
  });
});
