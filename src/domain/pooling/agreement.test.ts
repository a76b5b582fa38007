// Coding agreement between two reviewers, against kappas computed by hand. Data FICTIONAL.
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../bundle';
import type { ReviewSnapshot } from '../model';
import { trainingCaseBundle } from '../training-case';
import { codingAgreement, cohensKappa } from './agreement';

const repeat = (pair: readonly [string, string], times: number) => Array.from({ length: times }, () => pair);

describe("Cohen's kappa", () => {
  it('matches the textbook 2×2 case: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4', () => {
    // pₒ = 35/50 = 0.7; pₑ = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2 / 0.5 = 0.4
    const result = cohensKappa([...repeat(['yes', 'yes'], 20), ...repeat(['yes', 'no'], 5), ...repeat(['no', 'yes'], 10), ...repeat(['no', 'no'], 15)]);
    expect(result.items).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 10);
    expect(result.expected).toBeCloseTo(0.5, 10);
    expect(result.kappa).toBeCloseTo(0.4, 10);
  });

  it('matches a three-category case computed by hand', () => {
    // Rows first coder, columns second: a: 10 2 0 / b: 1 8 1 / c: 0 2 6 → n 30, pₒ 24/30 = 0.8
    // first: a 12, b 10, c 8; second: a 11, b 12, c 7 → pₑ = (132 + 120 + 56) / 900 = 308/900
    const pairs = [
      ...repeat(['a', 'a'], 10),
      ...repeat(['a', 'b'], 2),
      ...repeat(['b', 'a'], 1),
      ...repeat(['b', 'b'], 8),
      ...repeat(['b', 'c'], 1),
      ...repeat(['c', 'b'], 2),
      ...repeat(['c', 'c'], 6),
    ] as const;
    const expected = 308 / 900;
    expect(cohensKappa(pairs).kappa).toBeCloseTo((0.8 - expected) / (1 - expected), 10);
  });

  it('is 1 for full agreement, negative below chance, and undefined with no items or no variation', () => {
    expect(
      cohensKappa([
        ['x', 'x'],
        ['y', 'y'],
      ]).kappa,
    ).toBeCloseTo(1, 10);
    expect(
      cohensKappa([
        ['x', 'y'],
        ['y', 'x'],
      ]).kappa,
    ).toBeCloseTo(-1, 10);
    expect(cohensKappa([]).kappa).toBeNull();
    expect(
      cohensKappa([
        ['x', 'x'],
        ['x', 'x'],
      ]).kappa,
    ).toBeNull();
  });
});

function trainingCase(): ReviewSnapshot {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('training case');
  return parsed.value.snapshot;
}

describe('coding agreement between two independent codings of one review', () => {
  it('is perfect for identical codings and lists no disagreements', () => {
    const snapshot = trainingCase();
    const agreement = codingAgreement(snapshot, snapshot);
    expect(agreement.episodesCompared).toBe(snapshot.episodes.length);
    expect(agreement.factorsOverall.kappa).toBeCloseTo(1, 10);
    expect(agreement.disagreements).toEqual([]);
  });

  it('names each factor one coder tagged and the other did not, and each pattern put in another category', () => {
    const first = trainingCase();
    const [episode, ...rest] = first.episodes;
    const [pattern, ...otherPatterns] = first.patterns;
    if (!episode || !pattern || episode.factors.length === 0) throw new Error('the training case has coded episodes and patterns');
    const dropped = episode.factors[0]!;
    const second: ReviewSnapshot = {
      ...first,
      episodes: [{ ...episode, factors: episode.factors.slice(1) }, ...rest],
      patterns: [{ ...pattern, category: pattern.category === 6 ? 5 : 6, subPatternId: null }, ...otherPatterns],
    };
    const agreement = codingAgreement(first, second);
    expect(agreement.disagreements).toEqual([
      { kind: 'factor', episodeId: episode.id, episodeTitle: episode.title, factorId: dropped.factorId, codedBy: 'first' },
      { kind: 'patternCategory', patternId: pattern.id, first: pattern.category, second: pattern.category === 6 ? 5 : 6 },
    ]);
    expect(agreement.factorsOverall.kappa).toBeLessThan(1);
    expect(agreement.factorsOverall.kappa).toBeGreaterThan(0.9);
    const type = agreement.byFactorType.find((entry) => dropped.factorId.startsWith(`${entry.typeId}.`));
    expect(type?.agreement.kappa).toBeLessThan(1);
  });
});
