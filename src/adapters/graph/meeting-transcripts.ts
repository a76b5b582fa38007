// A Teams meeting's transcript over Graph, for the conversation guide's "Import from Teams meeting". Kept as an entry
// point for its callers; the Graph calls live in meetings/online-meetings.ts and go through the one Graph client.
import type { MeetingTranscripts } from '../../ports/meeting-transcripts';
import { GraphTransport } from './http/transport';
import { graphMeetingTranscriptsOver } from './meetings/online-meetings';

export interface GraphMeetingTranscriptsOptions {
  readonly graphBaseUrl: string;
  readonly getAccessToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
  /** How the client waits between retries (tests pass one that does not wait). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The app's one Graph client; made from the options above when not given. */
  readonly client?: GraphTransport;
}

/** MeetingTranscripts over Graph (OnlineMeetings.Read + OnlineMeetingTranscript.Read.All). */
export function graphMeetingTranscripts(options: GraphMeetingTranscriptsOptions): MeetingTranscripts {
  return graphMeetingTranscriptsOver(
    options.client ?? new GraphTransport({ baseUrl: options.graphBaseUrl, getAccessToken: options.getAccessToken, fetch: options.fetch, sleep: options.sleep }),
  );
}
