import type { FieldIssue } from '../failures';
import { TYPOLOGY, findSubPattern, type SubPattern, type TypologyCategory, type TypologyCategoryNumber } from '../method/typology';
import { findFactor } from '../method/factor-framework';
import type { Episode, NarrativeEntry, Participant, Pattern, Review, ReviewSnapshot } from '../model';

/**
 * Patterns of systemic factors: the board groups them by the six-part typology. Every pattern stays recorded;
 * the ones not prioritised stay visible, so a different selection can be made later (Section 3 of the guide).
 */

export interface CategoryColumn {
  readonly category: TypologyCategory;
  /** Prioritised patterns, by rank (unranked last). */
  readonly selected: readonly Pattern[];
  /** Recorded, not prioritised. */
  readonly notPrioritised: readonly Pattern[];
}

const byRank = (a: Pattern, b: Pattern): number => {
  const aRank = a.prioritisation.rank ?? Number.MAX_SAFE_INTEGER;
  const bRank = b.prioritisation.rank ?? Number.MAX_SAFE_INTEGER;
  return aRank - bRank || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
};

export function patternBoard(patterns: readonly Pattern[]): CategoryColumn[] {
  return TYPOLOGY.map((category) => {
    const inCategory = patterns.filter((pattern) => pattern.category === category.number);
    return {
      category,
      selected: inCategory.filter((pattern) => pattern.prioritisation.selected).sort(byRank),
      notPrioritised: inCategory.filter((pattern) => !pattern.prioritisation.selected).sort(byRank),
    };
  });
}

export interface SubPatternOption {
  readonly id: string;
  readonly title: string;
  /** 0 for a sub-pattern, 1 for one of its more detailed issues. */
  readonly depth: number;
}

/** Appendix 6's sub-patterns for a category, depth-first, for a picker with indentation. */
export function subPatternOptions(categoryNumber: TypologyCategoryNumber): SubPatternOption[] {
  const category = TYPOLOGY.find((candidate) => candidate.number === categoryNumber);
  const walk = (subPatterns: readonly SubPattern[], depth: number): SubPatternOption[] =>
    subPatterns.flatMap((subPattern) => [{ id: subPattern.id, title: subPattern.title, depth }, ...walk(subPattern.children, depth + 1)]);
  return category ? walk(category.subPatterns, 0) : [];
}

/** The pattern's heading: its Appendix 6 sub-pattern, its new sub-pattern title, or its category. */
export function patternTitle(pattern: Pick<Pattern, 'category' | 'subPatternId' | 'newSubPatternTitle'>): string {
  if (pattern.subPatternId !== null) {
    const found = findSubPattern(pattern.subPatternId);
    if (found) return found.subPattern.title;
  }
  if (pattern.newSubPatternTitle.trim() !== '') return pattern.newSubPatternTitle.trim();
  return TYPOLOGY.find((category) => category.number === pattern.category)?.title ?? `Category ${pattern.category}`;
}

/** What must hold for a pattern beyond its schema: a sub-pattern named one way or the other, a statement, linked episodes. */
export function patternIssues(
  pattern: Pick<Pattern, 'subPatternId' | 'newSubPatternTitle' | 'statement' | 'episodeIds' | 'prioritisation'>,
  existingEpisodeIds: ReadonlySet<string>,
): { blocking: FieldIssue[]; warnings: FieldIssue[] } {
  const blocking: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  if (pattern.subPatternId === null && pattern.newSubPatternTitle.trim() === '') {
    blocking.push({ path: 'newSubPatternTitle', message: 'choose an Appendix 6 sub-pattern or name a new one' });
  }
  if (pattern.statement.trim() === '') blocking.push({ path: 'statement', message: 'the statement is required' });
  if (pattern.episodeIds.length === 0) {
    warnings.push({ path: 'episodeIds', message: 'link the key practice episodes this pattern draws on' });
  } else if (pattern.episodeIds.some((id) => !existingEpisodeIds.has(id))) {
    warnings.push({ path: 'episodeIds', message: 'a linked episode is no longer in this review' });
  }
  if (pattern.prioritisation.selected && (pattern.prioritisation.widespread === null || pattern.prioritisation.contemporaryRelevance === null)) {
    warnings.push({
      path: 'prioritisation',
      message: 'say how widespread the pattern is beyond this case and how relevant it is now, so the selection can be explained',
    });
  }
  return { blocking, warnings };
}

/** Words that name a kind of service, not a place: an agency called only by these is not case-specific. */
const GENERIC_SERVICE_WORDS = new Set(
  [
    'and', 'of', 'the', 'for', 'children', 'children’s', "children's", 'child', 'adult', 'adults', 'family', 'families', 'social', 'care',
    'services', 'service', 'health', 'visiting', 'visitor', 'visitors', 'police', 'constabulary', 'school', 'primary', 'secondary',
    'academy', 'nursery', 'gp', 'practice', 'surgery', 'general', 'hospital', 'trust', 'nhs', 'foundation', 'housing', 'association',
    'council', 'county', 'borough', 'city', 'district', 'local', 'authority', 'team', 'department', 'early', 'help', 'education',
    'mental', 'community', 'probation', 'youth', 'offending', 'safeguarding', 'board', 'partnership', 'unit', 'centre', 'center', 'clinic',
    'midwifery', 'paediatrics', 'a&e', 'emergency', 'ambulance', 'drug', 'alcohol', 'substance', 'misuse', 'domestic', 'abuse', 'violence',
  ].map((word) => word.toLocaleLowerCase('en-GB')),
);

