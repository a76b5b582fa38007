// Graph answers → the domain's typed failures. Graph's own words stay in `detail`; describeFailure
// (src/app/failure-messages.ts) turns the failure into a sentence.
import type { Failure } from '../../../domain/failures';
import type { PartOutcome } from './batch';
import type { GraphResponse, SendOutcome } from './transport';

export interface GraphErrorInfo {
  readonly code: string;
  readonly message: string;
}

/** Graph's error body: {"error":{"code","message","innerError":{…}}}. */
export function graphError(response: GraphResponse): GraphErrorInfo {
  const error = (response.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    code: typeof error?.code === 'string' ? error.code : `HTTP ${response.status}`,
    message: typeof error?.message === 'string' ? error.message : '',
  };
}

const describeStatus = (status: number | 'dropped'): string =>
  status === 'dropped' ? 'the connection kept dropping' : status === 429 ? 'Microsoft Graph kept asking us to slow down (429)' : `Microsoft Graph kept answering ${status}`;

/** The failure for an answer that is not one the caller handles itself (404, 412 and so on are handled there). */
export function failureFromResponse(response: GraphResponse, what: string): Failure {
  const info = graphError(response);
  const detail = info.message === '' ? info.code : `${info.code}: ${info.message}`;
  if (response.status === 401 || response.status === 403) return { kind: 'permissionDenied', what, detail };
  if (response.status === 404) return { kind: 'notFound', what, id: '' };
  if (response.status >= 500) return { kind: 'unavailable', what, detail, retryable: true };
  return { kind: 'unavailable', what, detail: `SharePoint refused the request (${detail})`, retryable: false };
}

export function failureFromOutcome(outcome: SendOutcome | PartOutcome, what: string): Failure {
  switch (outcome.kind) {
    case 'response':
      return failureFromResponse(outcome.response, what);
    case 'dropped':
    case 'unknown':
      return { kind: 'unavailable', what, detail: 'the connection to Microsoft Graph was lost', retryable: true };
    case 'exhausted':
      return {
        kind: 'unavailable',
        what,
        detail: `${describeStatus(outcome.lastStatus)} after ${outcome.retries} ${outcome.retries === 1 ? 'retry' : 'retries'}`,
        retryable: true,
      };
  }
}

/** The answer when it is one, else undefined. */
export const responseOf = (outcome: SendOutcome | PartOutcome | undefined): GraphResponse | undefined =>
  outcome?.kind === 'response' ? outcome.response : undefined;
