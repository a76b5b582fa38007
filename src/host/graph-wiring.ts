import {
  createGraphClient,
  createGraphStorage,
  createGraphWorkspaceProvisioner,
  graphChannelDirectory,
  graphMeetingConversations,
  graphMeetingTranscripts,
  graphOnlineMeetings,
  type GraphClient,
} from '../adapters/graph';
import { OutboxReviewStore } from '../adapters/local/outbox-review-store';
import type { Failure } from '../domain/failures';
import type { Review } from '../domain/model';
import { ok, type Result } from '../domain/result';
import type { MeetingTranscripts } from '../ports/meeting-transcripts';
import type { OnlineMeetings } from '../ports/online-meetings';
import type { PendingReviewKeeper, ReviewSetup } from '../ports/review-setup';
import type { ReviewChannelDirectory } from '../ports/directory';
import type { ReviewStore } from '../ports/review-store';
import type { WorkspaceProvisioner } from '../ports/workspace-provisioner';
import { registerReviewSetup } from '../ui/screens/setup/review-setup-registry';
import { registerReviewArchive } from '../ui/screens/setup/review-archive-registry';
import type { TenantConfig } from './tenant-config';

export interface Microsoft365StoreOptions {
  readonly tenant: TenantConfig;
  /** A Graph token with the sign-in permissions plus the ones given (asked for when first needed). */
  readonly getAccessToken: (scopes?: readonly string[]) => Promise<string>;
  /** The signed-in person: owner of new review channels, and whose offline outbox this is. */
  readonly username: string;
}

export interface Microsoft365Storage {
  /** The SharePoint store over Graph, behind the offline outbox. */
  readonly store: ReviewStore;
  readonly outbox: OutboxReviewStore;
  /** Sets up (or upgrades) the LSCB site's lists: the setup screen and `npm run cli -- provision`. */
  readonly provisioner: WorkspaceProvisioner;
  /** Creating reviews step by step (channel → site → lists), resumable after the tab is closed. */
  readonly setup: ReviewSetup;
  /** The one Graph client every other Graph call goes through. */
  readonly client: GraphClient;
  readonly onlineMeetings: OnlineMeetings;
  readonly meetingTranscripts: MeetingTranscripts;
  /** Who can open each review: its private channel's members (access control, issue 13). */
  readonly channelDirectory: ReviewChannelDirectory;
  /** The conversation a meeting chat belongs to, from the meeting index (one request). */
  readonly meetingConversation: ReturnType<typeof graphMeetingConversations>;
}

/** Wires the Graph adapters for one signed-in person. Nothing here talks to Graph yet: that happens on first use. */
export function openMicrosoft365Store(options: Microsoft365StoreOptions): Result<Microsoft365Storage, Failure> {
  const client = createGraphClient({ graphBaseUrl: options.tenant.graphBaseUrl, getAccessToken: options.getAccessToken });
  const graph = {
    graphBaseUrl: options.tenant.graphBaseUrl,
    getAccessToken: options.getAccessToken,
    registerSiteId: options.tenant.registerSiteId,
    client,
  };
  const {
    store: inner,
    setup,
    archive,
  } = createGraphStorage({
    ...graph,
    teamId: options.tenant.teamId,
    channelOwner: options.username,
    pendingReviews: sessionKeeper(options.username),
  });
  const outbox = new OutboxReviewStore(inner, { databaseName: outboxDatabaseName(options.username) });
  registerReviewSetup(setup);
  registerReviewArchive(archive);
  return ok({
    store: outbox,
    outbox,
    provisioner: createGraphWorkspaceProvisioner(graph),
    setup,
    client,
    onlineMeetings: graphOnlineMeetings(client),
    meetingTranscripts: graphMeetingTranscripts(client),
    meetingConversation: graphMeetingConversations(client, options.tenant.registerSiteId),
    channelDirectory: graphChannelDirectory({ ...graph, teamId: options.tenant.teamId }),
  });
}

/** One outbox per person, so two accounts in one browser never share a queue. */
export const outboxDatabaseName = (username: string): string => `learning-together-outbox:${username.toLowerCase()}`;

/**
 * The details of a review being set up, kept in this browser (localStorage, per person) until it is ready, so
 * closing the tab loses nothing. The register on SharePoint holds nothing identifying, so the details cannot live there.
 */
function sessionKeeper(username: string): PendingReviewKeeper {
  const key = `lt.pendingReviews:${username.toLowerCase()}`;
  const storage = typeof localStorage === 'undefined' ? undefined : localStorage;
  const read = (): Record<string, Review> => {
    try {
      return JSON.parse(storage?.getItem(key) ?? '{}') as Record<string, Review>;
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, Review>) => storage?.setItem(key, JSON.stringify(all));
  return {
    get: (reviewId) => read()[reviewId],
    put: (review) => write({ ...read(), [review.id]: review }),
    remove: (reviewId) => {
      const all = read();
      delete all[reviewId];
      write(all);
    },
  };
}
