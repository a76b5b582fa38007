/**
 * Appendix 5 of SCIE's guide: the framework for contributory factors.
 * Three levels → factor types → factors. Ids are stable: stored tags refer to them, so never renumber.
 *
 * Section 2.6's summary lists "resource allocation" as a local factor type of its own; Appendix 5 lists it
 * as a factor inside "organisational culture and management". We follow Appendix 5, the fuller table.
 */
export type FactorLevelId = 'frontLine' | 'localStrategic' | 'national';

export interface Factor {
  readonly id: string;
  readonly label: string;
}

export interface FactorType {
  readonly id: string;
  readonly level: FactorLevelId;
  readonly title: string;
  /** Appendix 5 says the inter-agency factors are "as above and also": the own-team factors apply too. */
  readonly alsoAppliesFactorsOf?: string;
  readonly factors: readonly Factor[];
}

export interface FactorLevel {
  readonly id: FactorLevelId;
  readonly title: string;
}

export const FACTOR_LEVELS: readonly FactorLevel[] = [
  { id: 'frontLine', title: 'Front-line factors' },
  { id: 'localStrategic', title: 'Local strategic-level factors' },
  { id: 'national', title: 'National / government-level factors' },
];

const factors = (prefix: string, entries: ReadonlyArray<readonly [string, string]>): Factor[] =>
  entries.map(([slug, label]) => ({ id: `${prefix}.${slug}`, label }));

export const FACTOR_TYPES: readonly FactorType[] = [
  {
    id: 'family',
    level: 'frontLine',
    title: "Aspects of the family that influenced a worker's thinking about a case and action",
    factors: factors('family', [
      [
        'nature-of-problems',
        'Nature of the problem(s) – complexity and/or seriousness and availability of suitable services; strength of knowledge base/level of professional consensus on diagnostic categories and possibilities',
      ],
      ['duration-of-problems', 'Duration of problems; well known to services or not'],
      ['problem-identification', 'Problems as self-identified and/or designated a problem by others'],
      ['manner-of-presentation', 'Manner of problem presentation – help seeking or hostile'],
      ['willingness-to-engage', 'Willingness to engage'],
      ['relationship-with-professional', 'Nature of relationship between professional and family member(s)'],
      ['availability-for-meeting', 'Availability for meeting'],
      ['number-of-children', 'Number of children'],
      ['size-of-family', 'Size of family; no. of significant adults involved'],
      ['family-dynamics', 'Complexity of family dynamics'],
      ['communication-and-language', 'Communication issues and language'],
      ['personality', 'Personality'],
      ['social-factors-history', 'Social factors, history'],
      ['gender', 'Gender'],
      ['age', 'Age'],
      ['sexuality', 'Sexuality'],
      ['ethnicity', 'Ethnicity'],
    ]),
  },
  {
    id: 'personal',
    level: 'frontLine',
    title: 'Personal (staff) aspects',
    factors: factors('personal', [
      ['knowledge-skills-expertise', 'Knowledge, skills and expertise'],
      ['mindset', 'Mindset'],
      ['human-reasoning', 'Human reasoning'],
      ['attentional-factors', "Attentional factors (what were they doing when they weren't doing something else)"],
      ['illness-tiredness-burnout', 'Illness, tiredness, burnout etc., leading to their not being able to work to optimal standards'],
      ['motivation', 'Motivation'],
      ['personality', 'Personality'],
      ['social-factors-history', 'Social factors – history'],
      ['interactional-style', 'Interactional style'],
    ]),
  },
  {
    id: 'role',
    level: 'frontLine',
    title: 'Aspects of their role',
    factors: factors('role', [
      ['frequency-of-contact', 'Frequency of contact with the family'],
      ['location-of-contacts', 'Location of contacts – e.g. going into family home or not'],
      ['focus-of-concerns', 'Focus of their concerns'],
    ]),
  },
  {
    id: 'conditions',
    level: 'frontLine',
    title: 'Conditions of work',
    factors: factors('conditions', [
      ['atmosphere', 'The general atmosphere surrounding the case'],
      ['staffing-and-skill-mix', 'Staffing levels and skill mix'],
      ['workload', 'Workload'],
      ['timing', 'The timing e.g. shift patterns or busy time of year'],
      ['admin-support', 'Admin support'],
      ['managerial-support', 'Managerial support'],
      ['it-computers', 'IT/computers'],
    ]),
  },
  {
    id: 'ownTeam',
    level: 'frontLine',
    title: 'Own team factors',
    factors: factors('ownTeam', [
      ['getting-help', 'Issues related to getting help, advice or support'],
      ['supervision', 'Supervision'],
      ['communication', 'Communication both written and oral'],
      ['differences-of-opinion', 'Differences of opinion within the team'],
      ['team-operations', 'Issues around team operations e.g. mixed messages'],
      ['team-culture', 'Team culture'],
      ['routine-practices', 'Accepted/usual/routine practices'],
      ['capacity-workload', 'Capacity/workload'],
      ['skills-experience-mix', 'Skills/experience mix'],
      [
        'knowledge-base',
        'Strength of knowledgebase/level of professional consensus on diagnostic categories and possibilities',
      ],
    ]),
  },
  {
    id: 'interAgency',
    level: 'frontLine',
    title: 'Inter-agency/inter-professional team factors',
    alsoAppliesFactorsOf: 'ownTeam',
    factors: factors('interAgency', [
      ['hierarchies-status', 'Relative hierarchies; status and hierarchy'],
      ['language', 'Language'],
      ['clarity-of-roles', 'Clarity of relative roles'],
      ['information-sharing', 'Information sharing'],
      ['personal-relationships', 'Personal relationships and history (knowing each other or not)'],
      ['working-relationships', 'Nature of working relationships (good–hostile)'],
      ['group-dynamics', 'Group dynamics'],
      ['communication-across-boundaries', 'Cultures of communication across boundaries'],
      ['inter-agency-culture', 'Inter-agency culture and accepted practices'],
      ['dealing-with-conflict', 'Culture of dealing with conflict – covert or overt'],
    ]),
  },
  {
    id: 'organisational',
    level: 'localStrategic',
    title: 'Organisational culture and management (of individual agencies and multi-agency system as a whole)',
    factors: factors('organisational', [
      ['financial-resources', 'Financial resources and constraints'],
      ['resource-allocation', 'Resource allocation'],
      ['organisational-priorities', 'Organisational priorities'],
      ['organisational-structure', 'Organisational structure'],
      ['organisational-culture', 'Organisational culture'],
      ['thresholds', 'Thresholds'],
      ['local-policy', 'Local policy'],
      ['local-procedures', 'Local procedures'],
      ['standards-and-goals', 'Standards and goals'],
      ['safety-culture', 'Safety culture and priorities'],
      ['mixed-messages', 'Mixed messages'],
      ['availability-of-services', 'Availability of services; gaps in service provision'],
      ['commissioning', 'Clarity and adequacy of commissioning arrangements'],
      ['staffing-decisions', 'Staffing decisions/allocation'],
    ]),
  },
  {
    id: 'political',
    level: 'national',
    title: 'Political context and priorities',
    factors: factors('political', [
      ['government-policy', 'Government policy'],
      ['government-guidance', 'Government guidance'],
      ['management-system-regulation', 'Management system and regulation; performance indicators'],
      ['tools', 'Tools: assessment framework and associated forms; ICT systems'],
    ]),
  },
];

