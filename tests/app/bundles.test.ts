// FICTIONAL test data: the built-in training case, mutated, and the invented "Kestrel" review.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleService, bundleFileName } from '../../src/app/bundles';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { createBundle, parseBundle, serialiseBundle } from '../../src/domain/bundle';
import { asId, type ReviewId } from '../../src/domain/ids';
import type { ReviewSnapshot } from '../../src/domain/model';
import { trainingCaseBundle, TRAINING_CASE_REVIEW_ID } from '../../src/domain/training-case';
import type { ReviewStore } from '../../src/ports/review-store';
import { createTestReview, testService } from '../fixtures/builders';

let databaseCounter = 0;
let store: DexieReviewStore;

beforeEach(() => {
  store = new DexieReviewStore(`bundles-${++databaseCounter}`);
});
afterEach(() => {
  store.close();
});

function bundlesFor(target: ReviewStore, namespace = 'b', startAt = '2026-10-24T23:30:00.000Z'): BundleService {
  return new BundleService({
    store: target,
    clock: steppingClock(startAt, 60_000),
    ids: sequentialIds(namespace),
    actor: () => 'Test Reviewer (fictional)',
    producer: 'tests',
  });
}

const trainingText = (): string => {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('valid');
  return serialiseBundle(createBundle(parsed.value.snapshot, parsed.value.meta));
};

/** Everything the store holds, for before/after comparisons. */
async function storeContents(target: ReviewStore): Promise<unknown> {
  const listed = await target.listReviews();
  if (!listed.ok) throw new Error('list failed');
  const reviews = await Promise.all(listed.value.map(async (summary) => target.loadReview(summary.id)));
  return { listed: listed.value, reviews };
}

describe('exporting a review', () => {
  it('wraps the whole review in the current format, records an export audit entry inside it, and names the file safely', async () => {
    const service = testService(store);
    const review = await createTestReview(service);
    const exported = await bundlesFor(store).exportBundle(review.id);
    if (!exported.ok) throw new Error(JSON.stringify(exported.error));
    const { bundle, text, fileName } = exported.value;
    expect(bundle).toMatchObject({
      format: 'learning-together/review-bundle',
      formatVersion: 2,
      exportedBy: 'Test Reviewer (fictional)',
      producer: 'tests',
      fictional: true,
    });
    expect(bundle.snapshot.audit.map((entry) => [entry.action, entry.summary])).toEqual([['export', 'Exported as a review bundle (format version 2).']]);
    // 23:30 UTC on 24 October 2026 is already the 25th in London.
    expect(fileName).toBe('kestrel-2026-10-25.review-bundle.json');
    expect(parseBundle(JSON.parse(text)).ok).toBe(true);
    const stored = await store.loadReview(review.id);
    expect(stored.ok && stored.value.audit.map((entry) => entry.action)).toEqual(['export']);
  });

  it('reports a missing review and writes nothing', async () => {
    const exported = await bundlesFor(store).exportBundle(asId<ReviewId>('rev-missing'));
    expect(exported.ok ? 'ok' : exported.error.kind).toBe('notFound');
    expect(await storeContents(store)).toEqual({ listed: [], reviews: [] });
  });
});

