import { createGraphReviewStore, createGraphWorkspaceProvisioner } from '../adapters/graph';
import { OutboxReviewStore } from '../adapters/local/outbox-review-store';
import type { Failure } from '../domain/failures';
import { ok, type Result } from '../domain/result';
import type { ReviewStore } from '../ports/review-store';
import type { WorkspaceProvisioner } from '../ports/workspace-provisioner';
import type { TenantConfig } from './tenant-config';

export interface Microsoft365StoreOptions {
  readonly tenant: TenantConfig;
  readonly getAccessToken: () => Promise<string>;
  /** The signed-in person: owner of new review channels, and whose offline outbox this is. */
  readonly username: string;
}

export interface Microsoft365Storage {
  /** The SharePoint store over Graph, behind the offline outbox. */
  readonly store: ReviewStore;
  readonly outbox: OutboxReviewStore;
  /** Sets up (or upgrades) the LSCB site's lists: the setup screen and `npm run cli -- provision`. */
  readonly provisioner: WorkspaceProvisioner;
}

/** Wires the Graph adapters for one signed-in person. Nothing here talks to Graph yet: that happens on first use. */
export function openMicrosoft365Store(options: Microsoft365StoreOptions): Result<Microsoft365Storage, Failure> {
  const graph = {
    graphBaseUrl: options.tenant.graphBaseUrl,
    getAccessToken: options.getAccessToken,
    registerSiteId: options.tenant.registerSiteId,
  };
  const inner = createGraphReviewStore({ ...graph, teamId: options.tenant.teamId, channelOwner: options.username });
  const outbox = new OutboxReviewStore(inner, { databaseName: outboxDatabaseName(options.username) });
  return ok({ store: outbox, outbox, provisioner: createGraphWorkspaceProvisioner(graph) });
}

/** One outbox per person, so two accounts in one browser never share a queue. */
export const outboxDatabaseName = (username: string): string => `learning-together-outbox:${username.toLowerCase()}`;
