// FICTIONAL test data: every name and agency here is invented.
import { describe, expect, it } from 'vitest';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { ReviewService } from '../../src/app/review-service';
import { memoryJournal } from '../../src/app/session/memory-journal';
import { FICTIONAL_AGENCIES, createTestReview } from '../fixtures/builders';

let database = 0;

function services(name = `session-${++database}`) {
  const store = new DexieReviewStore(name);
  const journal = memoryJournal();
  const make = (who: string, ns: string) =>
    new ReviewService({ store, journal, clock: steppingClock('2026-03-28T10:00:00.000Z', 1000), ids: sequentialIds(ns), actor: () => who, editDelayMs: 0 });
  return { store, journal, make };
}

const participant = (realName: string) => ({
  kind: 'practitioner' as const,
  agencyId: FICTIONAL_AGENCIES[0]!.id,
  roleTitle: 'Social worker',
  realName,
  reportLabel: `Social worker ${realName}`,
  introductionLetter: { status: 'notSent' as const, on: null },
});

describe('the review session', () => {
  it('adds a record and stores it', async () => {
    const { make, store } = services();
    const service = make('Ana (fictional)', 'a');
    const review = await createTestReview(service);
    const added = await service.addRecord('participant', review.id, participant('Sam Invented'));
    expect(added.ok).toBe(true);
    const loaded = await store.loadReview(review.id);
    expect(loaded.ok && loaded.value.participants.map((p) => p.realName)).toEqual(['Sam Invented']);
  });
});

