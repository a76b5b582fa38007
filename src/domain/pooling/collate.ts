import { ALL_FACTOR_IDS, FACTOR_LEVELS, FACTOR_TYPES, findFactor, type FactorLevelId } from '../method/factor-framework';
import { RECOMMENDATION_KINDS, type RecommendationKindId } from '../method/recommendation-kinds';
import { findSubPattern, flattenSubPatterns, TYPOLOGY, type TypologyCategoryNumber } from '../method/typology';
import { ADEQUACY_JUDGEMENTS, RECOMMENDATION_LEVELS, RECOMMENDATION_STATUSES, type AdequacyJudgement, type ReviewTrigger } from '../model';
import type { CalendarDate } from '../primitives';
import type { AgencyType } from './agency-types';
import { RECOMMENDATION_OWNER_TYPES, type PooledRecommendation, type PooledReviewFindings, type RecommendationOwnerType } from './pooled-findings';
import { findSimilarRecommendations, type SimilarRecommendation } from './similarity';

type RecommendationStatus = PooledRecommendation['status'];
type RecommendationLevel = PooledRecommendation['level'];

/** What a collation looks at. An empty list means "all". */
export interface CollationFilter {
  /** Years the period under review ended, inclusive. */
  readonly fromYear?: number | null;
  readonly toYear?: number | null;
  readonly triggers?: readonly ReviewTrigger[];
  /** Reviews in which at least one agency of these types took part. */
  readonly agencyTypes?: readonly AgencyType[];
  readonly includeFictional?: boolean;
}

