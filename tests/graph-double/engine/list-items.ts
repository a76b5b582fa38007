// List items: query with expand/select/filter/orderby/top and opaque paging, single-item CRUD,
// eTags and If-Match. Column rules live in columns.ts; the filter grammar in odata-filter.ts.
import { SCOPES } from './auth';
import { findColumn, validateFieldWrite } from './columns';
import { GraphError, invalidRequest, notFound } from './errors';
import { buildQueryString, header, isRecord, isoSeconds, json, noContent, readJsonObject, type JsonObject } from './http-helpers';
import { listFromContext, listWebUrl, userIdentity } from './lists';
import { compileFilter, parseFilter, referencedFields, type ValueKind } from './odata-filter';
import { parseExpand, parseSelect, unknownProperty } from './odata-select';
import type { RouteContext, RouteDefinition } from './routing';
import type { ColumnRecord, GraphState, ListItemRecord, ListRecord, SiteRecord } from './state';
import type { EngineRequest } from './types';

/** The Prefer token that lets SharePoint filter or sort on a column that is not indexed. */
export const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

const LIST_ITEM_PROPERTIES = [
  'id',
  'eTag',
  'createdDateTime',
  'lastModifiedDateTime',
  'webUrl',
  'createdBy',
  'lastModifiedBy',
  'parentReference',
  'contentType',
  'fields',
  'sharepointIds',
];
const ITEM_CONTENT_TYPE = { id: '0x010036D2D5F9DDD3C94C9B39F9B1A2E5B0B9', name: 'Item' };

export function itemETag(item: ListItemRecord): string {
  return `"{${item.uniqueId}},${item.version}"`;
}

/** Strips W/ and quotes so that "{GUID},3", {GUID},3 and W/"{GUID},3" compare equal. */
function normaliseETag(value: string): string {
  return value
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
}

/** If-Match: absent or '*' passes; anything else must equal the current eTag, or 412 and nothing changes. */
export function checkIfMatch(request: EngineRequest, currentETag: string): void {
  const ifMatch = header(request, 'if-match');
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  if (normaliseETag(ifMatch) !== normaliseETag(currentETag)) {
    throw new GraphError(412, 'resourceModified', 'The provided eTag does not match the current eTag of the item.', { innerCode: 'entityTagDoesNotMatch' });
  }
}

export interface ItemShape {
  readonly expandFields: boolean;
  readonly fieldSelect?: readonly string[];
  readonly select?: readonly string[];
}

const missingColumn = (name: string): GraphError => invalidRequest(`Column '${name}' does not exist. It may have been deleted by another user.`);

/** Reads expand=fields(select=…) and $select for list items, refusing unknown names. */
export function parseItemShape(list: ListRecord, expandValue: string | undefined, selectValue: string | undefined): ItemShape {
  let expandFields = false;
  let fieldSelect: string[] | undefined;
  for (const clause of parseExpand(expandValue)) {
    if (clause.name !== 'fields') throw unknownProperty(clause.name, 'listItem');
    expandFields = true;
    if (clause.select !== undefined) {
      fieldSelect = clause.select.map((name) => {
        const lookup = /^(.+)LookupId$/.exec(name);
        const column = findColumn(list.columns, name) ?? (lookup?.[1] === undefined ? undefined : findColumn(list.columns, lookup[1]));
        if (column === undefined) throw missingColumn(name);
        return column.type === 'personOrGroup' ? `${column.name}LookupId` : column.name;
      });
    }
  }
  const select = parseSelect(selectValue);
  for (const property of select ?? []) {
    if (!LIST_ITEM_PROPERTIES.includes(property)) throw unknownProperty(property, 'listItem');
  }
  return { expandFields: expandFields || (select?.includes('fields') ?? false), fieldSelect, select };
}

function lookupIdOf(state: GraphState, userId: string): string {
  return String(state.users.get(userId)?.lookupId ?? 1073741823);
}

/** The system columns every fieldValueSet carries, in SharePoint's order. */
const SYSTEM_FIELDS = [
  'id',
  'ContentType',
  'Modified',
  'Created',
  'AuthorLookupId',
  'EditorLookupId',
  '_UIVersionString',
  'Attachments',
  'Edit',
  'ItemChildCount',
  'FolderChildCount',
  'LinkTitleNoMenu',
  'LinkTitle',
];
const SYSTEM_FIELD_NAMES = new Set(SYSTEM_FIELDS);

