import { afterEach, describe, expect, it } from 'vitest';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { ConversationGuide } from '../../src/app/guide/conversation-guide';
import { describeFailure } from '../../src/app/failure-messages';
import { hasConflictMarkers } from '../../src/domain/guide/text-merge';
import type { Conversation, ReviewSnapshot, WrittenRecord } from '../../src/domain/model';
import { testService } from '../fixtures/builders';
import { GUIDE_CONVERSATION_ID, GUIDE_REVIEW_ID, guideFixture } from '../fixtures/guide-fixture';

let counter = 0;
const stores: DexieReviewStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

/** Two facilitators: two handles on one database, as two tabs of one browser have. */
async function twoFacilitators() {
  const name = `guide-${++counter}`;
  const first = new DexieReviewStore(name);
  const second = new DexieReviewStore(name);
  stores.push(first, second);
  expect((await first.importSnapshot(guideFixture(), { replace: false })).ok).toBe(true);
  const guideFor = async (store: DexieReviewStore, tag: string) => {
    const service = testService(store, tag);
    const session = await service.openSession(GUIDE_REVIEW_ID);
    if (!session.ok) throw new Error(describeFailure(session.error));
    return { service, session: session.value, guide: new ConversationGuide(session.value) };
  };
  return { alex: await guideFor(first, 'a'), sam: await guideFor(second, 's') };
}

async function snapshotOf(service: ReturnType<typeof testService>): Promise<ReviewSnapshot> {
  const loaded = await service.loadReview(GUIDE_REVIEW_ID);
  if (!loaded.ok) throw new Error(describeFailure(loaded.error));
  return loaded.value;
}

const conversationIn = (snapshot: ReviewSnapshot): Conversation => snapshot.conversations.find((candidate) => candidate.id === GUIDE_CONVERSATION_ID)!;
const noteIn = (snapshot: ReviewSnapshot, step: string) => snapshot.stepNotes.find((note) => note.conversationId === GUIDE_CONVERSATION_ID && note.step === step);

