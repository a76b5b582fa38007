import { ADEQUACY_LABELS } from '../labels';
import { FACTOR_LEVELS, FACTOR_TYPES, findFactor } from '../method/factor-framework';
import { RECOMMENDATION_KINDS } from '../method/recommendation-kinds';
import { findSubPattern, typologyCategory } from '../method/typology';
import { ADEQUACY_JUDGEMENTS, RECOMMENDATION_STATUSES } from '../model';
import { AGENCY_TYPE_TITLES } from './agency-types';
import { AGE_BANDS, AGE_BAND_TITLES, type CollationSelector, type CollationSummary } from './collate';
import type { RecommendationOwnerType } from './pooled-findings';

/**
 * The collation as titled tables: what the collation view shows (each chart's table equivalent) and what
 * `cli collate` prints, from one definition so the two cannot differ.
 */
export interface CollationRow {
  readonly label: string;
  readonly values: readonly (number | string)[];
  /** What a drill-down on this row asks for. */
  readonly selector?: CollationSelector;
}

export interface CollationTable {
  readonly id:
    | 'categories'
    | 'subPatterns'
    | 'factorLevels'
    | 'factorTypes'
    | 'topFactors'
    | 'episodes'
    | 'recommendationKinds'
    | 'recommendationLevels'
    | 'openByOwner'
    | 'similar';
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly CollationRow[];
}

export const STATUS_TITLES: Record<(typeof RECOMMENDATION_STATUSES)[number], string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  inProgress: 'In progress',
  implemented: 'Implemented',
  notTakenForward: 'Not taken forward',
};

export const ownerTitle = (owner: RecommendationOwnerType): string => (owner === 'unassigned' ? 'No owner named' : AGENCY_TYPE_TITLES[owner]);
const levelTitle = (id: string): string => FACTOR_LEVELS.find((level) => level.id === id)?.title ?? id;
const typeTitle = (id: string): string => FACTOR_TYPES.find((type) => type.id === id)?.title ?? id;
export const subPatternTitle = (id: string | null, category: number): string =>
  id === null ? `Sub-patterns the reviews named themselves (category ${category})` : (findSubPattern(id)?.subPattern.title ?? id);

export function describeHeadline(summary: CollationSummary): string {
  if (summary.reviews === 0) return 'No pooled reviews match.';
  const years =
    summary.years === null ? '' : summary.years.from === summary.years.to ? `, ${summary.years.from}` : `, ${summary.years.from}–${summary.years.to}`;
  const sources = summary.sources.length === 1 ? `1 source (${summary.sources[0]})` : `${summary.sources.length} sources`;
  return `${summary.reviews} ${summary.reviews === 1 ? 'review' : 'reviews'} from ${sources}${years}.`;
}

