/**
 * Every delegated Microsoft Graph permission the app may ask for, and what for (README "Permissions and consent").
 * None is asked for all at once: sign-in asks for SIGN_IN_SCOPES, the rest are asked for when first used (ADR 0903).
 * Each is the least-privileged permission Graph documents for the calls listed beside it. The app never asks for
 * application permissions: everything runs as the signed-in person, so SharePoint and Teams enforce their access.
 */
export const GRAPH_DELEGATED_SCOPES = {
  'User.Read': 'sign in and show who is signed in',
  'Sites.ReadWrite.All': "read and write the register and each review's list items, delta, long records' files, filesFolder and uploads",
  'User.ReadBasic.All': 'find colleagues by name to add them to a review team',
  'Sites.Manage.All': "create each review's lists and columns, and the LSCB site's lists at setup (POST /sites/{id}/lists needs Manage)",
  'Channel.Create': 'create one private channel per review (POST /teams/{id}/channels)',
  'Channel.ReadBasic.All': "read the review channels' names; count the team's private channels",
  'Channel.Delete.All': "remove an archived review's private channel after the retention period (DELETE /teams/{id}/channels/{id})",
  'ChannelSettings.ReadWrite.All': "archive a finished review's private channel, making it read-only (POST /teams/{id}/channels/{id}/archive)",
  'ChannelMember.ReadWrite.All': 'LSCB coordinators add and remove the people who can see a review',
  'ChannelMember.Read.All': "list a review channel's members (GET /teams/{id}/channels/{id}/members)",
  'TeamMember.Read.All': "see whether a person is already in the LSCB's team (GET /teams/{id}/members)",
  'TeamMember.ReadWriteNonOwnerRole.All': "add a person to the LSCB's team before their first review channel (POST /teams/{id}/members)",
  'ChannelMessage.Send': 'post a report stage to the review channel',
  'Calendars.ReadWrite': 'create, move and cancel conversation meetings; free/busy through getSchedule',
  'OnlineMeetings.Read': 'find the meeting a side panel or stage is in (GET /me/onlineMeetings?$filter=JoinWebUrl …)',
  'OnlineMeetingTranscript.Read.All': "import a conversation's transcript (text/vtt)",
} as const satisfies Record<string, string>;

/**
 * Who can consent to each permission for themselves ('user') or only an administrator ('admin'), from the "Admin
 * consent required" column of Microsoft Graph's permissions reference for delegated permissions.
 */
export const SCOPE_CONSENT = {
  'User.Read': 'user',
  'Sites.ReadWrite.All': 'user',
  'User.ReadBasic.All': 'user',
  'Sites.Manage.All': 'user',
  'Channel.Create': 'admin',
  'Channel.ReadBasic.All': 'user',
  'Channel.Delete.All': 'admin',
  'ChannelSettings.ReadWrite.All': 'admin',
  'ChannelMember.ReadWrite.All': 'admin',
  'ChannelMember.Read.All': 'admin',
  'TeamMember.Read.All': 'admin',
  'TeamMember.ReadWriteNonOwnerRole.All': 'admin',
  'ChannelMessage.Send': 'user',
  'Calendars.ReadWrite': 'user',
  'OnlineMeetings.Read': 'user',
  'OnlineMeetingTranscript.Read.All': 'admin',
} as const satisfies Record<keyof typeof GRAPH_DELEGATED_SCOPES, 'user' | 'admin'>;

export type GraphDelegatedScope = keyof typeof GRAPH_DELEGATED_SCOPES;

export const GRAPH_SCOPE_NAMES: readonly GraphDelegatedScope[] = Object.keys(GRAPH_DELEGATED_SCOPES) as GraphDelegatedScope[];

/** MSAL wants resource-qualified scopes for Graph so the token's audience is Graph. */
export const graphScopeRequest = (): string[] => GRAPH_SCOPE_NAMES.map((scope) => `https://graph.microsoft.com/${scope}`);

export const qualified = (scopes: readonly string[]): string[] =>
  scopes.map((scope) => (scope.startsWith('https://') ? scope : `https://graph.microsoft.com/${scope}`));

/**
 * What is asked for at sign-in: only what everyone needs (README "Permissions"). Everything else is asked for the
 * first time it is used: the Graph client names the permissions each request needs (src/adapters/graph/http/
 * required-scopes.ts) and the token provider asks for them then, so consent is incremental.
 */
export const SIGN_IN_SCOPES: readonly string[] = ['User.Read', 'Sites.ReadWrite.All'];

/**
 * What the app registration (aad.manifest.json, requiredResourceAccess) declares: the sign-in permissions, and every
 * permission only an administrator can grant, so the administrator can grant those once for the whole organisation
 * (the admin-consent screens know only declared permissions). Permissions a person can grant themselves are not
 * declared: they are asked for dynamically, the first time they are used. The Teams manifest's nestedAppAuthInfo
 * prefetches exactly the sign-in request, SIGN_IN_SCOPES, in the same order.
 */
export const PRE_DECLARED_SCOPES: readonly string[] = [
  ...SIGN_IN_SCOPES,
  ...Object.entries(SCOPE_CONSENT)
    .filter(([scope, consent]) => consent === 'admin' && !SIGN_IN_SCOPES.includes(scope))
    .map(([scope]) => scope),
];

/** Per capability: the permissions it adds, and who consents (README table; "admin" means an administrator must grant it). */
export const CAPABILITY_SCOPES = {
  useReviews: { scopes: ['User.Read', 'Sites.ReadWrite.All'], consent: 'user', who: 'Everyone using Microsoft 365 mode' },
  createReviews: { scopes: ['Sites.Manage.All', 'Channel.Create', 'Channel.ReadBasic.All'], consent: 'admin', who: 'Whoever creates reviews' },
  setUpSharePoint: { scopes: ['Sites.Manage.All'], consent: 'user', who: 'LSCB coordinators (#/setup)' },
  manageMembers: {
    scopes: ['ChannelMember.ReadWrite.All', 'ChannelMember.Read.All', 'TeamMember.Read.All', 'TeamMember.ReadWriteNonOwnerRole.All'],
    consent: 'admin',
    who: 'LSCB coordinators and lead reviewers',
  },
  findMeeting: { scopes: ['OnlineMeetings.Read'], consent: 'user', who: 'Facilitators in a meeting side panel' },
  importTranscripts: { scopes: ['OnlineMeetingTranscript.Read.All'], consent: 'admin', who: 'Facilitators importing a transcript' },
  publishToChannel: { scopes: ['ChannelMessage.Send'], consent: 'user', who: 'Lead reviewers publishing a report stage' },
  scheduleConversations: { scopes: ['Calendars.ReadWrite'], consent: 'user', who: 'Whoever schedules conversations' },
  findPeople: { scopes: ['User.ReadBasic.All'], consent: 'user', who: 'Whoever adds people to a review team' },
  archiveReviews: {
    scopes: ['ChannelSettings.ReadWrite.All', 'Channel.Delete.All'],
    consent: 'admin',
    who: 'LSCB coordinators archiving finished reviews and removing their channels',
  },
} as const satisfies Record<string, { scopes: readonly string[]; consent: 'user' | 'admin'; who: string }>;
