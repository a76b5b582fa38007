// FICTIONAL test data: every name and agency here is invented.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import type { ReviewService } from '../../src/app/review-service';
import type { Review } from '../../src/domain/model';
import { FICTIONAL_AGENCIES, createTestReview, testService } from '../fixtures/builders';

/** The rules in src/domain/rules guard every save through the service, whichever screen or tool makes it. */
describe('ReviewService applies the review rules', () => {
  let store: DexieReviewStore;
  let service: ReviewService;
  let review: Review;
  const [socialCare, health] = FICTIONAL_AGENCIES as [(typeof FICTIONAL_AGENCIES)[number], (typeof FICTIONAL_AGENCIES)[number]];

  beforeEach(async () => {
    store = new DexieReviewStore(`rules-${Math.random()}`);
    service = testService(store, 'r');
    review = await createTestReview(service);
  });
  afterEach(() => store.close());

  const participant = (realName: string, reportLabel: string, agencyId: string | null = socialCare.id) => ({
    kind: agencyId === null ? ('familyMember' as const) : ('practitioner' as const),
    agencyId: agencyId as never,
    realName,
    reportLabel,
    introductionLetter: { status: 'notSent' as const, on: null },
  });

  it('refuses a duplicate participant (same real name and agency) and stores nothing', async () => {
    expect((await service.addRecord('participant', review.id, participant('Alex Fenwick', 'Social worker 1'))).ok).toBe(true);
    const duplicate = await service.addRecord('participant', review.id, participant('ALEX  fenwick', 'Social worker 2'));
    expect(duplicate.ok).toBe(false);
    if (!duplicate.ok) {
      expect(duplicate.error.kind).toBe('invalid');
      expect(duplicate.error.kind === 'invalid' && duplicate.error.issues.map((issue) => issue.path)).toEqual(['realName']);
    }
    const loaded = await service.loadReview(review.id);
    expect(loaded.ok && loaded.value.participants.map((each) => each.reportLabel)).toEqual(['Social worker 1']);
    expect((await service.addRecord('participant', review.id, participant('Alex Fenwick', 'Health visitor', health.id))).ok).toBe(true);
  });

  it('refuses an edit that would make a participant a duplicate, keeping the stored version', async () => {
    await service.addRecord('participant', review.id, participant('Alex Fenwick', 'Social worker 1'));
    const second = await service.addRecord('participant', review.id, participant('Jo Marsh', 'Social worker 2'));
    if (!second.ok) throw new Error('setup');
    const saved = await service.saveRecord('participant', { ...second.value, realName: 'Alex Fenwick' });
    expect(saved.ok).toBe(false);
    const loaded = await service.loadReview(review.id);
    expect(loaded.ok && loaded.value.participants.find((each) => each.id === second.value.id)?.realName).toBe('Jo Marsh');
  });

  it('refuses a document whose covered period is wholly outside the period under review', async () => {
    const outside = await service.addRecord('document', review.id, {
      agencyId: socialCare.id,
      title: 'Old file',
      recordType: 'Case file',
      coveredPeriod: { from: '2023-01-01', to: '2024-06-30' },
    });
    expect(!outside.ok && outside.error.kind === 'invalid' && outside.error.issues).toEqual([
      { path: 'coveredPeriod.to', message: 'the record ends on 30 June 2024, before the period under review (1 January 2025 to 31 December 2025) begins' },
    ]);
    const overlapping = await service.addRecord('document', review.id, {
      agencyId: socialCare.id,
      title: 'Running file',
      recordType: 'Case file',
      coveredPeriod: { from: '2024-06-01', to: '2025-03-31' },
    });
    expect(overlapping.ok).toBe(true);
  });

  it('refuses a conversation dated before the period under review', async () => {
    const person = await service.addRecord('participant', review.id, participant('Jo Marsh', 'Mother', null));
    if (!person.ok) throw new Error('setup');
    const early = await service.addRecord('conversation', review.id, {
      participantId: person.value.id,
      leadQuestionerId: null,
      leadNoteTakerId: null,
      status: 'scheduled',
      scheduledStart: '2024-11-01T10:00:00.000Z',
    });
    expect(!early.ok && early.error.kind === 'invalid' && early.error.issues.map((issue) => issue.path)).toEqual(['scheduledStart']);
  });

  it('will not remove a participant a conversation refers to, nor an agency still in use', async () => {
    const person = await service.addRecord('participant', review.id, participant('Jo Marsh', 'Social worker'));
    if (!person.ok) throw new Error('setup');
    const conversation = await service.addRecord('conversation', review.id, { participantId: person.value.id, leadQuestionerId: null, leadNoteTakerId: null, status: 'toArrange' });
    expect(conversation.ok).toBe(true);
    const removed = await service.removeRecord('participant', person.value);
    expect(!removed.ok && removed.error).toEqual({ kind: 'blocked', what: 'Removing this participant', reasons: ['their conversation (to arrange) refers to it'] });

    const latest = await service.loadReview(review.id);
    if (!latest.ok) throw new Error('setup');
    const withoutAgency = await service.updateReview(latest.value.review, { agencies: [health] });
    expect(!withoutAgency.ok && withoutAgency.error.kind === 'invalid' && withoutAgency.error.issues.map((issue) => issue.message)).toEqual([
      'Children’s Social Care (fictional) cannot be removed: participants or documents in this review belong to it',
    ]);
    const withoutUnused = await service.updateReview(latest.value.review, { agencies: [socialCare, health] });
    expect(withoutUnused.ok).toBe(true);
  });
});
