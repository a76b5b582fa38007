/**
 * The delegated Microsoft Graph permissions the app asks for: the ONE list, used for every token request, in
 * the app registration (infra/aad.manifest.json), in docs/host-and-teams.md and by the test sign-in. Each is the
 * least-privileged permission Graph documents for the calls listed beside it. The app never asks for
 * application permissions: everything runs as the signed-in person, so SharePoint and Teams enforce their access.
 */
export const GRAPH_DELEGATED_SCOPES = {
  'User.Read': 'sign in and show who is signed in',
  'User.ReadBasic.All': 'find colleagues by name to add them to a review team',
  'Sites.Manage.All':
    "create each review's lists and columns in its private channel's site, and read and write their items (POST /sites/{id}/lists needs Manage; it also covers item reads and writes)",
  'Files.ReadWrite.All': "reach the channel's files folder and upload report stages (DOCX) and long text",
  'Channel.Create': 'create one private channel per review (POST /teams/{id}/channels)',
  'Channel.ReadBasic.All': "read the review channels' names",
  'ChannelMember.ReadWrite.All': 'LSCB coordinators add and remove the people who can see a review',
  'ChannelMessage.Send': 'post a report stage to the review channel',
  'Calendars.ReadWrite': 'create, move and cancel conversation meetings; free/busy through getSchedule',
  'OnlineMeetings.Read': 'find the meeting a side panel or stage is in (GET /me/onlineMeetings?$filter=JoinWebUrl …)',
  'OnlineMeetingTranscript.Read.All': "import a conversation's transcript (text/vtt)",
} as const satisfies Record<string, string>;

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

/** Per capability: the permissions it adds, and who consents (README table; "admin" means an administrator must grant it). */
export const CAPABILITY_SCOPES = {
  useReviews: { scopes: ['User.Read', 'Sites.ReadWrite.All'], consent: 'user', who: 'Everyone using Microsoft 365 mode' },
  createReviews: { scopes: ['Sites.Manage.All', 'Channel.Create', 'Channel.ReadBasic.All'], consent: 'admin', who: 'Whoever creates reviews' },
  setUpSharePoint: { scopes: ['Sites.Manage.All'], consent: 'user', who: 'LSCB coordinators (#/setup)' },
  manageMembers: { scopes: ['ChannelMember.ReadWrite.All'], consent: 'admin', who: 'LSCB coordinators and lead reviewers' },
  findMeeting: { scopes: ['OnlineMeetings.Read'], consent: 'user', who: 'Facilitators in a meeting side panel' },
  importTranscripts: { scopes: ['OnlineMeetingTranscript.Read.All'], consent: 'admin', who: 'Facilitators importing a transcript' },
  publishToChannel: { scopes: ['ChannelMessage.Send'], consent: 'user', who: 'Lead reviewers publishing a report stage' },
  scheduleConversations: { scopes: ['Calendars.ReadWrite'], consent: 'user', who: 'Whoever schedules conversations' },
  findPeople: { scopes: ['User.ReadBasic.All'], consent: 'user', who: 'Whoever adds people to a review team' },
} as const satisfies Record<string, { scopes: readonly string[]; consent: 'user' | 'admin'; who: string }>;
