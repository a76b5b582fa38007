import type { Root } from 'react-dom/client';
import { BundleService } from '../app/bundles';
import { describeFailure } from '../app/failure-messages';
import { ReviewService } from '../app/review-service';
import { randomIds, systemClock } from '../adapters/local/system';
import { browserJournal } from '../adapters/local/browser-journal';
import { actorForSignedIn } from '../domain/access';
import { ReviewMembership } from '../app/access/membership';
import type { ReviewSession } from '../app/session/review-session';
import type { ReviewChannelDirectory } from '../ports/directory';
import type { Failure } from '../domain/failures';
import { asId, type ReviewId } from '../domain/ids';
import { ok, type Result } from '../domain/result';
import { App } from '../ui/App';
import type { AppServices, TabConfigPort } from '../ui/app-services';
import { paths } from '../ui/routes';
import { SignInScreen, StartingScreen, StartupProblemScreen } from '../ui/screens/host/StartupScreens';
import type { ThemeName } from '../ui/theme';
import type { Authenticator, SignedIn } from './auth/types';
import { openMicrosoft365Store } from './graph-wiring';
import type { ModeDecision } from './mode-selection';
import { render, storedTheme } from './render';
import { pathOfHash, routeForSurface, viewPath, type ConversationTarget } from './teams/frame-routing';
import { findConversationForMeeting, type MeetingCandidate } from './teams/meeting-conversation';
import type { TeamsSession } from './teams/teams-host';
import type { TenantConfig } from './tenant-config';

type Microsoft365Decision = Extract<ModeDecision<TeamsSession>, { mode: 'microsoft365' }>;

/** At most this many reviews are searched for the meeting a side panel is in (most recently changed first). */
const MEETING_SEARCH_REVIEWS = 25;

/**
 * Microsoft 365 mode: sign in, open the SharePoint store through Graph, route by the Teams surface, render.
 * This module is a lazy chunk: standalone never loads it.
 */
export async function startMicrosoft365(root: Root, decision: Microsoft365Decision): Promise<void> {
  const teams = decision.via === 'host' ? decision.host : null;
  const theme: ThemeName = teams?.theme ?? storedTheme();
  teams?.notifyLoaded();
  render(root, <StartingScreen theme={theme} label="Signing in…" />);

  let authenticator: Authenticator;
  try {
    authenticator = await createAuthenticator(decision.tenant, teams);
  } catch (error) {
    return showProblem(root, theme, teams, signInFailure(error));
  }

  const proceed = async (signedIn: SignedIn): Promise<void> => {
    const opened = await openApp(decision.tenant, signedIn, teams);
    if (!opened.ok) return showProblem(root, theme, teams, opened.error);
    render(root, <App services={opened.value} hostTheme={teams?.theme} onThemeRequest={teams ? themeRequests(teams) : undefined} />);
    teams?.notifySuccess();
  };

  const silent = await authenticator.trySilent().catch(() => null);
  if (silent) return proceed(silent);

  // Interaction is needed (consent, MFA, first sign-in): Teams must stop showing its loading indicator first.
  teams?.notifySuccess();
  const { prompt } = authenticator;
  render(
    root,
    <SignInScreen
      theme={theme}
      title={prompt.title}
      explanation={prompt.explanation}
      buttonLabel={prompt.buttonLabel}
      asksForUsername={prompt.asksForUsername}
      suggestedUsername={prompt.suggestedUsername}
      testOnlyMarker={prompt.testOnlyMarker}
      onSignIn={async (username) => {
        try {
          await proceed(await authenticator.signInInteractively(username));
          return null;
        } catch (error) {
          return signInFailure(error);
        }
      }}
    />,
  );
}

/**
 * The test sign-in exists only in the `m365-double` build: Vite replaces import.meta.env.MODE with a constant, so
 * in production this branch, and the module it imports, are removed (proved by test-sign-in.build.test.ts).
 */
