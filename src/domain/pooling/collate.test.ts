// Aggregations over pooled findings, on small hand-made (FICTIONAL) records whose counts are worked out by hand.
import { describe, expect, it } from 'vitest';
import { generatePooledFindings } from '../fixtures/pooled-fixture';
import { mulberry32 } from '../fixtures/prng';
import { ageBandOf, collate, contributingReviews, monthsBetween } from './collate';
import { pooledFindingsCsv, mergePooled, parsePooledFindings, pooledFindingsFile, serialisePooledFindings } from './exchange';
import { PooledReviewFindingsSchema, type PooledRecommendation, type PooledReviewFindings } from './pooled-findings';
import { areSimilar, findSimilarRecommendations } from './similarity';

const recommendation = (overrides: Partial<PooledRecommendation> = {}): PooledRecommendation => ({
  kind: 'clearCutLocal',
  level: 'local',
  status: 'agreed',
  ownerType: 'childrensSocialCare',
  madeIn: '2025-01',
  completedIn: null,
  terms: ['information', 'sharing', 'threshold'],
  patternCategories: [3],
  subPatternIds: [],
  ...overrides,
});

const record = (overrides: Partial<PooledReviewFindings>): PooledReviewFindings => ({
  schemaVersion: 1,
  source: 'north-lscb',
  reviewKey: 'rk-0000000000000001',
  pooledOn: '2025-06-01',
  trigger: 'seriousHarm',
  year: 2024,
  fictional: false,
  agencyTypes: ['childrensSocialCare', 'health'],
  patterns: [],
  episodes: [],
  recommendations: [],
  ...overrides,
});

const A = record({
  reviewKey: 'rk-000000000000000a',
  patterns: [
    {
      category: 2,
      subPatternId: '2.supervision',
      influence: 'makesProblematicPracticeMoreLikely',
      widespread: 'high',
      contemporaryRelevance: 'high',
      rank: 1,
      selected: true,
      episodeCount: 3,
    },
    {
      category: 2,
      subPatternId: '2.supervision',
      influence: 'supportsGoodPractice',
      widespread: null,
      contemporaryRelevance: null,
      rank: null,
      selected: false,
      episodeCount: 1,
    },
    {
      category: 5,
      subPatternId: null,
      influence: 'makesProblematicPracticeMoreLikely',
      widespread: 'low',
      contemporaryRelevance: 'medium',
      rank: 2,
      selected: true,
      episodeCount: 2,
    },
  ],
  episodes: [
    { judgement: 'problematic', factorIds: ['ownTeam.supervision', 'conditions.workload'] },
    { judgement: 'good', factorIds: ['ownTeam.supervision'] },
    { judgement: null, factorIds: [] },
  ],
  recommendations: [
    recommendation({ madeIn: '2024-01' }),
    recommendation({ kind: 'needsResearch', level: 'national', status: 'implemented', completedIn: '2025-02' }),
  ],
});
const B = record({
  reviewKey: 'rk-000000000000000b',
  source: 'south-lscb',
  trigger: 'routinePractice',
  year: 2025,
  agencyTypes: ['police'],
  patterns: [
    {
      category: 2,
      subPatternId: '2.supervision',
      influence: 'makesProblematicPracticeMoreLikely',
      widespread: 'medium',
      contemporaryRelevance: 'high',
      rank: 1,
      selected: true,
      episodeCount: 2,
    },
  ],
  episodes: [{ judgement: 'problematic', factorIds: ['organisational.thresholds', 'ownTeam.supervision'] }],
  recommendations: [recommendation({ madeIn: '2025-09', ownerType: 'police', terms: ['information', 'sharing', 'threshold', 'training'] })],
});

