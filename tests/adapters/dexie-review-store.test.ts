// The Dexie store's row format (ADR 0850): records are checked as they are written, so a read checks only each
// row's envelope; rows written unchecked (an older build, a test seed) and rows that do not match their key are
// checked in full. Damaged stored data is a typed failure either way.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { generateLargeFixture } from '../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import type { ReviewSnapshot } from '../../src/domain/model';

let counter = 0;
let name: string;
let store: DexieReviewStore;
let raw: Dexie;
let snapshot: ReviewSnapshot;

/** A slice of every kind of record is enough here, and keeps the tests quick (the store checks no references). */
const SLICE = Object.fromEntries(
  Object.entries(generateLargeFixture({ random: mulberry32(7) })).map(([key, value]) => [key, Array.isArray(value) ? value.slice(0, 20) : value]),
) as ReviewSnapshot;

interface RawRow {
  reviewId: string;
  kind: string;
  id: string;
  rowFormat: number;
  record: unknown;
}

beforeEach(async () => {
  name = `dexie-row-format-${++counter}`;
  store = new DexieReviewStore(name);
  raw = new Dexie(name);
  raw.version(1).stores({ reviews: 'id', records: '[reviewId+kind+id], reviewId' });
  snapshot = structuredClone(SLICE);
  const imported = await store.importSnapshot(snapshot, { replace: false });
  expect(imported.ok).toBe(true);
});

afterEach(async () => {
  store.close();
  raw.close();
  await Dexie.delete(name);
});

const participantKey = (): [string, string, string] => [snapshot.review.id, 'participant', snapshot.participants[0]!.id];

async function rewriteParticipant(change: (row: RawRow) => RawRow): Promise<void> {
  const row = (await raw.table<RawRow>('records').get(participantKey()))!;
  await raw.table<RawRow>('records').put(change(row));
}

/** The store gives records back in key order, not in the order they were imported. */
function sortedById(review: ReviewSnapshot): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(review).map(([key, value]) => [key, Array.isArray(value) ? [...(value as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id)) : value]),
  );
}

async function loadFailure() {
  const loaded = await store.loadReview(snapshot.review.id);
  if (loaded.ok) throw new Error('expected the load to fail');
  return loaded.error;
}

describe('DexieReviewStore row format', () => {
  it('writes checked rows and reads the same review back', async () => {
    const rows = await raw.table<RawRow>('records').toArray();
    expect(new Set(rows.map((row) => row.rowFormat))).toEqual(new Set([2]));
    const loaded = await store.loadReview(snapshot.review.id);
    if (!loaded.ok) throw new Error(loaded.error.kind);
    const got = sortedById(loaded.value);
    for (const [key, value] of Object.entries(sortedById(snapshot))) expect(got[key], key).toEqual(value);
  });

  it('refuses to write a record that would not read back, and writes nothing', async () => {
    const participant = { ...snapshot.participants[0]!, reportLabel: '' };
    const updated = await store.updateRecord('participant', participant);
    expect(updated.ok ? 'ok' : updated.error.kind).toBe('invalid');
    const broken = { ...snapshot, participants: [participant, ...snapshot.participants.slice(1)] };
    const imported = await store.importSnapshot(broken, { replace: true });
    expect(imported.ok ? 'ok' : imported.error.kind).toBe('invalid');
    const loaded = await store.loadReview(snapshot.review.id);
    expect(loaded.ok && loaded.value.participants[0]).toEqual(snapshot.participants[0]);
  });

  it('checks a row written unchecked in full, naming the damaged field', async () => {
    await rewriteParticipant((row) => ({ ...row, rowFormat: 1, record: { ...(row.record as object), reportLabel: '' } }));
    const failure = await loadFailure();
    expect(failure.kind).toBe('damaged');
    expect(failure.kind === 'damaged' && failure.issues.map((issue) => issue.path)).toContain('reportLabel');
  });

  it('reads an unchecked row that is valid', async () => {
    await rewriteParticipant((row) => ({ ...row, rowFormat: 1 }));
    const loaded = await store.loadReview(snapshot.review.id);
    expect(loaded.ok && loaded.value.participants).toEqual(snapshot.participants);
  });

  it.each([
    ['not an object', (row: RawRow) => ({ ...row, record: 'a string' })],
    ['another review', (row: RawRow) => ({ ...row, record: { ...(row.record as object), reviewId: 'rev-someone-else' } })],
    ['another id', (row: RawRow) => ({ ...row, record: { ...(row.record as object), id: 'par-someone-else' } })],
    ['no version', (row: RawRow) => ({ ...row, record: { ...(row.record as object), version: undefined } })],
    ['an unknown kind', (row: RawRow) => ({ ...row, kind: 'spaceship' })],
  ])('reports a checked row whose envelope is %s as damaged', async (_label, change) => {
    if (_label === 'an unknown kind') {
      const row = (await raw.table<RawRow>('records').get(participantKey()))!;
      await raw.table<RawRow>('records').add(change(row));
    } else {
      await rewriteParticipant(change);
    }
    expect((await loadFailure()).kind).toBe('damaged');
  });

  it('checks the review row in full', async () => {
    const row = (await raw.table<{ id: string; rowFormat: number; review: Record<string, unknown> }>('reviews').get(snapshot.review.id))!;
    await raw.table('reviews').put({ ...row, review: { ...row.review, codename: '' } });
    expect((await loadFailure()).kind).toBe('damaged');
  });
});
