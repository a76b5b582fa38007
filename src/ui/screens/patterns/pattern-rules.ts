import { caseSpecificTerms, patternIssues } from '../../../domain/analysis';
import type { Participant, Pattern, Review } from '../../../domain/model';
import type { RuleCheck } from '../../components/analysis/use-checked-autosave';

/** The pattern rules plus a gentle check that the statement does not name this case (people, agencies' local names, places). */
export function checkPattern(
  pattern: Pick<Pattern, 'subPatternId' | 'newSubPatternTitle' | 'statement' | 'episodeIds' | 'prioritisation'>,
  episodeIds: ReadonlySet<string>,
  review: Pick<Review, 'codename' | 'agencies'>,
  participants: readonly Pick<Participant, 'kind' | 'realName' | 'reportLabel' | 'otherIdentifiers'>[],
): RuleCheck {
  const outcome = patternIssues(pattern, episodeIds);
  const terms = caseSpecificTerms(pattern.statement, review, participants);
  if (terms.length > 0) {
    outcome.warnings.unshift({
      path: 'statement',
      message: `it mentions ${terms.map((term) => `“${term}”`).join(', ')}, which belong to this case; patterns are stated in non-case-specific language`,
    });
  }
  return outcome;
}