describe('collating pooled findings', () => {
  it('the hand-made records are valid pooled records', () => {
    for (const each of [A, B]) expect(PooledReviewFindingsSchema.safeParse(each).success).toBe(true);
  });

  it('counts patterns, sub-patterns, factors, judgements and recommendations', () => {
    const summary = collate([A, B], {}, '2026-03-29');
    expect(summary.reviews).toBe(2);
    expect(summary.sources).toEqual(['north-lscb', 'south-lscb']);
    expect(summary.years).toEqual({ from: 2024, to: 2025 });
    expect(summary.patternCategories.find((row) => row.category === 2)).toEqual({
      category: 2,
      patterns: 3,
      reviews: 2,
      supportsGoodPractice: 1,
      makesProblematicPracticeMoreLikely: 2,
      selected: 2,
    });
    expect(summary.subPatterns[0]).toEqual({ subPatternId: '2.supervision', category: 2, patterns: 3, reviews: 2, selected: 2 });
    expect(summary.subPatterns).toContainEqual({ subPatternId: null, category: 5, patterns: 1, reviews: 1, selected: 1 });
    expect(summary.factorLevels).toEqual([
      { level: 'frontLine', tags: 4, reviews: 2 },
      { level: 'localStrategic', tags: 1, reviews: 1 },
      { level: 'national', tags: 0, reviews: 0 },
    ]);
    expect(summary.factorTypes.find((row) => row.typeId === 'ownTeam')).toEqual({
      typeId: 'ownTeam',
      level: 'frontLine',
      tags: 3,
      reviews: 2,
      inGoodEpisodes: 1,
      inProblematicEpisodes: 2,
    });
    expect(summary.topFactors[0]).toEqual({ factorId: 'ownTeam.supervision', typeId: 'ownTeam', tags: 3, reviews: 2 });
    expect(summary.episodes).toEqual({ good: 1, problematic: 2, mixed: 0, unclear: 0, notJudged: 1, total: 4 });
    expect(summary.recommendationKinds.find((row) => row.kind === 'clearCutLocal')?.count).toBe(2);
    expect(summary.recommendationKinds.find((row) => row.kind === 'needsResearch')?.byStatus.implemented).toBe(1);
    expect(summary.recommendationLevels).toEqual([
      { level: 'local', count: 2 },
      { level: 'regional', count: 0 },
      { level: 'national', count: 1 },
    ]);
  });

  it('groups open recommendations by owner and age', () => {
    const summary = collate([A, B], {}, '2026-03-29');
    expect(summary.openByOwner).toEqual([
      { ownerType: 'childrensSocialCare', open: 1, byAge: { underSixMonths: 0, sixToTwelveMonths: 0, oneToTwoYears: 0, overTwoYears: 1 }, oldestMonths: 26 },
      { ownerType: 'police', open: 1, byAge: { underSixMonths: 0, sixToTwelveMonths: 1, oneToTwoYears: 0, overTwoYears: 0 }, oldestMonths: 6 },
    ]);
    expect(monthsBetween('2025-10', '2026-03-29')).toBe(5);
    expect([5, 6, 12, 24].map(ageBandOf)).toEqual(['underSixMonths', 'sixToTwelveMonths', 'oneToTwoYears', 'overTwoYears']);
  });

  it('filters by period, trigger and agency type, and drills down to the contributing reviews', () => {
    expect(collate([A, B], { fromYear: 2025 }, '2026-03-29').reviews).toBe(1);
    expect(collate([A, B], { triggers: ['seriousHarm'] }, '2026-03-29').reviews).toBe(1);
    expect(collate([A, B], { agencyTypes: ['police'] }, '2026-03-29').patternCategories.find((row) => row.category === 2)?.patterns).toBe(1);
    expect(collate([A, { ...B, fictional: true }], { includeFictional: false }, '2026-03-29').reviews).toBe(1);
    expect(contributingReviews([A, B], {}, { kind: 'factor', factorId: 'ownTeam.supervision' }).map((row) => [row.reviewKey, row.count])).toEqual([
      ['rk-000000000000000a', 2],
      ['rk-000000000000000b', 1],
    ]);
    expect(contributingReviews([A, B], {}, { kind: 'factorLevel', level: 'localStrategic' }).map((row) => row.reviewKey)).toEqual(['rk-000000000000000b']);
  });

  it('flags a recommendation similar to an earlier review’s, with the earlier one’s status', () => {
    const similar = findSimilarRecommendations([A, B]);
    expect(similar).toEqual([
      {
        recommendation: { reviewKey: B.reviewKey, source: 'south-lscb', index: 0, madeIn: '2025-09', status: 'agreed' },
        earlier: { reviewKey: A.reviewKey, source: 'north-lscb', index: 0, madeIn: '2024-01', status: 'agreed' },
        sharedTerms: 3,
      },
    ]);
    // another kind, no common category, or too little wording in common: not similar
    expect(areSimilar(recommendation(), recommendation({ kind: 'needsJudgement' }))).toBe(false);
    expect(areSimilar(recommendation(), recommendation({ patternCategories: [4] }))).toBe(false);
    expect(areSimilar(recommendation(), recommendation({ terms: ['information', 'training', 'workload', 'audit'] }))).toBe(false);
    expect(
      areSimilar(recommendation({ terms: ['audit'], subPatternIds: ['2.supervision'] }), recommendation({ terms: [], subPatternIds: ['2.supervision'] })),
    ).toBe(true);
  });

  it('is linear: 1,000 generated reviews give counts that add up', () => {
    const records = generatePooledFindings({ random: mulberry32(5), reviews: 1000, sources: ['a-lscb', 'b-lscb'] });
    const summary = collate(records, {}, '2026-03-29');
    expect(summary.reviews).toBe(1000);
    expect(summary.patternCategories.reduce((sum, row) => sum + row.patterns, 0)).toBe(records.reduce((sum, each) => sum + each.patterns.length, 0));
    expect(summary.factorLevels.reduce((sum, row) => sum + row.tags, 0)).toBe(
      records.reduce((sum, each) => sum + each.episodes.reduce((inner, episode) => inner + episode.factorIds.length, 0), 0),
    );
    for (const each of records.slice(0, 20)) expect(PooledReviewFindingsSchema.safeParse(each).success).toBe(true);
  });
});