async function createAuthenticator(tenant: TenantConfig, teams: TeamsSession | null): Promise<Authenticator> {
  if (import.meta.env.MODE === 'm365-double') {
    const { createTestSignIn } = await import('./auth/test-sign-in');
    return createTestSignIn({
      tokenEndpoint: import.meta.env.VITE_TEST_TOKEN_URL ?? new URL('/_double/token', tenant.graphBaseUrl).href,
      loginHint: teams?.loginHint,
      suggestedUsername: import.meta.env.VITE_TEST_USER ?? 'alex.reviewer@contoso.onmicrosoft.com',
    });
  }
  const { createMsalAuthenticator } = await import('./auth/msal-auth');
  return createMsalAuthenticator({
    tenant,
    host: teams ? { naaRecommended: teams.naaRecommended, loginHint: teams.loginHint } : null,
    pageUrl: window.location.href,
  });
}

async function openApp(tenant: TenantConfig, signedIn: SignedIn, teams: TeamsSession | null): Promise<Result<AppServices, Failure>> {
  const getAccessToken = (scopes?: readonly string[]) => signedIn.tokens.getAccessToken(scopes);
  const storage = openMicrosoft365Store({ tenant, getAccessToken, username: signedIn.user.username });
  if (!storage.ok) return storage;
  const deps = { store: storage.value.store, clock: systemClock, ids: randomIds, actor: () => signedIn.user.displayName };
  const service = new ReviewService({
    ...deps,
    journal: browserJournal(),
    outbox: storage.value.outbox,
    // The signed-in person's role in each review, from its team list (src/domain/access/actor.ts).
    access: (snapshot) => actorForSignedIn(snapshot, { name: signedIn.user.displayName, email: signedIn.user.username }),
    // Removed from a review: its cached copy and queued edits leave this browser (the journal is cleared by the service).
    forgetLocalCopy: (reviewId) => storage.value.outbox.forgetReview(reviewId),
  });
  // Bundles move a review between modes and serve as backups; SharePoint receives an import all or nothing too.
  const bundles = new BundleService({ ...deps, producer: 'Learning Together for Teams (Microsoft 365)' });
  const meetings = storage.value.onlineMeetings;
  const appUrl = `${window.location.origin}${window.location.pathname}`;

  const findMeetingConversation = async (): Promise<Result<ConversationTarget | null, Failure>> => {
    if (!teams?.chatThreadId) return ok(null);
    // The meeting index answers in one request. A meeting it does not know yet (its entry is written when the
    // conversation's link is saved, and holds the chat thread only once a side panel has matched it), or a site set
    // up before the index existed, falls back to searching the recent reviews.
    const indexed = await storage.value.meetingConversation(teams.chatThreadId);
    if (indexed.ok && indexed.value !== null)
      return ok({ reviewId: indexed.value.reviewId, conversationId: indexed.value.conversationId } as ConversationTarget);
    if (!indexed.ok && indexed.error.kind !== 'notFound') return indexed;
    const candidates = await meetingCandidates(service);
    if (!candidates.ok) return candidates;
    return findConversationForMeeting({ chatThreadId: teams.chatThreadId }, candidates.value, meetings, new Date());
  };

  let tabConfig: TabConfigPort | undefined;
  let shareToStage: AppServices['shareToStage'];
  if (teams) {
    const route = routeForSurface(teams.surface, pathOfHash(window.location.hash));
    if (route.kind === 'go') {
      replaceHash(route.path);
    } else {
      const found = await findMeetingConversation();
      // No match: open the reviews list, from which the facilitator can find the conversation.
      replaceHash(found.ok && found.value ? viewPath(route.view, found.value) : paths.reviews());
    }
    if (teams.surface === 'settings' || teams.surface === 'remove') {
      tabConfig = teams.tabConfig(appUrl, teams.inMeeting ? findMeetingConversation : undefined);
    }
    if (teams.surface === 'sidePanel' || teams.surface === 'meetingStage') {
      shareToStage = (target) => teams.shareToStage(`${appUrl}#${paths.stage(target.reviewId, target.conversationId)}`);
    }
  }

  return ok({
    service,
    bundles,
    mode: 'microsoft365',
    userName: signedIn.user.displayName,
    outbox: storage.value.outbox,
    membership: membershipOf(storage.value.channelDirectory, signedIn.user.username),
    provisioner: storage.value.provisioner,
    // The conversation guide's "Import from Teams meeting" (src/adapters/graph/meeting-transcripts.ts).
    meetingTranscripts: storage.value.meetingTranscripts,
    // Conversations and group meetings as Outlook events with Teams meetings (src/adapters/graph/calendar).
    meetingCalendar: async () => (await import('./scheduling-services')).microsoft365MeetingCalendar(storage.value.client),
    // Pooled learning on the LSCB team site's list, through the one Graph client (issue 14).
    pooledLearning: async () => (await import('./pooled-learning-services')).microsoft365PooledLearning(storage.value.client, tenant.registerSiteId),
    // Reports publish into the review's private channel (src/adapters/graph/reports); loaded with the Reports screen.
    reports: async () => {
      const [{ graphReportPublisher }, { reportServices }] = await Promise.all([import('../adapters/graph'), import('./report-services')]);
      return reportServices(graphReportPublisher(storage.value.client, tenant.registerSiteId, tenant.teamId));
    },
    // Facilitators and coordinators practise in the tool they will use: the fictional training case is a review of
    // its own here too (its channel and lists like any other, marked fictional in the register), opened rather than
    // copied when it is already there. It is imported lazily, from its own chunk.
    loadTrainingCase: async () => {
      const opened = await bundles.openTrainingCase(async () => (await import('../domain/training-case')).trainingCaseBundle());
      if (!opened.ok) throw new Error(describeFailure(opened.error));
      return opened.value.reviewId;
    },
    ...(tabConfig ? { tabConfig } : {}),
    ...(shareToStage ? { shareToStage } : {}),
  });
}

