// The PooledLearningStore contract: every adapter keeps one record per source and review, replaces it on every write,
// withdraws it, reads back exactly what was written, and refuses a record that is not de-identified. Data FICTIONAL.
import { afterEach, describe, expect, it } from 'vitest';
import { generatePooledFindings } from '../../src/domain/fixtures/pooled-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import type { PooledReviewFindings } from '../../src/domain/pooling/pooled-findings';
import type { PooledLearningStore } from '../../src/ports/pooled-learning-store';

export interface PooledStoreUnderTest {
  readonly store: PooledLearningStore;
  readonly cleanup: () => Promise<void>;
}

const sortById = (records: readonly PooledReviewFindings[]) =>
  [...records].sort((a, b) => `${a.source}/${a.reviewKey}`.localeCompare(`${b.source}/${b.reviewKey}`));

export function describePooledLearningStoreContract(name: string, create: () => Promise<PooledStoreUnderTest>): void {
  describe(`PooledLearningStore contract: ${name}`, () => {
    let current: PooledStoreUnderTest | undefined;
    const open = async () => (current = await create());
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });
    const [first, second, third] = generatePooledFindings({ random: mulberry32(14), reviews: 3, sources: ['north-lscb', 'south-lscb'] }) as [
      PooledReviewFindings,
      PooledReviewFindings,
      PooledReviewFindings,
    ];

    it('starts empty, then reads back exactly what was written', async () => {
      const { store } = await open();
      expect(await store.list()).toEqual({ ok: true, value: [] });
      expect((await store.put(first)).ok).toBe(true);
      expect(await store.get(first.source, first.reviewKey)).toEqual({ ok: true, value: first });
      expect(await store.list()).toEqual({ ok: true, value: [first] });
    });

    it('replaces a review’s record when it is written again, never doubling it', async () => {
      const { store } = await open();
      await store.put(first);
      const again = { ...first, pooledOn: '2027-01-02', recommendations: [] };
      expect((await store.put(again)).ok).toBe(true);
      expect((await store.put(again)).ok).toBe(true);
      expect(await store.list()).toEqual({ ok: true, value: [again] });
    });

    it('keeps the same review from two sources apart, and writes many at once', async () => {
      const { store } = await open();
      const fromElsewhere = { ...first, source: first.source === 'north-lscb' ? 'south-lscb' : 'north-lscb' };
      expect(await store.putMany([first, second, third, fromElsewhere])).toEqual({ ok: true, value: 4 });
      const listed = await store.list();
      expect(listed.ok && sortById(listed.value)).toEqual(sortById([first, second, third, fromElsewhere]));
    });

    it('withdraws a review’s record, and says when there was none', async () => {
      const { store } = await open();
      await store.putMany([first, second]);
      expect(await store.withdraw(first.source, first.reviewKey)).toEqual({ ok: true, value: true });
      expect(await store.withdraw(first.source, first.reviewKey)).toEqual({ ok: true, value: false });
      expect(await store.get(first.source, first.reviewKey)).toEqual({ ok: true, value: null });
      expect(await store.list()).toEqual({ ok: true, value: [second] });
    });

    it('refuses a record carrying free text, and keeps what it held', async () => {
      const { store } = await open();
      await store.put(first);
      const leaky = { ...first, patterns: [{ ...first.patterns[0], subPatternId: 'Brook Lane' }] } as unknown as PooledReviewFindings;
      expect(await store.put(leaky)).toMatchObject({ ok: false, error: { kind: 'invalid' } });
      expect(await store.list()).toEqual({ ok: true, value: [first] });
    });
  });
}
