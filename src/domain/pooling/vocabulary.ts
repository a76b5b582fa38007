/**
 * The controlled vocabulary a recommendation's wording is reduced to before it is pooled (ADR 1403). Only these
 * words, spelt as here, can leave a review: a name, a place or any other word of the recommendation cannot.
 * At most 64 terms, so a set of terms fits in two 32-bit masks for fast comparison.
 */
export const RECOMMENDATION_TERMS = [
  'assessment',
  'audit',
  'capacity',
  'caseload',
  'child',
  'commissioning',
  'communication',
  'conference',
  'consent',
  'discharge',
  'engagement',
  'escalation',
  'family',
  'father',
  'feedback',
  'forms',
  'guidance',
  'handover',
  'health',
  'history',
  'housing',
  'induction',
  'information',
  'interpreter',
  'judgement',
  'language',
  'management',
  'meeting',
  'mother',
  'neglect',
  'planning',
  'police',
  'policy',
  'practice',
  'procedure',
  'protocol',
  'record',
  'referral',
  'resources',
  'review',
  'risk',
  'roles',
  'school',
  'screening',
  'service',
  'sharing',
  'staffing',
  'strategy',
  'supervision',
  'system',
  'threshold',
  'timescale',
  'training',
  'transfer',
  'voice',
  'workload',
] as const;
export type RecommendationTerm = (typeof RECOMMENDATION_TERMS)[number];

const TERM_INDEX = new Map<string, number>(RECOMMENDATION_TERMS.map((term, index) => [term, index]));

/** Other spellings that mean the same term. */
const VARIANTS: Readonly<Record<string, RecommendationTerm>> = {
  assess: 'assessment',
  assessing: 'assessment',
  assessments: 'assessment',
  audits: 'audit',
  caseloads: 'caseload',
  children: 'child',
  communicate: 'communication',
  communicating: 'communication',
  conferences: 'conference',
  engage: 'engagement',
  engaging: 'engagement',
  escalate: 'escalation',
  escalating: 'escalation',
  families: 'family',
  fathers: 'father',
  form: 'forms',
  handovers: 'handover',
  interpreters: 'interpreter',
  judgements: 'judgement',
  judgment: 'judgement',
  judgments: 'judgement',
  manager: 'management',
  managers: 'management',
  meetings: 'meeting',
  mothers: 'mother',
  plan: 'planning',
  plans: 'planning',
  policies: 'policy',
  procedures: 'procedure',
  protocols: 'protocol',
  records: 'record',
  recording: 'record',
  referrals: 'referral',
  refer: 'referral',
  resource: 'resources',
  reviews: 'review',
  reviewing: 'review',
  risks: 'risk',
  role: 'roles',
  schools: 'school',
  services: 'service',
  share: 'sharing',
  shared: 'sharing',
  supervise: 'supervision',
  supervisor: 'supervision',
  supervisors: 'supervision',
  systems: 'system',
  thresholds: 'threshold',
  timescales: 'timescale',
  train: 'training',
  trained: 'training',
  transfers: 'transfer',
};

export const isRecommendationTerm = (word: string): word is RecommendationTerm => TERM_INDEX.has(word);
export const termIndex = (term: RecommendationTerm): number => TERM_INDEX.get(term) ?? -1;

/**
 * The vocabulary terms in a piece of wording, sorted and unique. Any word that is also one of the review's own
 * identifiers (a family named Forms, say) is left out, so the pooled terms can never carry one.
 */
export function termsOf(wording: string, identifiers: ReadonlySet<string> = new Set()): RecommendationTerm[] {
  const found = new Set<RecommendationTerm>();
  for (const word of wording.toLocaleLowerCase('en-GB').split(/[^a-z]+/)) {
    if (word === '' || identifiers.has(word)) continue;
    const term = isRecommendationTerm(word) ? word : VARIANTS[word];
    if (term !== undefined && !identifiers.has(term)) found.add(term);
  }
  return [...found].sort();
}
