import type { FieldIssue } from '../failures';
import type { Conversation, Participant, Review, TeamMember } from '../model';
import type { RuleOutcome } from './documents';
import { describePeriod } from './documents';
import { londonDateOf } from './london-time';

export interface ConversationContext {
  readonly review: Pick<Review, 'periodUnderReview'>;
  readonly participants: readonly Pick<Participant, 'id'>[];
  readonly teamMembers: readonly Pick<TeamMember, 'id' | 'role' | 'name'>[];
  /** Now, as an instant: the domain is told the time. */
  readonly now: string;
}

/**
 * A conversation must fit the review: a participant of this review, facilitators from its team, and a date that
 * makes sense (not before the events under review began; not "held" in the future).
 */
export function conversationIssues(
  conversation: Pick<Conversation, 'participantId' | 'leadQuestionerId' | 'leadNoteTakerId' | 'status' | 'scheduledStart'>,
  context: ConversationContext,
): RuleOutcome {
  const blocking: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  if (!context.participants.some((participant) => participant.id === conversation.participantId)) {
    blocking.push({ path: 'participantId', message: 'choose a participant of this review' });
  }
  for (const path of ['leadQuestionerId', 'leadNoteTakerId'] as const) {
    const memberId = conversation[path];
    if (memberId === null) continue;
    const member = context.teamMembers.find((candidate) => candidate.id === memberId);
    if (!member) blocking.push({ path, message: 'choose someone from the review team' });
    else if (member.role !== 'facilitator') warnings.push({ path, message: `${member.name} is not one of the team’s facilitators` });
  }
  if (conversation.status === 'held' && conversation.scheduledStart === null) {
    warnings.push({ path: 'scheduledStart', message: 'record when the conversation was held' });
  }
  if (conversation.scheduledStart !== null) {
    const day = londonDateOf(conversation.scheduledStart);
    const today = londonDateOf(context.now);
    const period = context.review.periodUnderReview;
    if (day !== null && day < period.from) {
      blocking.push({
        path: 'scheduledStart',
        message: `the date is before the period under review (${describePeriod(period)}) begins; conversations look back on that period`,
      });
    } else if (day !== null && today !== null) {
      if (conversation.status === 'held' && conversation.scheduledStart > context.now) {
        blocking.push({ path: 'scheduledStart', message: 'a conversation marked as held cannot be at a time still to come' });
      } else if (conversation.status === 'scheduled' && day < today) {
        warnings.push({ path: 'scheduledStart', message: 'this date has passed: was the conversation held, or does it need a new date?' });
      }
    }
  }
  return { blocking, warnings };
}
