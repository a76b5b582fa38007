// Resumable uploads: createUploadSession, then byte-range PUTs to the uploadUrl (no Authorization
// header, as the docs warn), 202 with nextExpectedRanges until the last range gives 201 with the
// driveItem; a re-sent range is 416; DELETE cancels the session.
import { SCOPES } from './auth';
import { GraphError, invalidRequest, notFound } from './errors';
import { bodyBytes, header, isRecord, json, noContent, readJson } from './http-helpers';
import {
  DRIVE_PREFIXES, childByName, driveFromContext, driveItemETag, nameAlreadyExists, parseConflictBehavior,
  resolvePath, serializeDriveItem, splitParentPath, validateName, writeFile,
} from './drives';
import type { EngineServices, RouteContext, RouteDefinition } from './routing';
import type { DriveRecord, UploadSessionRecord } from './state';
import type { EngineRequest, EngineResponse } from './types';

/** Each fragment must be smaller than 60 MiB. */
export const MAX_FRAGMENT_BYTES = 60 * 1024 * 1024;
export const UPLOAD_PATH_PREFIX = '/_upload/';

function createSession(context: RouteContext, parentFrom: (drive: DriveRecord) => string): EngineResponse {
  const drive = driveFromContext(context);
  const { parentPath, name } = splitParentPath(context.addressPath ?? '');
  validateName(name);
  const body = readJson(context.request);
  if (body !== undefined && !isRecord(body)) throw invalidRequest('The body must be an object.');
  const item = body?.item;
  if (item !== undefined && !isRecord(item)) throw invalidRequest('item must be an object.');
  if (typeof item?.name === 'string' && item.name !== name) {
    throw invalidRequest('The item path must contain the name that is specified in the request body.');
  }
  const conflictBehavior = parseConflictBehavior(item?.['@microsoft.graph.conflictBehavior'], 'fail');
  const parent = resolvePath(context, drive, parentFrom(drive), parentPath, true);
  if (parent === undefined) throw notFound();
  if (conflictBehavior === 'fail' && childByName(drive, parent.id, name) !== undefined) throw nameAlreadyExists();
  const fileSize = item?.fileSize;
  const { services } = context;
  const session: UploadSessionRecord = {
    id: services.ids.token(40),
    secret: services.ids.token(48),
    driveId: drive.id,
    parentId: parent.id,
    name,
    conflictBehavior,
    deferCommit: body?.deferCommit === true,
    expiresAt: new Date(services.now().getTime() + services.options.uploadSessionLifetimeMs),
    userId: context.principal.userId,
    declaredSize: typeof fileSize === 'number' ? fileSize : undefined,
    chunks: [],
    nextExpected: 0,
  };
  services.state.uploadSessions.set(session.id, session);
  const origin = new URL(context.request.serviceRoot).origin;
  return json(200, {
    '@odata.context': `${context.request.serviceRoot}/$metadata#microsoft.graph.uploadSession`,
    expirationDateTime: session.expiresAt.toISOString(),
    nextExpectedRanges: ['0-'],
    uploadUrl: `${origin}${UPLOAD_PATH_PREFIX}${session.id}?tempauth=${session.secret}`,
  });
}

export const uploadSessionRoutes: RouteDefinition[] = DRIVE_PREFIXES.flatMap((prefix): RouteDefinition[] => [
  {
    method: 'POST', pattern: `${prefix}/root/~path/createUploadSession`, scopes: SCOPES.filesWrite, cost: 2,
    handle: (context) => createSession(context, (drive) => drive.rootId),
  },
  {
    method: 'POST', pattern: `${prefix}/items/:itemId/~path/createUploadSession`, scopes: SCOPES.filesWrite, cost: 2,
    handle: (context) => createSession(context, () => context.params.itemId ?? ''),
  },
]);

function sessionStatus(session: UploadSessionRecord, status = 200): EngineResponse {
  const remaining = session.totalSize === undefined || session.nextExpected < session.totalSize ? [`${session.nextExpected}-`] : [];
  return json(status, { expirationDateTime: session.expiresAt.toISOString(), nextExpectedRanges: remaining });
}

