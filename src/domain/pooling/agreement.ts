import { FACTOR_TYPES } from '../method/factor-framework';
import type { ReviewSnapshot } from '../model';

/**
 * Coding consistency (issue 14, ADR 1404): two reviewers code the same review's episodes (factors) and patterns
 * (typology category) independently, each in their own copy of the review (a bundle exported before coding and
 * imported apart). Records are matched by id, so what both coded is compared item by item.
 */

export interface Kappa {
  /** Items both coded. */
  readonly items: number;
  /** Share of items on which they agree. */
  readonly observed: number;
  /** Agreement expected by chance from each coder's own proportions. */
  readonly expected: number;
  /** Cohen's kappa; null when it is undefined (no items, or both coders used one and the same code throughout). */
  readonly kappa: number | null;
}

/** Cohen's kappa for two coders' codes of the same items: κ = (pₒ − pₑ) / (1 − pₑ). */
export function cohensKappa(pairs: ReadonlyArray<readonly [string, string]>): Kappa {
  const items = pairs.length;
  if (items === 0) return { items, observed: 0, expected: 0, kappa: null };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree += 1;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agree / items;
  let expected = 0;
  for (const [code, count] of first) expected += (count / items) * ((second.get(code) ?? 0) / items);
  return { items, observed, expected, kappa: expected === 1 ? null : (observed - expected) / (1 - expected) };
}

export type CodingDisagreement =
  | { readonly kind: 'factor'; readonly episodeId: string; readonly episodeTitle: string; readonly factorId: string; readonly codedBy: 'first' | 'second' }
  | {
      readonly kind: 'patternCategory';
      readonly patternId: string;
      readonly first: number;
      readonly second: number;
    };

export interface CodingAgreement {
  readonly episodesCompared: number;
  readonly patternsCompared: number;
  /** Each factor type: whether each of its factors was tagged on each episode, by both coders. */
  readonly byFactorType: ReadonlyArray<{ readonly typeId: string; readonly agreement: Kappa }>;
  /** Every factor of the framework on every episode both coded. */
  readonly factorsOverall: Kappa;
  readonly patternCategories: Kappa;
  readonly disagreements: readonly CodingDisagreement[];
}

export function codingAgreement(first: ReviewSnapshot, second: ReviewSnapshot): CodingAgreement {
  const secondEpisodes = new Map(second.episodes.map((episode) => [episode.id as string, episode]));
  const shared = first.episodes.flatMap((episode) => {
    const other = secondEpisodes.get(episode.id);
    return other
      ? [
          {
            id: episode.id as string,
            title: episode.title,
            a: new Set(episode.factors.map((tag) => tag.factorId)),
            b: new Set(other.factors.map((tag) => tag.factorId)),
          },
        ]
      : [];
  });
  const disagreements: CodingDisagreement[] = [];
  const overall: Array<readonly [string, string]> = [];
  const byFactorType = FACTOR_TYPES.map((type) => {
    const pairs: Array<readonly [string, string]> = [];
    for (const episode of shared) {
      for (const factor of type.factors) {
        const a = episode.a.has(factor.id);
        const b = episode.b.has(factor.id);
        pairs.push([a ? 'tagged' : 'not', b ? 'tagged' : 'not']);
        if (a !== b)
          disagreements.push({ kind: 'factor', episodeId: episode.id, episodeTitle: episode.title, factorId: factor.id, codedBy: a ? 'first' : 'second' });
      }
    }
    overall.push(...pairs);
    return { typeId: type.id, agreement: cohensKappa(pairs) };
  });
  const secondPatterns = new Map(second.patterns.map((pattern) => [pattern.id as string, pattern]));
  const patternPairs: Array<readonly [string, string]> = [];
  for (const pattern of first.patterns) {
    const other = secondPatterns.get(pattern.id);
    if (!other) continue;
    patternPairs.push([String(pattern.category), String(other.category)]);
    if (pattern.category !== other.category)
      disagreements.push({ kind: 'patternCategory', patternId: pattern.id, first: pattern.category, second: other.category });
  }
  return {
    episodesCompared: shared.length,
    patternsCompared: patternPairs.length,
    byFactorType,
    factorsOverall: cohensKappa(overall),
    patternCategories: cohensKappa(patternPairs),
    disagreements,
  };
}
