import type { FieldIssue } from '../failures';
import { TYPOLOGY, findSubPattern, type SubPattern, type TypologyCategory, type TypologyCategoryNumber } from '../method/typology';
import type { Participant, Pattern, Review } from '../model';

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

/**
 * Words in a pattern statement that belong to this case: participants' names and family pseudonyms, other
 * identifiers, and the review's codename. Patterns are written in non-case-specific language.
 */
export function caseSpecificTerms(
  statement: string,
  review: Pick<Review, 'codename'>,
  participants: readonly Pick<Participant, 'kind' | 'realName' | 'reportLabel' | 'otherIdentifiers'>[],
): string[] {
  const family = new Set(['familyMember', 'carer', 'childOrYoungPerson']);
  const terms = new Set<string>([review.codename]);
  for (const participant of participants) {
    terms.add(participant.realName);
    for (const identifier of participant.otherIdentifiers) terms.add(identifier);
    // Professionals are labelled by role ("Social worker"), which a generic statement may well use.
    if (family.has(participant.kind)) terms.add(participant.reportLabel);
  }
  const text = statement.toLocaleLowerCase('en-GB');
  return [...terms]
    .map((term) => term.trim())
    .filter((term) => term.length >= 2)
    .filter((term) => {
      const escaped = term.toLocaleLowerCase('en-GB').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').exec(text) !== null;
    })
    .sort((a, b) => a.localeCompare(b, 'en-GB'));
}
