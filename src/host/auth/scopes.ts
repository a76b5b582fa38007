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
