import { joinComments, splitFacilitatorComments } from '../guide/facilitator-comments';
import { CHILD_RECORD_KINDS, COLLECTION_OF_KIND, RECORD_SCHEMA_VERSION, type ChildRecordKind } from '../model';
import { err, ok, type Result } from '../result';

/** The shape of one stored record before it is validated: plain JSON. */
export type RawRecord = Readonly<Record<string, unknown>>;

/** Lifts a record from schemaVersion n to n + 1. Pure: same input, same output. */
export type RecordMigration = (record: RawRecord) => RawRecord;

/** For each kind, the step that lifts version n, keyed by n. */
export type RecordMigrations = Readonly<Record<ChildRecordKind | 'review', Readonly<Record<number, RecordMigration>>>>;

/** Version 1 → 2 for a kind whose shape did not change: only the stamp moves on. */
const unchanged: RecordMigration = (record) => record;

/**
 * Version 1 → 2 for a step note: the facilitators' own comments, typed in brackets among the participant's words
 * as the guide's hint said, move to `comments`, so the participant's stage view can never show them. The guide's
 * own merge markers (`[[ … ]]`) stay in the words. Pure and idempotent on its output.
 */
export const liftStepNoteToV2: RecordMigration = (record) => {
  const text = typeof record.text === 'string' ? record.text : '';
  const existing = typeof record.comments === 'string' ? record.comments : '';
  const split = splitFacilitatorComments(text, { mergeMarkers: 'keep' });
  if (split.comments.length === 0 && typeof record.comments === 'string') return record;
  return { ...record, text: split.comments.length === 0 ? text : split.words, comments: joinComments(existing, split.comments) };
};

/** Version 1 → 2 for a pattern: it may now cite the factors and narrative entries it rests on (none yet). */
const liftPatternToV2: RecordMigration = (record) => ({
  ...record,
  factorTagIds: Array.isArray(record.factorTagIds) ? record.factorTagIds : [],
  narrativeEntryIds: Array.isArray(record.narrativeEntryIds) ? record.narrativeEntryIds : [],
});

/**
 * Record-level migrations, applied to every record read from a bundle or a store before validation. To change a
 * shape: bump RECORD_SCHEMA_VERSION in model.ts, add the step here keyed by the old version, and add a test with a
 * record of the old shape.
 */
export const RECORD_MIGRATIONS: RecordMigrations = {
  review: { 1: unchanged },
  teamMember: { 1: unchanged },
  participant: { 1: unchanged },
  document: { 1: unchanged },
  conversation: { 1: unchanged },
  stepNote: { 1: liftStepNoteToV2 },
  narrativeEntry: { 1: unchanged },
  episode: { 1: unchanged },
  pattern: { 1: liftPatternToV2 },
  recommendation: { 1: unchanged },
  reportStage: { 1: unchanged },
  comment: { 1: unchanged },
  audit: { 1: unchanged },
  meeting: { 1: unchanged },
  identifier: { 1: unchanged },
  languageDismissal: { 1: unchanged },
};

export type RecordMigrationProblem =
  { readonly kind: 'newerThanSupported'; readonly found: number; readonly supported: number } | { readonly kind: 'noMigration'; readonly from: number };

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

/**
 * Lifts a stored snapshot (plain JSON, as a store holds it) record by record, for stores to call before
 * validating. Records that cannot be lifted are left as they are, for validation to name.
 */
export function migrateStoredSnapshot(snapshot: unknown): unknown {
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) return snapshot;
  const raw = snapshot as RawRecord;
  const next: Record<string, unknown> = { ...raw, review: liftOrKeep('review', raw.review) };
  for (const kind of CHILD_RECORD_KINDS) {
    const records = raw[COLLECTION_OF_KIND[kind]];
    if (Array.isArray(records)) next[COLLECTION_OF_KIND[kind]] = records.map((record: unknown) => liftOrKeep(kind, record));
  }
  return next;
}

/** One stored record lifted to the current shape, or unchanged (for validation to name) when it cannot be. */
export function liftOrKeep(kind: ChildRecordKind | 'review', record: unknown): unknown {
  const lifted = migrateRecord(kind, record);
  return lifted.ok ? lifted.value : record;
}
