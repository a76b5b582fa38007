import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asId, type EpisodeId, type FactorTagId } from '../ids';
import { ALL_FACTOR_IDS, FACTOR_TYPES } from '../method/factor-framework';
import type { AdequacyJudgement, Episode } from '../model';
import { factorRecurrence, flattenOptions, recurrenceCounts, searchFactors } from './factors';

type EpisodeFacts = Pick<Episode, 'id' | 'factors' | 'judgement'>;
const episode = (id: string, factorIds: string[], judgement: AdequacyJudgement | null = null): EpisodeFacts => ({
  id: asId<EpisodeId>(id),
  judgement,
  factors: factorIds.map((factorId, index) => ({ id: asId<FactorTagId>(`${id}.f${index}`), factorId, whyItMadeSense: '' })),
});

describe('searching the factor framework', () => {
  it('offers the whole framework, level then type, with the own-team factors repeated under inter-agency', () => {
    const groups = searchFactors('');
    expect(groups.map((group) => group.level.id)).toEqual(['frontLine', 'localStrategic', 'national']);
    expect(groups[0]?.types.map((group) => group.type.id)).toEqual(['family', 'personal', 'role', 'conditions', 'ownTeam', 'interAgency']);
    const interAgency = groups[0]?.types.find((group) => group.type.id === 'interAgency');
    const ownTeamCount = FACTOR_TYPES.find((type) => type.id === 'ownTeam')?.factors.length ?? 0;
    expect(interAgency?.options).toHaveLength(10 + ownTeamCount);
    const carried = interAgency?.options.find((option) => option.factor.id === 'ownTeam.supervision');
    expect(carried?.carriedFrom?.id).toBe('ownTeam');
    expect(carried?.key).toBe('interAgency|ownTeam.supervision');
    const keys = flattenOptions(groups).map((option) => option.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(ALL_FACTOR_IDS.length + ownTeamCount);
  });

  it('matches every word, ignoring case and dashes, in the factor, its type or its level', () => {
    const workload = flattenOptions(searchFactors('WORKLOAD')).map((option) => option.key);
    expect(workload).toEqual(['conditions|conditions.workload', 'ownTeam|ownTeam.capacity-workload', 'interAgency|ownTeam.capacity-workload']);
    const national = flattenOptions(searchFactors('government guidance')).map((option) => option.factor.id);
    expect(national).toEqual(['political.government-guidance']);
    expect(flattenOptions(searchFactors('good hostile')).map((option) => option.factor.id)).toEqual(['interAgency.working-relationships']);
    expect(searchFactors('no such factor anywhere')).toEqual([]);
  });
});

describe('factor recurrence', () => {
  const episodes = [
    episode('kpe-1', ['conditions.workload', 'ownTeam.supervision'], 'problematic'),
    episode('kpe-2', ['conditions.workload', 'conditions.workload', 'family.willingness-to-engage'], 'good'),
    episode('kpe-3', ['conditions.workload', 'ownTeam.supervision']),
  ];

  it('counts each factor once per episode and says which episodes and how they were judged', () => {
    const rows = factorRecurrence(episodes);
    expect(rows.map((row) => [row.factorId, row.count])).toEqual([
      ['conditions.workload', 3],
      ['ownTeam.supervision', 2],
      ['family.willingness-to-engage', 1],
    ]);
    expect(rows[0]?.episodeIds).toEqual(['kpe-1', 'kpe-2', 'kpe-3']);
    expect(rows[0]?.judgements).toEqual({ good: 1, problematic: 1, mixed: 0, unclear: 0, none: 1 });
    expect(rows[0]?.path?.type.id).toBe('conditions');
  });

  it('sorts by count either way, by factor name and by the framework order, breaking ties by the framework', () => {
    expect(factorRecurrence(episodes, { key: 'count', direction: 'ascending' }).map((row) => row.factorId)).toEqual([
      'family.willingness-to-engage',
      'ownTeam.supervision',
      'conditions.workload',
    ]);
    expect(factorRecurrence(episodes, { key: 'factor', direction: 'ascending' }).map((row) => row.path?.factor.label)).toEqual([
      'Supervision',
      'Willingness to engage',
      'Workload',
    ]);
    expect(factorRecurrence(episodes, { key: 'framework', direction: 'ascending' }).map((row) => row.factorId)).toEqual([
      'family.willingness-to-engage',
      'conditions.workload',
      'ownTeam.supervision',
    ]);
    const tied = [episode('a', ['ownTeam.supervision', 'family.age'])];
    expect(factorRecurrence(tied).map((row) => row.factorId)).toEqual(['family.age', 'ownTeam.supervision']);
  });

  it('agrees with a direct count for any set of episodes', () => {
    const factorId = fc.constantFrom(...ALL_FACTOR_IDS.slice(0, 12));
    fc.assert(
      fc.property(fc.array(fc.array(factorId, { maxLength: 6 }), { maxLength: 30 }), (tagLists) => {
        const generated = tagLists.map((ids, index) => episode(`kpe-${index}`, ids));
        const counts = recurrenceCounts(generated);
        const rows = factorRecurrence(generated);
        for (const row of rows) {
          const direct = generated.filter((item) => item.factors.some((tag) => tag.factorId === row.factorId)).length;
          expect(row.count).toBe(direct);
          expect(counts.get(row.factorId)).toBe(direct);
        }
        expect(rows.length).toBe(new Set(tagLists.flat()).size);
        for (let index = 1; index < rows.length; index += 1) expect(rows[index - 1]!.count).toBeGreaterThanOrEqual(rows[index]!.count);
      }),
    );
  });
});
