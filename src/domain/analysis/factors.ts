import type { EpisodeId } from '../ids';
import {
  FACTOR_LEVELS,
  FACTOR_TYPES,
  factorsOfferedFor,
  findFactor,
  type Factor,
  type FactorLevel,
  type FactorPath,
  type FactorType,
} from '../method/factor-framework';
import type { AdequacyJudgement, Episode } from '../model';

/**
 * The contributory-factor side of the analysis: searching SCIE's Appendix 5 framework for the picker, and
 * counting how factors recur across key practice episodes. The guide found that listing factors per episode
 * made "repetition across different episodes" stand out strongly; these helpers make that visible.
 */

// ---------------------------------------------------------------- searching the framework

export interface FactorOption {
  /** Unique within the picker: a factor carried into another type ("as above and also") appears twice. */
  readonly key: string;
  readonly factor: Factor;
  readonly type: FactorType;
  /** The type the factor belongs to when it is offered under another one. */
  readonly carriedFrom: FactorType | null;
}

export interface FactorTypeGroup {
  readonly type: FactorType;
  readonly options: readonly FactorOption[];
}

export interface FactorLevelGroup {
  readonly level: FactorLevel;
  readonly types: readonly FactorTypeGroup[];
}

const normalise = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[–—-]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ');

const typeById = new Map(FACTOR_TYPES.map((type) => [type.id, type]));

/**
 * The framework, level → type → factor, narrowed to the factors matching every word of the query (in the factor,
 * its type or its level). The inter-agency type also offers the own-team factors, as Appendix 5 says.
 */
export function searchFactors(query: string): FactorLevelGroup[] {
  const wanted = normalise(query).split(/\s+/).filter(Boolean);
  return FACTOR_LEVELS.map((level) => ({
    level,
    types: FACTOR_TYPES.filter((type) => type.level === level.id)
      .map((type) => ({
        type,
        options: factorsOfferedFor(type)
          .map((factor): FactorOption => {
            const home = findFactor(factor.id)?.type ?? type;
            return { key: `${type.id}|${factor.id}`, factor, type, carriedFrom: home.id === type.id ? null : (typeById.get(home.id) ?? home) };
          })
          .filter((option) => {
            if (wanted.length === 0) return true;
            const haystack = normalise(`${option.factor.label} ${type.title} ${level.title}`);
            return wanted.every((word) => haystack.includes(word));
          }),
      }))
      .filter((group) => group.options.length > 0),
  })).filter((group) => group.types.length > 0);
}

/** The options in the order the picker lists them, for arrow-key movement. */
export const flattenOptions = (groups: readonly FactorLevelGroup[]): FactorOption[] =>
  groups.flatMap((level) => level.types.flatMap((type) => type.options));

/** "Front-line factors › Conditions of work" */
export function factorPlace(path: FactorPath): string {
  return `${path.level.title} › ${path.type.title}`;
}

// ---------------------------------------------------------------- recurrence across episodes

export type JudgementOrNone = AdequacyJudgement | 'none';

export interface FactorRecurrence {
  readonly factorId: string;
  /** Undefined for an id the framework no longer has (kept visible rather than dropped). */
  readonly path: FactorPath | undefined;
  /** Distinct episodes tagging the factor, in the order given. */
  readonly episodeIds: readonly EpisodeId[];
  readonly count: number;
  /** How the review team judged the practice in those episodes. */
  readonly judgements: Readonly<Record<JudgementOrNone, number>>;
}

export type RecurrenceSortKey = 'count' | 'factor' | 'framework';
export type SortDirection = 'ascending' | 'descending';

const frameworkOrder = new Map<string, number>(
  FACTOR_TYPES.flatMap((type) => type.factors).map((factor, index) => [factor.id, index]),
);

const labelOf = (row: FactorRecurrence): string => row.path?.factor.label ?? row.factorId;

function compareRows(a: FactorRecurrence, b: FactorRecurrence, key: RecurrenceSortKey): number {
  const byFramework = (frameworkOrder.get(a.factorId) ?? Number.MAX_SAFE_INTEGER) - (frameworkOrder.get(b.factorId) ?? Number.MAX_SAFE_INTEGER);
  const byLabel = labelOf(a).localeCompare(labelOf(b), 'en-GB');
  switch (key) {
    case 'count':
      return a.count - b.count;
    case 'factor':
      return byLabel;
    case 'framework':
      return byFramework || byLabel;
  }
}

/**
 * How often each factor is tagged, counted once per episode. Sorted by the chosen key; ties keep the framework's
 * order whichever the direction, so the list is stable.
 */
export function factorRecurrence(
  episodes: readonly Pick<Episode, 'id' | 'factors' | 'judgement'>[],
  sort: { key: RecurrenceSortKey; direction: SortDirection } = { key: 'count', direction: 'descending' },
): FactorRecurrence[] {
  const rows = new Map<string, { episodeIds: EpisodeId[]; judgements: Record<JudgementOrNone, number> }>();
  for (const episode of episodes) {
    const seen = new Set<string>();
    for (const tag of episode.factors) {
      if (seen.has(tag.factorId)) continue;
      seen.add(tag.factorId);
      let row = rows.get(tag.factorId);
      if (!row) {
        row = { episodeIds: [], judgements: { good: 0, problematic: 0, mixed: 0, unclear: 0, none: 0 } };
        rows.set(tag.factorId, row);
      }
      row.episodeIds.push(episode.id);
      row.judgements[episode.judgement ?? 'none'] += 1;
    }
  }
  const list: FactorRecurrence[] = [...rows].map(([factorId, row]) => ({
    factorId,
    path: findFactor(factorId),
    episodeIds: row.episodeIds,
    count: row.episodeIds.length,
    judgements: row.judgements,
  }));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return list.sort((a, b) => {
    const primary = compareRows(a, b, sort.key);
    if (primary !== 0) return sign * primary;
    return compareRows(a, b, 'framework');
  });
}

/** Factor id → number of episodes tagging it: for the "recurs in N episodes" marks on each tag. */
export function recurrenceCounts(episodes: readonly Pick<Episode, 'factors'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const episode of episodes) {
    for (const factorId of new Set(episode.factors.map((tag) => tag.factorId))) {
      counts.set(factorId, (counts.get(factorId) ?? 0) + 1);
    }
  }
  return counts;
}

/** A factor recurs when two or more episodes share it. */
export const RECURS_FROM = 2;
