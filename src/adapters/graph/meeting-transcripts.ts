// A Teams meeting's transcript over Graph, for the conversation guide's "Import from Teams meeting".
// Written by the conversation-guide work; small and self-contained (plain fetch, like the host's online-meetings
// lookup), so the Graph store's transport is untouched.
import type { Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import type { MeetingTranscripts } from '../../ports/meeting-transcripts';

export interface GraphMeetingTranscriptsOptions {
  readonly graphBaseUrl: string;
  readonly getAccessToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
}

interface Listed<T> {
  readonly value?: readonly T[];
}

const WHAT = 'meeting transcripts';

/**
 * MeetingTranscripts over Graph (delegated OnlineMeetings.Read + OnlineMeetingTranscript.Read.All):
 * `GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'`, then its transcripts (the latest is taken), then
 * `…/transcripts/{id}/content?$format=text/vtt`. A 403 means the tenant has turned Graph access to transcripts off.
 */
export function graphMeetingTranscripts(options: GraphMeetingTranscriptsOptions): MeetingTranscripts {
  const fetchImpl = options.fetch ?? fetch.bind(globalThis);

  async function get(path: string, accept: string): Promise<Result<Response, Failure>> {
    let response: Response;
    try {
      response = await fetchImpl(`${options.graphBaseUrl}${path}`, { headers: { authorization: `Bearer ${await options.getAccessToken()}`, accept } });
    } catch (error) {
      return err({ kind: 'unavailable', what: 'Microsoft Graph', detail: error instanceof Error ? error.message : String(error), retryable: true });
    }
    if (response.ok) return ok(response);
    if (response.status === 403) {
      return err({ kind: 'permissionDenied', what: WHAT, detail: 'your organisation has turned off access to meeting transcripts for apps (Graph answered 403)' });
    }
    if (response.status === 401) return err({ kind: 'permissionDenied', what: WHAT, detail: 'the sign-in has expired (Graph answered 401)' });
    if (response.status === 404) return err({ kind: 'notFound', what: 'The Teams meeting', id: 'or its transcript' });
    return err({ kind: 'unavailable', what: 'Microsoft Graph', detail: `Graph answered ${response.status}`, retryable: response.status === 429 || response.status >= 500 });
  }

  return {
    async fetchTranscript(joinUrl: string): Promise<Result<string, Failure>> {
      // OData string literals double their single quotes.
      const filter = `JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`;
      const found = await get(`/me/onlineMeetings?$filter=${encodeURIComponent(filter)}`, 'application/json');
      if (!found.ok) return found;
      const meeting = ((await found.value.json()) as Listed<{ id?: unknown }>).value?.[0];
      if (!meeting || typeof meeting.id !== 'string') return err({ kind: 'notFound', what: 'The Teams meeting', id: 'for this conversation' });

      const meetingPath = `/me/onlineMeetings/${encodeURIComponent(meeting.id)}/transcripts`;
      const listed = await get(meetingPath, 'application/json');
      if (!listed.ok) return listed;
      const transcripts = ((await listed.value.json()) as Listed<{ id?: unknown; createdDateTime?: unknown }>).value ?? [];
      const latest = [...transcripts]
        .filter((transcript): transcript is { id: string; createdDateTime?: unknown } => typeof transcript.id === 'string')
        .sort((a, b) => String(b.createdDateTime ?? '').localeCompare(String(a.createdDateTime ?? '')))[0];
      if (!latest) return err({ kind: 'notFound', what: 'A transcript', id: 'of this meeting' });

      const content = await get(`${meetingPath}/${encodeURIComponent(latest.id)}/content?$format=${encodeURIComponent('text/vtt')}`, 'text/vtt');
      if (!content.ok) return content;
      return ok(await content.value.text());
    },
  };
}
