// The PooledLearningStore contract over the LSCB site's pooled learning list, through the one Graph client and the
// Graph double (msw, in-process); one POST answer is lost after it was applied, as in a tenant.
import { afterAll, beforeAll } from 'vitest';
import { createGraphClient } from '../../src/adapters/graph';
import { createGraphPooledLearningStore } from '../../src/adapters/graph/pooled-learning/graph-pooled-learning-store';
import { createGraphWorld, GRAPH_BASE_URL, setupServer } from '../graph-store/harness';
import { describePooledLearningStoreContract } from './pooled-learning-store.contract';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describePooledLearningStoreContract('SharePoint pooled learning list over Microsoft Graph (double)', async () => {
  const world = await createGraphWorld(server);
  world.double.faults.script({ fault: { kind: 'errorAfterCommit', status: 504 }, match: { method: 'POST', path: '/items', inBatch: false }, skip: 1 });
  const client = createGraphClient({ graphBaseUrl: GRAPH_BASE_URL, getAccessToken: async () => world.reviewerToken, sleep: async () => undefined });
  return { store: createGraphPooledLearningStore(client, world.registerSiteId), cleanup: async () => undefined };
});
