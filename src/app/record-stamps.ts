import { RECORD_SCHEMA_VERSION } from '../domain/model';
import type { Clock } from '../ports/clock';

/**
 * The bookkeeping every newly created record carries: the stored shape's version, version 1 for optimistic
 * concurrency, and who made it and when (created and updated are the same moment at first).
 */
export function firstVersionStamps(clock: Clock, actor: () => string) {
  const now = clock.now();
  const by = actor();
  return { schemaVersion: RECORD_SCHEMA_VERSION, version: 1, createdAt: now, updatedAt: now, createdBy: by, updatedBy: by } as const;
}