export function describeCollation(
  summary: CollationSummary,
  options: { readonly subPatternRows?: number; readonly similarRows?: number } = {},
): CollationTable[] {
  return [
    {
      id: 'categories',
      title: 'Patterns by typology category',
      columns: ['Category', 'Patterns', 'Reviews', 'Supporting good practice', 'Making problematic practice more likely', 'Selected as priority'],
      rows: summary.patternCategories.map((row) => ({
        label: `${row.category}. ${typologyCategory(row.category).title}`,
        values: [row.patterns, row.reviews, row.supportsGoodPractice, row.makesProblematicPracticeMoreLikely, row.selected],
        selector: { kind: 'category', category: row.category },
      })),
    },
    {
      id: 'subPatterns',
      title: 'Most frequent sub-patterns',
      columns: ['Sub-pattern', 'Category', 'Patterns', 'Reviews', 'Selected as priority'],
      rows: summary.subPatterns.slice(0, options.subPatternRows ?? 15).map((row) => ({
        label: subPatternTitle(row.subPatternId, row.category),
        values: [row.category, row.patterns, row.reviews, row.selected],
        selector: { kind: 'subPattern', subPatternId: row.subPatternId, category: row.category },
      })),
    },
    {
      id: 'factorLevels',
      title: 'Contributory factors by level',
      columns: ['Level', 'Factors tagged', 'Reviews'],
      rows: summary.factorLevels.map((row) => ({
        label: levelTitle(row.level),
        values: [row.tags, row.reviews],
        selector: { kind: 'factorLevel', level: row.level },
      })),
    },
    {
      id: 'factorTypes',
      title: 'Contributory factors by type',
      columns: ['Type', 'Level', 'Factors tagged', 'In good-practice episodes', 'In problematic-practice episodes', 'Reviews'],
      rows: summary.factorTypes.map((row) => ({
        label: typeTitle(row.typeId),
        values: [levelTitle(row.level), row.tags, row.inGoodEpisodes, row.inProblematicEpisodes, row.reviews],
        selector: { kind: 'factorType', typeId: row.typeId },
      })),
    },
    {
      id: 'topFactors',
      title: 'Most frequent contributory factors',
      columns: ['Factor', 'Type', 'Episodes', 'Reviews'],
      rows: summary.topFactors.map((row) => ({
        label: findFactor(row.factorId)?.factor.label ?? row.factorId,
        values: [typeTitle(row.typeId), row.tags, row.reviews],
        selector: { kind: 'factor', factorId: row.factorId },
      })),
    },
    {
      id: 'episodes',
      title: 'Key practice episodes: good and problematic practice',
      columns: ['Reviewers’ judgement', 'Episodes'],
      rows: [
        ...ADEQUACY_JUDGEMENTS.map((judgement) => ({
          label: ADEQUACY_LABELS[judgement],
          values: [summary.episodes[judgement]],
          selector: { kind: 'judgement', judgement } as const,
        })),
        { label: 'Not yet judged', values: [summary.episodes.notJudged], selector: { kind: 'judgement', judgement: null } },
      ],
    },
    {
      id: 'recommendationKinds',
      title: 'Recommendations by kind and implementation status',
      columns: ['Kind', 'Recommendations', ...RECOMMENDATION_STATUSES.map((status) => STATUS_TITLES[status])],
      rows: summary.recommendationKinds.map((row) => ({
        label: `${RECOMMENDATION_KINDS.find((kind) => kind.id === row.kind)?.number}. ${RECOMMENDATION_KINDS.find((kind) => kind.id === row.kind)?.title}`,
        values: [row.count, ...RECOMMENDATION_STATUSES.map((status) => row.byStatus[status])],
        selector: { kind: 'recommendationKind', recommendationKind: row.kind },
      })),
    },
    {
      id: 'recommendationLevels',
      title: 'Recommendations by level',
      columns: ['Level', 'Recommendations'],
      rows: summary.recommendationLevels.map((row) => ({ label: row.level.charAt(0).toUpperCase() + row.level.slice(1), values: [row.count] })),
    },
    {
      id: 'openByOwner',
      title: 'Open recommendations by owner and age',
      columns: ['Owner', 'Open', ...AGE_BANDS.map((band) => AGE_BAND_TITLES[band]), 'Oldest (months)'],
      rows: summary.openByOwner.map((row) => ({
        label: ownerTitle(row.ownerType),
        values: [row.open, ...AGE_BANDS.map((band) => row.byAge[band]), row.oldestMonths],
        selector: { kind: 'openByOwner', ownerType: row.ownerType },
      })),
    },
    {
      id: 'similar',
      title: `Recommendations similar to an earlier review’s (${summary.similarRecommendations.length})`,
      columns: ['Review', 'Made', 'Status', 'Earlier review', 'Earlier made', 'Earlier status'],
      rows: summary.similarRecommendations.slice(0, options.similarRows ?? 20).map((row) => ({
        label: `${row.recommendation.reviewKey} #${row.recommendation.index + 1}`,
        values: [
          row.recommendation.madeIn,
          STATUS_TITLES[row.recommendation.status],
          `${row.earlier.reviewKey} #${row.earlier.index + 1}${row.earlier.source === row.recommendation.source ? '' : ` (${row.earlier.source})`}`,
          row.earlier.madeIn,
          STATUS_TITLES[row.earlier.status],
        ],
      })),
    },
  ];
}

/** Plain-text tables for a terminal. */
export function collationAsText(summary: CollationSummary): string {
  const out: string[] = [describeHeadline(summary), ''];
  for (const table of describeCollation(summary)) {
    out.push(table.title);
    const rows = [table.columns, ...table.rows.map((row) => [row.label, ...row.values.map(String)])];
    const widths = table.columns.map((_, column) => Math.min(60, Math.max(...rows.map((row) => (row[column] ?? '').length))));
    for (const row of rows) {
      out.push(
        `  ${row
          .map((cell, column) => {
            const clipped = cell.length > 60 ? `${cell.slice(0, 59)}…` : cell;
            return column === 0 ? clipped.padEnd(widths[column] ?? 0) : clipped.padStart(widths[column] ?? 0);
          })
          .join('  ')
          .trimEnd()}`,
      );
    }
    if (table.rows.length === 0) out.push('  (none)');
    out.push('');
  }
  return out.join('\n');
}
