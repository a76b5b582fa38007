// Sites, lists and columns: GET /sites/{id}, /sites/{id}/lists[/{list}], POST lists, columns CRUD.
import { SCOPES } from './auth';
import { builtInColumns, cannotIndexMultiLine, findColumn, parseColumnDefinition, serializeColumn } from './columns';
import { GraphError, invalidRequest, notFound } from './errors';
import { isRecord, isoSeconds, json, readJsonObject, type JsonObject } from './http-helpers';
import { applySelect, parseExpand, parseSelect, unknownProperty } from './odata-select';
import type { EngineServices, RouteContext, RouteDefinition } from './routing';
import type { GraphState, ListRecord, SiteRecord } from './state';

export function userIdentity(state: GraphState, userId: string): JsonObject {
  const user = state.users.get(userId);
  return { user: { email: user?.mail ?? '', id: userId, displayName: user?.displayName ?? 'Unknown user' } };
}

export function serializeSite(site: SiteRecord, serviceRoot: string): JsonObject {
  return {
    '@odata.context': `${serviceRoot}/$metadata#sites/$entity`,
    createdDateTime: isoSeconds(site.createdDateTime),
    description: '',
    id: site.id,
    lastModifiedDateTime: isoSeconds(site.createdDateTime),
    name: site.name,
    webUrl: site.webUrl,
    displayName: site.displayName,
    siteCollection: { hostname: site.hostname },
  };
}

const SITE_PROPERTIES = ['createdDateTime', 'description', 'id', 'lastModifiedDateTime', 'name', 'webUrl', 'displayName', 'siteCollection'];
const LIST_PROPERTIES = ['createdDateTime', 'description', 'eTag', 'id', 'lastModifiedDateTime', 'name', 'webUrl', 'displayName', 'createdBy', 'parentReference', 'list', 'columns'];

export function siteFromContext(context: RouteContext): SiteRecord {
  return context.services.state.requireSite(context.params.siteId ?? '', context.principal.userId);
}

/** Lists are addressed by id or by display name (case-insensitive). */
export function resolveList(site: SiteRecord, reference: string): ListRecord {
  const byId = site.lists.get(reference.toLowerCase());
  if (byId !== undefined) return byId;
  const lower = reference.toLowerCase();
  for (const list of site.lists.values()) {
    if (list.displayName.toLowerCase() === lower) return list;
  }
  throw notFound(`List '${reference}' does not exist at site with URL '${site.webUrl}'.`);
}

export function listFromContext(context: RouteContext): { site: SiteRecord; list: ListRecord } {
  const site = siteFromContext(context);
  return { site, list: resolveList(site, context.params.listRef ?? '') };
}

export function listWebUrl(site: SiteRecord, list: ListRecord): string {
  return `${site.webUrl}/Lists/${encodeURIComponent(list.name)}`;
}

