// FICTIONAL test data: every name and agency here is invented.
import { describe, expect, it } from 'vitest';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { describeFailure } from '../../src/app/failure-messages';
import type { ReviewService } from '../../src/app/review-service';
import type { ReviewId } from '../../src/domain/ids';
import type { Failure } from '../../src/domain/failures';
import type { Result } from '../../src/domain/result';
import { FICTIONAL_AGENCIES, createTestReview, testService } from '../fixtures/builders';

let database = 0;

function value<T>(result: Result<T, Failure>): T {
  if (!result.ok) throw new Error(describeFailure(result.error));
  return result.value;
}

async function reviewWithAConversation(): Promise<{ service: ReviewService; reviewId: ReviewId; conversationId: string; participantId: string }> {
  const service = testService(new DexieReviewStore(`analysis-rules-${++database}`), `a${database}`);
  const review = await createTestReview(service, 'Heron');
  const participant = value(
    await service.addRecord('participant', review.id, {
      kind: 'practitioner',
      agencyId: FICTIONAL_AGENCIES[0]!.id,
      roleTitle: 'Social worker',
      realName: 'Sam Invented',
      reportLabel: 'Social worker 1',
      introductionLetter: { status: 'notSent', on: null },
    }),
  );
  const conversation = value(
    await service.addRecord('conversation', review.id, { participantId: participant.id, leadQuestionerId: null, leadNoteTakerId: null, status: 'held' }),
  );
  return { service, reviewId: review.id, conversationId: conversation.id, participantId: participant.id };
}

describe('analysis rules in the review service', () => {
  it('refuses a narrative entry dated outside the period under review, naming the field', async () => {
    const { service, reviewId, conversationId, participantId } = await reviewWithAConversation();
    const entry = {
      kind: 'account' as const,
      perspective: { of: 'participant' as const, participantId },
      source: { kind: 'conversation' as const, conversationId },
      period: { from: '2024-11-30', to: null },
      text: 'An account (fictional).',
    };
    const refused = await service.addRecord('narrativeEntry', reviewId, entry);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(describeFailure(refused.error)).toBe(
      'Narrative entry was not saved: period.from: the start date 30 November 2024 is before the period under review (1 January 2025 to 31 December 2025).',
    );
    const stored = value(await service.addRecord('narrativeEntry', reviewId, { ...entry, period: { from: '2025-02-01', to: null } }));
    // Moving a stored entry out of the period is refused too; what was stored stays.
    const moved = await service.saveRecord('narrativeEntry', { ...stored, period: { from: '2025-02-01', to: '2026-01-02' } });
    expect(moved.ok).toBe(false);
    expect(value(await service.loadReview(reviewId)).narrative.map((item) => item.period)).toEqual([{ from: '2025-02-01', to: null }]);
  });

  it('keeps an entry, episode or pattern while other analysis points at it', async () => {
    const { service, reviewId, conversationId, participantId } = await reviewWithAConversation();
    const entry = value(
      await service.addRecord('narrativeEntry', reviewId, {
        kind: 'account',
        perspective: { of: 'participant', participantId },
        source: { kind: 'conversation', conversationId },
        period: { from: '2025-02-01', to: null },
        text: 'An account (fictional).',
      }),
    );
    const episode = value(
      await service.addRecord('episode', reviewId, {
        title: 'Home visit (fictional)',
        period: { from: '2025-02-01', to: null },
        description: 'A visit.',
        narrativeEntryIds: [entry.id],
      }),
    );
    const pattern = value(
      await service.addRecord('pattern', reviewId, {
        category: 6,
        subPatternId: '6.failure-to-review',
        statement: 'Plans are rarely revisited.',
        influence: 'makesProblematicPracticeMoreLikely',
        episodeIds: [episode.id],
      }),
    );
    const recommendation = value(
      await service.addRecord('recommendation', reviewId, {
        kind: 'needsJudgement',
        level: 'local',
        addressee: 'LSCB (fictional)',
        text: 'Make time to revisit plans.',
        patternIds: [pattern.id],
      }),
    );

    const messages = async (kind: 'narrativeEntry' | 'episode' | 'pattern', record: { reviewId: ReviewId; id: string; version: number }) => {
      const removed = await service.removeRecord(kind, record);
      return removed.ok ? 'removed' : describeFailure(removed.error);
    };
    expect(await messages('narrativeEntry', entry)).toBe(
      'Removing this narrative entry cannot go ahead yet: the episode “Home visit (fictional)” refers to it.',
    );
    expect(await messages('episode', episode)).toBe(
      'Removing this key practice episode cannot go ahead yet: the pattern “Failure to review judgements and plans” refers to it.',
    );
    expect(await messages('pattern', pattern)).toBe(
      'Removing this pattern cannot go ahead yet: the recommendation “Make time to revisit plans.” refers to it.',
    );

    // Unlinked from the end of the chain backwards, each can go.
    value(await service.removeRecord('recommendation', recommendation));
    expect(await messages('pattern', pattern)).toBe('removed');
    expect(await messages('episode', episode)).toBe('removed');
    expect(await messages('narrativeEntry', entry)).toBe('removed');
  });
});
