/**
 * Section 2 and Appendix 6 of SCIE's guide: the six-part typology of underlying patterns of systemic
 * factors, with the sub-patterns found in the pilot reviews. Ids are stable: stored patterns refer to them.
 */
export type TypologyCategoryNumber = 1 | 2 | 3 | 4 | 5 | 6;

export interface SubPattern {
  readonly id: string;
  readonly title: string;
  readonly children: readonly SubPattern[];
}

export interface TypologyCategory {
  readonly number: TypologyCategoryNumber;
  readonly title: string;
  /** The guide's short explanation of the category, in Section 2. */
  readonly explanation: string;
  readonly subPatterns: readonly SubPattern[];
}

const leaf = (id: string, title: string): SubPattern => ({ id, title, children: [] });
const node = (id: string, title: string, children: SubPattern[]): SubPattern => ({ id, title, children });

export const TYPOLOGY: readonly TypologyCategory[] = [
  {
    number: 1,
    title: 'Human–tool operation',
    explanation:
      'Assessment frameworks, forms and databases are tools that alter the nature of the task; examine whether the changes they bring improve or hinder practice.',
    subPatterns: [
      node('1.assessment-forms', 'The influence of assessment forms', [
        leaf('1.assessment-forms.no-detail-on-quality', 'No detail on the quality or depth of assessments, or difficulties faced in completing them'),
        leaf('1.assessment-forms.discourages-rationale', 'Discourages documentation of the rationale or complexity behind conclusions drawn'),
        leaf(
          '1.assessment-forms.factual-statements',
          'Encourages factual statements and assertions and discourages the recording of a healthy unease or gaps in understanding',
        ),
      ]),
      node('1.assessment-framework', 'The influence of the assessment framework', [
        leaf('1.assessment-framework.need-over-risk', 'Focus on the assessment of need discourages articulation of risk factors'),
      ]),
      node(
        '1.case-management-framework',
        'The influence of case management framework e.g. assessment, planning, implementation and review (APIR)',
        [leaf('1.case-management-framework.revision-interrupts', 'Revision becomes an interruption in the flow of practice')],
      ),
    ],
  },
  {
    number: 2,
    title: 'Human–management system operation',
    explanation:
      'Resourcing, performance management and indicators, and supervision are designed to influence practice; show how they affect direct work with families and the trade-offs staff feel pushed to make.',
    subPatterns: [
      node('2.resource-demand-mismatch', 'Resource-demand mismatch', [
        leaf('2.resource-demand-mismatch.expert-assessments', 'Difficulties accessing expert assessments'),
        leaf('2.resource-demand-mismatch.service-gaps', 'Gaps in service provision'),
        leaf('2.resource-demand-mismatch.funding-disputes', 'Funding disputes and practitioners creating safety'),
      ]),
      node('2.performance-indicators', 'Performance indicators and borrowing from safety', [
        leaf('2.performance-indicators.trade-offs', 'Trade-offs between competing priorities; overt and covert messages'),
        leaf('2.performance-indicators.conceptual-blurring', 'Conceptual blurring'),
      ]),
      leaf('2.supervision', 'Supervision'),
    ],
  },
  {
    number: 3,
    title: 'Communication and collaboration in multi-agency working in response to incidents/crises',
    explanation:
      'Agencies tend to work relatively well together in crises where they all use the same well-established guidance.',
    subPatterns: [
      leaf('3.priority-setting-culture', 'Organisational culture around priority setting'),
      leaf(
        '3.nature-of-task',
        'Understanding the nature of the task; overlooking the wider needs of the children in child protection response',
      ),
      leaf('3.reserve-capacity', 'Reserve capacity'),
      leaf('3.knowing-each-other', 'The importance of knowing each other'),
      leaf('3.referral-and-feedback', 'Referral procedures and cultures of feedback'),
    ],
  },
  {
    number: 4,
    title: 'Communication and collaboration in multi-agency working in assessment and longer-term work',
    explanation:
      'In day-to-day work, differing roles and responsibilities towards different family members produce very varied patterns of working together.',
    subPatterns: [
      leaf('4.nature-of-task', 'Understanding the nature of the task; assessment and planning as one off event or on-going process?'),
      node('4.roles-and-responsibilities', 'Clarity of roles and responsibilities', [
        leaf('4.roles-and-responsibilities.shared-responsibility', 'How much shared responsibility is there?'),
        leaf('4.roles-and-responsibilities.responsible-for-thinking', 'Who is responsible for thinking?'),
        leaf('4.roles-and-responsibilities.what-to-share', 'What and how much should be shared?'),
      ]),
      node('4.team-work-barriers', 'What barriers and facilities exist contribute to good team work in longer-term case work?', [
        leaf(
          '4.team-work-barriers.conflicts-of-opinion',
          "Are conflicts of opinion repressed or is there a shared culture in which it is acceptable and even desirable to query each other's assessments?",
        ),
        leaf('4.team-work-barriers.group-think', 'Group think'),
        leaf('4.team-work-barriers.occupational-status', 'Ascribed and perceived occupational status'),
        leaf('4.team-work-barriers.overestimating-remit', 'Overestimating the remit of service provision of different agencies'),
      ]),
    ],
  },
  {
    number: 5,
    title: 'Family–professional interactions',
    explanation:
      'Professionals interact with the people they help; the relationships shape what information they receive, how they interpret it and how they use it.',
    subPatterns: [
      leaf('5.salience-of-mother', 'Salience of the mother in social services involvement'),
      leaf('5.gendered-presentation', 'Classic gendered presentation of problems by family members'),
    ],
  },
  {
    number: 6,
    title: 'Human judgement/reasoning',
    explanation:
      "A safe system takes account of people's typical limits of reasoning and builds in ways of detecting and correcting them.",
    subPatterns: [
      leaf('6.failure-to-review', 'Failure to review judgements and plans'),
      leaf('6.drift-into-failure', 'Drift into failure'),
      leaf('6.attribution-error', 'Attribution error'),
      leaf('6.tunnel-vision', 'Tunnel vision'),
    ],
  },
];

export function flattenSubPatterns(subPatterns: readonly SubPattern[]): SubPattern[] {
  return subPatterns.flatMap((subPattern) => [subPattern, ...flattenSubPatterns(subPattern.children)]);
}

const subPatternIndex: ReadonlyMap<string, { category: TypologyCategory; subPattern: SubPattern }> = new Map(
  TYPOLOGY.flatMap((category) =>
    flattenSubPatterns(category.subPatterns).map((subPattern) => [subPattern.id, { category, subPattern }] as const),
  ),
);

export function findSubPattern(id: string): { category: TypologyCategory; subPattern: SubPattern } | undefined {
  return subPatternIndex.get(id);
}

export function typologyCategory(number: TypologyCategoryNumber): TypologyCategory {
  const category = TYPOLOGY.find((candidate) => candidate.number === number);
  if (!category) throw new Error(`Unknown typology category ${number}`);
  return category;
}