describe('conversation guide use cases', () => {
  it('merges two facilitators starting the same step at once, keeping both texts and reporting the conflict', async () => {
    const { alex, sam } = await twoFacilitators();
    const edit = { reviewId: GUIDE_REVIEW_ID, conversationId: GUIDE_CONVERSATION_ID, step: '2' as const, base: null, checked: [] };
    const first = await alex.guide.saveStepNote({ ...edit, text: 'Alex: picked up the case in March' });
    const second = await sam.guide.saveStepNote({ ...edit, text: 'Sam: visited twice that month' });
    expect(first.ok && first.value).toMatchObject({ conflicts: 0, merged: false });
    expect(second.ok && second.value).toMatchObject({ conflicts: 1, merged: true });
    const stored = noteIn(await snapshotOf(alex.service), '2')!;
    expect(stored.text).toContain('Alex: picked up the case in March');
    expect(stored.text).toContain('Sam: visited twice that month');
    expect(hasConflictMarkers(stored.text)).toBe(true);
    expect((await snapshotOf(alex.service)).stepNotes.filter((note) => note.conversationId === GUIDE_CONVERSATION_ID && note.step === '2')).toHaveLength(1);
  });

  it('merges edits to different lines of the same step cleanly, and both facilitators’ checklist ticks', async () => {
    const { alex, sam } = await twoFacilitators();
    const created = await alex.guide.saveStepNote({ reviewId: GUIDE_REVIEW_ID, conversationId: GUIDE_CONVERSATION_ID, step: '1', base: null, text: 'Arrived on time\nHappy to be recorded', checked: [] });
    if (!created.ok) throw new Error('create');
    const base = created.value.record;
    const alexEdit = await alex.guide.saveStepNote({ reviewId: GUIDE_REVIEW_ID, conversationId: GUIDE_CONVERSATION_ID, step: '1', base, text: 'Arrived early\nHappy to be recorded', checked: ['purpose'] });
    const samEdit = await sam.guide.saveStepNote({ reviewId: GUIDE_REVIEW_ID, conversationId: GUIDE_CONVERSATION_ID, step: '1', base, text: 'Arrived on time\nHappy to be recorded\nAsked who reads the report', checked: ['confidentiality'] });
    expect(alexEdit.ok && alexEdit.value.conflicts).toBe(0);
    expect(samEdit.ok && samEdit.value).toMatchObject({ conflicts: 0, merged: true });
    const stored = noteIn(await snapshotOf(sam.service), '1')!;
    expect(stored.text).toBe('Arrived early\nHappy to be recorded\nAsked who reads the report');
    expect([...stored.checked].sort()).toEqual(['confidentiality', 'purpose']);
  });

  it('keeps both facilitators’ quick captures when they save from the same version', async () => {
    const { alex, sam } = await twoFacilitators();
    const stale = conversationIn(await snapshotOf(alex.service));
    const one = await alex.guide.captureItem(stale, 'wentWell', 'The daily handover meeting');
    const two = await sam.guide.captureItem(stale, 'wentWell', 'The school nurse’s phone call');
    const three = await sam.guide.setFactor(stale, 'conditions.workload', true);
    expect([one.ok, two.ok, three.ok]).toEqual([true, true, true]);
    const stored = conversationIn(await snapshotOf(alex.service));
    expect(stored.wentWell.map((item) => item.text)).toEqual(['The daily handover meeting', 'The school nurse’s phone call']);
    expect(stored.factorsRaised.map((factor) => factor.factorId)).toEqual(['conditions.workload']);
    const empty = await alex.guide.captureItem(stored, 'suggestedChanges', '   ');
    expect(!empty.ok && describeFailure(empty.error)).toBe('Suggested change was not saved: text: write what was said first.');
  });

  it('captures a turning point as an episode of this conversation and participant, with its factors', async () => {
    const { alex } = await twoFacilitators();
    const conversation = conversationIn(await snapshotOf(alex.service));
    const refused = await alex.guide.captureEpisode(conversation, { title: '', description: ' ', month: '', factorIds: [] });
    expect(!refused.ok && refused.error.kind === 'invalid' && refused.error.issues.map((issue) => issue.path)).toEqual(['description', 'month']);
    const captured = await alex.guide.captureEpisode(conversation, {
      title: '',
      description: 'Decided not to escalate after the second home visit because the mother engaged well',
      month: '2025-05',
      factorIds: ['family.willingness-to-engage', 'conditions.workload'],
    });
    if (!captured.ok) throw new Error(describeFailure(captured.error));
    expect(captured.value).toMatchObject({
      title: 'Decided not to escalate after the second home…',
      period: { from: '2025-05-01', to: '2025-05-31' },
      participantIds: ['par-jo'],
      raisedInConversationId: GUIDE_CONVERSATION_ID,
      judgement: null,
    });
    expect(captured.value.factors.map((tag) => tag.factorId)).toEqual(['family.willingness-to-engage', 'conditions.workload']);
    const stored = await snapshotOf(alex.service);
    expect(stored.episodes.some((episode) => episode.id === captured.value.id)).toBe(true);
    expect(conversationIn(stored).factorsRaised.map((factor) => factor.factorId).sort()).toEqual(['conditions.workload', 'family.willingness-to-engage']);
    const untagged = await alex.guide.setEpisodeFactor(captured.value, 'conditions.workload', false);
    expect(untagged.ok && untagged.value.factors.map((tag) => tag.factorId)).toEqual(['family.willingness-to-engage']);
  });

  it('never replaces a written record without confirmation', async () => {
    const { alex } = await twoFacilitators();
    const conversation = conversationIn(await snapshotOf(alex.service));
    const record: WrittenRecord = { kind: 'transcript', text: '[00:00:01] Jo: hello', fileName: 'a.vtt', cues: [], speakerMap: {}, importedAt: '2026-03-02T12:00:00.000Z', importedBy: 'Sam' };
    const first = await alex.guide.keepWrittenRecord(conversation, record, false);
    if (!first.ok) throw new Error(describeFailure(first.error));
    const second = await alex.guide.keepWrittenRecord(first.value, { ...record, text: 'replacement', fileName: 'b.vtt' }, false);
    expect(second.ok ? 'ok' : second.error.kind).toBe('blocked');
    expect(conversationIn(await snapshotOf(alex.service)).writtenRecord?.fileName).toBe('a.vtt');
    const confirmed = await alex.guide.keepWrittenRecord(first.value, { ...record, text: 'replacement', fileName: 'b.vtt' }, true);
    expect(confirmed.ok && confirmed.value.writtenRecord?.fileName).toBe('b.vtt');
  });

  it('records the recording’s destruction in the audit trail', async () => {
    const { alex } = await twoFacilitators();
    const conversation = conversationIn(await snapshotOf(alex.service));
    const held = await alex.guide.moveRecording(conversation, { to: 'held', at: '2026-03-02T11:00:00.000Z' }, 'Social worker 1');
    if (!held.ok) throw new Error(describeFailure(held.error));
    const destroyed = await alex.guide.moveRecording(held.value, { to: 'destroyed', at: '2026-03-03T09:00:00.000Z', by: 'Sam Notetaker (fictional)', how: 'Deleted from OneDrive and its recycle bin' }, 'Social worker 1');
    if (!destroyed.ok) throw new Error(describeFailure(destroyed.error));
    const stored = await snapshotOf(alex.service);
    expect(conversationIn(stored).recording).toMatchObject({ state: 'destroyed', destroyed: { by: 'Sam Notetaker (fictional)' } });
    expect(stored.audit.map((entry) => [entry.action, entry.summary])).toEqual([
      ['recordingDestruction', 'Recording of the conversation with Social worker 1 destroyed by Sam Notetaker (fictional) (Deleted from OneDrive and its recycle bin)'],
    ]);
    const again = await alex.guide.moveRecording(destroyed.value, { to: 'held', at: '2026-03-04T09:00:00.000Z' }, 'Social worker 1');
    expect(again.ok ? 'ok' : again.error.kind).toBe('blocked');
  });
});
