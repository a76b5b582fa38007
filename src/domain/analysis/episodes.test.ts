import { describe, expect, it } from 'vitest';
import { asId, type EpisodeId, type FactorTagId } from '../ids';
import type { Episode } from '../model';
import { episodeIssues, filterEpisodes, nextFactorTagId, NO_EPISODE_FILTER } from './episodes';
import { recommendationIssues, recommendationWarnings, isOverdue, recommendationsByKind } from './recommendations';

const REVIEW_PERIOD = { from: '2025-01-01', to: '2025-12-31' };
const tag = (id: string, factorId: string, whyItMadeSense = 'It made sense (fictional).') => ({ id: asId<FactorTagId>(id), factorId, whyItMadeSense });
const base = {
  title: 'Strategy discussion (fictional)',
  description: 'A fictional description.',
  significance: '',
  judgementBreakdown: '',
  judgement: null,
  period: { from: '2025-04-01', to: null },
  factors: [tag('kpe-1.f1', 'conditions.workload')],
} satisfies Partial<Episode>;

describe('key practice episode rules', () => {
  it('refuses an episode without a description, with a message saying why', () => {
    const outcome = episodeIssues({ ...base, description: '   ' }, REVIEW_PERIOD);
    expect(outcome.blocking).toEqual([
      { path: 'description', message: 'the description is required: describe the episode and its significance with hindsight before it can be saved' },
    ]);
    expect(episodeIssues(base, REVIEW_PERIOD)).toEqual({ blocking: [], warnings: [] });
  });

  it('points out a period outside the review without refusing it, and refuses a reversed period', () => {
    expect(episodeIssues({ ...base, period: { from: '2024-06-01', to: null } }, REVIEW_PERIOD).warnings[0]?.path).toBe('period.from');
    expect(episodeIssues({ ...base, period: { from: '2025-06-01', to: '2025-05-01' } }, REVIEW_PERIOD).blocking[0]?.path).toBe('period.to');
  });

  it('refuses the same factor twice and asks why each made sense', () => {
    const outcome = episodeIssues({ ...base, factors: [tag('a', 'conditions.workload'), tag('b', 'conditions.workload', '')] }, REVIEW_PERIOD);
    expect(outcome.blocking.map((issue) => issue.path)).toEqual(['factors[1].factorId']);
    expect(outcome.warnings.map((issue) => issue.path)).toEqual(['factors[1].whyItMadeSense']);
  });

  it('mints tag ids from the episode id without collisions', () => {
    const id = asId<EpisodeId>('kpe-7');
    expect(nextFactorTagId({ id, factors: [] })).toBe('kpe-7.f1');
    expect(nextFactorTagId({ id, factors: [tag('kpe-7.f1', 'x'), tag('kpe-7.f4', 'y'), tag('imported-9', 'z')] })).toBe('kpe-7.f5');
  });

  it('filters by words (factor labels included), judgement and factor', () => {
    const a = { ...base, title: 'Home visit', judgement: 'good' as const };
    const b = { ...base, title: 'Case conference', factors: [tag('b', 'ownTeam.supervision')] };
    expect(filterEpisodes([a, b], { ...NO_EPISODE_FILTER, text: 'supervision' })).toEqual([b]);
    expect(filterEpisodes([a, b], { ...NO_EPISODE_FILTER, judgement: 'none' })).toEqual([b]);
    expect(filterEpisodes([a, b], { ...NO_EPISODE_FILTER, factorId: 'conditions.workload' })).toEqual([a]);
  });
});

describe('recommendations', () => {
  const tracking = { status: 'agreed' as const, owner: '', evidence: '', dueOn: '2026-03-01', completedOn: null };
  it('is overdue past its due date unless finished', () => {
    expect(isOverdue({ tracking }, '2026-03-02')).toBe(true);
    expect(isOverdue({ tracking }, '2026-03-01')).toBe(false);
    expect(isOverdue({ tracking: { ...tracking, status: 'implemented' } }, '2026-04-01')).toBe(false);
  });
  it('warns when tracking does not add up', () => {
    expect(recommendationWarnings({ tracking: { ...tracking, status: 'implemented' }, patternIds: [] }).map((issue) => issue.path)).toEqual([
      'tracking.completedOn',
      'tracking.evidence',
      'patternIds',
    ]);
  });
  it('needs an addressee and the words of the recommendation', () => {
    const outcome = recommendationIssues({ addressee: ' ', text: '', tracking, patternIds: [] });
    expect(outcome.blocking.map((issue) => issue.path)).toEqual(['addressee', 'text']);
    expect(outcome.warnings.map((issue) => issue.path)).toEqual(['patternIds']);
  });
  it('groups by the three kinds in the guide’s order', () => {
    expect(recommendationsByKind([]).map((group) => group.kind.id)).toEqual(['clearCutLocal', 'needsJudgement', 'needsResearch']);
  });
});
