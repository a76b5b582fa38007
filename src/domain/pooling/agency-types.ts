/**
 * Agency types: the only thing pooled about an agency. An agency's own name is local and identifying (it names a
 * place), so it never leaves the review; its type is inferred from the words in its name (ADR 1402).
 */
export const AGENCY_TYPES = [
  'childrensSocialCare',
  'health',
  'earlyYears',
  'education',
  'police',
  'housing',
  'probationAndYouthJustice',
  'youthService',
  'voluntarySector',
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_TITLES: Record<AgencyType, string> = {
  childrensSocialCare: 'Children’s social care',
  health: 'Health',
  earlyYears: 'Early years',
  education: 'Education',
  police: 'Police',
  housing: 'Housing',
  probationAndYouthJustice: 'Probation and youth justice',
  youthService: 'Youth service',
  voluntarySector: 'Voluntary sector',
  other: 'Other',
};

// First match wins: early years before education ("pre-school"), youth justice before youth service, health before
// the voluntary sector ("NHS trust").
const RULES: ReadonlyArray<readonly [AgencyType, RegExp]> = [
  ['childrensSocialCare', /\b(social care|children'?s services|social work|children and families)\b/],
  ['probationAndYouthJustice', /\b(probation|youth offending|youth justice)\b/],
  ['earlyYears', /\b(nursery|nurseries|children'?s centre|early years|pre-?school|childminder)\b/],
  ['health', /\b(health|nhs|hospital|surgery|gp|general practice|midwi\w*|nursing|camhs|mental|ambulance|medical|clinic)\b/],
  ['education', /\b(school|academy|college|education)\b/],
  ['police', /\b(police|constabulary)\b/],
  ['housing', /\b(housing|homes|tenancy|landlord)\b/],
  ['youthService', /\b(youth)\b/],
  ['voluntarySector', /\b(charity|voluntary|trust|foundation|society)\b/],
];

/** The type of an agency from its name; `other` when nothing in the name says. */
export function agencyTypeOf(name: string): AgencyType {
  const normalised = name.toLocaleLowerCase('en-GB').replace(/[’‘`]/g, "'");
  return RULES.find(([, pattern]) => pattern.test(normalised))?.[0] ?? 'other';
}