/** One membership manager per open review, so a failed change stays pending while the review is open. */
function membershipOf(directory: ReviewChannelDirectory, username: string): (session: ReviewSession) => ReviewMembership {
  const managers = new WeakMap<ReviewSession, ReviewMembership>();
  return (session) => {
    const known = managers.get(session);
    if (known) return known;
    const made = new ReviewMembership(directory, session, { signedIn: username, memberLimit: PRIVATE_CHANNEL_MEMBER_LIMIT });
    managers.set(session, made);
    return made;
  };
}

/** Members per private channel since Microsoft's 2025 update (250 before); Teams refuses beyond it in any case. */
const PRIVATE_CHANNEL_MEMBER_LIMIT = 5000;

/** Conversations with meeting links in the reviews this person can see, most recently changed reviews first. */
async function meetingCandidates(service: ReviewService): Promise<Result<MeetingCandidate[], Failure>> {
  const listed = await service.listReviews();
  if (!listed.ok) return listed;
  const recent = [...listed.value].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, MEETING_SEARCH_REVIEWS);
  const candidates: MeetingCandidate[] = [];
  for (const summary of recent) {
    const loaded = await service.loadReview(asId<ReviewId>(summary.id));
    if (!loaded.ok) continue;
    for (const conversation of loaded.value.conversations) {
      if (conversation.meetingLink === '' || conversation.status === 'cancelled') continue;
      candidates.push({
        reviewId: summary.id,
        conversationId: conversation.id,
        meetingLink: conversation.meetingLink,
        scheduledStart: conversation.scheduledStart,
      });
    }
  }
  return ok(candidates);
}

function replaceHash(path: string): void {
  if (pathOfHash(window.location.hash) === path) return;
  window.history.replaceState(null, '', `#${path}`);
}

/** One stable function, so the App registers its theme listener once. */
function themeRequests(teams: TeamsSession): (listener: (theme: ThemeName) => void) => void {
  return (listener) => teams.onThemeChange(listener);
}

function showProblem(root: Root, theme: ThemeName, teams: TeamsSession | null, failure: Failure): void {
  teams?.notifyFailure(failure.kind);
  render(root, <StartupProblemScreen theme={theme} failure={failure} />);
}

function signInFailure(error: unknown): Failure {
  return { kind: 'unavailable', what: 'Signing in', detail: error instanceof Error ? error.message : String(error), retryable: true };
}
