import type { PooledRecommendation, PooledReviewFindings } from './pooled-findings';
import { termIndex, type RecommendationTerm } from './vocabulary';

/**
 * When a recommendation repeats one made in an earlier review (ADR 1403). Defined on coded fields and the normalised
 * wording only, so it works on pooled records from any LSCB:
 * - the same kind of recommendation (1, 2 or 3), and
 * - linked to a common Appendix 6 sub-pattern, or failing that a common typology category, and
 * - wording terms whose overlap (Jaccard: shared ÷ either) is at least SIMILAR_TERMS_THRESHOLD; where either has fewer
 *   than 2 terms the wording cannot say, so a common sub-pattern is required instead.
 * "Earlier" is an earlier month made; in the same month, an earlier pooling date, then the review key.
 */
export const SIMILAR_TERMS_THRESHOLD = 0.5;

/**
 * How many of the most recent earlier recommendations are looked at per shared pair of terms (or sub-pattern): the
 * search is over the latest ones, which keeps collation linear in the number of reviews (ADR 1403).
 */
export const CANDIDATES_PER_KEY = 64;

export interface RecommendationRef {
  readonly reviewKey: string;
  readonly source: string;
  /** Its position in its review's pooled recommendations. */
  readonly index: number;
}

export interface SimilarRecommendation {
  readonly recommendation: RecommendationRef & { readonly madeIn: string; readonly status: PooledRecommendation['status'] };
  readonly earlier: RecommendationRef & { readonly madeIn: string; readonly status: PooledRecommendation['status'] };
  readonly sharedTerms: number;
}