describe('importing a bundle', () => {
  it('imports the training case with an import audit entry, all in one step', async () => {
    const imported = await bundlesFor(store).importBundle(trainingText(), { replace: false });
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    expect(imported.value.summary).toMatchObject({ id: TRAINING_CASE_REVIEW_ID, fictional: true });
    expect(imported.value.counts).toMatchObject({ participants: 14, auditEntries: 7 });
    const loaded = await store.loadReview(asId<ReviewId>(TRAINING_CASE_REVIEW_ID));
    if (!loaded.ok) throw new Error('load failed');
    const last = loaded.value.audit.find((entry) => entry.action === 'import');
    expect(last?.summary).toBe(
      'Imported from a review bundle exported by Learning Together for Teams (built-in training case) on 20 January 2026 at 09:00 GMT.',
    );
  });

  it('refuses to overwrite without replace, and replaces when asked', async () => {
    const bundles = bundlesFor(store);
    expect((await bundles.importBundle(trainingText(), { replace: false })).ok).toBe(true);
    const before = await storeContents(store);
    const again = await bundles.importBundle(trainingText(), { replace: false });
    expect(again.ok ? 'ok' : again.error).toEqual({ kind: 'alreadyExists', what: 'Review', id: TRAINING_CASE_REVIEW_ID });
    expect(await storeContents(store)).toEqual(before);
    const replaced = await bundles.importBundle(trainingText(), { replace: true });
    expect(replaced.ok).toBe(true);
    const loaded = await store.loadReview(asId<ReviewId>(TRAINING_CASE_REVIEW_ID));
    // The replacement is the bundle plus its own import entry, not the two imports added together.
    expect(loaded.ok && loaded.value.audit.filter((entry) => entry.action === 'import')).toHaveLength(1);
    expect(loaded.ok && loaded.value.audit.at(-1)?.summary).toMatch(/replaces any copy that was already here\.$/);
  });

  it('migrates a version 1 bundle on import', async () => {
    const { default: v1 } = await import('../../src/domain/bundle/test-fixtures/v1-heron.bundle.json');
    const imported = await bundlesFor(store).importBundle(JSON.stringify(v1), { replace: false });
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    expect(imported.value.meta.readFromFormatVersion).toBe(1);
    const loaded = await store.loadReview(asId<ReviewId>('rev-heron'));
    expect(loaded.ok && loaded.value.stepNotes.map((note) => note.step)).toEqual(['1', '2', '3a', '9']);
    expect(loaded.ok && loaded.value.audit[0]?.summary).toMatch(/\(format version 1, migrated\)\.$/);
  });

  it('changes nothing when the bundle is bad, however it is bad', async () => {
    const bundles = bundlesFor(store);
    await createTestReview(testService(store));
    expect((await bundles.importBundle(trainingText(), { replace: false })).ok).toBe(true);
    const before = await storeContents(store);
    const valid = JSON.parse(trainingText()) as { snapshot: Record<string, Array<Record<string, unknown>>> };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constantFrom('episodes', 'patterns', 'comments', 'stepNotes').map((collection) => {
            const broken = structuredClone(valid);
            const record = broken.snapshot[collection]?.[0];
            if (record) record.reviewId = 'rev-someone-else';
            return JSON.stringify(broken);
          }),
          fc.nat(40).map((index) => {
            const broken = structuredClone(valid);
            const records = broken.snapshot.narrative ?? [];
            const record = records[index % records.length];
            if (record) record.text = '';
            return JSON.stringify(broken);
          }),
        ),
        fc.boolean(),
        async (text, replace) => {
          const result = await bundles.importBundle(text, { replace });
          expect(result.ok).toBe(false);
          expect(await storeContents(store)).toEqual(before);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('round trip', () => {
  it('export → import → export gives the same review, plus exactly the import and export audit entries', async () => {
    const source = bundlesFor(store, 's');
    expect((await source.importBundle(trainingText(), { replace: false })).ok).toBe(true);
    const first = await source.exportBundle(asId<ReviewId>(TRAINING_CASE_REVIEW_ID));
    if (!first.ok) throw new Error('export failed');

    const elsewhere = new DexieReviewStore(`bundles-elsewhere-${databaseCounter}`);
    try {
      // Later, somewhere else.
      const target = bundlesFor(elsewhere, 't', '2026-11-02T10:00:00.000Z');
      expect((await target.importBundle(first.value.text, { replace: false })).ok).toBe(true);
      const second = await target.exportBundle(asId<ReviewId>(TRAINING_CASE_REVIEW_ID));
      if (!second.ok) throw new Error('export failed');
      const withoutTrail = (snapshot: ReviewSnapshot) => ({ ...snapshot, audit: [] });
      expect(withoutTrail(second.value.bundle.snapshot)).toEqual(withoutTrail(first.value.bundle.snapshot));
      const firstAudit = first.value.bundle.snapshot.audit;
      const secondAudit = second.value.bundle.snapshot.audit;
      expect(secondAudit.slice(0, firstAudit.length)).toEqual(firstAudit);
      expect(secondAudit.slice(firstAudit.length).map((entry) => entry.action)).toEqual(['import', 'export']);
    } finally {
      elsewhere.close();
    }
  });

  it('imports what it exports, byte for byte, when nothing else happens in between', async () => {
    const bundles = bundlesFor(store);
    expect((await bundles.importBundle(trainingText(), { replace: false })).ok).toBe(true);
    const exported = await bundles.exportBundle(asId<ReviewId>(TRAINING_CASE_REVIEW_ID));
    if (!exported.ok) throw new Error('export failed');
    const reparsed = parseBundle(JSON.parse(exported.value.text));
    if (!reparsed.ok) throw new Error('invalid');
    expect(serialiseBundle(createBundle(reparsed.value.snapshot, reparsed.value.meta))).toBe(exported.value.text);
  });
});

describe('the training case in the app', () => {
  it('is imported the first time and opened, not copied, the second', async () => {
    const bundles = bundlesFor(store);
    const first = await bundles.openTrainingCase(async () => trainingCaseBundle());
    expect(first).toEqual({ ok: true, value: { reviewId: TRAINING_CASE_REVIEW_ID, alreadyPresent: false } });
    const second = await bundles.openTrainingCase(async () => trainingCaseBundle());
    expect(second).toEqual({ ok: true, value: { reviewId: TRAINING_CASE_REVIEW_ID, alreadyPresent: true } });
    const listed = await store.listReviews();
    expect(listed.ok && listed.value.map((summary) => summary.id)).toEqual([TRAINING_CASE_REVIEW_ID]);
  });

  it('says so when the training case cannot be loaded', async () => {
    const result = await bundlesFor(store).openTrainingCase(async () => {
      throw new Error('chunk failed to load');
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unavailable', detail: 'it could not be loaded: chunk failed to load' } });
  });
});

describe('file names', () => {
  it('uses only the codename and the London date', () => {
    const parsed = parseBundle(trainingCaseBundle());
    if (!parsed.ok) throw new Error('valid');
    expect(bundleFileName(parsed.value.snapshot, '2026-03-29T00:30:00Z')).toBe('training-case-brook-lane-fictional-2026-03-29.review-bundle.json');
  });
});
