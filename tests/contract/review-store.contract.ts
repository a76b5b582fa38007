import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import type { ReviewStore } from '../../src/ports/review-store';
import type { ReviewService } from '../../src/app/review-service';
import { asId, type ReviewId } from '../../src/domain/ids';
import type { Participant, Review } from '../../src/domain/model';
import { createTestReview, testService } from '../fixtures/builders';

export interface StoreUnderTest {
  readonly store: ReviewStore;
  /** A second handle on the same data, as another tab or another user would have. */
  readonly otherWriter: () => Promise<ReviewStore>;
  readonly cleanup: () => Promise<void>;
}

async function addParticipant(service: ReviewService, review: Review, realName = 'Jo Fictional'): Promise<Participant> {
  const added = await service.addRecord('participant', review.id, {
    kind: 'practitioner',
    agencyId: review.agencies[0]?.id ?? null,
    roleTitle: 'Social worker',
    realName,
    reportLabel: 'Social worker 1',
    introductionLetter: { status: 'notSent', on: null },
  });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  return added.value;
}

/** The behaviour every ReviewStore adapter must show. Run it against each adapter. */
export function describeReviewStoreContract(adapterName: string, open: () => Promise<StoreUnderTest>): void {
  describe(`ReviewStore contract: ${adapterName}`, () => {
    let subject: StoreUnderTest;
    let service: ReviewService;

    beforeEach(async () => {
      subject = await open();
      service = testService(subject.store);
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    it('creates a review at version 1 and lists it without identifying detail', async () => {
      const review = await createTestReview(service);
      expect(review.version).toBe(1);
      const listed = await subject.store.listReviews();
      expect(listed.ok && listed.value.map((summary) => summary.codename)).toEqual(['Kestrel']);
      expect(listed.ok && Object.keys(listed.value[0] ?? {})).not.toContain('questions');
    });

    it('refuses a second review with the same id', async () => {
      const review = await createTestReview(service);
      const again = await subject.store.createReview(review);
      expect(again.ok ? 'ok' : again.error.kind).toBe('alreadyExists');
    });

    it('loads a whole review in one call, with every kind of record', async () => {
      const review = await createTestReview(service);
      const participant = await addParticipant(service, review);
      const team = await service.addRecord('teamMember', review.id, { name: 'Alex Example', role: 'facilitator' });
      expect(team.ok ? 'ok' : team.error).toBe('ok');
      const conversation = await service.addRecord('conversation', review.id, {
        participantId: participant.id,
        leadQuestionerId: null,
        leadNoteTakerId: null,
        status: 'toArrange',
      });
      expect(conversation.ok ? 'ok' : conversation.error).toBe('ok');
      const loaded = await subject.store.loadReview(review.id);
      if (!loaded.ok) throw new Error(loaded.error.kind);
      expect(loaded.value.review.codename).toBe('Kestrel');
      expect(loaded.value.participants.map((p) => p.realName)).toEqual(['Jo Fictional']);
      expect(loaded.value.teamMembers).toHaveLength(1);
      expect(loaded.value.conversations).toHaveLength(1);
      expect(loaded.value.episodes).toEqual([]);
    });

    it('reports a missing review as notFound', async () => {
      const loaded = await subject.store.loadReview(asId<ReviewId>('rev-missing'));
      expect(loaded.ok ? 'ok' : loaded.error.kind).toBe('notFound');
    });

    it('updates a record and bumps its version', async () => {
      const review = await createTestReview(service);
      const participant = await addParticipant(service, review);
      const saved = await service.saveRecord('participant', { ...participant, roleTitle: 'Senior social worker' });
      if (!saved.ok) throw new Error(saved.error.kind);
      expect(saved.value.version).toBe(2);
      const loaded = await subject.store.loadReview(review.id);
      expect(loaded.ok && loaded.value.participants[0]?.roleTitle).toBe('Senior social worker');
    });

    it('turns a stale version into a conflict carrying the current record, and overwrites nothing', async () => {
      const review = await createTestReview(service);
      const participant = await addParticipant(service, review);
      const first = await service.saveRecord('participant', { ...participant, roleTitle: 'First writer' });
      expect(first.ok).toBe(true);
      const stale = await service.saveRecord('participant', { ...participant, roleTitle: 'Second writer' });
      expect(stale.ok).toBe(false);
      if (stale.ok) return;
      expect(stale.error.kind).toBe('conflict');
      if (stale.error.kind !== 'conflict') return;
      expect((stale.error.current as Participant | null)?.roleTitle).toBe('First writer');
      const loaded = await subject.store.loadReview(review.id);
      expect(loaded.ok && loaded.value.participants[0]?.roleTitle).toBe('First writer');
    });

    it('detects a conflict between two writers on separate handles', async () => {
      const review = await createTestReview(service);
      const participant = await addParticipant(service, review);
      const other = testService(await subject.otherWriter(), 'o');
      const otherSaved = await other.saveRecord('participant', { ...participant, significance: 'key' });
      expect(otherSaved.ok).toBe(true);
      const mine = await subject.store.updateRecord('participant', { ...participant, significance: 'peripheral' });
      expect(mine.ok ? 'ok' : mine.error.kind).toBe('conflict');
    });

    it('guards review updates with the same concurrency rule', async () => {
      const review = await createTestReview(service);
      const renamed = await service.updateReview(review, { codename: 'Merlin' });
      expect(renamed.ok && renamed.value.version).toBe(2);
      const stale = await service.updateReview(review, { codename: 'Harrier' });
      expect(stale.ok ? 'ok' : stale.error.kind).toBe('conflict');
      const loaded = await subject.store.loadReview(review.id);
      expect(loaded.ok && loaded.value.review.codename).toBe('Merlin');
    });

    it('deletes a record only at the expected version', async () => {
      const review = await createTestReview(service);
      const participant = await addParticipant(service, review);
      const wrong = await subject.store.deleteRecord('participant', review.id, participant.id, participant.version + 5);
      expect(wrong.ok ? 'ok' : wrong.error.kind).toBe('conflict');
      const right = await subject.store.deleteRecord('participant', review.id, participant.id, participant.version);
      expect(right.ok).toBe(true);
      const loaded = await subject.store.loadReview(review.id);
      expect(loaded.ok && loaded.value.participants).toEqual([]);
    });

    it('refuses a record for a review that does not exist', async () => {
      const review = await createTestReview(service);
      const ghost = await service.addRecord('teamMember', asId<ReviewId>('rev-ghost'), { name: 'Nobody', role: 'observer' });
      expect(ghost.ok ? 'ok' : ghost.error.kind).toBe('notFound');
      const loaded = await subject.store.loadReview(review.id);
      expect(loaded.ok && loaded.value.teamMembers).toEqual([]);
    });

    it('imports a snapshot all or nothing, and refuses to overwrite without replace', async () => {
      const review = await createTestReview(service);
      await addParticipant(service, review);
      const loaded = await subject.store.loadReview(review.id);
      if (!loaded.ok) throw new Error('load failed');
      const refused = await subject.store.importSnapshot(loaded.value, { replace: false });
      expect(refused.ok ? 'ok' : refused.error.kind).toBe('alreadyExists');
      const copy = { ...loaded.value, review: { ...loaded.value.review, id: asId<ReviewId>('rev-copy'), codename: 'Copy' } };
      copy.participants = copy.participants.map((p) => ({ ...p, reviewId: copy.review.id }));
      const imported = await subject.store.importSnapshot(copy, { replace: false });
      expect(imported.ok && imported.value.codename).toBe('Copy');
      const reloaded = await subject.store.loadReview(copy.review.id);
      expect(reloaded.ok && reloaded.value.participants).toHaveLength(1);
    });

    it('deletes a whole review with its records', async () => {
      const review = await createTestReview(service);
      await addParticipant(service, review);
      expect((await subject.store.deleteReview(review.id)).ok).toBe(true);
      const loaded = await subject.store.loadReview(review.id);
      expect(loaded.ok ? 'ok' : loaded.error.kind).toBe('notFound');
      const listed = await subject.store.listReviews();
      expect(listed.ok && listed.value).toEqual([]);
    });

    it('keeps reviews apart', async () => {
      const first = await createTestReview(service, 'Kestrel');
      const second = await createTestReview(service, 'Osprey');
      await addParticipant(service, first, 'Only In Kestrel');
      const loaded = await subject.store.loadReview(second.id);
      expect(loaded.ok && loaded.value.participants).toEqual([]);
    });
  });
}
