// Pooling the FICTIONAL training case at the chosen phase, withdrawing it, and exchanging with another LSCB.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DexiePooledLearningStore } from '../../src/adapters/local/pooled-learning/dexie-pooled-learning-store';
import { PooledLearningService } from '../../src/app/collation/pooled-learning-service';
import { parseBundle } from '../../src/domain/bundle';
import { type ReviewPhase, type ReviewSnapshot } from '../../src/domain/model';
import { summariseReview } from '../../src/domain/review-summary';
import { pooledFindingsFile, serialisePooledFindings } from '../../src/domain/pooling/exchange';
import { ok } from '../../src/domain/result';
import { trainingCaseBundle } from '../../src/domain/training-case';

let counter = 0;
let store: DexiePooledLearningStore | undefined;
afterEach(() => store?.close());

function setUp(poolingPhase?: ReviewPhase) {
  store = new DexiePooledLearningStore(`pooled-service-${counter++}`);
  return new PooledLearningService({ store, clock: { now: () => '2026-03-29T23:30:00.000Z' }, source: 'fenshire-lscb', poolingPhase });
}

function trainingCaseAt(phase: ReviewPhase): ReviewSnapshot {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('training case');
  return { ...parsed.value.snapshot, review: { ...parsed.value.snapshot.review, phase } };
}

describe('pooled learning', () => {
  it('pools a review once it reaches final draft agreed, replaces it when pooled again, and withdraws it when it goes back', async () => {
    const service = setUp();
    expect(await service.sync(trainingCaseAt('finalDraftReport'))).toEqual(ok('notYet'));
    expect(await service.records()).toEqual(ok([]));
    expect(await service.sync(trainingCaseAt('publication'))).toEqual(ok('pooled'));
    expect(await service.sync(trainingCaseAt('publication'))).toEqual(ok('pooled'));
    const records = await service.records();
    expect(records.ok && records.value).toHaveLength(1);
    // 23:30 UTC on 29 March 2026 is already 30 March in London (British Summer Time).
    expect(records.ok && records.value[0]?.pooledOn).toBe('2026-03-30');
    expect(await service.sync(trainingCaseAt('finalDraftReport'))).toEqual(ok('withdrawn'));
    expect(await service.records()).toEqual(ok([]));
  });

  it('pools from the phase the LSCB chose, and catches up with the reviews listed', async () => {
    const service = setUp('interimReport');
    const snapshot = trainingCaseAt('interimReport');
    expect(await service.catchUp([summariseReview(snapshot.review)], async () => ok(snapshot))).toEqual(ok(1));
    expect(await service.catchUp([summariseReview(snapshot.review)], async () => ok(snapshot))).toEqual(ok(0));
    const records = await service.records();
    if (!records.ok) throw new Error('records');
    const summary = service.summarise(records.value, {});
    expect(summary.reviews).toBe(1);
    const rows = service.drillDown(records.value, {}, { kind: 'judgement', judgement: 'problematic' }, [summariseReview(snapshot.review)]);
    expect(rows[0]?.review?.codename).toBe(snapshot.review.codename);
  });

  it('imports another LSCB’s findings, de-duplicated, and leaves this LSCB’s own records as pooled here', async () => {
    const service = setUp();
    await service.sync(trainingCaseAt('publication'));
    const own = await service.records();
    if (!own.ok || !own.value[0]) throw new Error('pooled');
    const elsewhere = { ...own.value[0], source: 'wrenfold-lscb', reviewKey: 'rk-00000000000000ff' };
    const file = serialisePooledFindings(
      pooledFindingsFile([elsewhere, { ...elsewhere, pooledOn: '2026-04-01' }, { ...own.value[0], episodes: [] }], '2026-04-02'),
    );
    const imported = await service.importFile(file, 'regional.json');
    expect(imported.ok && imported.value.imported).toBe(1);
    expect(imported.ok && imported.value.rejected[0]?.message).toMatch(/from this LSCB/);
    const records = await service.records();
    expect(records.ok && records.value.find((record) => record.source === 'wrenfold-lscb')?.pooledOn).toBe('2026-04-01');
    expect(records.ok && records.value.find((record) => record.source === 'fenshire-lscb')?.episodes.length).toBeGreaterThan(0);
    const csv = await service.exportCsv();
    expect(csv.ok && csv.value.split('\r\n')[0]).toMatch(/^schema_version,source,review_key/);
  });
});
