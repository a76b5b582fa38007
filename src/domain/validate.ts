import type { z } from 'zod';
import { issuesFromZod, type Failure } from './failures';
import { err, ok, type Result } from './result';

/** Validate unknown input at a boundary, naming what was being checked in the failure. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): Result<z.infer<S>, Failure> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err({ kind: 'invalid', what, issues: issuesFromZod(parsed.error) });
}