/** One system column's value, computed only when it is asked for (undefined when the item has none). */
function systemField(state: GraphState, item: ListItemRecord, name: string): unknown {
  switch (name) {
    case 'id':
      return String(item.id);
    case 'ContentType':
      return 'Item';
    case 'Modified':
      return isoSeconds(item.lastModifiedDateTime);
    case 'Created':
      return isoSeconds(item.createdDateTime);
    case 'AuthorLookupId':
      return lookupIdOf(state, item.createdByUserId);
    case 'EditorLookupId':
      return lookupIdOf(state, item.lastModifiedByUserId);
    case '_UIVersionString':
      return `${item.version}.0`;
    case 'Attachments':
      return false;
    case 'Edit':
      return '';
    case 'ItemChildCount':
    case 'FolderChildCount':
      return '0';
    case 'LinkTitleNoMenu':
    case 'LinkTitle':
      return typeof item.fields.Title === 'string' ? item.fields.Title : undefined;
    default:
      return undefined;
  }
}

/** The item's fieldValueSet. Empty values are left out, as SharePoint does. */
export function fieldValueSet(state: GraphState, list: ListRecord, item: ListItemRecord, select?: readonly string[]): JsonObject {
  const out: JsonObject = { '@odata.etag': itemETag(item) };
  // Only what was selected is computed: a large page costs the double little, as it costs SharePoint little.
  for (const name of select ?? [...Object.keys(item.fields), ...SYSTEM_FIELDS]) {
    const value = SYSTEM_FIELD_NAMES.has(name) ? systemField(state, item, name) : item.fields[name];
    if (value !== null && value !== undefined) out[name] = value as JsonObject[string];
  }
  return out;
}

const ITEM_PROPERTIES = [
  '@odata.etag',
  'createdDateTime',
  'eTag',
  'id',
  'lastModifiedDateTime',
  'webUrl',
  'createdBy',
  'lastModifiedBy',
  'parentReference',
  'contentType',
];

function itemProperty(state: GraphState, site: SiteRecord, list: ListRecord, item: ListItemRecord, name: string): unknown {
  switch (name) {
    case '@odata.etag':
    case 'eTag':
      return itemETag(item);
    case 'createdDateTime':
      return isoSeconds(item.createdDateTime);
    case 'id':
      return String(item.id);
    case 'lastModifiedDateTime':
      return isoSeconds(item.lastModifiedDateTime);
    case 'webUrl':
      return `${listWebUrl(site, list)}/DispForm.aspx?ID=${item.id}`;
    case 'createdBy':
      return userIdentity(state, item.createdByUserId);
    case 'lastModifiedBy':
      return userIdentity(state, item.lastModifiedByUserId);
    case 'parentReference':
      return { id: list.id, siteId: site.id };
    case 'contentType':
      return ITEM_CONTENT_TYPE;
    default:
      return undefined;
  }
}

export function serializeItem(state: GraphState, site: SiteRecord, list: ListRecord, item: ListItemRecord, shape: ItemShape): JsonObject {
  const out: JsonObject = {};
  // $select keeps '@odata.etag' and the named properties; only those are computed.
  const names = shape.select === undefined ? ITEM_PROPERTIES : ['@odata.etag', ...shape.select.filter((name) => name !== '@odata.etag')];
  for (const name of names) {
    const value = itemProperty(state, site, list, item, name);
    if (value !== undefined) out[name] = value as JsonObject[string];
  }
  if (shape.select?.includes('sharepointIds') === true) {
    out.sharepointIds = {
      listId: list.id,
      listItemId: String(item.id),
      listItemUniqueId: item.uniqueId.toLowerCase(),
      siteId: site.siteCollectionId,
      siteUrl: site.webUrl,
      webId: site.webId,
    };
  }
  if (shape.expandFields) out.fields = fieldValueSet(state, list, item, shape.fieldSelect);
  return out;
}

export function requireItem(list: ListRecord, reference: string): ListItemRecord {
  if (!/^\d+$/.test(reference)) throw invalidRequest(`The list item id '${reference}' is not valid; list item ids are integers.`);
  const item = list.items.get(Number(reference));
  if (item === undefined) throw notFound('The specified list item was not found.');
  return item;
}

