import { asDamaged, type Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import { validate } from '../../domain/validate';

/** Thrown inside a store's work to stop it with a typed failure; `runStoreWork` turns it back into a `Result`. */
export class AbortWith extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
  }
}

/** Stored data is checked on the way out too: a damaged record is named, never silently passed on. */
export function checkStored<S extends Parameters<typeof validate>[0]>(schema: S, value: unknown, what: string) {
  const checked = validate(schema, value, `Stored ${what}`);
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
