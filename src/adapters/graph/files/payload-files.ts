// Records too long for a list column (transcripts, long narratives) keep their details in a JSON file
// in the review site's library; the item holds the file's drive item id. Each saved version gets its own
// file, so a save that loses an eTag race never overwrites the details of the version that won.
import type { Failure } from '../../../domain/failures';
import { err, ok, type Result } from '../../../domain/result';
import { failureFromOutcome, responseOf } from '../http/failures';
import type { GraphContext } from '../options';

/** Graph's simple upload takes up to 4 MB; larger files go through an upload session. */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
/** Upload-session ranges must be multiples of 320 KiB. */
export const UPLOAD_CHUNK_BYTES = 320 * 1024 * 10;

const FOLDER = 'LearningTogether';
const WHAT = 'A long record’s file in the review’s library';

function stableSuffix(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** File names avoid ':' (SharePoint refuses it, and Graph path addressing uses it). */
export function payloadPath(listName: string, recordId: string, version: number): string {
  const safe = recordId.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `${FOLDER}/${listName}/${safe}-${stableSuffix(recordId)}.v${version}.json`;
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

const driveItemId = (body: unknown): string | undefined => {
  const id = (body as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

async function uploadInSession(context: GraphContext, siteId: string, path: string, bytes: Uint8Array): Promise<Result<string, Failure>> {
  const { transport } = context;
  const created = await transport.send({
    method: 'POST',
    url: `/sites/${siteId}/drive/root:/${encodePath(path)}:/createUploadSession`,
    json: { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
    // Opening a second session for the same file is harmless.
    idempotent: true,
  });
  const session = responseOf(created);
  const uploadUrl = (session?.body as { uploadUrl?: unknown } | null)?.uploadUrl;
  if (session?.status !== 200 || typeof uploadUrl !== 'string') return err(failureFromOutcome(created, WHAT));
  let start = 0;
  for (let rounds = 0; rounds < 10_000; rounds += 1) {
    const end = Math.min(start + UPLOAD_CHUNK_BYTES, bytes.length) - 1;
    const sent = await transport.send({
      method: 'PUT',
      url: uploadUrl,
      anonymous: true,
      bytes: bytes.subarray(start, end + 1),
      headers: { 'content-range': `bytes ${start}-${end}/${bytes.length}` },
    });
    const response = responseOf(sent);
    if (response?.status === 200 || response?.status === 201) {
      const id = driveItemId(response.body);
      return id === undefined ? err({ kind: 'unavailable', what: WHAT, detail: 'the upload finished without a file id', retryable: true }) : ok(id);
    }
    if (response?.status === 202) {
      start = end + 1;
      continue;
    }
    if (response?.status === 416) {
      // A range re-sent after a lost answer: ask the session where it is and carry on from there.
      const status = await transport.send({ method: 'GET', url: uploadUrl, anonymous: true });
      const ranges = (responseOf(status)?.body as { nextExpectedRanges?: unknown } | null)?.nextExpectedRanges;
      const next = Array.isArray(ranges) && typeof ranges[0] === 'string' ? Number(ranges[0].split('-')[0]) : Number.NaN;
      if (Number.isNaN(next)) return err(failureFromOutcome(sent, WHAT));
      start = next;
      continue;
    }
    return err(failureFromOutcome(sent, WHAT));
  }
  return err({ kind: 'unavailable', what: WHAT, detail: 'the upload did not finish', retryable: true });
}

/** Stores text as a file and returns its drive item id. PUT replaces, so a retry never makes two files. */
export async function uploadPayload(context: GraphContext, siteId: string, path: string, text: string): Promise<Result<string, Failure>> {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > SIMPLE_UPLOAD_LIMIT) return uploadInSession(context, siteId, path, bytes);
  const sent = await context.transport.send({
    method: 'PUT',
    url: `/sites/${siteId}/drive/root:/${encodePath(path)}:/content`,
    bytes,
    contentType: 'application/json',
  });
  const response = responseOf(sent);
  const id = driveItemId(response?.body);
  if ((response?.status === 200 || response?.status === 201) && id !== undefined) return ok(id);
  return err(failureFromOutcome(sent, WHAT));
}

export async function downloadPayload(context: GraphContext, siteId: string, itemId: string): Promise<Result<string, Failure>> {
  const sent = await context.transport.send({ method: 'GET', url: `/sites/${siteId}/drive/items/${encodeURIComponent(itemId)}/content`, responseAs: 'text' });
  const response = responseOf(sent);
  if (response?.status === 200 && typeof response.body === 'string') return ok(response.body);
  if (response?.status === 404) return err({ kind: 'notFound', what: WHAT, id: itemId });
  return err(failureFromOutcome(sent, WHAT));
}

/** Best effort: a file left behind holds nothing the item does not point away from. */
export async function deletePayload(context: GraphContext, siteId: string, itemId: string): Promise<Result<void, Failure>> {
  const sent = await context.transport.send({ method: 'DELETE', url: `/sites/${siteId}/drive/items/${encodeURIComponent(itemId)}` });
  const status = responseOf(sent)?.status;
  return status === 204 || status === 404 ? ok(undefined) : err(failureFromOutcome(sent, WHAT));
}
