// A Graph double behind msw with the fictional LSCB tenant, its register site provisioned, and stores
// for two people. Shared by the Graph store's contract run, its adapter tests and the benches.
import { setupServer } from 'msw/node';
import { createGraphReviewStore, createGraphWorkspaceProvisioner, type GraphStoreOptions } from '../../src/adapters/graph';
import type { ReviewStore } from '../../src/ports/review-store';
import {
  ALL_SCOPES,
  GRAPH_BASE_URL,
  LSCB_USERS,
  createGraphDouble,
  graphDoubleHandlers,
  seedLscbTenant,
  type GraphDouble,
  type GraphDoubleOptions,
} from '../graph-double';

export type MswServer = ReturnType<typeof setupServer>;

export interface GraphWorld {
  readonly double: GraphDouble;
  readonly teamId: string;
  readonly registerSiteId: string;
  readonly reviewerToken: string;
  readonly chairToken: string;
  /** Store options for a person (reviewer by default), to be completed by the test. */
  options(overrides?: Partial<GraphStoreOptions> & { token?: string }): GraphStoreOptions;
  store(overrides?: Partial<GraphStoreOptions> & { token?: string }): ReviewStore;
}

/** The delegated scopes the app asks for (docs/sharepoint.md): the double checks each request against them. */
export const APP_SCOPES = ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Channel.Create', 'Channel.ReadBasic.All', 'ChannelMember.ReadWrite.All'];

export async function createGraphWorld(server: MswServer, doubleOptions: GraphDoubleOptions = {}): Promise<GraphWorld> {
  const double = createGraphDouble({ seed: 7, ...doubleOptions });
  const tenant = seedLscbTenant(double);
  server.resetHandlers(...graphDoubleHandlers(double));
  const reviewerToken = double.issueToken({ upn: LSCB_USERS.reviewer, scopes: APP_SCOPES });
  const chairToken = double.issueToken({ upn: LSCB_USERS.panelChair, scopes: APP_SCOPES });
  const options = (overrides: Partial<GraphStoreOptions> & { token?: string } = {}): GraphStoreOptions => {
    const { token, ...rest } = overrides;
    return {
      graphBaseUrl: GRAPH_BASE_URL,
      getAccessToken: async () => token ?? reviewerToken,
      teamId: tenant.teamId,
      registerSiteId: tenant.siteId,
      // Every review's channel also admits the panel chair, so a second writer can reach it.
      channelMembers: () => [LSCB_USERS.panelChair],
      sleep: async () => undefined,
      ...rest,
    };
  };
  const provisioned = await createGraphWorkspaceProvisioner(options()).provision(() => undefined);
  if (!provisioned.ok) throw new Error(`Provisioning the register failed: ${JSON.stringify(provisioned.error)}`);
  return {
    double,
    teamId: tenant.teamId,
    registerSiteId: tenant.siteId,
    reviewerToken,
    chairToken,
    options,
    store: (overrides) => createGraphReviewStore(options(overrides)),
  };
}

export { ALL_SCOPES, GRAPH_BASE_URL, LSCB_USERS, setupServer };
