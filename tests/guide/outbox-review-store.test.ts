import { afterEach, describe, expect, it } from 'vitest';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { OutboxReviewStore } from '../../src/adapters/local/outbox-review-store';
import type { Failure } from '../../src/domain/failures';
import type { ReviewId } from '../../src/domain/ids';
import type { ChildRecordKind, ChildRecordOf, Review, ReviewSnapshot, StepNote } from '../../src/domain/model';
import { err, type Result } from '../../src/domain/result';
import type { ReviewChange, ReviewStore } from '../../src/ports/review-store';
import { mergeText } from '../../src/domain/guide/text-merge';
import { describeReviewStoreContract } from '../contract/review-store.contract';
import { GUIDE_CONVERSATION_ID, GUIDE_REVIEW_ID, guideFixture } from '../fixtures/guide-fixture';
import { testService } from '../fixtures/builders';

/** A store that can be cut off, like SharePoint when the connection drops: every call answers `unavailable`. */
class CuttableStore implements ReviewStore {
  down = false;
  /** SharePoint refusing a request outright: `unavailable` but not worth retrying. */
  refusing = false;
  /** The request arrives and takes effect, but the answer is lost on the way back. */
  losingAnswers = false;
  /** Loads answer only after this long (a store retrying a dropped connection). */
  loadDelayMs = 0;
  /** Writes answer only after this long. */
  writeDelayMs = 0;
  calls = 0;
  constructor(readonly inner: ReviewStore) {}
  private async gate<T>(call: () => Promise<Result<T, Failure>>): Promise<Result<T, Failure>> {
    this.calls++;
    if (this.down) return err({ kind: 'unavailable', what: 'SharePoint', detail: 'the connection dropped', retryable: true });
    if (this.losingAnswers) {
      await call();
      return err({ kind: 'unavailable', what: 'SharePoint', detail: 'the connection dropped before the answer came', retryable: true });
    }
    if (this.refusing) return Promise.resolve(err({ kind: 'unavailable', what: 'SharePoint', detail: 'SharePoint refused the request (400)', retryable: false }));
    return call();
  }
  listReviews() {
    return this.gate(() => this.inner.listReviews());
  }
  async loadReview(reviewId: ReviewId) {
    if (this.loadDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.loadDelayMs));
    return this.gate(() => this.inner.loadReview(reviewId));
  }
  createReview(review: Review) {
    return this.gate(() => this.inner.createReview(review));
  }
  updateReview(review: Review) {
    return this.gate(() => this.inner.updateReview(review));
  }
  deleteReview(reviewId: ReviewId) {
    return this.gate(() => this.inner.deleteReview(reviewId));
  }
  async createRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>) {
    if (this.writeDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.writeDelayMs));
    return this.gate(() => this.inner.createRecord(kind, record));
  }
  async updateRecord<K extends ChildRecordKind>(kind: K, record: ChildRecordOf<K>) {
    if (this.writeDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.writeDelayMs));
    return this.gate(() => this.inner.updateRecord(kind, record));
  }
  deleteRecord(kind: ChildRecordKind, reviewId: ReviewId, id: string, expectedVersion: number) {
    return this.gate(() => this.inner.deleteRecord(kind, reviewId, id, expectedVersion));
  }
  importSnapshot(snapshot: ReviewSnapshot, options: { replace: boolean }) {
    return this.gate(() => this.inner.importSnapshot(snapshot, options));
  }
  watchReview(reviewId: ReviewId, onChange: (change: ReviewChange) => void) {
    return this.inner.watchReview(reviewId, onChange);
  }
}

let counter = 0;
const opened: Array<{ close(): void }> = [];
afterEach(() => {
  opened.splice(0).forEach((handle) => handle.close());
});

async function setUp() {
  const name = `outbox-test-${++counter}`;
  const remote = new DexieReviewStore(`${name}-remote`);
  opened.push(remote);
  const imported = await remote.importSnapshot(guideFixture(), { replace: false });
  expect(imported.ok).toBe(true);
  const network = new CuttableStore(remote);
  const open = (slowLoadMs = 10_000, slowWriteMs = 10_000) => {
    const outbox = new OutboxReviewStore(network, { databaseName: `${name}-outbox`, retryIntervalMs: 0, autoRetry: false, slowLoadMs, slowWriteMs });
    opened.push(outbox);
    return outbox;
  };
  return { remote, network, open };
}

