import type { Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import type { OnlineMeetingRef, OnlineMeetings } from '../../ports/online-meetings';

export interface GraphOnlineMeetingsOptions {
  readonly graphBaseUrl: string;
  readonly getAccessToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
}

interface GraphOnlineMeeting {
  readonly id?: unknown;
  readonly joinWebUrl?: unknown;
  readonly chatInfo?: { readonly threadId?: unknown } | null;
}

/** OnlineMeetings over Graph: `GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'` (OnlineMeetings.Read). */
export function graphOnlineMeetings(options: GraphOnlineMeetingsOptions): OnlineMeetings {
  const fetchImpl = options.fetch ?? fetch.bind(globalThis);
  return {
    async findByJoinUrl(joinWebUrl: string): Promise<Result<OnlineMeetingRef | null, Failure>> {
      // OData string literals double their single quotes.
      const filter = `JoinWebUrl eq '${joinWebUrl.replace(/'/g, "''")}'`;
      const url = `${options.graphBaseUrl}/me/onlineMeetings?$filter=${encodeURIComponent(filter)}`;
      let response: Response;
      try {
        response = await fetchImpl(url, { headers: { authorization: `Bearer ${await options.getAccessToken()}`, accept: 'application/json' } });
      } catch (error) {
        return err({ kind: 'unavailable', what: 'Finding the Teams meeting', detail: error instanceof Error ? error.message : String(error), retryable: true });
      }
      if (response.status === 404) return ok(null);
      if (response.status === 401 || response.status === 403) {
        return err({ kind: 'permissionDenied', what: 'finding the Teams meeting', detail: `Graph answered ${response.status}` });
      }
      if (!response.ok) {
        return err({
          kind: 'unavailable',
          what: 'Finding the Teams meeting',
          detail: `Graph answered ${response.status}`,
          retryable: response.status === 429 || response.status >= 500,
        });
      }
      const body = (await response.json()) as { value?: readonly GraphOnlineMeeting[] };
      const first = body.value?.[0];
      if (!first || typeof first.id !== 'string' || typeof first.joinWebUrl !== 'string') return ok(null);
      const threadId = first.chatInfo?.threadId;
      return ok({ id: first.id, joinWebUrl: first.joinWebUrl, chatThreadId: typeof threadId === 'string' ? threadId : null });
    },
  };
}
