/** Appendix 3 of SCIE's guide: the conversation structure summary (nine steps, step 3 in two parts). */
export const CONVERSATION_STEP_IDS = ['1', '2', '3a', '3b', '4', '5', '6', '7', '8', '9'] as const;
export type ConversationStepId = (typeof CONVERSATION_STEP_IDS)[number];

export interface ConversationStep {
  readonly id: ConversationStepId;
  /** Which of the nine numbered steps this belongs to. */
  readonly number: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  readonly title: string;
  /** A lead-in question said before the prompts, where the guide gives one. */
  readonly leadIn?: string;
  readonly prompts: readonly string[];
  /** A rough share of the 90-minute conversation, for the facilitators' timer. */
  readonly suggestedMinutes: number;
}

export const CONVERSATION_STEPS: readonly ConversationStep[] = [
  {
    id: '1',
    number: 1,
    title: 'Introduction',
    prompts: ['Purpose of the conversation', 'Confidentiality and ethics', 'Outline of the structure'],
    suggestedMinutes: 5,
  },
  {
    id: '2',
    number: 2,
    title: 'Overview',
    prompts: ['A brief description of what happened in this case and the part you played'],
    suggestedMinutes: 15,
  },
  {
    id: '3a',
    number: 3,
    title: "'Turning points' or 'key practice episodes'",
    prompts: [
      'What do you think were crucial moments in this sequence, when key decisions or actions were taken that you think determined the direction the case took or the way the case was handled?',
    ],
    suggestedMinutes: 10,
  },
  {
    id: '3b',
    number: 3,
    title: "'Mindset' and 'local rationality'",
    prompts: [
      'What did you think was going on here?',
      'What was behind your thinking (reasons but also emotions) and actions at the time?',
      'What information was at the front of your mind? What was most significant to you at this point? What was catching your attention?',
      'What other things were occupying you at the time?',
      'What were your main concerns? What were you tossing up at the time? Did these concerns clash at all? Were there any conflicts? Were some dismissed, others prioritised?',
      'What were you hoping to achieve?',
      'What options did you think you had to influence the course of events?',
    ],
    suggestedMinutes: 15,
  },
  {
    id: '4',
    number: 4,
    title: 'Contributory factors',
    leadIn:
      'What were the key factors that influenced how you interpreted the situation and how you acted at the time? In what ways? Prioritise aspects that were most significant.',
    prompts: [
      'Aspects of the family',
      'Aspects of your role',
      'Conditions of work/work environment',
      'Personal aspects',
      'Your own team factors',
      'Inter-agency/inter-professional team factors',
      'Organisational culture and management',
      'Wider political context',
      'Other',
    ],
    suggestedMinutes: 15,
  },
  {
    id: '5',
    number: 5,
    title: 'Things that went well',
    prompts: [
      'What things relating to the case went well?',
      'What do you think you or others did that was helpful/useful? And what factors supported/enabled it?',
    ],
    suggestedMinutes: 8,
  },
  {
    id: '6',
    number: 6,
    title: 'Queries from the overview perspective',
    prompts: [],
    suggestedMinutes: 8,
  },
  {
    id: '7',
    number: 7,
    title: 'Suggested changes',
    prompts: [
      'Off the top of your head, having thought back on this case and your role, are there any small, practical changes that you can think of, that would help you/staff do a better job?',
    ],
    suggestedMinutes: 6,
  },
  {
    id: '8',
    number: 8,
    title: 'Summing up',
    prompts: ['Have we got your view of the case?'],
    suggestedMinutes: 4,
  },
  {
    id: '9',
    number: 9,
    title: 'Reflections',
    prompts: [
      'How have you found this session? Do you have any comments or questions?',
      'How do you feel now, about yourself and your role, after this discussion?',
    ],
    suggestedMinutes: 4,
  },
];

/** The 90-minute budget from Appendix 1 ("Conversations will take up to one hour and a half"). */
export const CONVERSATION_BUDGET_MINUTES = 90;

export function conversationStep(id: ConversationStepId): ConversationStep {
  const step = CONVERSATION_STEPS.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`Unknown conversation step ${id}`);
  return step;
}
