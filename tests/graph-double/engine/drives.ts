// Document libraries: drives, drive items addressed by id or path, simple upload, download,
// folders and delete. Large uploads live in upload-sessions.ts.
import { SCOPES } from './auth';
import { GraphError, invalidRequest, notFound } from './errors';
import { binary, bodyBytes, header, isRecord, isoSeconds, json, noContent, readJsonObject, type JsonObject } from './http-helpers';
import { userIdentity } from './lists';
import { applySelect, parseSelect } from './odata-select';
import type { EngineServices, RouteContext, RouteDefinition } from './routing';
import type { EngineRequest, EngineResponse } from './types';
import type { ConflictBehavior, DriveItemRecord, DriveRecord, GraphState, SiteRecord } from './state';

/**
 * The project's limit for a simple PUT …/content. Current Graph docs allow 250 MB, older ones 4 MB;
 * the double holds clients to 4 MB so that larger files must go through an upload session.
 */
export const SIMPLE_UPLOAD_MAX_BYTES = 4 * 1024 * 1024;

const MIME_TYPES: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  json: 'application/json',
  vtt: 'text/vtt',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
};

/** SharePoint infers the MIME type from the file extension. */
export function mimeTypeFor(name: string): string {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

export function createDrive(services: EngineServices, site: SiteRecord, driveId: string): DriveRecord {
  const now = services.now();
  const rootId = services.ids.driveItemId();
  const drive: DriveRecord = {
    id: driveId,
    siteId: site.id,
    name: 'Documents',
    webUrl: `${site.webUrl}/Shared%20Documents`,
    listId: services.ids.guid(),
    rootId,
    items: new Map(),
    nextListItemId: 1,
  };
  drive.items.set(rootId, {
    id: rootId, name: 'root', parentId: null, isFolder: true, content: new Uint8Array(0), mimeType: '',
    uniqueId: services.ids.guid().toUpperCase(), version: 1, createdDateTime: now, lastModifiedDateTime: now,
    createdByUserId: '', lastModifiedByUserId: '', listItemId: 0,
  });
  services.state.drives.set(drive.id, drive);
  return drive;
}

export function requireDriveItem(drive: DriveRecord, itemId: string): DriveItemRecord {
  const item = drive.items.get(itemId);
  if (item === undefined) throw notFound('Item not found');
  return item;
}

export function childByName(drive: DriveRecord, parentId: string, name: string): DriveItemRecord | undefined {
  for (const item of drive.items.values()) {
    if (item.parentId === parentId && item.name.toLowerCase() === name.toLowerCase()) return item;
  }
  return undefined;
}

const INVALID_NAME = /["*:<>?/\\|]/;

export function validateName(name: string): void {
  if (name.trim() === '' || INVALID_NAME.exec(name) !== null || name.endsWith('.') || name !== name.trim()) {
    throw new GraphError(400, 'invalidRequest', `The name '${name}' contains characters that are not allowed.`, { innerCode: 'invalidPath' });
  }
}

/** Walks a path from a folder; with createFolders, missing folders are made (as path-based uploads do). */
export function resolvePath(
  context: Pick<RouteContext, 'services' | 'principal'>,
  drive: DriveRecord,
  fromId: string,
  path: string,
  createFolders: boolean,
): DriveItemRecord | undefined {
  let current = requireDriveItem(drive, fromId);
  for (const name of path.split('/').filter((segment) => segment !== '')) {
    if (!current.isFolder) throw invalidRequest(`'${current.name}' is a file, not a folder.`);
    const child = childByName(drive, current.id, name);
    if (child !== undefined) {
      current = child;
      continue;
    }
    if (!createFolders) return undefined;
    current = createFolder(context, drive, current.id, name);
  }
  return current;
}

export function createFolder(context: Pick<RouteContext, 'services' | 'principal'>, drive: DriveRecord, parentId: string, name: string): DriveItemRecord {
  validateName(name);
  const now = context.services.now();
  const folder: DriveItemRecord = {
    id: context.services.ids.driveItemId(), name, parentId, isFolder: true, content: new Uint8Array(0), mimeType: '',
    uniqueId: context.services.ids.guid().toUpperCase(), version: 1, createdDateTime: now, lastModifiedDateTime: now,
    createdByUserId: context.principal.userId, lastModifiedByUserId: context.principal.userId, listItemId: drive.nextListItemId,
  };
  drive.nextListItemId += 1;
  drive.items.set(folder.id, folder);
  return folder;
}

/** Path of a folder or file below the root, e.g. "General/Report.docx" (empty for the root). */
export function itemPath(drive: DriveRecord, item: DriveItemRecord): string {
  const names: string[] = [];
  let cursor: DriveItemRecord | undefined = item;
  while (cursor !== undefined && cursor.parentId !== null) {
    names.unshift(cursor.name);
    cursor = drive.items.get(cursor.parentId);
  }
  return names.join('/');
}

export function driveItemETag(item: DriveItemRecord): string {
  return `"{${item.uniqueId}},${item.version}"`;
}

function folderSize(drive: DriveRecord, item: DriveItemRecord): number {
  if (!item.isFolder) return item.content.length;
  let size = 0;
  for (const child of drive.items.values()) if (child.parentId === item.id) size += folderSize(drive, child);
  return size;
}

const DRIVE_ITEM_PROPERTIES = [
  'id', 'name', 'size', 'eTag', 'cTag', 'webUrl', 'createdDateTime', 'lastModifiedDateTime', 'createdBy', 'lastModifiedBy',
  'parentReference', 'file', 'folder', 'root', 'fileSystemInfo', 'sharepointIds',
];

export function serializeDriveItem(state: GraphState, drive: DriveRecord, item: DriveItemRecord, select?: readonly string[]): JsonObject {
  const site = state.sites.get(drive.siteId);
  const path = itemPath(drive, item);
  const encodedPath = path.split('/').filter((name) => name !== '').map(encodeURIComponent).join('/');
  const parent = item.parentId === null ? undefined : drive.items.get(item.parentId);
  const parentPath = parent === undefined ? undefined : itemPath(drive, parent);
  const out: JsonObject = {
    '@odata.etag': driveItemETag(item),
    createdDateTime: isoSeconds(item.createdDateTime),
    eTag: driveItemETag(item),
    id: item.id,
    lastModifiedDateTime: isoSeconds(item.lastModifiedDateTime),
    name: item.name,
    webUrl: encodedPath === '' ? drive.webUrl : `${drive.webUrl}/${encodedPath}`,
    cTag: `"c:{${item.uniqueId}},${item.version}"`,
    size: folderSize(drive, item),
    createdBy: item.createdByUserId === '' ? { user: { displayName: 'System Account' } } : userIdentity(state, item.createdByUserId),
    lastModifiedBy: item.lastModifiedByUserId === '' ? { user: { displayName: 'System Account' } } : userIdentity(state, item.lastModifiedByUserId),
    parentReference:
      parent === undefined
        ? { driveType: 'documentLibrary', driveId: drive.id }
        : { driveType: 'documentLibrary', driveId: drive.id, id: parent.id, name: parent.parentId === null ? 'Shared Documents' : parent.name, path: `/drives/${drive.id}/root:${parentPath === '' ? '' : `/${parentPath}`}`, siteId: drive.siteId },
    fileSystemInfo: { createdDateTime: isoSeconds(item.createdDateTime), lastModifiedDateTime: isoSeconds(item.lastModifiedDateTime) },
  };
  if (item.parentId === null) out.root = {};
  if (item.isFolder) {
    out.folder = { childCount: [...drive.items.values()].filter((child) => child.parentId === item.id).length };
  } else {
    // No hashes: the double does not compute quickXorHash, and a made-up value would mislead a client that checks it.
    out.file = { mimeType: item.mimeType };
  }
  // sharepointIds is only returned when asked for with $select, as in Graph.
  if (select?.includes('sharepointIds') === true && site !== undefined) {
    const ids: JsonObject = { listId: drive.listId, siteId: site.siteCollectionId, siteUrl: site.webUrl, tenantId: state.tenantId, webId: site.webId };
    if (item.parentId !== null) Object.assign(ids, { listItemId: String(item.listItemId), listItemUniqueId: item.uniqueId.toLowerCase() });
    out.sharepointIds = ids;
  }
  return applySelect(out, select, DRIVE_ITEM_PROPERTIES, 'driveItem');
}

export function serializeDrive(state: GraphState, drive: DriveRecord, serviceRoot: string): JsonObject {
  const site = state.sites.get(drive.siteId);
  return {
    '@odata.context': `${serviceRoot}/$metadata#drives/$entity`,
    createdDateTime: isoSeconds(site?.createdDateTime ?? new Date(0)),
    description: '',
    id: drive.id,
    lastModifiedDateTime: isoSeconds(site?.createdDateTime ?? new Date(0)),
    name: drive.name,
    webUrl: drive.webUrl,
    driveType: 'documentLibrary',
    createdBy: { user: { displayName: 'System Account' } },
    owner: { group: { displayName: site?.displayName ?? '', id: site?.siteCollectionId ?? '' } },
  };
}

/** The two ways the project addresses a library: /drives/{id} and /sites/{id}/drive. */
export const DRIVE_PREFIXES = ['drives/:driveId', 'sites/:siteId/drive'] as const;

export function driveFromContext(context: RouteContext): DriveRecord {
  const { state } = context.services;
  if (context.params.driveId !== undefined) return state.requireDrive(context.params.driveId, context.principal.userId);
  const site = state.requireSite(context.params.siteId ?? '', context.principal.userId);
  return state.requireDrive(site.driveId, context.principal.userId);
}

export function parseConflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined) return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw invalidRequest(`Invalid value '${String(value)}' for @microsoft.graph.conflictBehavior.`);
}

