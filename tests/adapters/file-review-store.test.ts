// FICTIONAL test data. Behaviour of the JSON-file store beyond the shared ReviewStore contract.
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileReviewStore } from '../../src/adapters/file/file-review-store';
import { asId, type ReviewId } from '../../src/domain/ids';
import { createTestReview, testService } from '../fixtures/builders';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'lt-file-store-extra-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

const fileOf = (reviewId: string) => join(directory, `${reviewId.replaceAll(':', '%3A')}.review.json`);

describe('the JSON-file review store', () => {
  it('keeps every one of many concurrent writes from two handles', async () => {
    const first = testService(new FileReviewStore(directory), 'a');
    const second = testService(new FileReviewStore(directory), 'b');
    const review = await createTestReview(first);
    const writes = Array.from({ length: 30 }, (_, index) =>
      (index % 2 === 0 ? first : second).addRecord('teamMember', review.id, { name: `Member ${index} (fictional)`, role: 'observer' }),
    );
    const results = await Promise.all(writes);
    expect(results.every((result) => result.ok)).toBe(true);
    const loaded = await new FileReviewStore(directory).loadReview(review.id);
    expect(loaded.ok && loaded.value.teamMembers).toHaveLength(30);
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'))).toEqual([]);
  });

  it('waits for another process’s lock, then writes', async () => {
    const service = testService(new FileReviewStore(directory));
    const review = await createTestReview(service);
    const lockPath = `${fileOf(review.id)}.lock`;
    writeFileSync(lockPath, '99999');
    const before = readFileSync(fileOf(review.id), 'utf8');
    const pending = service.addRecord('teamMember', review.id, { name: 'Waiting (fictional)', role: 'observer' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(readFileSync(fileOf(review.id), 'utf8')).toBe(before);
    rmSync(lockPath);
    expect((await pending).ok).toBe(true);
  });

  it('clears a lock left behind by a process that died', async () => {
    const service = testService(new FileReviewStore(directory));
    const review = await createTestReview(service);
    const lockPath = `${fileOf(review.id)}.lock`;
    writeFileSync(lockPath, '99999');
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lockPath, longAgo, longAgo);
    expect((await service.addRecord('teamMember', review.id, { name: 'After a crash (fictional)', role: 'observer' })).ok).toBe(true);
  });

  it('names a damaged file rather than passing it on', async () => {
    const store = new FileReviewStore(directory);
    const review = await createTestReview(testService(store));
    writeFileSync(fileOf(review.id), '{"format": "learning-together/review-file", "formatVersion": 1, "snapshot": ');
    const loaded = await store.loadReview(review.id);
    expect(loaded.ok ? 'ok' : loaded.error).toMatchObject({ kind: 'damaged', issues: [{ message: expect.stringMatching(/^not valid JSON: line 1, column \d+/) }] });
    const listed = await store.listReviews();
    expect(listed.ok ? 'ok' : listed.error.kind).toBe('damaged');
  });

  it('names a damaged record with its path', async () => {
    const store = new FileReviewStore(directory);
    const service = testService(store);
    const review = await createTestReview(service);
    await service.addRecord('teamMember', review.id, { name: 'Someone (fictional)', role: 'observer' });
    const file = JSON.parse(readFileSync(fileOf(review.id), 'utf8'));
    file.snapshot.teamMembers[0].role = 'chair';
    writeFileSync(fileOf(review.id), JSON.stringify(file));
    const loaded = await store.loadReview(review.id);
    expect(loaded.ok ? 'ok' : loaded.error).toMatchObject({ kind: 'damaged', issues: [{ path: 'teamMembers[0].role' }] });
  });

  it('refuses a file written by a newer version of the store', async () => {
    const store = new FileReviewStore(directory);
    const review = await createTestReview(testService(store));
    const file = JSON.parse(readFileSync(fileOf(review.id), 'utf8'));
    writeFileSync(fileOf(review.id), JSON.stringify({ ...file, formatVersion: 2 }));
    const loaded = await store.loadReview(review.id);
    expect(loaded.ok ? 'ok' : loaded.error).toMatchObject({ kind: 'unsupportedVersion', found: 2, supported: [1] });
  });

  it('stores ids that contain a colon under a safe file name', async () => {
    const store = new FileReviewStore(directory);
    const service = testService(store);
    const created = await service.createReview({
      id: 'rev:colon',
      codename: 'Colon',
      questions: ['A question (fictional)'],
      trigger: 'other',
      periodUnderReview: { from: '2025-01-01', to: '2025-02-01' },
      agencies: [],
      fictional: true,
    });
    expect(created.ok).toBe(true);
    expect(readdirSync(directory)).toContain('rev%3Acolon.review.json');
    const loaded = await store.loadReview(asId<ReviewId>('rev:colon'));
    expect(loaded.ok && loaded.value.review.codename).toBe('Colon');
  });

  it('tells a watcher about a change made through another handle', async () => {
    const store = new FileReviewStore(directory);
    const review = await createTestReview(testService(store));
    let changes = 0;
    const stop = store.watchReview(review.id, () => changes++);
    try {
      await testService(new FileReviewStore(directory), 'o').addRecord('teamMember', review.id, { name: 'Other (fictional)', role: 'observer' });
      const deadline = Date.now() + 3_000;
      while (changes === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(changes).toBeGreaterThan(0);
    } finally {
      stop();
    }
  });
});
