// Service-relative URLs for list reads and writes. Lists are addressed by their title (see schema/lists.ts).
import { columnsOf, type ListSpec } from '../schema/lists';
import { existsAt } from '../schema/columns';

export const queryString = (pairs: ReadonlyArray<readonly [string, string]>): string =>
  pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;

export const listUrl = (siteId: string, spec: ListSpec): string => `/sites/${siteId}/lists/${spec.listName}`;
export const itemsUrl = (siteId: string, spec: ListSpec): string => `${listUrl(siteId, spec)}/items`;
export const itemUrl = (siteId: string, spec: ListSpec, itemId: string): string => `${itemsUrl(siteId, spec)}/${itemId}`;

/** The column names a read asks for: every column the list has at this schema version. */
export const selectedColumns = (spec: ListSpec, schemaVersion: number): string[] =>
  columnsOf(spec)
    .filter((column) => existsAt(column, schemaVersion))
    .map((column) => column.name);

/** Items matching a filter, with id, eTag and the named columns only. */
export function itemQueryUrl(siteId: string, spec: ListSpec, options: { filter?: string; columns: readonly string[]; top: number }): string {
  return `${itemsUrl(siteId, spec)}${queryString([
    ['$select', 'id,eTag'],
    ['$expand', `fields($select=${options.columns.join(',')})`],
    ...(options.filter === undefined ? [] : ([['$filter', options.filter]] as const)),
    ['$top', String(options.top)],
  ])}`;
}
