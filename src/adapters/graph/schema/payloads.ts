// Graph request bodies derived from the schema: list creation and column additions.
import { columnDefinitionBody, existsAt, type ColumnSpec } from './columns';
import { columnsOf, type ListSpec } from './lists';

/** POST /sites/{site}/lists: the list with every column (and index) it has at `version`, in one request. */
export function listCreationBody(spec: ListSpec, version: number): Record<string, unknown> {
  return {
    displayName: spec.listName,
    description: spec.description,
    columns: columnsOf(spec)
      .filter((column) => existsAt(column, version))
      .map((column) => columnDefinitionBody(column, version)),
    list: { template: 'genericList' },
  };
}

/** POST /sites/{site}/lists/{list}/columns. */
export const columnAdditionBody = (column: ColumnSpec, version: number): Record<string, unknown> => columnDefinitionBody(column, version);

/** PATCH /sites/{site}/lists/{list}/columns/{column}: index an existing column. */
export const indexChangeBody = (): Record<string, unknown> => ({ indexed: true });
