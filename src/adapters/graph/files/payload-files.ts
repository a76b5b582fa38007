// Records too long for a list column (transcripts, long narratives) keep their details in a JSON file
// in the review site's library; the item holds the file's drive item id. Each saved version gets its own
// file, so a save that loses an eTag race never overwrites the details of the version that won.
import type { Failure } from '../../../domain/failures';
import { err, ok, type Result } from '../../../domain/result';
import { FileUpload, LargeFileUploadTask } from '@microsoft/microsoft-graph-client';
import { sendBatch } from '../http/batch';
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

/**
 * Over 4 MB: an upload session, driven by the SDK's LargeFileUploadTask through the same client (our middleware
 * never sends the token to the pre-authenticated uploadUrl). A range whose answer was lost is resumed from the
 * session's nextExpectedRanges, which the task asks for itself.
 */
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
  const body = session?.body as { uploadUrl?: unknown; expirationDateTime?: unknown } | null;
  if (session?.status !== 200 || typeof body?.uploadUrl !== 'string') return err(failureFromOutcome(created, WHAT));
  const name = path.split('/').pop() ?? path;
  const file = new FileUpload(new Blob([bytes as BlobPart]), name, bytes.length);
  const task = new LargeFileUploadTask(
    transport.client,
    file,
    { url: body.uploadUrl, expiry: new Date(typeof body.expirationDateTime === 'string' ? body.expirationDateTime : Date.now() + 3_600_000) },
    { rangeSize: UPLOAD_CHUNK_BYTES },
  );
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    try {
      const result = (attempt === 0 ? await task.upload() : await task.resume()) as { responseBody?: unknown };
      const id = driveItemId(result.responseBody);
      return id === undefined ? err({ kind: 'unavailable', what: WHAT, detail: 'the upload finished without a file id', retryable: true }) : ok(id);
    } catch (error) {
      lastError = error;
    }
  }
  return err({ kind: 'unavailable', what: WHAT, detail: `the upload did not finish (${lastError instanceof Error ? lastError.message : String(lastError)})`, retryable: true });
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

/**
 * Reads files' text. Graph answers GET …/content with a 302 to a pre-authenticated URL on SharePoint's own host,
 * which browser JavaScript cannot follow with the Graph token (driveitem-get-content); so the items are read in
 * one $batch for their @microsoft.graph.downloadUrl, and each URL is fetched without Authorization.
 */
export async function downloadPayloads(context: GraphContext, siteId: string, itemIds: readonly string[]): Promise<Result<Map<string, string>, Failure>> {
  const texts = new Map<string, string>();
  if (itemIds.length === 0) return ok(texts);
  const unique = [...new Set(itemIds)];
  const described = await sendBatch(
    context.transport,
    unique.map((itemId, index) => ({ id: String(index), method: 'GET' as const, url: `/sites/${siteId}/drive/items/${encodeURIComponent(itemId)}` })),
    { concurrency: context.batchConcurrency },
  );
  const urls: Array<{ itemId: string; url: string }> = [];
  for (const [index, itemId] of unique.entries()) {
    const outcome = described.get(String(index));
    const response = responseOf(outcome);
    if (response?.status === 404) return err({ kind: 'notFound', what: WHAT, id: itemId });
    const url = (response?.body as { '@microsoft.graph.downloadUrl'?: unknown } | null)?.['@microsoft.graph.downloadUrl'];
    if (response?.status !== 200 || typeof url !== 'string') return err(failureFromOutcome(outcome ?? { kind: 'unknown', detail: '' }, WHAT));
    urls.push({ itemId, url });
  }
  for (let start = 0; start < urls.length; start += 6) {
    const fetched = await Promise.all(
      urls.slice(start, start + 6).map(async ({ itemId, url }) => ({ itemId, sent: await context.transport.send({ method: 'GET', url, anonymous: true, responseAs: 'text' }) })),
    );
    for (const { itemId, sent } of fetched) {
      const response = responseOf(sent);
      if (response?.status !== 200 || typeof response.body !== 'string') return err(failureFromOutcome(sent, WHAT));
      texts.set(itemId, response.body);
    }
  }
  return ok(texts);
}

/** Best effort: a file left behind holds nothing the item does not point away from. */
export async function deletePayload(context: GraphContext, siteId: string, itemId: string): Promise<Result<void, Failure>> {
  const sent = await context.transport.send({ method: 'DELETE', url: `/sites/${siteId}/drive/items/${encodeURIComponent(itemId)}` });
  const status = responseOf(sent)?.status;
  return status === 204 || status === 404 ? ok(undefined) : err(failureFromOutcome(sent, WHAT));
}
