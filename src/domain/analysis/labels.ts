import type { PATTERN_INFLUENCES, PRIORITY_LEVELS, RECOMMENDATION_LEVELS, RECOMMENDATION_STATUSES } from '../model';

/** Words for the analysis codes the shared labels module does not cover. UK English, respectful. */

export const PATTERN_INFLUENCE_LABELS: Record<(typeof PATTERN_INFLUENCES)[number], string> = {
  supportsGoodPractice: 'Supports good practice',
  makesProblematicPracticeMoreLikely: 'Makes problematic practice more likely',
};

export const PRIORITY_LABELS: Record<(typeof PRIORITY_LEVELS)[number], string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export const RECOMMENDATION_LEVEL_LABELS: Record<(typeof RECOMMENDATION_LEVELS)[number], string> = {
  local: 'Local',
  regional: 'Regional',
  national: 'National',
};

export const RECOMMENDATION_STATUS_LABELS: Record<(typeof RECOMMENDATION_STATUSES)[number], string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  inProgress: 'In progress',
  implemented: 'Implemented',
  notTakenForward: 'Not taken forward',
};

export const NOT_YET_JUDGED = 'Not yet judged';

export const NARRATIVE_KIND_HINTS = {
  account: 'What a participant said, or what an agency’s records show.',
  gap: 'Missing information, or a perspective the review could not obtain.',
  discrepancy: 'Sources disagree: link the entries it disputes.',
  reviewersJudgement: 'The review team’s own view, kept apart from participants’ accounts.',
} as const;
