// The ReviewStore contract, run against the SharePoint store over the Graph double (msw, in-process).
// The second writer is another person (the panel chair) with their own token and their own store.
import { afterAll, beforeAll } from 'vitest';
import { createGraphWorld, setupServer } from '../graph-store/harness';
import { describeReviewStoreContract } from './review-store.contract';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeReviewStoreContract('SharePoint lists over Microsoft Graph (double)', async () => {
  const world = await createGraphWorld(server);
  // As in a tenant, a write can be applied and then answered 504 (issue 9): the contract must hold all the same.
  world.double.faults.script({ fault: { kind: 'errorAfterCommit', status: 504 }, match: { method: 'POST', path: '/items', inBatch: false }, skip: 3 });
  return {
    store: world.store(),
    otherWriter: async () => world.store({ token: world.chairToken }),
    cleanup: async () => undefined,
  };
});