export const nameAlreadyExists = (): GraphError =>
  new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');

function renamed(drive: DriveRecord, parentId: string, name: string): string {
  const match = /^(.*?)(\.[^.]*)?$/.exec(name);
  const stem = match?.[1] ?? name;
  const extension = match?.[2] ?? '';
  for (let counter = 1; ; counter += 1) {
    const candidate = `${stem} ${counter}${extension}`;
    if (childByName(drive, parentId, candidate) === undefined) return candidate;
  }
}

/** Creates or replaces a file. Returns whether it was created (201) or replaced (200). */
export function writeFile(
  context: Pick<RouteContext, 'services' | 'principal'>,
  drive: DriveRecord,
  parentId: string,
  name: string,
  content: Uint8Array,
  conflictBehavior: ConflictBehavior,
  ifMatch?: string,
): { item: DriveItemRecord; created: boolean } {
  validateName(name);
  const parent = requireDriveItem(drive, parentId);
  if (!parent.isFolder) throw invalidRequest(`'${parent.name}' is a file, not a folder.`);
  const now = context.services.now();
  let targetName = name;
  const existing = childByName(drive, parentId, name);
  if (existing !== undefined) {
    if (conflictBehavior === 'fail' || existing.isFolder) throw nameAlreadyExists();
    if (conflictBehavior === 'replace') {
      checkDriveIfMatch(ifMatch, existing);
      existing.content = content;
      existing.version += 1;
      existing.lastModifiedDateTime = now;
      existing.lastModifiedByUserId = context.principal.userId;
      return { item: existing, created: false };
    }
    targetName = renamed(drive, parentId, name);
  }
  const item: DriveItemRecord = {
    id: context.services.ids.driveItemId(), name: targetName, parentId, isFolder: false, content, mimeType: mimeTypeFor(targetName),
    uniqueId: context.services.ids.guid().toUpperCase(), version: 1, createdDateTime: now, lastModifiedDateTime: now,
    createdByUserId: context.principal.userId, lastModifiedByUserId: context.principal.userId, listItemId: drive.nextListItemId,
  };
  drive.nextListItemId += 1;
  drive.items.set(item.id, item);
  return { item, created: true };
}