describe('exchanging pooled findings', () => {
  it('round-trips JSON, names a bad record without losing the rest, and refuses another version', () => {
    const text = serialisePooledFindings(pooledFindingsFile([A, B], '2026-03-29'));
    const read = parsePooledFindings(text);
    expect(read.ok && read.value.records).toEqual([A, B]);
    const damaged = JSON.parse(text);
    damaged.records[1].patterns[0].subPatternId = 'Brook Lane';
    const partly = parsePooledFindings(JSON.stringify(damaged));
    expect(partly.ok && partly.value.records).toEqual([A]);
    expect(partly.ok && partly.value.rejected[0]?.path).toBe('records[1].patterns[0].subPatternId');
    expect(parsePooledFindings(JSON.stringify({ ...damaged, schemaVersion: 9 }))).toMatchObject({ ok: false, error: { kind: 'unsupportedVersion' } });
    expect(parsePooledFindings('{')).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('de-duplicates by source and review: the later pooled record replaces the one held', () => {
    const newer = { ...A, pooledOn: '2026-01-01', recommendations: [] };
    expect(mergePooled([A, B], [newer])).toEqual([newer, B]);
    expect(mergePooled([A], [{ ...A, source: 'other-lscb' }])).toHaveLength(2);
  });

  it('writes one CSV row per review, pattern, episode factor and recommendation', () => {
    const lines = pooledFindingsCsv([A]).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^schema_version,source,review_key,/);
    // 1 review + 3 patterns + (2 + 1 + 1 empty) episode factors + 2 recommendations
    expect(lines).toHaveLength(1 + 1 + 3 + 4 + 2);
    expect(lines.filter((line) => line.includes(',episodeFactor,')).map((line) => line.split(',')[19])).toEqual([
      'ownTeam.supervision',
      'conditions.workload',
      'ownTeam.supervision',
      '',
    ]);
  });
});
