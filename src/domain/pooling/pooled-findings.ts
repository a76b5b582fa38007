import { z } from 'zod';
import { ALL_FACTOR_IDS } from '../method/factor-framework';
import { RECOMMENDATION_KIND_IDS } from '../method/recommendation-kinds';
import { flattenSubPatterns, TYPOLOGY } from '../method/typology';
import { ADEQUACY_JUDGEMENTS, PATTERN_INFLUENCES, PRIORITY_LEVELS, RECOMMENDATION_LEVELS, RECOMMENDATION_STATUSES, REVIEW_TRIGGERS } from '../model';
import { CalendarDateSchema } from '../primitives';
import { AGENCY_TYPES } from './agency-types';
import { RECOMMENDATION_TERMS } from './vocabulary';

/**
 * A review's de-identified findings, pooled for collation across reviews (issue 14, ADR 1400). Built only from coded
 * fields: framework ids, enums, counts, a year and months. No free text, no name, no record id, no codename.
 * Version 1; a later shape gets a new number and a migration, as bundles do.
 */
export const POOLED_FINDINGS_SCHEMA_VERSION = 1 as const;

/** Which LSCB (or other source) pooled the findings: a short code the LSCB chooses, e.g. "fenshire-lscb". */
export const PooledSourceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a short code of lower-case letters, digits and hyphens, e.g. "north-lscb"');

/** An opaque key for the review: a hash of the source and the review id, never the codename. */
export const PooledReviewKeySchema = z.string().regex(/^rk-[0-9a-f]{16}$/, 'a pooled review key (rk- and 16 hex digits)');

const YearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month written as YYYY-MM');

const FactorIdSchema = z.enum(ALL_FACTOR_IDS as [string, ...string[]]);
const SUB_PATTERN_IDS = TYPOLOGY.flatMap((category) => flattenSubPatterns(category.subPatterns).map((subPattern) => subPattern.id));
// Enums rather than refinements, so the published JSON Schema lists every code allowed.
const SubPatternIdSchema = z.enum(SUB_PATTERN_IDS as [string, ...string[]]);
const CategorySchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);

export const PooledPatternSchema = z.strictObject({
  category: CategorySchema,
  /** An Appendix 6 sub-pattern; null for a sub-pattern the review named itself (its title stays in the review). */
  subPatternId: SubPatternIdSchema.nullable(),
  influence: z.enum(PATTERN_INFLUENCES),
  widespread: z.enum(PRIORITY_LEVELS).nullable(),
  contemporaryRelevance: z.enum(PRIORITY_LEVELS).nullable(),
  rank: z.number().int().min(1).nullable(),
  selected: z.boolean(),
  episodeCount: z.number().int().min(0),
});
export type PooledPattern = z.infer<typeof PooledPatternSchema>;

export const PooledEpisodeSchema = z.strictObject({
  judgement: z.enum(ADEQUACY_JUDGEMENTS).nullable(),
  factorIds: z.array(FactorIdSchema),
});
export type PooledEpisode = z.infer<typeof PooledEpisodeSchema>;

export const RECOMMENDATION_OWNER_TYPES = [...AGENCY_TYPES, 'unassigned'] as const;
export type RecommendationOwnerType = (typeof RECOMMENDATION_OWNER_TYPES)[number];

export const PooledRecommendationSchema = z.strictObject({
  kind: z.enum(RECOMMENDATION_KIND_IDS),
  level: z.enum(RECOMMENDATION_LEVELS),
  status: z.enum(RECOMMENDATION_STATUSES),
  /** The type of agency that owns it, from its owner or addressee; never the name. */
  ownerType: z.enum(RECOMMENDATION_OWNER_TYPES),
  madeIn: YearMonthSchema,
  completedIn: YearMonthSchema.nullable(),
  /** Its wording reduced to the controlled vocabulary (vocabulary.ts). */
  terms: z.array(z.enum(RECOMMENDATION_TERMS)),
  patternCategories: z.array(CategorySchema),
  subPatternIds: z.array(SubPatternIdSchema),
});
export type PooledRecommendation = z.infer<typeof PooledRecommendationSchema>;

export const PooledReviewFindingsSchema = z.strictObject({
  schemaVersion: z.literal(POOLED_FINDINGS_SCHEMA_VERSION),
  source: PooledSourceIdSchema,
  reviewKey: PooledReviewKeySchema,
  /** The day the findings were pooled (Europe/London). */
  pooledOn: CalendarDateSchema,
  trigger: z.enum(REVIEW_TRIGGERS),
  /** The year the period under review ended. */
  year: z.number().int().min(1990).max(2200),
  /** Fictional reviews (the training case, generated fixtures) can be left out of a collation. */
  fictional: z.boolean(),
  agencyTypes: z.array(z.enum(AGENCY_TYPES)),
  patterns: z.array(PooledPatternSchema),
  episodes: z.array(PooledEpisodeSchema),
  recommendations: z.array(PooledRecommendationSchema),
});
export type PooledReviewFindings = z.infer<typeof PooledReviewFindingsSchema>;

/** The identity of a pooled record: one per review per source, replaced on every write (idempotent). */
export const pooledRecordId = (record: Pick<PooledReviewFindings, 'source' | 'reviewKey'>): string => `${record.source}/${record.reviewKey}`;
