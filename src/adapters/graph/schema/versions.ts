// Schema versions, derived from the one definition in lists.ts: what each version looks like and
// what it takes to move a site from one version to the next. Migrations only ever add: columns,
// indexes and backfilled projections. Nothing is dropped or renamed, so no data can be lost.
import { existsAt, indexedAt, type ColumnSpec } from './columns';
import { CURRENT_SCHEMA_VERSION, columnsOf, isRecordList, listsOfLayout, type ListSpec, type SiteLayout } from './lists';

export const SCHEMA_VERSIONS: readonly number[] = Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, index) => index + 1);

export interface ColumnAtVersion {
  readonly spec: ColumnSpec;
  readonly indexed: boolean;
}

export interface ListAtVersion {
  readonly spec: ListSpec;
  readonly columns: readonly ColumnAtVersion[];
}

export function columnsAt(spec: ListSpec, version: number): ColumnAtVersion[] {
  return columnsOf(spec)
    .filter((column) => existsAt(column, version))
    .map((column) => ({ spec: column, indexed: indexedAt(column, version) }));
}

/** The lists a site of this layout has at a schema version. */
export function listsAt(layout: SiteLayout, version: number): ListAtVersion[] {
  return listsOfLayout(layout).map((spec) => ({ spec, columns: columnsAt(spec, version) }));
}

export type MigrationStep =
  | { readonly kind: 'addColumn'; readonly listName: string; readonly column: ColumnSpec }
  | { readonly kind: 'indexColumn'; readonly listName: string; readonly column: ColumnSpec }
  /** Fill a new projection column on existing items from their records. */
  | { readonly kind: 'backfill'; readonly listName: string; readonly column: ColumnSpec };

/** The steps from one version to the next, in the order they must run (a column exists before it is indexed or filled). */
export function migrationSteps(layout: SiteLayout, from: number, to: number): MigrationStep[] {
  const steps: MigrationStep[] = [];
  for (let version = from + 1; version <= to; version += 1) {
    for (const spec of listsOfLayout(layout)) {
      const before = new Map(columnsAt(spec, version - 1).map((column) => [column.spec.name, column]));
      for (const column of columnsAt(spec, version)) {
        const previous = before.get(column.spec.name);
        if (previous === undefined) {
          steps.push({ kind: 'addColumn', listName: spec.listName, column: column.spec });
          if (isRecordList(spec) && spec.projections.some((projection) => projection.column.name === column.spec.name)) {
            steps.push({ kind: 'backfill', listName: spec.listName, column: column.spec });
          }
        } else if (column.indexed && !previous.indexed) {
          steps.push({ kind: 'indexColumn', listName: spec.listName, column: column.spec });
        }
      }
    }
  }
  return steps;
}