function checkDriveIfMatch(ifMatch: string | undefined, item: DriveItemRecord): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const normalised = ifMatch.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1').toLowerCase();
  const current = [driveItemETag(item), `"c:{${item.uniqueId}},${item.version}"`].map((tag) => tag.slice(1, -1).toLowerCase());
  if (!current.includes(normalised)) {
    throw new GraphError(412, 'resourceModified', 'ETag does not match current item\'s value', { innerCode: 'entityTagDoesNotMatch' });
  }
}

/** Splits 'Folder/Sub/File.txt' into its parent path and file name. */
export function splitParentPath(path: string): { parentPath: string; name: string } {
  const segments = path.split('/').filter((segment) => segment !== '');
  const name = segments.pop();
  if (name === undefined) throw invalidRequest('The path must name a file.');
  return { parentPath: segments.join('/'), name };
}

function simpleUpload(context: RouteContext, parentFrom: (drive: DriveRecord) => string, path: string) {
  const drive = driveFromContext(context);
  const content = bodyBytes(context.request.body);
  if (content.length > SIMPLE_UPLOAD_MAX_BYTES) {
    throw new GraphError(413, 'invalidRequest', `Simple upload is limited to ${SIMPLE_UPLOAD_MAX_BYTES} bytes here; use createUploadSession for larger files.`, { innerCode: 'maxFileSizeExceeded' });
  }
  const { parentPath, name } = splitParentPath(path);
  const parent = resolvePath(context, drive, parentFrom(drive), parentPath, true);
  if (parent === undefined) throw notFound();
  const behaviour = parseConflictBehavior(context.query.get('@microsoft.graph.conflictBehavior'), 'replace');
  const { item, created } = writeFile(context, drive, parent.id, name, content, behaviour, header(context.request, 'if-match'));
  return json(created ? 201 : 200, serializeDriveItem(context.services.state, drive, item), { etag: driveItemETag(item) });
}

