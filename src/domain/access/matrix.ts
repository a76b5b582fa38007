import { isFamilyKind, TEAM_ROLES, type ParticipantKind, type TeamRole } from '../model';

/**
 * Who may do what in a review: the role matrix, decided here and nowhere else. The review team (lead reviewer,
 * facilitator, reviewer, LSCB coordinator, observer) and the participants (practitioners, managers, family members),
 * who are not team members, each have a grant for every capability. A grant that depends on the record (a
 * participant's own conversations, a draft shared with them, an open comment window) is settled in ./decide.ts.
 */

export const PARTICIPANT_ROLES = ['practitioner', 'manager', 'familyMember'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type AccessRole = TeamRole | ParticipantRole;
export const ACCESS_ROLES: readonly AccessRole[] = [...TEAM_ROLES, ...PARTICIPANT_ROLES];

export const isTeamRole = (role: AccessRole): role is TeamRole => (TEAM_ROLES as readonly string[]).includes(role);

/** Practitioners, managers (first-line and senior) and family members (carers and the child or young person too). */
export function participantRoleOf(kind: ParticipantKind): ParticipantRole {
  if (isFamilyKind(kind)) return 'familyMember';
  return kind === 'practitioner' ? 'practitioner' : 'manager';
}

export const CAPABILITIES = [
  'readDrafts',
  'editRecords',
  'readConversationNotes',
  'commentOnSharedDraft',
  'publishStage',
  'manageMembers',
  'seePublicReport',
  'exportBundle',
  'destroyRecording',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/**
 * `always` and `never` need nothing more; the others hold only for some records:
 * `sharedDrafts`: report stages that have been shared (published to the participants);
 * `ownConversations`: conversations the participant took part in;
 * `duringCommentWindow`: their own comments on a shared draft, between the day its window opens and the day it closes.
 */
export type Grant = 'always' | 'never' | 'sharedDrafts' | 'ownConversations' | 'duringCommentWindow';

const participant: Record<Capability, Grant> = {
  readDrafts: 'sharedDrafts',
  editRecords: 'never',
  readConversationNotes: 'ownConversations',
  commentOnSharedDraft: 'duringCommentWindow',
  publishStage: 'never',
  manageMembers: 'never',
  seePublicReport: 'always',
  exportBundle: 'never',
  destroyRecording: 'never',
};

export const ROLE_MATRIX: Readonly<Record<AccessRole, Readonly<Record<Capability, Grant>>>> = {
  leadReviewer: {
    readDrafts: 'always',
    editRecords: 'always',
    readConversationNotes: 'always',
    commentOnSharedDraft: 'always',
    publishStage: 'always',
    manageMembers: 'always',
    seePublicReport: 'always',
    exportBundle: 'always',
    destroyRecording: 'always',
  },
  facilitator: {
    readDrafts: 'always',
    editRecords: 'always',
    readConversationNotes: 'always',
    commentOnSharedDraft: 'always',
    publishStage: 'never',
    manageMembers: 'never',
    seePublicReport: 'always',
    exportBundle: 'never',
    // Facilitators hold the recordings of the conversations they lead, and destroy them once transcribed.
    destroyRecording: 'always',
  },
  reviewer: {
    readDrafts: 'always',
    editRecords: 'always',
    readConversationNotes: 'always',
    commentOnSharedDraft: 'always',
    publishStage: 'never',
    manageMembers: 'never',
    seePublicReport: 'always',
    exportBundle: 'never',
    destroyRecording: 'never',
  },
  // Coordinators manage who may see what and keep the LSCB's copy; the analysis is the team's.
  lscbCoordinator: {
    readDrafts: 'always',
    editRecords: 'never',
    readConversationNotes: 'never',
    commentOnSharedDraft: 'never',
    publishStage: 'never',
    manageMembers: 'always',
    seePublicReport: 'always',
    exportBundle: 'always',
    destroyRecording: 'never',
  },
  observer: {
    readDrafts: 'always',
    editRecords: 'never',
    readConversationNotes: 'never',
    commentOnSharedDraft: 'never',
    publishStage: 'never',
    manageMembers: 'never',
    seePublicReport: 'always',
    exportBundle: 'never',
    destroyRecording: 'never',
  },
  practitioner: participant,
  manager: participant,
  familyMember: participant,
};

export const grantOf = (role: AccessRole, capability: Capability): Grant => ROLE_MATRIX[role][capability];

export const ROLE_LABELS: Record<AccessRole, string> = {
  leadReviewer: 'Lead reviewer',
  facilitator: 'Facilitator',
  reviewer: 'Reviewer',
  lscbCoordinator: 'LSCB coordinator',
  observer: 'Observer',
  practitioner: 'Practitioner',
  manager: 'Manager',
  familyMember: 'Family member',
};

/** "an LSCB coordinator", "a facilitator": the role inside a sentence. */
export function roleInSentence(role: AccessRole): string {
  const label = ROLE_LABELS[role].startsWith('LSCB') ? ROLE_LABELS[role] : ROLE_LABELS[role].toLocaleLowerCase('en-GB');
  return `${/^[aeiouAEIOU]|^LSCB/.test(label) ? 'an' : 'a'} ${label}`;
}

export const ROLE_PLURALS: Record<AccessRole, string> = {
  leadReviewer: 'Lead reviewers',
  facilitator: 'Facilitators',
  reviewer: 'Reviewers',
  lscbCoordinator: 'LSCB coordinators',
  observer: 'Observers',
  practitioner: 'Practitioners',
  manager: 'Managers',
  familyMember: 'Family members',
};

/** What each capability lets a person do, worded to complete "you cannot …". */
export const CAPABILITY_LABELS: Record<Capability, string> = {
  readDrafts: 'read drafts',
  editRecords: 'edit the review',
  readConversationNotes: 'read conversation notes',
  commentOnSharedDraft: 'comment on a shared draft',
  publishStage: 'publish a report stage',
  manageMembers: 'manage who may see the review',
  seePublicReport: 'see the public report',
  exportBundle: 'export a review bundle',
  destroyRecording: 'record that a recording was destroyed',
};

export const GRANT_LABELS: Record<Grant, string> = {
  always: 'Yes',
  never: 'No',
  sharedDrafts: 'Drafts shared with them',
  ownConversations: 'Their own conversations only',
  duringCommentWindow: 'Their own comments, while the window is open',
};