async function load(store: ReviewStore): Promise<ReviewSnapshot> {
  const loaded = await store.loadReview(GUIDE_REVIEW_ID);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value;
}

const noteFor = (snapshot: ReviewSnapshot, step: StepNote['step']) =>
  snapshot.stepNotes.find((note) => note.conversationId === GUIDE_CONVERSATION_ID && note.step === step);

describe('offline outbox in front of a remote store', () => {
  it('queues notes written while the store is unreachable, survives a reload, and sends them in order when it returns', async () => {
    const { remote, network, open } = await setUp();
    const outbox = open();
    const service = testService(outbox, 'a');
    await load(outbox); // cached while online

    network.down = true;
    const created = await service.addRecord('stepNote', GUIDE_REVIEW_ID, { conversationId: GUIDE_CONVERSATION_ID, step: '2', text: 'First line', checked: [] });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    expect(created.value.version).toBe(1);
    const second = await service.saveRecord('stepNote', { ...created.value, text: 'First line\nSecond line' });
    if (!second.ok) throw new Error(JSON.stringify(second.error));
    expect(second.value.version).toBe(2);
    const third = await service.saveRecord('stepNote', { ...second.value, text: 'First line\nSecond line\nThird line' });
    expect(third.ok && third.value.version).toBe(3);
    expect(outbox.state()).toMatchObject({ pending: 3, online: false });
    expect(noteFor(await load(remote), '2')).toBeUndefined();

    // Reload the page during the outage: a new outbox over the same databases.
    outbox.close();
    const reloaded = open();
    const offlineView = await load(reloaded);
    expect(noteFor(offlineView, '2')).toMatchObject({ text: 'First line\nSecond line\nThird line', version: 3 });
    expect(reloaded.state().pending).toBe(3);

    network.down = false;
    await reloaded.syncNow();
    expect(reloaded.state()).toMatchObject({ pending: 0, online: true, conflicts: [] });
    // Versions on this device and in the store agree, so the next save is not a false conflict.
    expect(noteFor(await load(remote), '2')).toMatchObject({ text: 'First line\nSecond line\nThird line', version: 3 });
    const after = await testService(reloaded, 'b').saveRecord('stepNote', { ...noteFor(offlineView, '2')!, text: 'Online again' });
    expect(after.ok && after.value.version).toBe(4);
  });

  it('serves the cached review with online saves applied when a reload happens during an outage', async () => {
    const { network, open } = await setUp();
    const outbox = open();
    const service = testService(outbox, 'a');
    const before = await load(outbox);
    const conversation = before.conversations.find((candidate) => candidate.id === GUIDE_CONVERSATION_ID)!;
    const saved = await service.saveRecord('conversation', { ...conversation, followUpNeeded: true });
    expect(saved.ok).toBe(true);
    network.down = true;
    const reloaded = open();
    const view = await load(reloaded);
    expect(view.conversations.find((candidate) => candidate.id === GUIDE_CONVERSATION_ID)?.followUpNeeded).toBe(true);
  });

  it('says plainly when it has never seen the review and the store is unreachable', async () => {
    const { network, open } = await setUp();
    network.down = true;
    const loaded = await open().loadReview(GUIDE_REVIEW_ID);
    expect(loaded.ok ? 'ok' : loaded.error.kind).toBe('unavailable');
  });

  it('turns a queued change that meets a newer version into a conflict, keeping base, mine and theirs', async () => {
    const { remote, network, open } = await setUp();
    const outbox = open();
    const mine = testService(outbox, 'a');
    const created = await mine.addRecord('stepNote', GUIDE_REVIEW_ID, { conversationId: GUIDE_CONVERSATION_ID, step: '4', text: 'Workload\nSupervision', checked: [] });
    if (!created.ok) throw new Error('create');

    network.down = true;
    const offlineEdit = await mine.saveRecord('stepNote', { ...created.value, text: 'Workload was very high\nSupervision' });
    expect(offlineEdit.ok).toBe(true);
    // Meanwhile the other facilitator, still connected, changes the same note.
    const theirs = await testService(remote, 'o').saveRecord('stepNote', { ...created.value, text: 'Workload\nSupervision was monthly' });
    expect(theirs.ok).toBe(true);

    network.down = false;
    await outbox.syncNow();
    const state = outbox.state();
    expect(state.pending).toBe(0);
    expect(state.conflicts).toHaveLength(1);
    const conflict = state.conflicts[0]!;
    expect(conflict).toMatchObject({ recordKind: 'stepNote', operation: 'update', failure: { kind: 'conflict' } });
    expect((conflict.base as StepNote).text).toBe('Workload\nSupervision');
    expect((conflict.mine as StepNote).text).toBe('Workload was very high\nSupervision');
    expect((conflict.theirs as StepNote).text).toBe('Workload\nSupervision was monthly');
    // Nothing was overwritten in the store.
    expect(noteFor(await load(remote), '4')?.text).toBe('Workload\nSupervision was monthly');

    // The guide settles it with a three-way merge; both changes end up stored.
    const merged = mergeText((conflict.base as StepNote).text, (conflict.mine as StepNote).text, (conflict.theirs as StepNote).text);
    const resolved = await outbox.resolveConflict(conflict.id, { keep: 'merged', record: { ...(conflict.theirs as StepNote), text: merged.text } });
    expect(resolved.ok).toBe(true);
    expect(outbox.state().conflicts).toEqual([]);
    expect(noteFor(await load(remote), '4')?.text).toBe('Workload was very high\nSupervision was monthly');
  });

  it('keeps the conflict after a reload, until someone settles it', async () => {
    const { remote, network, open } = await setUp();
    const outbox = open();
    await load(outbox); // cached while online
    network.down = true;
    const created = await testService(outbox, 'a').addRecord('stepNote', GUIDE_REVIEW_ID, { conversationId: GUIDE_CONVERSATION_ID, step: '9', text: 'Mine, offline', checked: [] }, 'note-fixed-9');
    expect(created.ok).toBe(true);
    // The same record id, created by the other facilitator while this one was offline.
    expect((await testService(remote, 'o').addRecord('stepNote', GUIDE_REVIEW_ID, { conversationId: GUIDE_CONVERSATION_ID, step: '9', text: 'Theirs, online', checked: [] }, 'note-fixed-9')).ok).toBe(true);
    network.down = false;
    await outbox.syncNow();
    outbox.close();
    const reloaded = open();
    await reloaded.syncNow();
    const [conflict] = reloaded.state().conflicts;
    expect(conflict).toMatchObject({ operation: 'create', failure: { kind: 'alreadyExists' } });
    expect((conflict?.mine as StepNote).text).toBe('Mine, offline');
    expect((conflict?.theirs as StepNote).text).toBe('Theirs, online');
    expect((await reloaded.resolveConflict(conflict!.id, { keep: 'theirs' })).ok).toBe(true);
    expect(reloaded.state().conflicts).toEqual([]);
  });

  it('serves the cached review when the store is slow to answer, and says when the real answer lands', async () => {
    const { network, open } = await setUp();
    const outbox = open(50);
    const first = await load(outbox);
    let notified = 0;
    outbox.watchReview(GUIDE_REVIEW_ID, () => notified++);
    network.loadDelayMs = 400;
    const started = Date.now();
    const served = await load(outbox);
    expect(Date.now() - started).toBeLessThan(350);
    expect(served.review.codename).toBe(first.review.codename);
    await expect.poll(() => notified, { timeout: 2_000 }).toBeGreaterThan(0);
  });

  it('answers a slow write from the queue, sends it in the background, and turns a late refusal into a conflict', async () => {
    const { remote, network, open } = await setUp();
    const outbox = open(10_000, 50);
    const service = testService(outbox, 'a');
    const created = await service.addRecord('stepNote', GUIDE_REVIEW_ID, { conversationId: GUIDE_CONVERSATION_ID, step: '6', text: 'One', checked: [] });
    if (!created.ok) throw new Error('create');
    network.writeDelayMs = 300;
    const started = Date.now();
    const slow = await service.saveRecord('stepNote', { ...created.value, text: 'One\nTwo' });
    expect(Date.now() - started).toBeLessThan(250);
    expect(slow.ok && slow.value.version).toBe(2);
    expect(outbox.state().pending).toBe(1);
    await expect.poll(() => outbox.state().pending, { timeout: 3_000 }).toBe(0);
    expect(noteFor(await load(remote), '6')).toMatchObject({ text: 'One\nTwo', version: 2 });

    // A slow write that the store then refuses: the caller has moved on, so it waits for the person.
    // Written to the outbox itself: the review session would see the copy is old and refuse it before it got here.
    const stale = await outbox.updateRecord('stepNote', { ...created.value, text: 'From an old copy' });
    expect(stale.ok).toBe(true);
    await expect.poll(() => outbox.state().conflicts.length, { timeout: 3_000 }).toBe(1);
    expect((outbox.state().conflicts[0]?.mine as StepNote).text).toBe('From an old copy');
    expect(noteFor(await load(remote), '6')?.text).toBe('One\nTwo');
  });

  it('treats a queued write the store already holds (its answer was lost) as sent, not as a conflict', async () => {
    const { remote, network, open } = await setUp();
    const outbox = open();
    const service = testService(outbox, 'a');
    const created = await service.addRecord('stepNote', GUIDE_REVIEW_ID, { conversationId: GUIDE_CONVERSATION_ID, step: '5', text: 'Before', checked: [] });
    if (!created.ok) throw new Error('create');
    network.losingAnswers = true;
    const saved = await service.saveRecord('stepNote', { ...created.value, text: 'After' });
    expect(saved.ok).toBe(true);
    expect(outbox.state().pending).toBe(1);
    network.losingAnswers = false;
    await outbox.syncNow();
    expect(outbox.state()).toMatchObject({ pending: 0, conflicts: [] });
    expect(noteFor(await load(remote), '5')?.text).toBe('After');
  });

  it('passes a refusal that retrying will not change straight back, queueing nothing', async () => {
    const { network, open } = await setUp();
    const outbox = open();
    network.refusing = true;
    const refused = await testService(outbox, 'a').addRecord('stepNote', GUIDE_REVIEW_ID, { conversationId: GUIDE_CONVERSATION_ID, step: '3b', text: 'x', checked: [] });
    expect(refused.ok ? 'ok' : refused.error).toMatchObject({ kind: 'unavailable', retryable: false });
    expect(outbox.state()).toMatchObject({ pending: 0, online: true });
  });

  it('refuses a stale write locally while offline, as the store would', async () => {
    const { network, open } = await setUp();
    const outbox = open();
    const service = testService(outbox, 'a');
    const snapshot = await load(outbox);
    const conversation = snapshot.conversations.find((candidate) => candidate.id === GUIDE_CONVERSATION_ID)!;
    network.down = true;
    expect((await service.saveRecord('conversation', { ...conversation, followUpNote: 'first' })).ok).toBe(true);
    const stale = await service.saveRecord('conversation', { ...conversation, followUpNote: 'second, from an old copy' });
    expect(stale.ok ? 'ok' : stale.error.kind).toBe('conflict');
    expect(outbox.state().pending).toBe(1);
  });

  it('tells watchers when queued changes are written and sent, and stops calling the store while it is down', async () => {
    const { network } = await setUp();
    const outbox = new OutboxReviewStore(network, { databaseName: `outbox-backoff-${++counter}`, retryIntervalMs: 60_000, autoRetry: false });
    opened.push(outbox);
    await load(outbox);
    let notified = 0;
    const stop = outbox.watchReview(GUIDE_REVIEW_ID, () => notified++);
    network.down = true;
    const service = testService(outbox, 'a');
    expect((await service.addRecord('stepNote', GUIDE_REVIEW_ID, { conversationId: GUIDE_CONVERSATION_ID, step: '5', text: 'a', checked: [] })).ok).toBe(true);
    const callsWhenDown = network.calls;
    expect((await service.addRecord('stepNote', GUIDE_REVIEW_ID, { conversationId: GUIDE_CONVERSATION_ID, step: '7', text: 'b', checked: [] })).ok).toBe(true);
    expect(network.calls).toBe(callsWhenDown);
    expect(notified).toBeGreaterThanOrEqual(2);
    network.down = false;
    await outbox.syncNow();
    expect(outbox.state().pending).toBe(0);
    stop();
  });
});

// Online, the outbox must be invisible: the whole ReviewStore contract holds through it.
let contractCounter = 0;
describeReviewStoreContract('Outbox over Dexie (online)', async () => {
  const name = `outbox-contract-${++contractCounter}`;
  const remote = new DexieReviewStore(`${name}-remote`);
  const outbox = new OutboxReviewStore(remote, { databaseName: `${name}-outbox`, autoRetry: false });
  const others: DexieReviewStore[] = [];
  return {
    store: outbox,
    otherWriter: async () => {
      const other = new DexieReviewStore(`${name}-remote`);
      others.push(other);
      return other;
    },
    cleanup: async () => {
      outbox.close();
      remote.close();
      others.forEach((other) => other.close());
    },
  };
});
