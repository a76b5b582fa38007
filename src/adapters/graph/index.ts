// The Microsoft 365 adapters' public face. Graph and SharePoint types never leave src/adapters/graph:
// callers get the app's own ports (ReviewStore, WorkspaceProvisioner) back.
import type { ReviewStore } from '../../ports/review-store';
import type { ReviewSetup } from '../../ports/review-setup';
import { createGraphContext, type GraphStoreOptions } from './options';
import { GraphReviewStore } from './store/graph-review-store';

export type { GraphStoreOptions } from './options';
export { DEFAULT_GRAPH_BASE_URL } from './options';
export type { GraphTrafficEvent } from './http/transport';
export type { RetryPolicy } from './http/retry-policy';
export { DEFAULT_RETRY_POLICY } from './http/retry-policy';
export type { ReviewSiteAllocator, ReviewSite } from './sites/review-sites';
export { dedicatedSite, privateChannelSites } from './sites/review-sites';
export { createGraphWorkspaceProvisioner, type GraphProvisionerOptions } from './workspace-provisioner';
export { CURRENT_SCHEMA_VERSION } from './schema/lists';

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
export function createGraphStorage(options: GraphStoreOptions): { readonly store: ReviewStore; readonly setup: ReviewSetup } {
  const store = new GraphReviewStore(createGraphContext(options));
  return { store, setup: store };
}
