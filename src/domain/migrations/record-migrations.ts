import { RECORD_SCHEMA_VERSION, type ChildRecordKind } from '../model';
import { err, ok, type Result } from '../result';

/** The shape of one stored record before it is validated: plain JSON. */
export type RawRecord = Readonly<Record<string, unknown>>;

/** Lifts a record from schemaVersion n to n + 1. Pure: same input, same output. */
export type RecordMigration = (record: RawRecord) => RawRecord;

/** For each kind, the step that lifts version n, keyed by n. */
export type RecordMigrations = Readonly<Record<ChildRecordKind | 'review', Readonly<Record<number, RecordMigration>>>>;

/**
 * Record-level migrations, applied to every record read from a bundle (and, later, from a store) before
 * validation. Every shape is still at version 1, so there are none yet. When a shape changes: bump
 * RECORD_SCHEMA_VERSION in model.ts, add the step here keyed by the old version, and add a test with a
 * record of the old shape.
 */
export const RECORD_MIGRATIONS: RecordMigrations = {
  review: {},
  teamMember: {},
  participant: {},
  document: {},
  conversation: {},
  stepNote: {},
  narrativeEntry: {},
  episode: {},
  pattern: {},
  recommendation: {},
  reportStage: {},
  comment: {},
  audit: {},
};

export type RecordMigrationProblem =
  | { readonly kind: 'newerThanSupported'; readonly found: number; readonly supported: number }
  | { readonly kind: 'noMigration'; readonly from: number };

/**
 * Brings one raw record up to `currentVersion`. A record with no usable schemaVersion is passed through
 * unchanged, so validation can name the field; one newer than this app knows is refused, never guessed at.
 */
export function migrateRecord(
  kind: ChildRecordKind | 'review',
  record: unknown,
  migrations: RecordMigrations = RECORD_MIGRATIONS,
  currentVersion: number = RECORD_SCHEMA_VERSION,
): Result<unknown, RecordMigrationProblem> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return ok(record);
  let current = record as RawRecord;
  const found = current.schemaVersion;
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 0) return ok(record);
  if (found > currentVersion) return err({ kind: 'newerThanSupported', found, supported: currentVersion });
  for (let version = found; version < currentVersion; version++) {
    const step = migrations[kind][version];
    if (!step) return err({ kind: 'noMigration', from: version });
    current = { ...step(current), schemaVersion: version + 1 };
  }
  return ok(current);
}
