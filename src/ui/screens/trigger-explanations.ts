import type { ReviewTrigger } from '../../domain/model';

/**
 * Why a review might start, in the method's spirit: a review starts from a question about practice,
 * not only from harm to a child.
 */
export const TRIGGER_EXPLANATIONS: Record<ReviewTrigger, string> = {
  seriousHarm: 'A child has died or been seriously harmed and abuse or neglect is known or suspected.',
  routinePractice: 'To understand how everyday work with children and families is going, without waiting for something to go wrong.',
  goodPractice: 'To learn what made practice go well, so that it can happen more often.',
  innovation: 'To see how a new way of working is doing in practice.',
  other: 'Another question the board wants answered: say what in the note.',
};
