// List item delta: GET …/items/delta[?token=…]. Pages carry either @odata.nextLink or
// @odata.deltaLink, never both; deletions come back with a 'deleted' facet; an expired or unknown
// token is 410 Gone with a Location that starts a fresh enumeration.
import { SCOPES } from './auth';
import { GraphError } from './errors';
import { buildQueryString, json, type JsonObject } from './http-helpers';
import { listFromContext } from './lists';
import { pageSizeFrom, parseItemShape, serializeItem } from './list-items';
import type { RouteContext, RouteDefinition } from './routing';
import type { DeltaTokenRecord, ListRecord, SiteRecord } from './state';

interface DeltaEntry {
  readonly sequence: number;
  readonly id: number;
  readonly deleted: boolean;
}

function deltaUrl(context: RouteContext, site: SiteRecord, list: ListRecord, token?: string): string {
  const base = `${context.request.serviceRoot}/sites/${site.id}/lists/${list.id}/items/delta`;
  return token === undefined ? base : `${base}?${buildQueryString([['token', token]])}`;
}

function resyncRequired(context: RouteContext, site: SiteRecord, list: ListRecord): GraphError {
  const restart = context.query.entries().filter(([key]) => key.toLowerCase() !== 'token');
  const location = restart.length === 0 ? deltaUrl(context, site, list) : `${deltaUrl(context, site, list)}?${buildQueryString(restart)}`;
  return new GraphError(
    410,
    'resyncChangesApplyDifferences',
    "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
    { innerCode: 'resyncRequired', headers: { location } },
  );
}

function changedEntries(list: ListRecord, round: DeltaTokenRecord, snapshot: number): DeltaEntry[] {
  const inRound = (sequence: number): boolean => sequence > round.sinceSequence && sequence <= snapshot;
  const entries: DeltaEntry[] = [...list.items.values()]
    .filter((item) => inRound(item.changeSequence))
    .map((item) => ({ sequence: item.changeSequence, id: item.id, deleted: false }));
  if (!round.initial) {
    for (const tombstone of list.tombstones) {
      if (inRound(tombstone.changeSequence)) entries.push({ sequence: tombstone.changeSequence, id: tombstone.id, deleted: true });
    }
  }
  entries.sort((a, b) => a.sequence - b.sequence || a.id - b.id);
  const after = round.after;
  if (after === undefined) return entries;
  return entries.filter((entry) => entry.sequence > after.sequence || (entry.sequence === after.sequence && entry.id > after.id));
}

function issueToken(context: RouteContext, record: DeltaTokenRecord): string {
  const token = context.services.ids.token(32);
  context.services.state.deltaTokens.set(token, record);
  return token;
}

function delta(context: RouteContext) {
  const { site, list } = listFromContext(context);
  const state = context.services.state;
  const tokenParameter = context.query.get('token');
  const expand = context.query.get('expand');
  const select = context.query.get('select');
  const base = { listId: list.id, siteId: site.id, pageSize: pageSizeFrom(context), expand, select, expired: false };

  if (tokenParameter === 'latest') {
    const token = issueToken(context, { ...base, sinceSequence: list.changeSequence, initial: false });
    return json(200, { value: [], '@odata.deltaLink': deltaUrl(context, site, list, token) });
  }

  let round: DeltaTokenRecord;
  if (tokenParameter === undefined) {
    round = { ...base, sinceSequence: 0, snapshotSequence: list.changeSequence, initial: true };
  } else {
    const stored = state.deltaTokens.get(tokenParameter);
    if (stored === undefined || stored.expired || stored.listId !== list.id) throw resyncRequired(context, site, list);
    // Query options from the first call travel inside the token, as Graph encodes them into its links.
    round = {
      ...stored,
      expand: expand ?? stored.expand,
      select: select ?? stored.select,
      snapshotSequence: stored.snapshotSequence ?? list.changeSequence,
    };
  }
  const snapshot = round.snapshotSequence ?? list.changeSequence;
  const shape = parseItemShape(list, round.expand, round.select);
  const entries = changedEntries(list, round, snapshot);
  const page = entries.slice(0, round.pageSize);
  const value: JsonObject[] = page.map((entry) => {
    const item = list.items.get(entry.id);
    if (entry.deleted || item === undefined) {
      return { id: String(entry.id), parentReference: { siteId: site.id }, deleted: { state: 'deleted' } };
    }
    const serialised = serializeItem(state, site, list, item, shape);
    // Delta leaves out some properties, lastModifiedBy among them.
    delete serialised.lastModifiedBy;
    return serialised;
  });
  const last = page[page.length - 1];
  if (entries.length > page.length && last !== undefined) {
    const token = issueToken(context, { ...round, after: { sequence: last.sequence, id: last.id } });
    return json(200, { value, '@odata.nextLink': deltaUrl(context, site, list, token) });
  }
  const token = issueToken(context, { ...base, expand: round.expand, select: round.select, pageSize: round.pageSize, sinceSequence: snapshot, initial: false });
  return json(200, { value, '@odata.deltaLink': deltaUrl(context, site, list, token) });
}

export const deltaRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: 'sites/:siteId/lists/:listRef/items/delta',
    scopes: SCOPES.sitesRead,
    // A delta call with a token is a single-item cost; the first enumeration is a multi-item query.
    cost: (context) => (context.query.get('token') === undefined ? 2 : 1),
    queryOptions: ['expand', 'select', 'top'],
    handle: delta,
  },
];
