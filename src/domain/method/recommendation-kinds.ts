/** Section 3 of SCIE's guide: the three kinds of recommendation. */
export const RECOMMENDATION_KINDS = [
  {
    id: 'clearCutLocal',
    number: 1,
    title: 'Clear-cut and local',
    description: 'Issues with clear cut solutions that can be addressed locally and by all relevant agencies.',
  },
  {
    id: 'needsJudgement',
    number: 2,
    title: 'Needs judgement by senior management',
    description:
      'Issues where solutions can not be so precise because competing priorities and inevitable resource constraints mean there are no easy answers.',
  },
  {
    id: 'needsResearch',
    number: 3,
    title: 'Needs research or national action',
    description:
      'Issues that require further research and development in order to find solutions, including those that would need to be addressed at a national level.',
  },
] as const;

export type RecommendationKindId = (typeof RECOMMENDATION_KINDS)[number]['id'];
export const RECOMMENDATION_KIND_IDS = RECOMMENDATION_KINDS.map((kind) => kind.id) as [
  RecommendationKindId,
  ...RecommendationKindId[],
];
