// The options the host passes to createGraphReviewStore, and the resolved context the modules share.
import type { Review } from '../../domain/model';
import type { PendingReviewKeeper } from '../../ports/review-setup';
import type { RetryPolicy } from './http/retry-policy';
import { GraphTransport, type GraphTrafficEvent } from './http/transport';
import type { ReviewSiteAllocator } from './sites/review-sites';

export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export interface GraphStoreOptions {
  /** Graph service root, default https://graph.microsoft.com/v1.0. Any Graph-compatible endpoint can be named. */
  readonly graphBaseUrl?: string;
  /** A delegated token for Graph; called before each request, so the host's token cache decides when to refresh. */
  readonly getAccessToken: (scopes?: readonly string[]) => Promise<string>;
  /** The LSCB's team: each review gets its own private channel in it. */
  readonly teamId: string;
  /** The LSCB team's site with the review register: a site id, or hostname:/server-relative-path. */
  readonly registerSiteId: string;
  readonly fetch?: typeof fetch;
  /** Waits between retries; tests pass a recorder. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch, for HTTP-date Retry-After values. */
  readonly now?: () => number;
  readonly retry?: Partial<RetryPolicy>;
  /**
   * $top for list reads. Default 5,000, SharePoint's list view threshold and the largest page it serves (ADR 0907):
   * a review's lists are read in one page each up to that size, and nextLinks are followed either way.
   */
  readonly pageSize?: number;
  /** $batch requests in flight at once. Default 4. */
  readonly batchConcurrency?: number;
  /** How often watchReview asks SharePoint for changes. Default 15 s. */
  readonly watchIntervalMs?: number;
  /** Treat a request with no answer after this long as a dropped connection. Default: no limit. */
  readonly requestTimeoutMs?: number;
  /** The signed-in person (UPN or object id), named as owner when a review's private channel is created. */
  readonly channelOwner?: string;
  /** Other people (UPN or object id) to make members of a new review's channel, e.g. the review team. */
  readonly channelMembers?: (review: Review) => readonly string[];
  /**
   * Who else must own a new review's channel (the lead reviewer, the LSCB coordinators): in Teams only a private
   * channel's owners can add or remove its members.
   */
  readonly channelOwners?: (review: Review) => readonly string[];
  /** How long creating a review keeps waiting for its channel's site before it pauses (resumable). Default 10 minutes. */
  readonly siteReadyTimeoutMs?: number;
  /** Private channels the team may have (Teams' limit; deleted channels count for 30 days). Default 30. */
  readonly privateChannelLimit?: number;
  /** Days an archived review's private channel is kept before a coordinator may remove it (ADR 0908). Default 90. */
  readonly archiveRetentionDays?: number;
  /** Keeps the details of reviews being set up across a closed tab. Default: in memory only. */
  readonly pendingReviews?: PendingReviewKeeper;
  /** Where a new review's lists go. Default: the site of a new private channel in `teamId`. */
  readonly reviewSites?: ReviewSiteAllocator;
  /** A fresh suffix for an import's storage key. Default: random. */
  readonly newGeneration?: () => string;
  /** Traffic and retry events, for diagnostics and benchmarks. */
  readonly onEvent?: (event: GraphTrafficEvent) => void;
  /** The one Graph client to use (createGraphClient); by default one is made from the options above. */
  readonly client?: GraphTransport;
}

export interface GraphContext {
  readonly transport: GraphTransport;
  readonly options: GraphStoreOptions;
  readonly pageSize: number;
  readonly batchConcurrency: number;
}

export function createGraphContext(options: GraphStoreOptions): GraphContext {
  return {
    transport:
      options.client ??
      new GraphTransport({
        baseUrl: options.graphBaseUrl ?? DEFAULT_GRAPH_BASE_URL,
        getAccessToken: options.getAccessToken,
        fetch: options.fetch,
        sleep: options.sleep,
        now: options.now,
        retryPolicy: options.retry,
        requestTimeoutMs: options.requestTimeoutMs,
        onEvent: options.onEvent,
      }),
    options,
    pageSize: options.pageSize ?? 5000,
    batchConcurrency: options.batchConcurrency ?? 4,
  };
}

/** OData string literal: single quotes doubled. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** Path segment for a site id (composite ids contain commas, which are safe; hostname:/path forms are kept). */
export const sitePath = (siteId: string): string => `/sites/${siteId}`;
