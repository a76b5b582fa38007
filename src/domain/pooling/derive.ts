import { findSubPattern } from '../method/typology';
import { REVIEW_PHASES, type Recommendation, type ReviewPhase, type ReviewSnapshot } from '../model';
import type { CalendarDate } from '../primitives';
import { londonDateOf } from '../time';
import { agencyTypeOf, type AgencyType } from './agency-types';
import {
  POOLED_FINDINGS_SCHEMA_VERSION,
  type PooledEpisode,
  type PooledPattern,
  type PooledRecommendation,
  type PooledReviewFindings,
  type RecommendationOwnerType,
} from './pooled-findings';
import { pooledReviewKey } from './review-key';
import { termsOf } from './vocabulary';

/**
 * The phase from which a review's findings are pooled; the LSCB chooses it. The default is "final draft agreed": the
 * review has left the final draft stage (closing meeting held) for publication.
 */
export const DEFAULT_POOLING_PHASE: ReviewPhase = 'publication';

/** Phases an LSCB may choose to pool from: after the analysis at the earliest. */
export const POOLING_PHASE_CHOICES: readonly ReviewPhase[] = ['preliminaryReport', 'interimReport', 'finalDraftReport', 'publication'];

export const POOLING_PHASE_TITLES: Partial<Record<ReviewPhase, string>> = {
  preliminaryReport: 'Analysis complete (preliminary report)',
  interimReport: 'Interim report',
  finalDraftReport: 'Final draft report',
  publication: 'Final draft agreed (default)',
};

/** Whether a review in `phase` has reached the pooling phase chosen. */
export const hasReachedPoolingPhase = (phase: ReviewPhase, poolingPhase: ReviewPhase = DEFAULT_POOLING_PHASE): boolean =>
  REVIEW_PHASES.indexOf(phase) >= REVIEW_PHASES.indexOf(poolingPhase);

export interface PoolingContext {
  readonly source: string;
  /** Today, in Europe/London: the app passes it in from its Clock. */
  readonly pooledOn: CalendarDate;
}

/** Lower-cased words of every name, label and local place in the review: kept out of the pooled terms. */
export function identifyingWords(snapshot: ReviewSnapshot): Set<string> {
  const texts: string[] = [snapshot.review.codename, ...snapshot.review.agencies.map((agency) => agency.name)];
  for (const member of snapshot.teamMembers) texts.push(member.name, member.email);
  for (const participant of snapshot.participants) {
    texts.push(participant.realName, participant.reportLabel, participant.email, ...participant.otherIdentifiers);
    // A family member's role ("Mother") describes the person in this case.
    if (participant.agencyId === null) texts.push(participant.roleTitle);
  }
  const words = new Set<string>();
  for (const text of texts) for (const word of text.toLocaleLowerCase('en-GB').split(/[^a-z]+/)) if (word.length > 0) words.add(word);
  return words;
}

const monthOf = (instant: string): string => (londonDateOf(instant) ?? instant.slice(0, 10)).slice(0, 7);
const sortedUnique = <T extends string | number>(values: Iterable<T>): T[] => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function ownerTypeOf(recommendation: Recommendation, agencyTypes: ReadonlyMap<string, AgencyType>): RecommendationOwnerType {
  const owner = recommendation.tracking.owner.trim() || recommendation.addressee.trim();
  if (owner === '') return 'unassigned';
  const lowered = owner.toLocaleLowerCase('en-GB');
  for (const [name, type] of agencyTypes) if (lowered.includes(name) || name.includes(lowered)) return type;
  return agencyTypeOf(owner);
}

/**
 * A review's de-identified findings. Pure: built only from coded fields (framework ids, enums, months and counts); the
 * only text read is a recommendation's wording and its owner, reduced to controlled vocabularies before they leave.
 */
export function derivePooledFindings(snapshot: ReviewSnapshot, context: PoolingContext): PooledReviewFindings {
  const { review } = snapshot;
  const agencyTypeByName = new Map(review.agencies.map((agency) => [agency.name.trim().toLocaleLowerCase('en-GB'), agencyTypeOf(agency.name)] as const));
  const identifiers = identifyingWords(snapshot);
  const patternById = new Map(snapshot.patterns.map((pattern) => [pattern.id as string, pattern]));

  const patterns: PooledPattern[] = snapshot.patterns.map((pattern) => ({
    category: pattern.category,
    subPatternId: pattern.subPatternId !== null && findSubPattern(pattern.subPatternId) !== undefined ? pattern.subPatternId : null,
    influence: pattern.influence,
    widespread: pattern.prioritisation.widespread,
    contemporaryRelevance: pattern.prioritisation.contemporaryRelevance,
    rank: pattern.prioritisation.rank,
    selected: pattern.prioritisation.selected,
    episodeCount: pattern.episodeIds.length,
  }));

  const episodes: PooledEpisode[] = snapshot.episodes.map((episode) => ({
    judgement: episode.judgement,
    factorIds: sortedUnique(episode.factors.map((tag) => tag.factorId)),
  }));

  const recommendations: PooledRecommendation[] = snapshot.recommendations.map((recommendation) => {
    const linked = recommendation.patternIds.flatMap((id) => patternById.get(id) ?? []);
    return {
      kind: recommendation.kind,
      level: recommendation.level,
      status: recommendation.tracking.status,
      ownerType: ownerTypeOf(recommendation, agencyTypeByName),
      madeIn: monthOf(recommendation.createdAt),
      completedIn: recommendation.tracking.completedOn?.slice(0, 7) ?? null,
      terms: termsOf(recommendation.text, identifiers),
      patternCategories: sortedUnique(linked.map((pattern) => pattern.category)),
      subPatternIds: sortedUnique(
        linked.flatMap((pattern) => (pattern.subPatternId !== null && findSubPattern(pattern.subPatternId) ? [pattern.subPatternId] : [])),
      ),
    };
  });

  return {
    schemaVersion: POOLED_FINDINGS_SCHEMA_VERSION,
    source: context.source,
    reviewKey: pooledReviewKey(context.source, review.id),
    pooledOn: context.pooledOn,
    trigger: review.trigger,
    year: Number(review.periodUnderReview.to.slice(0, 4)),
    fictional: review.fictional,
    agencyTypes: sortedUnique(review.agencies.map((agency) => agencyTypeOf(agency.name))),
    patterns,
    episodes,
    recommendations,
  };
}