/** Records a change for delta: bumps the list's sequence and stamps the item. */
function recordChange(list: ListRecord, item: ListItemRecord, now: Date): void {
  list.changeSequence += 1;
  item.changeSequence = list.changeSequence;
  list.lastModifiedDateTime = now;
}

/** Validates every field before applying any, so a bad request changes nothing. */
function validateFields(list: ListRecord, fields: JsonObject): Array<{ name: string; value: unknown }> {
  return Object.entries(fields).map(([key, value]) => validateFieldWrite(list.columns, key, value));
}

export function createItem(context: Pick<RouteContext, 'services' | 'principal'>, list: ListRecord, fields: JsonObject): ListItemRecord {
  const writes = validateFields(list, fields);
  const now = context.services.now();
  const item: ListItemRecord = {
    id: list.nextItemId,
    uniqueId: context.services.ids.guid().toUpperCase(),
    version: 1,
    fields: {},
    createdDateTime: now,
    lastModifiedDateTime: now,
    createdByUserId: context.principal.userId,
    lastModifiedByUserId: context.principal.userId,
    changeSequence: 0,
  };
  for (const write of writes) item.fields[write.name] = write.value;
  list.nextItemId += 1;
  list.items.set(item.id, item);
  recordChange(list, item, now);
  return item;
}

function updateItem(context: RouteContext, list: ListRecord, item: ListItemRecord, fields: JsonObject): void {
  const writes = validateFields(list, fields);
  const now = context.services.now();
  for (const write of writes) item.fields[write.name] = write.value;
  item.version += 1;
  item.lastModifiedDateTime = now;
  item.lastModifiedByUserId = context.principal.userId;
  recordChange(list, item, now);
}

function valueKind(column: ColumnRecord): ValueKind {
  if (column.type === 'number' || column.type === 'boolean' || column.type === 'dateTime') return column.type;
  return 'text';
}

/** Field values as filter and orderby see them, including the system columns. */
function filterableFields(item: ListItemRecord, withDates: boolean): Readonly<Record<string, unknown>> {
  if (!withDates) return { ...item.fields, id: item.id };
  return { ...item.fields, id: item.id, Created: isoSeconds(item.createdDateTime), Modified: isoSeconds(item.lastModifiedDateTime) };
}

/** Whether a query names the Created or Modified system columns (the only ones that cost a conversion per item). */
const namesDates = (names: Iterable<string>): boolean => [...names].some((name) => /^(created|modified)$/i.test(name));

