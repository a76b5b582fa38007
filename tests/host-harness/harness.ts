// A page that frames the app and answers teams-js's postMessage protocol, as Teams would: initialize, getContext
// with a chosen frame context, theme changes, the configuration page's Save, and sharing to the meeting stage.
// Message shapes follow @microsoft/teams-js 2.x (internal/communication.js, messageObjects.js, handlers.js):
//   app → host: { id, uuidAsString, func, args, apiVersionTag, ... }
//   host → app (answer): { id, uuidAsString, args }
//   host → app (event):  { func, args }
// Query string: frameContext (content | sidePanel | meetingStage | settings | remove), theme (default | dark |
// contrast), app (the tab's content URL, same origin), upn (the signed-in user), chatId, meetingId.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface AppMessage {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly func: string;
  readonly args?: Json[];
}

export interface HarnessRecord {
  readonly func: string;
  readonly args: Json[];
}

const params = new URLSearchParams(window.location.search);
const frameContext = params.get('frameContext') ?? 'content';
const inMeeting = frameContext === 'sidePanel' || frameContext === 'meetingStage' || params.has('meetingId') || params.has('chatId');
const upn = params.get('upn') ?? 'alex.reviewer@contoso.onmicrosoft.com';
const chatId = params.get('chatId') ?? (inMeeting ? '19:meeting_aGFybmVzcw@thread.v2' : null);
let theme = params.get('theme') ?? 'default';

/** What teams-js reads at initialize: which capabilities this "host" supports (runtime API version 4). */
const runtime = {
  apiVersion: 4,
  isNAAChannelRecommended: false,
  isLegacyTeams: false,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: {
    app: {},
    appInstallDialog: {},
    dialog: { card: {}, url: {}, update: {} },
    meeting: {},
    pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, fullTrust: {}, tabs: {} },
    teamsCore: {},
  },
};

const messages: HarnessRecord[] = [];
let validity = false;
let savedConfig: Json = null;

const frame = document.createElement('iframe');
frame.title = 'Learning Together';
frame.src = params.get('app') ?? '/index.html#/';
document.getElementById('frame-box')?.append(frame);
document.body.dataset.frameContext = frameContext;
const surface = document.getElementById('surface');
if (surface) surface.textContent = `frame context: ${frameContext}`;
const saveButton = document.getElementById('save') as HTMLButtonElement | null;

function context(): Record<string, Json> {
  return {
    frameContext,
    theme,
    hostName: 'Teams',
    hostClientType: 'web',
    locale: 'en-gb',
    appSessionId: 'harness-session',
    sessionId: 'harness-host-session',
    entityId: 'learning-together',
    userObjectId: 'harness-user',
    userPrincipalName: upn,
    loginHint: upn,
    tid: 'harness-tenant',
    ...(frameContext === 'content' && !inMeeting
      ? { teamId: '19:harness-team@thread.tacv2', groupId: 'harness-group', channelId: '19:harness-channel@thread.tacv2', channelName: 'General' }
      : {}),
    ...(chatId ? { chatId } : {}),
    ...(inMeeting ? { meetingId: params.get('meetingId') ?? 'MCMxOTptZWV0aW5nX2hhcm5lc3NAdGhyZWFkLnYyIzA=' } : {}),
  };
}

function post(message: Record<string, Json>): void {
  frame.contentWindow?.postMessage(message, window.location.origin);
}

function answer(request: AppMessage, args: Json[]): void {
  post({ id: request.id, uuidAsString: request.uuidAsString ?? null, args });
}

/** The answers a host gives; requests not listed are one-way (recorded only). */
function handle(request: AppMessage): void {
  const args = request.args ?? [];
  messages.push({ func: request.func, args });
  switch (request.func) {
    case 'initialize':
      return answer(request, [frameContext, 'web', JSON.stringify(runtime), '2.58.0']);
    case 'getContext':
      return answer(request, [context()]);
    case 'settings.setValidityState':
      validity = args[0] === true;
      if (saveButton) saveButton.disabled = !validity;
      return;
    case 'settings.setSettings':
      savedConfig = args[0] ?? null;
      return answer(request, [true]);
    case 'settings.getSettings':
      return answer(request, [savedConfig]);
    case 'meeting.shareAppContentToStage':
      // callback(error, result)
      return answer(request, [null, true]);
    case 'meeting.getAppContentStageSharingCapabilities':
      return answer(request, [null, { doesAppHaveSharePermission: true }]);
    default:
      return;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  const data = event.data as Partial<AppMessage> | null;
  if (!data || typeof data.func !== 'string' || typeof data.id !== 'number') return;
  handle(data as AppMessage);
});

function setTheme(next: string): void {
  theme = next;
  post({ func: 'themeChange', args: [next] });
}

/** Teams' Save on the configuration dialog. */
function save(): void {
  post({ func: 'settings.save', args: [{}] });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-button]')) {
  button.addEventListener('click', () => setTheme(button.dataset.themeButton ?? 'default'));
}
saveButton?.addEventListener('click', save);

/** For the browser tests (page.evaluate). */
const api = {
  messages,
  setTheme,
  save,
  funcs: () => messages.map((message) => message.func),
  validity: () => validity,
  savedConfig: () => savedConfig,
};
(window as unknown as { hostHarness: typeof api }).hostHarness = api;