function itemByPath(context: RouteContext, drive: DriveRecord, fromId: string): DriveItemRecord {
  const item = resolvePath(context, drive, fromId, context.addressPath ?? '', false);
  if (item === undefined) throw notFound('The resource could not be found.');
  return item;
}

/** Where pre-authenticated downloads are served: outside the service root, as SharePoint's own host is in a tenant. */
export const DOWNLOAD_PATH_PREFIX = '/_download/';
const DOWNLOAD_URL = '@microsoft.graph.downloadUrl';

/** A short-lived, pre-authenticated URL for a file's content (the value of @microsoft.graph.downloadUrl). */
function downloadUrlFor(context: RouteContext, drive: DriveRecord, item: DriveItemRecord): string {
  const { services } = context;
  const token = services.ids.token(40);
  services.state.downloadUrls.set(token, { driveId: drive.id, itemId: item.id, expiresAt: services.now().getTime() + services.options.downloadUrlLifetimeMs });
  return `${new URL(context.request.serviceRoot).origin}${DOWNLOAD_PATH_PREFIX}${token}?tempauth=${token}`;
}

/**
 * GET …/content answers 302 Found to the pre-authenticated URL, as Graph does (driveitem-get-content). Browser
 * JavaScript cannot follow it usefully (the download host does not take the Graph token and a redirected
 * CORS request fails), so clients read @microsoft.graph.downloadUrl and fetch that without Authorization.
 */
function download(context: RouteContext, drive: DriveRecord, item: DriveItemRecord): EngineResponse {
  if (item.isFolder) throw invalidRequest('A folder has no content stream.');
  return { status: 302, headers: { location: downloadUrlFor(context, drive, item) }, body: null };
}

/** The download host: no Authorization (it answers 401 to one), the token in the URL, the bytes. */
export function handleDownloadUrl(request: EngineRequest, services: EngineServices): EngineResponse {
  if (request.method !== 'GET') throw new GraphError(405, 'methodNotAllowed', 'Only GET is allowed on a download URL.');
  const token = request.url.pathname.slice(DOWNLOAD_PATH_PREFIX.length);
  const entry = services.state.downloadUrls.get(token);
  if (entry === undefined || request.url.searchParams.get('tempauth') !== token || services.now().getTime() > entry.expiresAt) {
    throw new GraphError(401, 'unauthenticated', 'The download URL is not valid or has expired.');
  }
  if (header(request, 'authorization') !== undefined) {
    throw new GraphError(401, 'InvalidAuthenticationToken', 'A pre-authenticated download URL must be fetched without an Authorization header.');
  }
  const drive = services.state.drives.get(entry.driveId);
  const item = drive?.items.get(entry.itemId);
  if (item === undefined || item.isFolder) throw notFound('The file no longer exists.');
  return binary(200, item.content, item.mimeType);
}

