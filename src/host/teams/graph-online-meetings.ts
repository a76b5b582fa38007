// The OnlineMeetings port for the Teams host. There is no Graph code here any more: the lookup lives once, in
// src/adapters/graph/meetings/online-meetings.ts, and goes through the one Graph client (retries, Retry-After).
import { createGraphClient, graphOnlineMeetings as overClient, type GraphClient } from '../../adapters/graph';
import type { OnlineMeetings } from '../../ports/online-meetings';

export interface GraphOnlineMeetingsOptions {
  readonly graphBaseUrl: string;
  readonly getAccessToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
  /** The app's one Graph client; made from the options above when not given. */
  readonly client?: GraphClient;
}

/** OnlineMeetings over Graph: `GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'` (OnlineMeetings.Read). */
export function graphOnlineMeetings(options: GraphOnlineMeetingsOptions): OnlineMeetings {
  return overClient(options.client ?? createGraphClient({ graphBaseUrl: options.graphBaseUrl, getAccessToken: options.getAccessToken, fetch: options.fetch }));
}
