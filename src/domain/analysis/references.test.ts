// FICTIONAL test data.
import { describe, expect, it } from 'vitest';
import { asId, type ReviewId } from '../ids';
import { emptySnapshot, ReviewSchema, type ReviewSnapshot } from '../model';
import { analysisReferencesTo } from './references';

const stamps = { schemaVersion: 2 as const, version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: 'T', updatedBy: 'T' };
const reviewId = asId<ReviewId>('rev-1');

function snapshot(): ReviewSnapshot {
  const review = ReviewSchema.parse({
    ...stamps,
    id: reviewId,
    codename: 'Wren (fictional)',
    questions: ['A fictional question?'],
    trigger: 'other',
    periodUnderReview: { from: '2025-01-01', to: '2025-12-31' },
    agencies: [],
    phase: 'analysis',
  });
  const base = emptySnapshot(review);
  const child = { ...stamps, reviewId };
  return {
    ...base,
    narrative: [
      { ...child, id: asId('nar-1'), kind: 'account', perspective: { of: 'reviewTeam' }, source: { kind: 'reviewTeam' }, period: { from: '2025-01-02', to: null }, text: 'A', relatedEntryIds: [], involvesParticipantIds: [], resolved: false },
      { ...child, id: asId('nar-2'), kind: 'discrepancy', perspective: { of: 'reviewTeam' }, source: { kind: 'reviewTeam' }, period: { from: '2025-01-02', to: null }, text: 'Disputes A', relatedEntryIds: [asId('nar-1')], involvesParticipantIds: [], resolved: false },
    ],
    episodes: [
      { ...child, id: asId('kpe-1'), title: 'Visit', period: { from: '2025-01-02', to: null }, description: 'D', significance: '', judgement: null, judgementBreakdown: '', factors: [], narrativeEntryIds: [asId('nar-1')], participantIds: [], raisedInConversationId: null },
    ],
    patterns: [
      { ...child, id: asId('pat-1'), category: 6, subPatternId: '6.drift-into-failure', newSubPatternTitle: '', statement: 'S', influence: 'supportsGoodPractice', episodeIds: [asId('kpe-1')], factorTagIds: [], narrativeEntryIds: [], prioritisation: { widespread: null, contemporaryRelevance: null, rank: null, rationale: '', selected: false } },
    ],
    recommendations: [
      { ...child, id: asId('rec-1'), kind: 'clearCutLocal', level: 'local', addressee: 'LSCB', text: 'Do one thing', patternIds: [asId('pat-1')], tracking: { status: 'proposed', owner: '', evidence: '', dueOn: null, completedOn: null } },
    ],
  };
}

describe('what points at an analysis record', () => {
  it('finds discrepancies and episodes citing an entry, patterns citing an episode, recommendations citing a pattern', () => {
    const data = snapshot();
    expect(analysisReferencesTo(data, 'narrativeEntry', 'nar-1').map((reference) => reference.description)).toEqual(['the entry “Disputes A”', 'the episode “Visit”']);
    expect(analysisReferencesTo(data, 'episode', 'kpe-1').map((reference) => reference.description)).toEqual(['the pattern “Drift into failure”']);
    expect(analysisReferencesTo(data, 'pattern', 'pat-1').map((reference) => reference.id)).toEqual(['rec-1']);
    expect(analysisReferencesTo(data, 'narrativeEntry', 'nar-2')).toEqual([]);
    expect(analysisReferencesTo(data, 'recommendation', 'rec-1')).toEqual([]);
  });
});