/** A driveItem body with @microsoft.graph.downloadUrl for a file, when no $select is given or $select names it. */
function itemWithDownloadUrl(context: RouteContext, drive: DriveRecord, item: DriveItemRecord): JsonObject {
  const select = selectOf(context);
  const wantsUrl = select === undefined || select.includes(DOWNLOAD_URL);
  const rest = select?.filter((name) => name !== DOWNLOAD_URL);
  const body = serializeDriveItem(context.services.state, drive, item, rest !== undefined && rest.length === 0 ? ['id'] : rest);
  return wantsUrl && !item.isFolder ? { ...body, [DOWNLOAD_URL]: downloadUrlFor(context, drive, item) } : body;
}

function deleteItem(context: RouteContext, drive: DriveRecord, item: DriveItemRecord) {
  if (item.parentId === null) throw new GraphError(403, 'accessDenied', 'The root folder cannot be deleted.');
  checkDriveIfMatch(header(context.request, 'if-match'), item);
  const doomed = [item.id];
  for (let index = 0; index < doomed.length; index += 1) {
    for (const child of drive.items.values()) if (child.parentId === doomed[index]) doomed.push(child.id);
  }
  for (const id of doomed) drive.items.delete(id);
  return noContent();
}

function createChildFolder(context: RouteContext, drive: DriveRecord, parent: DriveItemRecord) {
  const body = readJsonObject(context.request);
  if (typeof body.name !== 'string') throw invalidRequest('A folder needs a name.');
  if (!isRecord(body.folder)) throw new GraphError(400, 'notSupported', 'Only folders can be created this way; upload files with PUT …/content.');
  const behaviour = parseConflictBehavior(body['@microsoft.graph.conflictBehavior'], 'fail');
  const existing = childByName(drive, parent.id, body.name);
  if (existing !== undefined) {
    if (behaviour === 'fail' || !existing.isFolder) throw nameAlreadyExists();
    if (behaviour === 'replace') return json(200, serializeDriveItem(context.services.state, drive, existing));
  }
  const name = existing === undefined ? body.name : renamed(drive, parent.id, body.name);
  const folder = createFolder(context, drive, parent.id, name);
  return json(201, serializeDriveItem(context.services.state, drive, folder));
}

function childrenOf(context: RouteContext, drive: DriveRecord, parent: DriveItemRecord) {
  const select = parseSelect(context.query.get('select'));
  const value = [...drive.items.values()]
    .filter((item) => item.parentId === parent.id)
    .map((item) => serializeDriveItem(context.services.state, drive, item, select));
  return json(200, { value });
}

function selectOf(context: RouteContext): string[] | undefined {
  return parseSelect(context.query.get('select'));
}