function commit(services: EngineServices, session: UploadSessionRecord): EngineResponse {
  const drive = services.state.drives.get(session.driveId);
  if (drive === undefined) throw notFound('The drive no longer exists.');
  const content = Buffer.concat(session.chunks);
  services.state.uploadSessions.delete(session.id);
  if (session.conflictBehavior === 'fail' && childByName(drive, session.parentId, session.name) !== undefined) {
    throw new GraphError(409, 'nameAlreadyExists', 'Another file exists with the same name as the uploaded session. You can redirect the upload session to use a new filename by calling PUT with the new metadata and @microsoft.graph.sourceUrl attribute.');
  }
  const principal = { userId: session.userId, upn: '', scopes: new Set<string>() };
  const { item, created } = writeFile({ services, principal }, drive, session.parentId, session.name, new Uint8Array(content), session.conflictBehavior);
  return json(created ? 201 : 200, serializeDriveItem(services.state, drive, item), { etag: driveItemETag(item) });
}

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

function putRange(request: EngineRequest, services: EngineServices, session: UploadSessionRecord): EngineResponse {
  const range = header(request, 'content-range');
  const match = range === undefined ? null : CONTENT_RANGE.exec(range.trim());
  if (match === null) throw invalidRequest("A Content-Range header of the form 'bytes {start}-{end}/{total}' is required.", 'invalidRange');
  const start = Number(match[1]);
  const end = Number(match[2]);
  const total = Number(match[3]);
  const content = bodyBytes(request.body);
  const length = end - start + 1;
  if (end < start || end >= total) throw new GraphError(416, 'invalidRange', 'The Content-Range is not valid for the declared total size.', { innerCode: 'invalidRange' });
  if (length > MAX_FRAGMENT_BYTES) throw invalidRequest('Each fragment must be smaller than 60 MiB.', 'maxFragmentLengthExceeded');
  const declaredLength = header(request, 'content-length');
  if (content.length !== length || (declaredLength !== undefined && Number(declaredLength) !== length)) {
    throw invalidRequest(`The fragment has ${content.length} bytes but Content-Range declares ${length}.`, 'fragmentLengthMismatch');
  }
  const expectedTotal = session.totalSize ?? session.declaredSize;
  if (expectedTotal !== undefined && expectedTotal !== total) {
    throw invalidRequest('The total size in Content-Range must be the same on every request.', 'invalidRange');
  }
  if (start < session.nextExpected) {
    throw new GraphError(416, 'invalidRange', 'Uploaded fragment overlaps with existing data.', { innerCode: 'fragmentOverlap' });
  }
  if (start > session.nextExpected) {
    throw new GraphError(416, 'invalidRange', `Fragments must be uploaded in order; the next expected byte is ${session.nextExpected}.`, { innerCode: 'fragmentOutOfOrder' });
  }
  session.totalSize = total;
  session.chunks.push(content);
  session.nextExpected = end + 1;
  if (session.nextExpected < total || session.deferCommit) return sessionStatus(session, 202);
  return commit(services, session);
}

/**
 * Handles requests to an uploadUrl. These are outside the Graph service root and carry a tempauth
 * query instead of a bearer token.
 */
export function handleUploadUrl(request: EngineRequest, services: EngineServices): EngineResponse {
  const id = request.url.pathname.slice(UPLOAD_PATH_PREFIX.length);
  const session = services.state.uploadSessions.get(id);
  if (session === undefined || session.secret !== request.url.searchParams.get('tempauth')) {
    throw new GraphError(404, 'itemNotFound', 'The upload session was not found.', { innerCode: 'uploadSessionNotFound' });
  }
  if (services.now() > session.expiresAt) {
    services.state.uploadSessions.delete(session.id);
    throw new GraphError(404, 'itemNotFound', 'The upload session has expired.', { innerCode: 'uploadSessionNotFound' });
  }
  if (services.options.rejectAuthorizationOnUploadUrl && header(request, 'authorization') !== undefined) {
    // The docs warn that sending Authorization to the uploadUrl "may result in an HTTP 401"; the double always does.
    throw new GraphError(401, 'InvalidAuthenticationToken', 'Do not send an Authorization header to an upload URL; it is pre-authenticated.');
  }
  switch (request.method) {
    case 'PUT':
      return putRange(request, services, session);
    case 'GET':
      return sessionStatus(session);
    case 'DELETE':
      services.state.uploadSessions.delete(session.id);
      return noContent();
    case 'POST':
      // deferCommit: an empty POST completes the upload once every byte is in.
      if (session.totalSize === undefined || session.nextExpected < session.totalSize) {
        throw invalidRequest('The upload is not complete yet.', 'uploadSessionIncomplete');
      }
      return commit(services, session);
    default:
      throw new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
  }
}
