import { formatIssuePath, issuesFromZod, type FieldIssue, type Failure } from '../failures';
import { recordLabel } from '../labels';
import { migrateRecord, RECORD_MIGRATIONS, type RecordMigrations } from '../migrations/record-migrations';
import { CHILD_RECORD_KINDS, COLLECTION_OF_KIND, RECORD_SCHEMA_VERSION } from '../model';
import { err, ok, type Result } from '../result';
import {
  BUNDLE_FORMAT,
  ReviewBundleSchema,
  SUPPORTED_BUNDLE_FORMAT_VERSIONS,
  type ParsedBundle,
} from './format';
import { checkIntegrity } from './integrity';
import { parseJsonText } from './json-text';
import { migrateV1ToV2, V1_FORMAT_VERSION } from './v1';

export const BUNDLE_WHAT = 'Review bundle';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const invalid = (issues: readonly FieldIssue[]): Failure => ({ kind: 'invalid', what: BUNDLE_WHAT, issues });

export interface ParseOptions {
  /** Replaceable for tests of the migration hook; the app always uses the real table. */
  readonly recordMigrations?: RecordMigrations;
}

/** Reads bundle text: JSON syntax first (with line and column), then everything parseBundle checks. */
export function parseBundleText(text: string, options: ParseOptions = {}): Result<ParsedBundle, Failure> {
  const json = parseJsonText(text);
  if (!json.ok) return err(invalid([json.error]));
  return parseBundle(json.value, options);
}

/**
 * Checks anything claiming to be a review bundle and returns the review it holds, in the current format.
 * In order: the envelope's format and version; migration of older formats; record-level migrations; the
 * schema of every field; then referential integrity. Every expected problem comes back as a Failure whose
 * issues name the path in the document and what was expected. Never throws.
 */
export function parseBundle(input: unknown, options: ParseOptions = {}): Result<ParsedBundle, Failure> {
  if (!isObject(input)) return err(invalid([{ path: '', message: 'expected a review bundle: a JSON object with format, formatVersion and snapshot' }]));
  if (input.format !== BUNDLE_FORMAT) {
    const found = input.format === undefined ? 'it is missing' : `found ${JSON.stringify(input.format)?.slice(0, 80)}`;
    return err(invalid([{ path: 'format', message: `expected "${BUNDLE_FORMAT}" (${found}): this is not a review bundle` }]));
  }
  const version = input.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return err(invalid([{ path: 'formatVersion', message: `expected a whole number, one of ${SUPPORTED_BUNDLE_FORMAT_VERSIONS.join(', ')}` }]));
  }
  if (!SUPPORTED_BUNDLE_FORMAT_VERSIONS.includes(version)) {
    return err({ kind: 'unsupportedVersion', what: BUNDLE_WHAT, found: version, supported: SUPPORTED_BUNDLE_FORMAT_VERSIONS });
  }

  let current: Json = input;
  const migrationIssues: FieldIssue[] = [];
  if (version === V1_FORMAT_VERSION) {
    const migrated = migrateV1ToV2(current);
    current = migrated.bundle;
    migrationIssues.push(...migrated.issues);
  }

  const lifted = migrateRecords(current, options.recordMigrations ?? RECORD_MIGRATIONS);
  if (!lifted.ok) return lifted;
  current = lifted.value;

  const parsed = ReviewBundleSchema.safeParse(current);
  if (!parsed.success) {
    // A problem the migration already reported is not repeated in version 2's words.
    const schemaIssues = issuesFromZod(parsed.error).filter((issue) => !migrationIssues.some((known) => isWithin(issue.path, known.path)));
    return err(invalid([...migrationIssues, ...schemaIssues]));
  }
  if (migrationIssues.length > 0) return err(invalid(migrationIssues));

  const bundle = parsed.data;
  const issues = checkIntegrity(bundle.snapshot, ['snapshot']);
  if (bundle.fictional !== undefined && bundle.fictional !== bundle.snapshot.review.fictional) {
    issues.push({
      path: 'fictional',
      message: `the bundle says fictional is ${bundle.fictional} but the review says ${bundle.snapshot.review.fictional}; they must agree`,
    });
  }
  if (issues.length > 0) return err(invalid(issues));

  return ok({
    meta: {
      exportedAt: bundle.exportedAt,
      exportedBy: bundle.exportedBy,
      producer: bundle.producer,
      fictional: bundle.snapshot.review.fictional,
      readFromFormatVersion: version,
    },
    snapshot: bundle.snapshot,
  });
}

const isWithin = (path: string, ancestor: string): boolean =>
  path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);

/** Applies record-level migrations to the review and every record, before the schema sees them. */
function migrateRecords(bundle: Json, migrations: RecordMigrations): Result<Json, Failure> {
  const snapshot = bundle.snapshot;
  if (!isObject(snapshot)) return ok(bundle);
  const next: Json = { ...snapshot };
  const review = migrateRecord('review', snapshot.review, migrations);
  if (!review.ok) return err(tooNew('Review', ['snapshot', 'review'], review.error));
  next.review = review.value;
  for (const kind of CHILD_RECORD_KINDS) {
    const collection = COLLECTION_OF_KIND[kind];
    const records = snapshot[collection];
    if (!Array.isArray(records)) continue;
    const lifted: unknown[] = [];
    for (const [index, record] of records.entries()) {
      const result = migrateRecord(kind, record, migrations);
      if (!result.ok) return err(tooNew(recordLabel(kind), ['snapshot', collection, index], result.error));
      lifted.push(result.value);
    }
    next[collection] = lifted;
  }
  return ok({ ...bundle, snapshot: next });
}

function tooNew(
  label: string,
  path: ReadonlyArray<string | number>,
  problem: { kind: 'newerThanSupported'; found: number } | { kind: 'noMigration'; from: number },
): Failure {
  const where = `${label} at ${formatIssuePath(path)}`;
  if (problem.kind === 'newerThanSupported') {
    return { kind: 'unsupportedVersion', what: `${where} (schemaVersion)`, found: problem.found, supported: [RECORD_SCHEMA_VERSION] };
  }
  return invalid([{ path: formatIssuePath([...path, 'schemaVersion']), message: `no migration from schema version ${problem.from} is known` }]);
}
