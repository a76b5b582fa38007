import type { FieldIssue } from '../failures';
import { RECOMMENDATION_KINDS, type RecommendationKindId } from '../method/recommendation-kinds';
import type { Recommendation } from '../model';

/** Recommendations grouped under the method's three kinds, in the guide's order. */
export function recommendationsByKind(
  recommendations: readonly Recommendation[],
): Array<{ kind: (typeof RECOMMENDATION_KINDS)[number]; recommendations: Recommendation[] }> {
  return RECOMMENDATION_KINDS.map((kind) => ({
    kind,
    recommendations: recommendations
      .filter((recommendation) => recommendation.kind === kind.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
  }));
}

export const recommendationKind = (id: RecommendationKindId) => RECOMMENDATION_KINDS.find((kind) => kind.id === id);

const FINISHED: ReadonlySet<Recommendation['tracking']['status']> = new Set(['implemented', 'notTakenForward']);

/** Past its due date and not finished. `today` is a Europe/London calendar date, passed in. */
export function isOverdue(recommendation: Pick<Recommendation, 'tracking'>, today: string): boolean {
  const { dueOn, status } = recommendation.tracking;
  return dueOn !== null && dueOn < today && !FINISHED.has(status);
}

/** Tracking that does not add up, and a recommendation tied to no pattern. Advice only: the record is still stored. */
export function recommendationWarnings(recommendation: Pick<Recommendation, 'tracking' | 'patternIds'>): FieldIssue[] {
  const warnings: FieldIssue[] = [];
  const { status, completedOn, evidence } = recommendation.tracking;
  if (completedOn !== null && status !== 'implemented') {
    warnings.push({ path: 'tracking.completedOn', message: 'a completion date is recorded but the status is not “Implemented”' });
  }
  if (status === 'implemented' && completedOn === null) {
    warnings.push({ path: 'tracking.completedOn', message: 'record when it was implemented' });
  }
  if (status === 'implemented' && evidence.trim() === '') {
    warnings.push({ path: 'tracking.evidence', message: 'say what shows it has been implemented' });
  }
  if (recommendation.patternIds.length === 0) {
    warnings.push({ path: 'patternIds', message: 'link the patterns this recommendation responds to' });
  }
  return warnings;
}

/** Blocking: an addressee and the recommendation's words. Warnings: see `recommendationWarnings`. */
export function recommendationIssues(
  recommendation: Pick<Recommendation, 'addressee' | 'text' | 'tracking' | 'patternIds'>,
): { blocking: FieldIssue[]; warnings: FieldIssue[] } {
  const blocking: FieldIssue[] = [];
  if (recommendation.addressee.trim() === '') blocking.push({ path: 'addressee', message: 'say who the recommendation is addressed to' });
  if (recommendation.text.trim() === '') blocking.push({ path: 'text', message: 'the recommendation itself is required' });
  const { dueOn, completedOn } = recommendation.tracking;
  for (const [path, date] of [['tracking.dueOn', dueOn], ['tracking.completedOn', completedOn]] as const) {
    if (date !== null && /^\d{4}-\d{2}-\d{2}$/.exec(date) === null) blocking.push({ path, message: 'a real date, or left empty' });
  }
  return { blocking, warnings: recommendationWarnings(recommendation) };
}