export const OPEN_STATUSES: readonly RecommendationStatus[] = ['proposed', 'agreed', 'inProgress'];
export const AGE_BANDS = ['underSixMonths', 'sixToTwelveMonths', 'oneToTwoYears', 'overTwoYears'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_TITLES: Record<AgeBand, string> = {
  underSixMonths: 'Under 6 months',
  sixToTwelveMonths: '6–12 months',
  oneToTwoYears: '1–2 years',
  overTwoYears: 'Over 2 years',
};

export interface CategoryCount {
  readonly category: TypologyCategoryNumber;
  readonly patterns: number;
  readonly reviews: number;
  readonly supportsGoodPractice: number;
  readonly makesProblematicPracticeMoreLikely: number;
  readonly selected: number;
}
export interface SubPatternCount {
  /** Null: sub-patterns the reviews named themselves, counted per category. */
  readonly subPatternId: string | null;
  readonly category: TypologyCategoryNumber;
  readonly patterns: number;
  readonly reviews: number;
  readonly selected: number;
}
export interface FactorLevelCount {
  readonly level: FactorLevelId;
  readonly tags: number;
  readonly reviews: number;
}
export interface FactorTypeCount {
  readonly typeId: string;
  readonly level: FactorLevelId;
  readonly tags: number;
  readonly reviews: number;
  readonly inGoodEpisodes: number;
  readonly inProblematicEpisodes: number;
}
export interface FactorCount {
  readonly factorId: string;
  readonly typeId: string;
  readonly tags: number;
  readonly reviews: number;
}
export interface RecommendationKindCount {
  readonly kind: RecommendationKindId;
  readonly count: number;
  readonly byStatus: Readonly<Record<RecommendationStatus, number>>;
}
export interface OpenRecommendationsByOwner {
  readonly ownerType: RecommendationOwnerType;
  readonly open: number;
  readonly byAge: Readonly<Record<AgeBand, number>>;
  readonly oldestMonths: number;
}

export interface CollationSummary {
  readonly reviews: number;
  readonly sources: readonly string[];
  readonly years: { readonly from: number; readonly to: number } | null;
  readonly patternCategories: readonly CategoryCount[];
  readonly subPatterns: readonly SubPatternCount[];
  readonly factorLevels: readonly FactorLevelCount[];
  readonly factorTypes: readonly FactorTypeCount[];
  /** The most often tagged factors, most first (at most TOP_FACTORS). */
  readonly topFactors: readonly FactorCount[];
  readonly episodes: Readonly<Record<AdequacyJudgement | 'notJudged', number>> & { readonly total: number };
  readonly recommendationKinds: readonly RecommendationKindCount[];
  readonly recommendationLevels: ReadonlyArray<{ readonly level: RecommendationLevel; readonly count: number }>;
  readonly recommendationStatuses: ReadonlyArray<{ readonly status: RecommendationStatus; readonly count: number }>;
  readonly openByOwner: readonly OpenRecommendationsByOwner[];
  readonly similarRecommendations: readonly SimilarRecommendation[];
}

export const TOP_FACTORS = 15;

export function matchesFilter(record: PooledReviewFindings, filter: CollationFilter): boolean {
  if (filter.includeFictional === false && record.fictional) return false;
  if (filter.fromYear != null && record.year < filter.fromYear) return false;
  if (filter.toYear != null && record.year > filter.toYear) return false;
  if (filter.triggers && filter.triggers.length > 0 && !filter.triggers.includes(record.trigger)) return false;
  if (filter.agencyTypes && filter.agencyTypes.length > 0 && !record.agencyTypes.some((type) => filter.agencyTypes?.includes(type))) return false;
  return true;
}

/** Whole months from a YYYY-MM to a date; never negative. */
export function monthsBetween(madeIn: string, asOf: CalendarDate): number {
  const [fromYear, fromMonth] = madeIn.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = asOf.split('-').map(Number) as [number, number];
  return Math.max(0, (toYear - fromYear) * 12 + (toMonth - fromMonth));
}

export function ageBandOf(months: number): AgeBand {
  if (months < 6) return 'underSixMonths';
  if (months < 12) return 'sixToTwelveMonths';
  if (months < 24) return 'oneToTwoYears';
  return 'overTwoYears';
}

// Fixed positions for every coded value, so counting is array arithmetic rather than map lookups.
const FACTOR_POSITION = new Map(ALL_FACTOR_IDS.map((id, index) => [id, index]));
const FACTOR_TYPE_POSITION = new Map(FACTOR_TYPES.map((type, index) => [type.id, index]));
const FACTOR_LEVEL_POSITION = new Map(FACTOR_LEVELS.map((level, index) => [level.id, index]));
const FACTOR_TYPE_OF = ALL_FACTOR_IDS.map((id) => FACTOR_TYPE_POSITION.get(findFactor(id)?.type.id ?? '') ?? 0);
const FACTOR_LEVEL_OF = ALL_FACTOR_IDS.map((id) => FACTOR_LEVEL_POSITION.get(findFactor(id)?.level.id ?? 'frontLine') ?? 0);
const SUB_PATTERN_IDS = TYPOLOGY.flatMap((category) => flattenSubPatterns(category.subPatterns).map((subPattern) => subPattern.id));
const SUB_PATTERN_POSITION = new Map(SUB_PATTERN_IDS.map((id, index) => [id, index]));
/** Own sub-patterns take one slot per category after the Appendix 6 ones. */
const subPatternSlot = (subPatternId: string | null, category: number): number =>
  subPatternId === null ? SUB_PATTERN_IDS.length + category - 1 : (SUB_PATTERN_POSITION.get(subPatternId) ?? SUB_PATTERN_IDS.length + category - 1);
const SUB_PATTERN_SLOTS = SUB_PATTERN_IDS.length + 6;
const JUDGEMENT_POSITION = new Map<AdequacyJudgement | null, number>([
  ...ADEQUACY_JUDGEMENTS.map((judgement, index) => [judgement, index] as const),
  [null, ADEQUACY_JUDGEMENTS.length],
]);

/** Counts distinct reviews per slot: a slot counts a review once, however many times the review mentions it. */
class DistinctCounter {
  readonly counts: Int32Array;
  private readonly lastSeen: Int32Array;
  constructor(size: number) {
    this.counts = new Int32Array(size);
    this.lastSeen = new Int32Array(size).fill(-1);
  }
  see(slot: number, review: number): void {
    if (this.lastSeen[slot] !== review) {
      this.lastSeen[slot] = review;
      this.counts[slot] = (this.counts[slot] ?? 0) + 1;
    }
  }
}

const inc = (array: Int32Array, slot: number): void => {
  array[slot] = (array[slot] ?? 0) + 1;
};
const zeroRecord = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * The collation of pooled findings: every frequency the collation view and `cli collate` show, in one pass over the
 * records (linear in the number of reviews), plus recommendations repeated from earlier reviews.
 */
export function collate(all: readonly PooledReviewFindings[], filter: CollationFilter, asOf: CalendarDate): CollationSummary {
  const records = all.filter((record) => matchesFilter(record, filter));
  const categoryPatterns = new Int32Array(7);
  const categoryGood = new Int32Array(7);
  const categoryProblematic = new Int32Array(7);
  const categorySelected = new Int32Array(7);
  const categoryReviews = new DistinctCounter(7);
  const subPatternCounts = new Int32Array(SUB_PATTERN_SLOTS);
  const subPatternSelected = new Int32Array(SUB_PATTERN_SLOTS);
  const subPatternReviews = new DistinctCounter(SUB_PATTERN_SLOTS);
  const factorTags = new Int32Array(ALL_FACTOR_IDS.length);
  const factorReviews = new DistinctCounter(ALL_FACTOR_IDS.length);
  const typeTags = new Int32Array(FACTOR_TYPES.length);
  const typeGood = new Int32Array(FACTOR_TYPES.length);
  const typeProblematic = new Int32Array(FACTOR_TYPES.length);
  const typeReviews = new DistinctCounter(FACTOR_TYPES.length);
  const levelTags = new Int32Array(FACTOR_LEVELS.length);
  const levelReviews = new DistinctCounter(FACTOR_LEVELS.length);
  const judgements = new Int32Array(ADEQUACY_JUDGEMENTS.length + 1);
  const kindCounts = new Map<RecommendationKindId, Record<RecommendationStatus, number>>(
    RECOMMENDATION_KINDS.map((kind) => [kind.id, zeroRecord(RECOMMENDATION_STATUSES)]),
  );
  const levels = zeroRecord(RECOMMENDATION_LEVELS);
  const statuses = zeroRecord(RECOMMENDATION_STATUSES);
  const owners = new Map<RecommendationOwnerType, { open: number; byAge: Record<AgeBand, number>; oldestMonths: number }>();
  const sources = new Set<string>();
  let minYear = Infinity;
  let maxYear = -Infinity;

  records.forEach((record, review) => {
    sources.add(record.source);
    minYear = Math.min(minYear, record.year);
    maxYear = Math.max(maxYear, record.year);
    for (const pattern of record.patterns) {
      const category = pattern.category;
      inc(categoryPatterns, category);
      inc(pattern.influence === 'supportsGoodPractice' ? categoryGood : categoryProblematic, category);
      if (pattern.selected) inc(categorySelected, category);
      categoryReviews.see(category, review);
      const slot = subPatternSlot(pattern.subPatternId, category);
      inc(subPatternCounts, slot);
      if (pattern.selected) inc(subPatternSelected, slot);
      subPatternReviews.see(slot, review);
    }
    for (const episode of record.episodes) {
      inc(judgements, JUDGEMENT_POSITION.get(episode.judgement) ?? ADEQUACY_JUDGEMENTS.length);
      const good = episode.judgement === 'good';
      const problematic = episode.judgement === 'problematic';
      for (const factorId of episode.factorIds) {
        const position = FACTOR_POSITION.get(factorId);
        if (position === undefined) continue;
        inc(factorTags, position);
        factorReviews.see(position, review);
        const type = FACTOR_TYPE_OF[position] as number;
        inc(typeTags, type);
        if (good) inc(typeGood, type);
        if (problematic) inc(typeProblematic, type);
        typeReviews.see(type, review);
        const level = FACTOR_LEVEL_OF[position] as number;
        inc(levelTags, level);
        levelReviews.see(level, review);
      }
    }
    for (const recommendation of record.recommendations) {
      const byStatus = kindCounts.get(recommendation.kind);
      if (byStatus) byStatus[recommendation.status] += 1;
      levels[recommendation.level] += 1;
      statuses[recommendation.status] += 1;
      if (OPEN_STATUSES.includes(recommendation.status)) {
        const months = monthsBetween(recommendation.madeIn, asOf);
        const owner = owners.get(recommendation.ownerType) ?? { open: 0, byAge: zeroRecord(AGE_BANDS), oldestMonths: 0 };
        owner.open += 1;
        owner.byAge[ageBandOf(months)] += 1;
        owner.oldestMonths = Math.max(owner.oldestMonths, months);
        owners.set(recommendation.ownerType, owner);
      }
    }
  });

  const categories = TYPOLOGY.map((category) => category.number);
  const subPatterns: SubPatternCount[] = [];
  for (let slot = 0; slot < SUB_PATTERN_SLOTS; slot++) {
    const patterns = subPatternCounts[slot] ?? 0;
    if (patterns === 0) continue;
    const subPatternId = slot < SUB_PATTERN_IDS.length ? (SUB_PATTERN_IDS[slot] as string) : null;
    const category = (
      subPatternId === null ? slot - SUB_PATTERN_IDS.length + 1 : (findSubPattern(subPatternId)?.category.number ?? 1)
    ) as TypologyCategoryNumber;
    subPatterns.push({ subPatternId, category, patterns, reviews: subPatternReviews.counts[slot] ?? 0, selected: subPatternSelected[slot] ?? 0 });
  }
  subPatterns.sort((a, b) => b.patterns - a.patterns || a.category - b.category);

  const factors: FactorCount[] = [];
  ALL_FACTOR_IDS.forEach((factorId, position) => {
    const tags = factorTags[position] ?? 0;
    if (tags > 0)
      factors.push({ factorId, typeId: FACTOR_TYPES[FACTOR_TYPE_OF[position] as number]?.id ?? '', tags, reviews: factorReviews.counts[position] ?? 0 });
  });
  factors.sort((a, b) => b.tags - a.tags || (a.factorId < b.factorId ? -1 : 1));

  const episodeCounts = {
    ...(Object.fromEntries(ADEQUACY_JUDGEMENTS.map((judgement, index) => [judgement, judgements[index] ?? 0])) as Record<AdequacyJudgement, number>),
    notJudged: judgements[ADEQUACY_JUDGEMENTS.length] ?? 0,
  };

  return {
    reviews: records.length,
    sources: [...sources].sort(),
    years: records.length === 0 ? null : { from: minYear, to: maxYear },
    patternCategories: categories.map((category) => ({
      category,
      patterns: categoryPatterns[category] ?? 0,
      reviews: categoryReviews.counts[category] ?? 0,
      supportsGoodPractice: categoryGood[category] ?? 0,
      makesProblematicPracticeMoreLikely: categoryProblematic[category] ?? 0,
      selected: categorySelected[category] ?? 0,
    })),
    subPatterns,
    factorLevels: FACTOR_LEVELS.map((level, index) => ({ level: level.id, tags: levelTags[index] ?? 0, reviews: levelReviews.counts[index] ?? 0 })),
    factorTypes: FACTOR_TYPES.map((type, index) => ({
      typeId: type.id,
      level: type.level,
      tags: typeTags[index] ?? 0,
      reviews: typeReviews.counts[index] ?? 0,
      inGoodEpisodes: typeGood[index] ?? 0,
      inProblematicEpisodes: typeProblematic[index] ?? 0,
    })),
    topFactors: factors.slice(0, TOP_FACTORS),
    episodes: { ...episodeCounts, total: Object.values(episodeCounts).reduce((sum, count) => sum + count, 0) },
    recommendationKinds: RECOMMENDATION_KINDS.map((kind) => {
      const byStatus = kindCounts.get(kind.id) ?? zeroRecord(RECOMMENDATION_STATUSES);
      return { kind: kind.id, count: Object.values(byStatus).reduce((sum, count) => sum + count, 0), byStatus };
    }),
    recommendationLevels: RECOMMENDATION_LEVELS.map((level) => ({ level, count: levels[level] })),
    recommendationStatuses: RECOMMENDATION_STATUSES.map((status) => ({ status, count: statuses[status] })),
    openByOwner: RECOMMENDATION_OWNER_TYPES.flatMap((ownerType) => {
      const owner = owners.get(ownerType);
      return owner ? [{ ownerType, ...owner }] : [];
    }).sort((a, b) => b.open - a.open),
    similarRecommendations: findSimilarRecommendations(records),
  };
}

/** What a drill-down asks for: the reviews that contributed to one figure. */
export type CollationSelector =
  | { readonly kind: 'category'; readonly category: TypologyCategoryNumber }
  | { readonly kind: 'subPattern'; readonly subPatternId: string | null; readonly category: TypologyCategoryNumber }
  | { readonly kind: 'factorLevel'; readonly level: FactorLevelId }
  | { readonly kind: 'factorType'; readonly typeId: string }
  | { readonly kind: 'factor'; readonly factorId: string }
  | { readonly kind: 'judgement'; readonly judgement: AdequacyJudgement | null }
  | { readonly kind: 'recommendationKind'; readonly recommendationKind: RecommendationKindId }
  | { readonly kind: 'recommendationStatus'; readonly status: RecommendationStatus }
  | { readonly kind: 'openByOwner'; readonly ownerType: RecommendationOwnerType };

export interface ContributingReview {
  readonly source: string;
  readonly reviewKey: string;
  readonly year: number;
  readonly trigger: ReviewTrigger;
  /** How many of its findings count towards the figure. */
  readonly count: number;
}

function countFor(record: PooledReviewFindings, selector: CollationSelector): number {
  switch (selector.kind) {
    case 'category':
      return record.patterns.filter((pattern) => pattern.category === selector.category).length;
    case 'subPattern':
      return record.patterns.filter((pattern) => pattern.category === selector.category && pattern.subPatternId === selector.subPatternId).length;
    case 'factorLevel':
      return record.episodes.reduce((sum, episode) => sum + episode.factorIds.filter((id) => findFactor(id)?.level.id === selector.level).length, 0);
    case 'factorType':
      return record.episodes.reduce((sum, episode) => sum + episode.factorIds.filter((id) => findFactor(id)?.type.id === selector.typeId).length, 0);
    case 'factor':
      return record.episodes.filter((episode) => episode.factorIds.includes(selector.factorId)).length;
    case 'judgement':
      return record.episodes.filter((episode) => episode.judgement === selector.judgement).length;
    case 'recommendationKind':
      return record.recommendations.filter((recommendation) => recommendation.kind === selector.recommendationKind).length;
    case 'recommendationStatus':
      return record.recommendations.filter((recommendation) => recommendation.status === selector.status).length;
    case 'openByOwner':
      return record.recommendations.filter((recommendation) => recommendation.ownerType === selector.ownerType && OPEN_STATUSES.includes(recommendation.status))
        .length;
  }
}

/** The reviews behind one figure, most contributing first. Whether a person may open each is the caller's question. */
export function contributingReviews(all: readonly PooledReviewFindings[], filter: CollationFilter, selector: CollationSelector): ContributingReview[] {
  return all
    .filter((record) => matchesFilter(record, filter))
    .flatMap((record) => {
      const count = countFor(record, selector);
      return count > 0 ? [{ source: record.source, reviewKey: record.reviewKey, year: record.year, trigger: record.trigger, count }] : [];
    })
    .sort((a, b) => b.count - a.count || (a.reviewKey < b.reviewKey ? -1 : 1));
}