describe('one write path', () => {
  it('applies an add submitted twice while the first is on its way once (a double click)', async () => {
    const { make, store } = services();
    const service = make('Ana (fictional)', 'a');
    const review = await createTestReview(service);
    const session = await service.openSession(review.id);
    if (!session.ok) throw new Error('open');
    const first = service.addRecord('participant', review.id, participant('Sam Invented'), 'par-one');
    const second = service.addRecord('participant', review.id, participant('Sam Invented'), 'par-one');
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok && b.ok).toBe(true);
    const loaded = await store.loadReview(review.id);
    expect(loaded.ok && loaded.value.participants.map((p) => p.id)).toEqual(['par-one']);
  });

  it('sees a record still on its way to the store when checking the next: the same person cannot be added twice', async () => {
    const { make, store } = services();
    const service = make('Ana (fictional)', 'a');
    const review = await createTestReview(service);
    const first = service.addRecord('participant', review.id, participant('Sam Invented'));
    const second = service.addRecord('participant', review.id, participant('Sam Invented'));
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok).toBe(true);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error.kind).toBe('invalid');
    const loaded = await store.loadReview(review.id);
    expect(loaded.ok && loaded.value.participants).toHaveLength(1);
  });

  it('refuses a comment window that closes before it opens, whoever writes it', async () => {
    const { make } = services();
    const service = make('Ana (fictional)', 'a');
    const review = await createTestReview(service);
    const refused = await service.addRecord('reportStage', review.id, {
      stage: 'preliminary',
      draftNumber: 1,
      commentWindow: { opensOn: '2026-02-10', closesOn: '2026-02-01' },
    } as never);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.kind === 'invalid' && refused.error.issues.map((issue) => issue.path)).toEqual(['commentWindow.closesOn']);
  });

  it('combines two people’s edits of different fields, and merges the same text three ways with both kept', async () => {
    const { make, store } = services();
    const ana = make('Ana (fictional)', 'a');
    const ben = make('Ben (fictional)', 'b');
    const review = await createTestReview(ana);
    const added = await ana.addRecord('participant', review.id, participant('Sam Invented'), 'par-1');
    if (!added.ok) throw new Error('add');
    const anaSession = await ana.openSession(review.id);
    const benSession = await ben.openSession(review.id);
    if (!anaSession.ok || !benSession.ok) throw new Error('open');
    const base = added.value;
    // Both edit from the same version; Ben's write meets Ana's newer version and is applied again to it.
    await anaSession.value.apply({
      type: 'editRecord',
      kind: 'participant',
      id: base.id,
      base: { roleTitle: base.roleTitle },
      changes: { roleTitle: 'Senior social worker' },
    });
    await benSession.value.apply({
      type: 'editRecord',
      kind: 'participant',
      id: base.id,
      base: { reportLabel: base.reportLabel },
      changes: { reportLabel: 'Social worker A' },
    });
    await benSession.value.flush();
    const loaded = await store.loadReview(review.id);
    if (!loaded.ok) throw new Error('load');
    expect(loaded.value.participants[0]).toMatchObject({ roleTitle: 'Senior social worker', reportLabel: 'Social worker A' });
  });

  it('holds a conflict on a field both changed differently, stores nothing over theirs, and settles it as chosen', async () => {
    const { make, store } = services();
    const ana = make('Ana (fictional)', 'a');
    const ben = make('Ben (fictional)', 'b');
    const review = await createTestReview(ana);
    const added = await ana.addRecord('participant', review.id, participant('Sam Invented'), 'par-1');
    if (!added.ok) throw new Error('add');
    const benSession = await ben.openSession(review.id);
    if (!benSession.ok) throw new Error('open');
    // Ana changes the kind; Ben, not having seen it, changes it too.
    await ana.saveRecord('participant', { ...added.value, kind: 'firstLineManager' });
    const submitted = benSession.value.submit({
      type: 'editRecord',
      kind: 'participant',
      id: 'par-1',
      base: { kind: 'practitioner' },
      changes: { kind: 'seniorManager' },
    });
    expect(submitted.accepted).toMatchObject({ ok: true });
    await benSession.value.flush();
    const state = benSession.value.getSyncState();
    expect(state.conflicts).toHaveLength(1);
    expect(state.conflicts[0]?.fields).toEqual([['kind']]);
    const before = await store.loadReview(review.id);
    expect(before.ok && before.value.participants[0]?.kind).toBe('firstLineManager');
    expect(benSession.value.settle(state.conflicts[0]!.id, 'mine').ok).toBe(true);
    await benSession.value.flush();
    const after = await store.loadReview(review.id);
    expect(after.ok && after.value.participants[0]?.kind).toBe('seniorManager');
    expect(benSession.value.getSyncState().conflicts).toHaveLength(0);
  });

  it('keeps edits not yet stored in the journal, and applies them again when the review is opened after a reload', async () => {
    const { make, store, journal } = services();
    const ana = make('Ana (fictional)', 'a');
    const review = await createTestReview(ana);
    const added = await ana.addRecord('participant', review.id, participant('Sam Invented'), 'par-1');
    if (!added.ok) throw new Error('add');
    const session = await ana.openSession(review.id);
    if (!session.ok) throw new Error('open');
    // The page goes before the write reaches the store: only the journal has the edit.
    session.value.submit({
      type: 'editRecord',
      kind: 'participant',
      id: 'par-1',
      base: { roleTitle: 'Social worker' },
      changes: { roleTitle: 'Typed just before the reload' },
    });
    expect(journal.read(review.id)).toHaveLength(1);
    session.value.close();
    const reopened = make('Ana (fictional)', 'c');
    const again = await reopened.openSession(review.id);
    if (!again.ok) throw new Error('reopen');
    expect(again.value.getSnapshot().participants[0]?.roleTitle).toBe('Typed just before the reload');
    await again.value.flush();
    const loaded = await store.loadReview(review.id);
    expect(loaded.ok && loaded.value.participants[0]?.roleTitle).toBe('Typed just before the reload');
    expect(journal.read(review.id)).toHaveLength(0);
  });

  it('is told what another session changed and shows it without reading the whole review again', async () => {
    const { make, store } = services();
    const ana = make('Ana (fictional)', 'a');
    const ben = make('Ben (fictional)', 'b');
    const review = await createTestReview(ana);
    const benSession = await ben.openSession(review.id);
    if (!benSession.ok || !(await ana.openSession(review.id)).ok) throw new Error('open');
    let loads = 0;
    const originalLoad = store.loadReview.bind(store);
    store.loadReview = (id) => {
      loads++;
      return originalLoad(id);
    };
    const added = await ana.addRecord('participant', review.id, participant('Sam Invented'), 'par-1');
    expect(added.ok).toBe(true);
    await expect.poll(() => benSession.value.getSnapshot().participants.length).toBe(1);
    expect(loads).toBe(0);
  });
});
