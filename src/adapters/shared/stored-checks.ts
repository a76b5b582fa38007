import { asDamaged, type Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import { validate } from '../../domain/validate';
import { liftOrKeep, migrateStoredSnapshot } from '../../domain/migrations/record-migrations';
import { CHILD_RECORD_KINDS, CHILD_RECORD_SCHEMAS, ReviewSchema, ReviewSnapshotSchema, type ChildRecordKind } from '../../domain/model';

/** Thrown inside a store's work to stop it with a typed failure; `runStoreWork` turns it back into a `Result`. */
export class AbortWith extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
  }
}

/** Which record kind a schema validates, so a record stored in an older shape is lifted before it is checked. */
const KIND_OF_SCHEMA = new Map<unknown, ChildRecordKind | 'review'>([
  [ReviewSchema, 'review'],
  ...CHILD_RECORD_KINDS.map((kind) => [CHILD_RECORD_SCHEMAS[kind], kind] as const),
]);

/** A stored record or snapshot in an older shape, lifted by the record migrations (ADR 0101). */
function lifted(schema: unknown, value: unknown): unknown {
  if (schema === ReviewSnapshotSchema) return migrateStoredSnapshot(value);
  const kind = KIND_OF_SCHEMA.get(schema);
  return kind ? liftOrKeep(kind, value) : value;
}

/**
 * Stored data is checked on the way out too: a damaged record is named, never silently passed on. A record stored
 * in an older shape (an earlier `schemaVersion`) is lifted by the record migrations first.
 */
export function checkStored<S extends Parameters<typeof validate>[0]>(schema: S, value: unknown, what: string) {
  const checked = validate(schema, lifted(schema, value), `Stored ${what}`);
  if (!checked.ok) throw new AbortWith(asDamaged(checked.error));
  return checked.value;
}

/**
 * Runs a store's work: an `AbortWith` becomes its failure, any other thrown error is turned into a failure by
 * the store's own `failureOf` (each storage medium words its errors differently).
 */
export async function runStoreWork<T>(
  what: string,
  work: () => Promise<T>,
  failureOf: (what: string, error: unknown) => Failure,
): Promise<Result<T, Failure>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof AbortWith) return err(error.failure);
    return err(failureOf(what, error));
  }
}