export function serializeList(state: GraphState, site: SiteRecord, list: ListRecord, includeColumns: boolean): JsonObject {
  const out: JsonObject = {
    '@odata.etag': `"${list.id},${list.changeSequence}"`,
    createdDateTime: isoSeconds(list.createdDateTime),
    description: list.description,
    eTag: `"${list.id},${list.changeSequence}"`,
    id: list.id,
    lastModifiedDateTime: isoSeconds(list.lastModifiedDateTime),
    name: list.name,
    webUrl: listWebUrl(site, list),
    displayName: list.displayName,
    createdBy: userIdentity(state, list.createdByUserId),
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
  if (includeColumns) out.columns = list.columns.map(serializeColumn);
  return out;
}

const LIST_BODY_PROPERTIES = ['displayName', 'description', 'columns', 'list', '@odata.type'];

/** Creates a genericList; shared by POST /sites/{id}/lists and the seeding helpers. */
export function createList(services: EngineServices, site: SiteRecord, body: JsonObject, userId: string): ListRecord {
  for (const key of Object.keys(body)) {
    if (!LIST_BODY_PROPERTIES.includes(key)) throw invalidRequest(`The property '${key}' does not exist on type 'microsoft.graph.list'.`);
  }
  const displayName = body.displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw invalidRequest('A list needs a displayName.');
  const facet = body.list;
  if (facet !== undefined && (!isRecord(facet) || (facet.template !== undefined && facet.template !== 'genericList'))) {
    throw new GraphError(400, 'notSupported', 'Only the genericList template is modelled by the Graph double.');
  }
  for (const existing of site.lists.values()) {
    if (existing.displayName.toLowerCase() === displayName.toLowerCase()) {
      throw new GraphError(409, 'nameAlreadyExists', 'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.');
    }
  }
  const columns = builtInColumns(services.ids);
  const requested = body.columns ?? [];
  if (!Array.isArray(requested)) throw invalidRequest('columns must be an array.');
  for (const definition of requested) {
    const column = parseColumnDefinition(definition, services.ids);
    if (findColumn(columns, column.name) !== undefined) {
      throw new GraphError(409, 'nameAlreadyExists', `A column named '${column.name}' already exists on the list.`);
    }
    columns.push(column);
  }
  const now = services.now();
  const list: ListRecord = {
    id: services.ids.guid(),
    siteId: site.id,
    displayName,
    name: displayName.replace(/[^A-Za-z0-9]/g, ''),
    description: typeof body.description === 'string' ? body.description : '',
    template: 'genericList',
    columns,
    items: new Map(),
    tombstones: [],
    nextItemId: 1,
    changeSequence: 0,
    createdDateTime: now,
    lastModifiedDateTime: now,
    createdByUserId: userId,
  };
  site.lists.set(list.id, list);
  return list;
}

function expandsColumns(context: RouteContext): boolean {
  const clauses = parseExpand(context.query.get('expand'));
  for (const clause of clauses) {
    if (clause.name !== 'columns') throw unknownProperty(clause.name, 'list');
  }
  return clauses.length > 0;
}

const COLUMN_PATCHABLE = ['indexed', 'displayName', 'description', 'required'];

export const listRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: 'sites/:siteId',
    scopes: SCOPES.sitesRead,
    cost: 1,
    queryOptions: ['select'],
    handle: (context) => {
      const site = siteFromContext(context);
      return json(200, applySelect(serializeSite(site, context.request.serviceRoot), parseSelect(context.query.get('select')), SITE_PROPERTIES, 'site'));
    },
  },
  {
    method: 'GET',
    pattern: 'sites/:siteId/lists',
    scopes: SCOPES.sitesRead,
    cost: 2,
    queryOptions: ['select', 'expand'],
    handle: (context) => {
      const site = siteFromContext(context);
      const withColumns = expandsColumns(context);
      const select = parseSelect(context.query.get('select'));
      const value = [...site.lists.values()].map((list) =>
        applySelect(serializeList(context.services.state, site, list, withColumns), select, LIST_PROPERTIES, 'list'),
      );
      return json(200, { '@odata.context': `${context.request.serviceRoot}/$metadata#sites('${site.id}')/lists`, value });
    },
  },
  {
    method: 'POST',
    pattern: 'sites/:siteId/lists',
    scopes: SCOPES.sitesManage,
    cost: 2,
    handle: (context) => {
      const site = siteFromContext(context);
      const list = createList(context.services, site, readJsonObject(context.request), context.principal.userId);
      const body = serializeList(context.services.state, site, list, false);
      return json(201, { '@odata.context': `${context.request.serviceRoot}/$metadata#sites('${site.id}')/lists/$entity`, ...body }, {
        location: `${context.request.serviceRoot}/sites/${site.id}/lists/${list.id}`,
      });
    },
  },
  {
    method: 'GET',
    pattern: 'sites/:siteId/lists/:listRef',
    scopes: SCOPES.sitesRead,
    cost: 1,
    queryOptions: ['select', 'expand'],
    handle: (context) => {
      const { site, list } = listFromContext(context);
      const body = serializeList(context.services.state, site, list, expandsColumns(context));
      return json(200, applySelect(body, parseSelect(context.query.get('select')), LIST_PROPERTIES, 'list'));
    },
  },
  {
    method: 'GET',
    pattern: 'sites/:siteId/lists/:listRef/columns',
    scopes: SCOPES.sitesRead,
    cost: 2,
    handle: (context) => {
      const { list } = listFromContext(context);
      return json(200, { value: list.columns.map(serializeColumn) });
    },
  },
  {
    method: 'POST',
    pattern: 'sites/:siteId/lists/:listRef/columns',
    scopes: SCOPES.sitesManage,
    cost: 2,
    handle: (context) => {
      const { list } = listFromContext(context);
      const column = parseColumnDefinition(readJsonObject(context.request), context.services.ids);
      if (findColumn(list.columns, column.name) !== undefined) {
        throw new GraphError(409, 'nameAlreadyExists', `A column named '${column.name}' already exists on the list.`);
      }
      list.columns.push(column);
      list.lastModifiedDateTime = context.services.now();
      return json(201, serializeColumn(column));
    },
  },
  {
    method: 'GET',
    pattern: 'sites/:siteId/lists/:listRef/columns/:columnRef',
    scopes: SCOPES.sitesRead,
    cost: 1,
    handle: (context) => {
      const { list } = listFromContext(context);
      return json(200, serializeColumn(requireColumn(list, context.params.columnRef ?? '')));
    },
  },
  {
    method: 'PATCH',
    pattern: 'sites/:siteId/lists/:listRef/columns/:columnRef',
    scopes: SCOPES.sitesManage,
    cost: 2,
    handle: (context) => {
      const { list } = listFromContext(context);
      const column = requireColumn(list, context.params.columnRef ?? '');
      const body = readJsonObject(context.request);
      for (const key of Object.keys(body)) {
        if (!COLUMN_PATCHABLE.includes(key)) throw invalidRequest(`The property '${key}' cannot be changed on a column by the Graph double.`);
      }
      if (column.readOnly) throw invalidRequest(`Column '${column.name}' is read-only.`);
      if (body.indexed !== undefined) {
        if (typeof body.indexed !== 'boolean') throw invalidRequest('indexed must be a boolean.');
        if (body.indexed && column.text?.allowMultipleLines === true) throw cannotIndexMultiLine(column.name);
        column.indexed = body.indexed;
      }
      if (typeof body.displayName === 'string') column.displayName = body.displayName;
      if (typeof body.description === 'string') column.description = body.description;
      if (typeof body.required === 'boolean') column.required = body.required;
      return json(200, serializeColumn(column));
    },
  },
];

function requireColumn(list: ListRecord, reference: string) {
  const column = list.columns.find((candidate) => candidate.id === reference) ?? findColumn(list.columns, reference);
  if (column === undefined) throw notFound(`Column '${reference}' does not exist. It may have been deleted by another user.`);
  return column;
}