/**
 * An agency's local name, and each of its local words, when it has any: "Oakfield Primary School" gives
 * "Oakfield Primary School" and "Oakfield"; "Police" or "Children's Social Care" give nothing, since a
 * non-case-specific statement may well speak of the police or social care. Parenthetical asides are ignored.
 */
export function localAgencyTerms(name: string): string[] {
  const plain = name.replace(/\([^)]*\)/gu, ' ').replace(/\s+/gu, ' ').trim();
  const local = plain.split(' ').filter((word) => {
    const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}&’']+$/gu, '');
    return bare.length >= 3 && !GENERIC_SERVICE_WORDS.has(bare.toLocaleLowerCase('en-GB'));
  });
  if (local.length === 0) return [];
  return [plain, ...local.map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))];
}

/** What a review records that identifies its case beyond the people in it. */
export interface CaseIdentifiers {
  /** Places named in the review's identifier register (streets, towns, estates, schools). */
  readonly places?: readonly string[];
}

/**
 * Words in a pattern statement that belong to this case: participants' names and family pseudonyms, other
 * identifiers, the review's codename, the agencies' local names (not the kind of service they are), and places
 * in the review's identifier register. Patterns are written in non-case-specific language.
 */
export function caseSpecificTerms(
  statement: string,
  review: Pick<Review, 'codename'> & { readonly agencies?: Review['agencies'] },
  participants: readonly Pick<Participant, 'kind' | 'realName' | 'reportLabel' | 'otherIdentifiers'>[],
  identifiers: CaseIdentifiers = {},
): string[] {
  const family = new Set(['familyMember', 'carer', 'childOrYoungPerson']);
  const terms = new Set<string>([review.codename]);
  for (const participant of participants) {
    terms.add(participant.realName);
    for (const identifier of participant.otherIdentifiers) terms.add(identifier);
    // Professionals are labelled by role ("Social worker"), which a generic statement may well use.
    if (family.has(participant.kind)) terms.add(participant.reportLabel);
  }
  for (const agency of review.agencies ?? []) for (const term of localAgencyTerms(agency.name)) terms.add(term);
  for (const place of identifiers.places ?? []) terms.add(place);
  const text = statement.toLocaleLowerCase('en-GB');
  const found = [...terms]
    .map((term) => term.trim())
    .filter((term) => term.length >= 2)
    .filter((term) => {
      const escaped = term.toLocaleLowerCase('en-GB').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').exec(text) !== null;
    });
  // A local word inside a longer term that was found is not named twice ("Oakfield" within "Oakfield Primary School").
  return found
    .filter((term) => !found.some((other) => other !== term && other.toLocaleLowerCase('en-GB').includes(term.toLocaleLowerCase('en-GB'))))
    .sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** One contributory factor a pattern cites: the factor, the episode it was tagged on, and why it made sense there. */
export interface CitedFactor {
  readonly factorTagId: string;
  readonly factorLabel: string;
  readonly episodeId: string;
  readonly episodeTitle: string;
  readonly whyItMadeSense: string;
}

/** The contributory factors a pattern may cite: the factor tags on the episodes it draws on, in episode order. */
export function citableFactors(pattern: Pick<Pattern, 'episodeIds'>, episodes: readonly Episode[]): CitedFactor[] {
  const linked = new Set<string>(pattern.episodeIds);
  return episodes
    .filter((episode) => linked.has(episode.id))
    .flatMap((episode) =>
      episode.factors.map((tag) => ({
        factorTagId: tag.id,
        factorLabel: findFactor(tag.factorId)?.factor.label ?? tag.factorId,
        episodeId: episode.id,
        episodeTitle: episode.title,
        whyItMadeSense: tag.whyItMadeSense,
      })),
    );
}

/**
 * What a pattern rests on, for reading it: the factors it cites (wherever they are tagged, so a citation survives
 * an episode link being taken away) and the narrative entries it cites. Citations of a tag or entry no longer in
 * the review are counted, not shown.
 */
export function patternEvidence(
  pattern: Pick<Pattern, 'factorTagIds' | 'narrativeEntryIds'>,
  snapshot: Pick<ReviewSnapshot, 'episodes' | 'narrative'>,
): { factors: CitedFactor[]; entries: NarrativeEntry[]; missing: number } {
  const tags = new Map(citableFactors({ episodeIds: snapshot.episodes.map((episode) => episode.id) }, snapshot.episodes).map((cited) => [cited.factorTagId, cited]));
  const entries = new Map(snapshot.narrative.map((entry) => [entry.id as string, entry]));
  const factors = pattern.factorTagIds.flatMap((id) => tags.get(id) ?? []);
  const cited = pattern.narrativeEntryIds.flatMap((id) => entries.get(id) ?? []);
  return { factors, entries: cited, missing: pattern.factorTagIds.length - factors.length + pattern.narrativeEntryIds.length - cited.length };
}