function routesFor(prefix: string): RouteDefinition[] {
  const root = (drive: DriveRecord) => drive.rootId;
  return [
    {
      method: 'GET', pattern: `${prefix}/root`, scopes: SCOPES.filesRead, cost: 1, queryOptions: ['select'],
      handle: (context) => {
        const drive = driveFromContext(context);
        return json(200, serializeDriveItem(context.services.state, drive, requireDriveItem(drive, drive.rootId), selectOf(context)));
      },
    },
    {
      method: 'GET', pattern: `${prefix}/root/children`, scopes: SCOPES.filesRead, cost: 2, queryOptions: ['select'],
      handle: (context) => {
        const drive = driveFromContext(context);
        return childrenOf(context, drive, requireDriveItem(drive, drive.rootId));
      },
    },
    {
      method: 'POST', pattern: `${prefix}/root/children`, scopes: SCOPES.filesWrite, cost: 2,
      handle: (context) => {
        const drive = driveFromContext(context);
        return createChildFolder(context, drive, requireDriveItem(drive, drive.rootId));
      },
    },
    {
      method: 'GET', pattern: `${prefix}/root/~path`, scopes: SCOPES.filesRead, cost: 1, queryOptions: ['select'],
      handle: (context) => {
        const drive = driveFromContext(context);
        return json(200, itemWithDownloadUrl(context, drive, itemByPath(context, drive, drive.rootId)));
      },
    },
    {
      method: 'GET', pattern: `${prefix}/root/~path/content`, scopes: SCOPES.filesRead, cost: 1,
      handle: (context) => {
        const drive = driveFromContext(context);
        return download(context, drive, itemByPath(context, drive, drive.rootId));
      },
    },
    {
      method: 'PUT', pattern: `${prefix}/root/~path/content`, scopes: SCOPES.filesWrite, cost: 2,
      handle: (context) => simpleUpload(context, root, context.addressPath ?? ''),
    },
    {
      method: 'PUT', pattern: `${prefix}/items/:itemId/~path/content`, scopes: SCOPES.filesWrite, cost: 2,
      handle: (context) => simpleUpload(context, () => context.params.itemId ?? '', context.addressPath ?? ''),
    },
    {
      method: 'PUT', pattern: `${prefix}/items/:itemId/content`, scopes: SCOPES.filesWrite, cost: 2,
      handle: (context) => {
        const drive = driveFromContext(context);
        const item = requireDriveItem(drive, context.params.itemId ?? '');
        if (item.isFolder || item.parentId === null) throw invalidRequest('Only a file can have its content replaced.');
        return simpleUpload(context, () => item.parentId ?? drive.rootId, item.name);
      },
    },
    {
      method: 'GET', pattern: `${prefix}/items/:itemId`, scopes: SCOPES.filesRead, cost: 1, queryOptions: ['select'],
      handle: (context) => {
        const drive = driveFromContext(context);
        const item = requireDriveItem(drive, context.params.itemId ?? '');
        return json(200, itemWithDownloadUrl(context, drive, item), { etag: driveItemETag(item) });
      },
    },
    {
      method: 'GET', pattern: `${prefix}/items/:itemId/children`, scopes: SCOPES.filesRead, cost: 2, queryOptions: ['select'],
      handle: (context) => {
        const drive = driveFromContext(context);
        return childrenOf(context, drive, requireDriveItem(drive, context.params.itemId ?? ''));
      },
    },
    {
      method: 'POST', pattern: `${prefix}/items/:itemId/children`, scopes: SCOPES.filesWrite, cost: 2,
      handle: (context) => {
        const drive = driveFromContext(context);
        return createChildFolder(context, drive, requireDriveItem(drive, context.params.itemId ?? ''));
      },
    },
    {
      method: 'GET', pattern: `${prefix}/items/:itemId/content`, scopes: SCOPES.filesRead, cost: 1,
      handle: (context) => {
        const drive = driveFromContext(context);
        return download(context, drive, requireDriveItem(drive, context.params.itemId ?? ''));
      },
    },
    {
      method: 'DELETE', pattern: `${prefix}/items/:itemId`, scopes: SCOPES.filesWrite, cost: 2,
      handle: (context) => {
        const drive = driveFromContext(context);
        return deleteItem(context, drive, requireDriveItem(drive, context.params.itemId ?? ''));
      },
    },
  ];
}

export const driveRoutes: RouteDefinition[] = [
  {
    method: 'GET', pattern: 'sites/:siteId/drive', scopes: SCOPES.filesRead, cost: 1,
    handle: (context) => json(200, serializeDrive(context.services.state, driveFromContext(context), context.request.serviceRoot)),
  },
  {
    method: 'GET', pattern: 'drives/:driveId', scopes: SCOPES.filesRead, cost: 1,
    handle: (context) => json(200, serializeDrive(context.services.state, driveFromContext(context), context.request.serviceRoot)),
  },
  ...DRIVE_PREFIXES.flatMap(routesFor),
];
