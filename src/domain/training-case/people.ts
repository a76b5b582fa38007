// FICTIONAL TRAINING CASE. Every person, family, place, school, surgery and agency in this folder is invented.
// Any resemblance to real people or places is coincidental. Never add real case data here.

/** The training case always has this id, so loading it twice opens the same review rather than a copy. */
export const TRAINING_CASE_REVIEW_ID = 'rev-training-brook-lane';
export const TRAINING_CASE_CODENAME = 'Training case: Brook Lane (fictional)';

export const AGENCY = {
  socialCare: 'ag-csc',
  healthVisiting: 'ag-hv',
  gp: 'ag-gp',
  school: 'ag-school',
  police: 'ag-police',
  housing: 'ag-housing',
} as const;

export const AGENCIES = [
  { id: AGENCY.socialCare, name: 'Fenshire Children’s Social Care' },
  { id: AGENCY.healthVisiting, name: 'Kestonbury Health Visiting Service' },
  { id: AGENCY.gp, name: 'Wrenfold Surgery' },
  { id: AGENCY.school, name: 'Kestonbury Fields Primary School' },
  { id: AGENCY.police, name: 'Fenshire Constabulary' },
  { id: AGENCY.housing, name: 'Kestonbury Homes' },
];

export const TEAM = {
  lead: 'tm-lead-marsh',
  facilitatorRidley: 'tm-fac-ridley',
  facilitatorKarim: 'tm-fac-karim',
  reviewer: 'tm-reviewer-colwell',
  coordinator: 'tm-coord-prothero',
} as const;

/** Team members' names, as they appear in createdBy/updatedBy and the audit trail. */
export const TEAM_NAMES = {
  lead: 'Elaine Marsh',
  facilitatorRidley: 'Tom Ridley',
  facilitatorKarim: 'Aisha Karim',
  reviewer: 'Peter Colwell',
  coordinator: 'Siân Prothero',
} as const;

export const PARTICIPANT = {
  socialWorker: 'par-sw',
  teamManager: 'par-tm',
  headOfSafeguarding: 'par-hos',
  healthVisitor: 'par-hv',
  healthVisitingLead: 'par-hvtl',
  gp: 'par-gp',
  teacher: 'par-teacher',
  safeguardingLead: 'par-dsl',
  policeOfficer: 'par-police',
  housingOfficer: 'par-housing',
  mother: 'par-mother',
  partner: 'par-partner',
  olderChild: 'par-child-lily',
  youngerChild: 'par-child-sam',
} as const;

export const CONVERSATION = {
  socialWorker: 'con-sw',
  healthVisitor: 'con-hv',
  teacher: 'con-teacher',
  teamManager: 'con-tm',
  gp: 'con-gp',
  mother: 'con-mother',
  policeOfficer: 'con-police',
  housingOfficer: 'con-housing',
  safeguardingLead: 'con-dsl',
} as const;

export const DOCUMENT = {
  policeLog: 'doc-police-log',
  mashScreening: 'doc-mash-screening',
  socialCareFile: 'doc-csc-file',
  schoolLog: 'doc-school-log',
  schoolReferral: 'doc-school-referral',
  healthVisitingRecords: 'doc-hv-records',
  gpRecords: 'doc-gp-records',
  housingNotes: 'doc-housing-notes',
} as const;
