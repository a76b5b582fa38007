// The Microsoft 365 adapters' public face. Graph and SharePoint types never leave src/adapters/graph:
// callers get the app's own ports (ReviewStore, WorkspaceProvisioner) back.
import type { ReviewStore } from '../../ports/review-store';
import type { ReviewSetup } from '../../ports/review-setup';
import type { ReviewArchive } from '../../ports/review-archive';
import { createGraphContext, DEFAULT_GRAPH_BASE_URL, type GraphStoreOptions } from './options';
import type { Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import type { MeetingTranscripts } from '../../ports/meeting-transcripts';
import type { OnlineMeetings } from '../../ports/online-meetings';
import type { MeetingCalendar } from '../../ports/calendar';
import { graphMeetingCalendarOver } from './calendar/graph-meeting-calendar';
import { failureFromOutcome, responseOf } from './http/failures';
import type { RetryPolicy } from './http/retry-policy';
import { GraphTransport, type GraphTrafficEvent } from './http/transport';
import { MeetingIndex, findOnlineMeeting, graphMeetingTranscriptsOver, graphOnlineMeetingsOver } from './meetings/online-meetings';
import { GraphReviewStore } from './store/graph-review-store';

export type { GraphStoreOptions } from './options';
export { DEFAULT_GRAPH_BASE_URL } from './options';
export type { GraphTrafficEvent } from './http/transport';
export type { RetryPolicy } from './http/retry-policy';
export { DEFAULT_PRIVATE_CHANNEL_LIMIT } from './sites/review-sites';
export { DEFAULT_RETRY_POLICY } from './http/retry-policy';
export { graphReportPublisher } from './reports/channel-report-publisher';
export type { ReviewSiteAllocator, ReviewSite } from './sites/review-sites';
export { dedicatedSite, privateChannelSites } from './sites/review-sites';
export { createGraphWorkspaceProvisioner, type GraphProvisionerOptions } from './workspace-provisioner';
export { CURRENT_SCHEMA_VERSION } from './schema/lists';
/** A review's private-channel membership (access control, issue 13). */
export { graphChannelDirectory } from './membership/channel-membership';
export { createGraphPooledLearningStore } from './pooled-learning/graph-pooled-learning-store';

/**
 * The review store over SharePoint lists through Microsoft Graph.
 *
 * Each review lives in its own private channel's site in `teamId` (lists created on first use); the LSCB
 * site named by `registerSiteId` keeps the non-identifying review register, which must have been set up
 * once with createGraphWorkspaceProvisioner (the setup screen or `npm run cli -- provision`).
 */
export function createGraphReviewStore(options: GraphStoreOptions): ReviewStore {
  return new GraphReviewStore(createGraphContext(options));
}

/** The store and, over the same client, the resumable setup of new reviews (channel → site → lists → ready). */
export function createGraphStorage(options: GraphStoreOptions): { readonly store: ReviewStore; readonly setup: ReviewSetup; readonly archive: ReviewArchive } {
  const store = new GraphReviewStore(createGraphContext(options));
  return { store, setup: store, archive: store };
}

// ---------------------------------------------------------------- the one Graph client, for everything else

export interface GraphClientOptions {
  readonly graphBaseUrl?: string;
  readonly getAccessToken: (scopes?: readonly string[]) => Promise<string>;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly retry?: Partial<RetryPolicy>;
  readonly requestTimeoutMs?: number;
  readonly onEvent?: (event: GraphTrafficEvent) => void;
}

/** An opaque handle on the one Graph client (the store, meetings, transcripts and later features share it). */
export type GraphClient = GraphTransport;

/** The one Graph client: @microsoft/microsoft-graph-client with our middleware (docs/decisions/0900). */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  return new GraphTransport({
    baseUrl: options.graphBaseUrl ?? DEFAULT_GRAPH_BASE_URL,
    getAccessToken: options.getAccessToken,
    fetch: options.fetch,
    sleep: options.sleep,
    retryPolicy: options.retry,
    requestTimeoutMs: options.requestTimeoutMs,
    onEvent: options.onEvent,
  });
}

/** OnlineMeetings over the one client (`GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'`). */
export const graphOnlineMeetings = (client: GraphClient): OnlineMeetings => graphOnlineMeetingsOver(client);

/** MeetingTranscripts over the one client. */
export const graphMeetingTranscripts = (client: GraphClient): MeetingTranscripts => graphMeetingTranscriptsOver(client);

/** The review's meetings as Outlook events with Teams meetings, over the one client (Calendars.ReadWrite). */
export const graphMeetingCalendar = (client: GraphClient, options: { readonly now: () => string }): MeetingCalendar =>
  graphMeetingCalendarOver(client, options);

/**
 * Which conversation a meeting chat belongs to, from the meeting index on the LSCB site: one request when the
 * meeting's chat is known; entries with short join links are resolved once (through /me/onlineMeetings) and written
 * back. `notFound` when the site has no index yet (set up before it existed): the caller falls back.
 */
export function graphMeetingConversations(client: GraphClient, registerSiteId: string) {
  let site: string | undefined;
  const siteId = async (): Promise<Result<string, Failure>> => {
    if (site !== undefined) return ok(site);
    if (!registerSiteId.includes(':/')) return ok((site = registerSiteId));
    const sent = await client.send({ method: 'GET', url: `/sites/${registerSiteId}?$select=id` });
    const id = (responseOf(sent)?.body as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return err(failureFromOutcome(sent, 'The LSCB team site'));
    return ok((site = id));
  };
  const index = new MeetingIndex(client, siteId);
  return async (chatThreadId: string): Promise<Result<{ reviewId: string; conversationId: string } | null, Failure>> => {
    const direct = await index.byChatThread(chatThreadId);
    if (!direct.ok) return direct;
    const hit = direct.value[0];
    if (hit !== undefined) return ok({ reviewId: hit.reviewId, conversationId: hit.conversationId });
    const unresolved = await index.withoutThread();
    if (!unresolved.ok) return unresolved;
    for (const entry of unresolved.value) {
      if (entry.joinUrl === '') continue;
      const meeting = await findOnlineMeeting(client, entry.joinUrl);
      if (!meeting.ok) return meeting;
      if (meeting.value?.chatThreadId == null) continue;
      await index.setThread(entry, meeting.value.chatThreadId);
      if (meeting.value.chatThreadId === chatThreadId) return ok({ reviewId: entry.reviewId, conversationId: entry.conversationId });
    }
    return ok(null);
  };
}