interface Entry {
  readonly ref: RecommendationRef;
  readonly pooledOn: string;
  readonly recommendation: PooledRecommendation;
  readonly maskLow: number;
  readonly maskHigh: number;
  readonly termCount: number;
  readonly categoryMask: number;
  readonly subPatterns: ReadonlySet<string>;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function entryOf(ref: RecommendationRef, pooledOn: string, recommendation: PooledRecommendation): Entry {
  let maskLow = 0;
  let maskHigh = 0;
  for (const term of recommendation.terms) {
    const bit = termIndex(term as RecommendationTerm);
    if (bit < 0) continue;
    if (bit < 32) maskLow |= 1 << bit;
    else maskHigh |= 1 << (bit - 32);
  }
  return {
    ref,
    pooledOn,
    recommendation,
    maskLow,
    maskHigh,
    termCount: recommendation.terms.length,
    categoryMask: recommendation.patternCategories.reduce((mask, category) => mask | (1 << category), 0),
    subPatterns: new Set(recommendation.subPatternIds),
  };
}

const isEarlier = (a: Entry, b: Entry): boolean =>
  a.recommendation.madeIn !== b.recommendation.madeIn
    ? a.recommendation.madeIn < b.recommendation.madeIn
    : a.pooledOn !== b.pooledOn
      ? a.pooledOn < b.pooledOn
      : a.ref.reviewKey < b.ref.reviewKey;

/** Whether two recommendations are similar by the rule above (symmetrical). */
export function areSimilar(a: PooledRecommendation, b: PooledRecommendation): boolean {
  const ref: RecommendationRef = { reviewKey: '', source: '', index: 0 };
  return similarity(entryOf(ref, '', a), entryOf(ref, '', b)) !== null;
}

function similarity(a: Entry, b: Entry): number | null {
  if (a.recommendation.kind !== b.recommendation.kind) return null;
  if ((a.categoryMask & b.categoryMask) === 0) return null;
  const shared = popcount(a.maskLow & b.maskLow) + popcount(a.maskHigh & b.maskHigh);
  if (a.termCount < 2 || b.termCount < 2) return a.recommendation.subPatternIds.some((id) => b.subPatterns.has(id)) ? shared : null;
  const union = a.termCount + b.termCount - shared;
  return shared / union >= SIMILAR_TERMS_THRESHOLD ? shared : null;
}

/**
 * For each recommendation, the most similar one made earlier in another review (most shared terms, then the latest),
 * with that one's status. Candidates come from inverted indexes (kind + pair of terms, kind + sub-pattern) filled in time order,
 * so each recommendation meets only earlier ones that share something: 1,000 reviews stay well under a second.
 */
export function findSimilarRecommendations(records: readonly PooledReviewFindings[]): SimilarRecommendation[] {
  const all: Entry[] = [];
  for (const record of records) {
    record.recommendations.forEach((recommendation, index) => {
      all.push(entryOf({ reviewKey: record.reviewKey, source: record.source, index }, record.pooledOn, recommendation));
    });
  }
  all.sort((a, b) => (isEarlier(a, b) ? -1 : isEarlier(b, a) ? 1 : a.ref.index - b.ref.index));
  // With 2 terms or more on both sides, a Jaccard of 0.5 needs at least 2 shared terms: candidates share a pair.
  // With fewer, a common sub-pattern is required: candidates share one.
  // Numeric keys (kind, then term indexes) avoid building a string per lookup.
  const byTermPair = new Map<number, number[]>();
  const bySubPattern = new Map<string, number[]>();
  const bySubPatternFewTerms = new Map<string, number[]>();
  // Each index keeps the latest CANDIDATES_PER_KEY entries per key (amortised), so the work stays linear.
  const post = <K>(index: Map<K, number[]>, key: K, position: number) => {
    const list = index.get(key);
    if (!list) index.set(key, [position]);
    else {
      list.push(position);
      if (list.length >= 2 * CANDIDATES_PER_KEY) index.set(key, list.slice(-CANDIDATES_PER_KEY));
    }
  };
  const KIND_INDEX: Record<string, number> = { clearCutLocal: 0, needsJudgement: 1, needsResearch: 2 };
  const pairsOf = (kind: string, terms: readonly string[]): number[] => {
    const indexes = terms.map((term) => termIndex(term as RecommendationTerm));
    const pairs: number[] = [];
    for (let first = 0; first < indexes.length; first++) {
      for (let second = first + 1; second < indexes.length; second++)
        pairs.push((KIND_INDEX[kind] ?? 3) * 4096 + (indexes[first] as number) * 64 + (indexes[second] as number));
    }
    return pairs;
  };
  const stamp = new Int32Array(all.length).fill(-1);
  const found: SimilarRecommendation[] = [];
  all.forEach((entry, position) => {
    const { kind } = entry.recommendation;
    const candidates: number[] = [];
    const consider = (list: readonly number[] | undefined) => {
      for (const candidate of list ?? []) {
        if (stamp[candidate] === position) continue;
        stamp[candidate] = position;
        candidates.push(candidate);
      }
    };
    const pairs = entry.termCount >= 2 ? pairsOf(kind, entry.recommendation.terms) : [];
    for (const pair of pairs) consider(byTermPair.get(pair));
    for (const subPatternId of entry.recommendation.subPatternIds) {
      consider((entry.termCount >= 2 ? bySubPatternFewTerms : bySubPattern).get(`${kind}/${subPatternId}`));
    }
    let best: { entry: Entry; shared: number; position: number } | null = null;
    for (const candidatePosition of candidates) {
      const candidate = all[candidatePosition] as Entry;
      // Every candidate came earlier in time order; the same review's own are not "an earlier review".
      if (candidate.ref.reviewKey === entry.ref.reviewKey && candidate.ref.source === entry.ref.source) continue;
      const shared = similarity(entry, candidate);
      if (shared === null) continue;
      if (best === null || shared > best.shared || (shared === best.shared && candidatePosition > best.position))
        best = { entry: candidate, shared, position: candidatePosition };
    }
    if (best !== null) {
      found.push({
        recommendation: { ...entry.ref, madeIn: entry.recommendation.madeIn, status: entry.recommendation.status },
        earlier: { ...best.entry.ref, madeIn: best.entry.recommendation.madeIn, status: best.entry.recommendation.status },
        sharedTerms: best.shared,
      });
    }
    for (const pair of pairs) post(byTermPair, pair, position);
    for (const subPatternId of entry.recommendation.subPatternIds) {
      post(bySubPattern, `${kind}/${subPatternId}`, position);
      if (entry.termCount < 2) post(bySubPatternFewTerms, `${kind}/${subPatternId}`, position);
    }
  });
  return found;
}