export interface FactorPath {
  readonly level: FactorLevel;
  readonly type: FactorType;
  readonly factor: Factor;
}

const factorIndex: ReadonlyMap<string, FactorPath> = new Map(
  FACTOR_TYPES.flatMap((type) => {
    const level = FACTOR_LEVELS.find((candidate) => candidate.id === type.level);
    if (!level) throw new Error(`Factor type ${type.id} names an unknown level`);
    return type.factors.map((factor) => [factor.id, { level, type, factor }] as const);
  }),
);

export const ALL_FACTOR_IDS: readonly string[] = [...factorIndex.keys()];

/** Level → type → factor for a stored factor id, or undefined for an id the framework does not have. */
export function findFactor(factorId: string): FactorPath | undefined {
  return factorIndex.get(factorId);
}

export function isFactorId(factorId: string): boolean {
  return factorIndex.has(factorId);
}

/** The factors a picker offers for a type, including the ones Appendix 5 carries over ("as above and also"). */
export function factorsOfferedFor(type: FactorType): readonly Factor[] {
  const carried = type.alsoAppliesFactorsOf
    ? (FACTOR_TYPES.find((candidate) => candidate.id === type.alsoAppliesFactorsOf)?.factors ?? [])
    : [];
  return [...type.factors, ...carried];
}

/** Step 4 of the conversation guide names the factor types in the participant's own words. */
export const STEP_FOUR_PROMPT_TYPES: ReadonlyArray<{ prompt: string; typeIds: readonly string[] }> = [
  { prompt: 'Aspects of the family', typeIds: ['family'] },
  { prompt: 'Aspects of your role', typeIds: ['role'] },
  { prompt: 'Conditions of work/work environment', typeIds: ['conditions'] },
  { prompt: 'Personal aspects', typeIds: ['personal'] },
  { prompt: 'Your own team factors', typeIds: ['ownTeam'] },
  { prompt: 'Inter-agency/inter-professional team factors', typeIds: ['interAgency'] },
  { prompt: 'Organisational culture and management', typeIds: ['organisational'] },
  { prompt: 'Wider political context', typeIds: ['political'] },
  { prompt: 'Other', typeIds: [] },
];