function checkQueryable(list: ListRecord, name: string, honourNonIndexed: boolean): ColumnRecord {
  const column = findColumn(list.columns, name);
  if (column === undefined) throw missingColumn(name);
  if (!column.indexed && !honourNonIndexed) {
    throw invalidRequest(
      `Field '${column.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
    );
  }
  return column;
}

interface OrderClause {
  readonly column: ColumnRecord;
  readonly descending: boolean;
}

function parseOrderBy(list: ListRecord, value: string | undefined, honourNonIndexed: boolean): OrderClause[] {
  if (value === undefined) return [];
  return value.split(',').map((part) => {
    const match = /^\s*fields\/([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (match?.[1] === undefined) throw invalidRequest(`Invalid orderby clause '${part}': only fields/<column> [asc|desc] is supported.`);
    return { column: checkQueryable(list, match[1], honourNonIndexed), descending: match[2]?.toLowerCase() === 'desc' };
  });
}

function compareForOrder(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  return (a as number) < (b as number) ? -1 : 1;
}

/** SharePoint's skip tokens are base64 of 'Paged=TRUE&p_ID=<last id>'; the double adds p_Index for sorted pages. */
function encodeSkipToken(lastId: number, index: number): string {
  return Buffer.from(`Paged=TRUE&p_ID=${lastId}&p_Index=${index}`, 'utf8').toString('base64');
}

function decodeSkipToken(token: string): { lastId: number; index: number } {
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const match = /^Paged=TRUE&p_ID=(\d+)&p_Index=(\d+)$/.exec(decoded);
  if (match === null) throw invalidRequest('The $skiptoken is not valid. Follow @odata.nextLink exactly as returned.');
  return { lastId: Number(match[1]), index: Number(match[2]) };
}

export function pageSizeFrom(context: RouteContext): number {
  const top = context.query.get('top');
  const { defaultPageSize, maxPageSize } = context.services.options;
  if (top === undefined) return defaultPageSize;
  if (!/^\d+$/.test(top) || Number(top) < 1) throw invalidRequest(`Invalid value '${top}' for $top: a positive integer is expected.`);
  // SharePoint silently caps the page size rather than refusing a large $top.
  return Math.min(Number(top), maxPageSize);
}

function honoursNonIndexed(request: EngineRequest): boolean {
  return (header(request, 'prefer') ?? '').toLowerCase().includes(HONOR_NON_INDEXED.toLowerCase());
}

function listItems(context: RouteContext) {
  const { site, list } = listFromContext(context);
  const state = context.services.state;
  const shape = parseItemShape(list, context.query.get('expand'), context.query.get('select'));
  const honour = honoursNonIndexed(context.request);
  const filterText = context.query.get('filter');
  let predicate: (fields: Readonly<Record<string, unknown>>) => boolean = () => true;
  let withDates = false;
  if (filterText !== undefined) {
    const expression = parseFilter(filterText);
    const columns = new Map(referencedFields(expression).map((name) => [name, checkQueryable(list, name, honour)]));
    withDates = namesDates([...columns.values()].map((column) => column.name));
    predicate = compileFilter(expression, (name) => {
      const column = columns.get(name);
      if (column === undefined) throw missingColumn(name);
      return { kind: valueKind(column), key: column.name };
    });
  }
  const order = parseOrderBy(list, context.query.get('orderby'), honour);
  const pageSize = pageSizeFrom(context);
  withDates ||= namesDates(order.map((clause) => clause.column.name));
  let rows = [...list.items.values()].sort((a, b) => a.id - b.id).filter((item) => predicate(filterableFields(item, withDates)));
  if (order.length > 0) {
    rows = rows.sort((a, b) => {
      for (const clause of order) {
        const result = compareForOrder(filterableFields(a, withDates)[clause.column.name], filterableFields(b, withDates)[clause.column.name]);
        if (result !== 0) return clause.descending ? -result : result;
      }
      return a.id - b.id;
    });
  }
  const skipToken = context.query.get('skiptoken');
  const nextLinkFor = (lastId: number, index: number): string => {
    const pairs = context.query.entries().filter(([key]) => key.replace(/^\$/, '').toLowerCase() !== 'skiptoken');
    pairs.push(['$skiptoken', encodeSkipToken(lastId, index)]);
    return `${context.request.serviceRoot}${context.request.servicePath}?${buildQueryString(pairs)}`;
  };
  const metadataContext = `${context.request.serviceRoot}/$metadata#sites('${site.id}')/lists('${list.id}')/items`;
  if (skipToken === undefined && context.services.options.emptyFirstPage && rows.length > 0) {
    return json(200, { '@odata.context': metadataContext, value: [], '@odata.nextLink': nextLinkFor(0, 0) });
  }
  let start = 0;
  if (skipToken !== undefined) {
    const position = decodeSkipToken(skipToken);
    // Unsorted pages resume after the last id seen, so inserts and deletes between pages do not repeat or skip items.
    start = order.length > 0 ? position.index : rows.findIndex((item) => item.id > position.lastId);
    if (start < 0) start = rows.length;
  }
  const page = rows.slice(start, start + pageSize);
  const body: JsonObject = {
    '@odata.context': metadataContext,
    value: page.map((item) => serializeItem(state, site, list, item, shape)),
  };
  const last = page[page.length - 1];
  if (start + pageSize < rows.length && last !== undefined) body['@odata.nextLink'] = nextLinkFor(last.id, start + page.length);
  return json(200, body);
}

const ITEM_BODY_PROPERTIES = ['fields', '@odata.type'];

function itemResponse(context: RouteContext, status: number, site: SiteRecord, list: ListRecord, item: ListItemRecord) {
  const body = serializeItem(context.services.state, site, list, item, { expandFields: true });
  return json(status, body, { etag: itemETag(item) });
}

export const listItemRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: 'sites/:siteId/lists/:listRef/items',
    scopes: SCOPES.sitesRead,
    cost: 2,
    queryOptions: ['expand', 'select', 'filter', 'orderby', 'top', 'skiptoken'],
    handle: listItems,
  },
  {
    method: 'POST',
    pattern: 'sites/:siteId/lists/:listRef/items',
    scopes: SCOPES.sitesWrite,
    cost: 2,
    handle: (context) => {
      const { site, list } = listFromContext(context);
      const body = readJsonObject(context.request);
      for (const key of Object.keys(body)) {
        if (!ITEM_BODY_PROPERTIES.includes(key)) throw invalidRequest(`The property '${key}' does not exist on type 'microsoft.graph.listItem'.`);
      }
      const fields = body.fields ?? {};
      if (!isRecord(fields)) throw invalidRequest('fields must be an object of column values.');
      const item = createItem(context, list, fields);
      const response = itemResponse(context, 201, site, list, item);
      response.headers.location = `${context.request.serviceRoot}/sites/${site.id}/lists/${list.id}/items/${item.id}`;
      return response;
    },
  },
  {
    method: 'GET',
    pattern: 'sites/:siteId/lists/:listRef/items/:itemId',
    scopes: SCOPES.sitesRead,
    cost: 1,
    queryOptions: ['expand', 'select'],
    handle: (context) => {
      const { site, list } = listFromContext(context);
      const item = requireItem(list, context.params.itemId ?? '');
      const shape = parseItemShape(list, context.query.get('expand'), context.query.get('select'));
      return json(200, serializeItem(context.services.state, site, list, item, shape), { etag: itemETag(item) });
    },
  },
  {
    method: 'GET',
    pattern: 'sites/:siteId/lists/:listRef/items/:itemId/fields',
    scopes: SCOPES.sitesRead,
    cost: 1,
    queryOptions: ['select'],
    handle: (context) => {
      const { list } = listFromContext(context);
      const item = requireItem(list, context.params.itemId ?? '');
      const shape = parseItemShape(list, `fields(select=${context.query.get('select') ?? ''})`, undefined);
      const select = context.query.get('select') === undefined ? undefined : shape.fieldSelect;
      return json(200, fieldValueSet(context.services.state, list, item, select), { etag: itemETag(item) });
    },
  },
  {
    method: 'PATCH',
    pattern: 'sites/:siteId/lists/:listRef/items/:itemId/fields',
    scopes: SCOPES.sitesWrite,
    cost: 2,
    handle: (context) => {
      const { list } = listFromContext(context);
      const item = requireItem(list, context.params.itemId ?? '');
      checkIfMatch(context.request, itemETag(item));
      updateItem(context, list, item, readJsonObject(context.request));
      return json(200, fieldValueSet(context.services.state, list, item), { etag: itemETag(item) });
    },
  },
  {
    method: 'PATCH',
    pattern: 'sites/:siteId/lists/:listRef/items/:itemId',
    scopes: SCOPES.sitesWrite,
    cost: 2,
    handle: (context) => {
      const { site, list } = listFromContext(context);
      const item = requireItem(list, context.params.itemId ?? '');
      checkIfMatch(context.request, itemETag(item));
      const body = readJsonObject(context.request);
      for (const key of Object.keys(body)) {
        if (!ITEM_BODY_PROPERTIES.includes(key)) throw invalidRequest(`The property '${key}' cannot be updated on a listItem by the Graph double.`);
      }
      const fields = body.fields ?? {};
      if (!isRecord(fields)) throw invalidRequest('fields must be an object of column values.');
      updateItem(context, list, item, fields);
      return itemResponse(context, 200, site, list, item);
    },
  },
  {
    method: 'DELETE',
    pattern: 'sites/:siteId/lists/:listRef/items/:itemId',
    scopes: SCOPES.sitesWrite,
    cost: 2,
    handle: (context) => {
      const { list } = listFromContext(context);
      const item = requireItem(list, context.params.itemId ?? '');
      checkIfMatch(context.request, itemETag(item));
      list.items.delete(item.id);
      list.changeSequence += 1;
      list.tombstones.push({ id: item.id, changeSequence: list.changeSequence });
      list.lastModifiedDateTime = context.services.now();
      return noContent();
    },
  },
];
