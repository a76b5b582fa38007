// List item ⇄ domain record, driven by the schema in ../schema/lists.ts and validated with the
// domain's zod schemas on the way in. A damaged item becomes an `invalid` failure naming the list,
// the item and the field, never a silently wrong record.
import type { z } from 'zod';
import type { Failure, FieldIssue } from '../../../domain/failures';
import { issuesFromZod } from '../../../domain/failures';
import { CHILD_RECORD_SCHEMAS, ReviewSchema } from '../../../domain/model';
import { liftOrKeep } from '../../../domain/migrations/record-migrations';
import { err, ok, type Result } from '../../../domain/result';
import { SINGLE_LINE_MAX, existsAt, type ColumnSpec } from '../schema/columns';
import { COMMON_COLUMNS, type FieldBinding, type RecordListKey, type RecordListSpec } from '../schema/lists';

type Json = Record<string, unknown>;

/** A list item as read from Graph: its id, eTag and flat field map. */
export interface StoredItem {
  readonly itemId: string;
  readonly eTag: string;
  readonly fields: Readonly<Json>;
}

/** Column values to write, and the rest of the record as JSON (the caller puts it in a column or a file). */
export interface EncodedRecord {
  readonly fields: Json;
  readonly payload: string;
}

const STAMPS_IN_COLUMNS = ['id', 'reviewId', 'version', 'schemaVersion', 'createdBy', 'updatedBy'] as const;

const schemaOf = (key: RecordListKey): z.ZodType => (key === 'review' ? ReviewSchema : CHILD_RECORD_SCHEMAS[key]);

export const itemWhat = (spec: RecordListSpec, itemId: string): string => `Item ${itemId} in SharePoint list ${spec.listName}`;

// ---------------------------------------------------------------- paths

function getAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Json)[key];
  }
  return current;
}

function setAt(target: Json, path: readonly string[], value: unknown): void {
  let current = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      current[key] = value;
      return;
    }
    const next = current[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) current[key] = {};
    current = current[key] as Json;
  });
}

/** Removes a field, and any object it leaves empty, so the payload holds only what no column holds. */
function deleteAt(target: Json, path: readonly string[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    delete target[head];
    return;
  }
  const child = target[head];
  if (child === null || typeof child !== 'object' || Array.isArray(child)) return;
  deleteAt(child as Json, rest);
  if (Object.keys(child).length === 0) delete target[head];
}

// ---------------------------------------------------------------- values

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UTC_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):\d{2}:\d{2}(?:\.\d+)?Z$/;

/** SharePoint answers date-only columns as UTC instants; the review's dates are Europe/London civil dates. */
function civilDateOf(raw: string): string | undefined {
  if (ISO_DATE.test(raw)) return raw;
  // London is UTC or one hour ahead, so before 23:00 UTC the London date is the UTC date (the common case, cheaply).
  const utc = UTC_INSTANT.exec(raw);
  if (utc?.[1] !== undefined && Number(utc[2]) < 23) return utc[1];
  const instant = Date.parse(raw);
  if (Number.isNaN(instant)) return undefined;
  const parts = Object.fromEntries(LONDON_DATE.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function encodeValue(column: ColumnSpec, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  switch (column.kind) {
    case 'date':
      return typeof value === 'string' ? `${value}T00:00:00Z` : null;
    case 'dateTime':
      return typeof value === 'string' ? new Date(Date.parse(value)).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
    default:
      // Never truncated: a value longer than its column is refused by SharePoint and surfaces as a failure.
      return value;
  }
}

type Decoded = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

function wrongValue(column: ColumnSpec, raw: unknown, expected: string): Decoded {
  return { ok: false, message: `column ${column.name} holds ${JSON.stringify(raw)}, expected ${expected}` };
}

function decodeValue(column: ColumnSpec, raw: unknown): Decoded {
  switch (column.kind) {
    case 'number':
      return typeof raw === 'number' ? { ok: true, value: raw } : wrongValue(column, raw, 'a number');
    case 'boolean':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : wrongValue(column, raw, 'yes or no');
    case 'date': {
      const civil = typeof raw === 'string' ? civilDateOf(raw) : undefined;
      return civil === undefined ? wrongValue(column, raw, 'a date') : { ok: true, value: civil };
    }
    default:
      return typeof raw === 'string' ? { ok: true, value: raw } : wrongValue(column, raw, 'text');
  }
}

/** A column value decoded by its kind (a date-only column becomes YYYY-MM-DD); a wrong type is passed through for validation to name. */
export function decodeColumnValue(column: ColumnSpec, raw: unknown): unknown {
  const decoded = decodeValue(column, raw);
  return decoded.ok ? decoded.value : raw;
}

const isEmpty = (raw: unknown): boolean => raw === undefined || raw === null || raw === '';

// ---------------------------------------------------------------- encode

/**
 * The item fields for a record at a schema version. Every bound column is written, with null for an
 * empty value, so that a PATCH also clears what the record no longer holds.
 */
export function encodeRecord(spec: RecordListSpec, record: Readonly<Json>, options: { reviewKey: string; schemaVersion: number }): EncodedRecord {
  const payload = structuredClone(record) as Json;
  for (const stamp of STAMPS_IN_COLUMNS) delete payload[stamp];
  const fields: Json = {
    Title: spec.title(record).slice(0, SINGLE_LINE_MAX),
    [COMMON_COLUMNS.reviewKey.name]: options.reviewKey,
    [COMMON_COLUMNS.recordId.name]: record.id,
    [COMMON_COLUMNS.recordVersion.name]: record.version,
    [COMMON_COLUMNS.recordSchema.name]: record.schemaVersion,
    [COMMON_COLUMNS.createdBy.name]: record.createdBy,
    [COMMON_COLUMNS.updatedBy.name]: record.updatedBy,
  };
  for (const binding of spec.bindings) {
    if (!existsAt(binding.column, options.schemaVersion)) continue;
    fields[binding.column.name] = encodeValue(binding.column, getAt(record, binding.path));
    deleteAt(payload, binding.path);
  }
  for (const projection of spec.projections) {
    if (!existsAt(projection.column, options.schemaVersion)) continue;
    fields[projection.column.name] = encodeValue(projection.column, projection.from(record));
  }
  return { fields, payload: JSON.stringify(payload) };
}

/** Just the projection columns of a record, for backfilling a column added by a migration. */
export function encodeProjection(spec: RecordListSpec, record: Readonly<Json>, columnName: string): Json {
  const projection = spec.projections.find((candidate) => candidate.column.name === columnName);
  return projection === undefined ? {} : { [columnName]: encodeValue(projection.column, projection.from(record)) };
}

// ---------------------------------------------------------------- decode

function readBinding(binding: FieldBinding, fields: Readonly<Json>, target: Json, issues: FieldIssue[]): void {
  const raw = fields[binding.column.name];
  const path = binding.path.join('.');
  if (isEmpty(raw)) {
    // A field moved into a column by a later schema may still sit in an older item's payload.
    if (getAt(target, binding.path) !== undefined) return;
    if (binding.whenEmpty !== 'required') setAt(target, binding.path, binding.whenEmpty);
    return;
  }
  const decoded = decodeValue(binding.column, raw);
  if (decoded.ok) setAt(target, binding.path, decoded.value);
  else issues.push({ path, message: decoded.message });
}

function readStamp(fields: Readonly<Json>, column: ColumnSpec, target: Json, key: string, issues: FieldIssue[]): void {
  const raw = fields[column.name];
  if (isEmpty(raw)) return; // left out: validation names the missing field
  const decoded = decodeValue(column, raw);
  if (decoded.ok) target[key] = decoded.value;
  else issues.push({ path: key, message: decoded.message });
}

/** Names the column a failing field lives in, so someone looking at SharePoint can find it. */
function withColumnNames(spec: RecordListSpec, issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const binding = spec.bindings.find((candidate) => candidate.path.join('.') === issue.path);
    return binding === undefined || issue.message.startsWith('column ')
      ? issue
      : { path: issue.path, message: `${issue.message} (column ${binding.column.name})` };
  });
}

/**
 * The record an item holds. `payloadText` is the JSON from the item's payload column or, for long
 * records, from its file in the library.
 */
export function decodeItem<T>(
  spec: RecordListSpec,
  item: StoredItem,
  context: { reviewId: string; payloadText?: string },
): Result<T, Failure> {
  const what = itemWhat(spec, item.itemId);
  const payloadText = context.payloadText ?? item.fields[COMMON_COLUMNS.payload.name];
  let record: Json = {};
  if (typeof payloadText === 'string' && payloadText !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payloadText);
    } catch {
      return err({ kind: 'damaged', what, issues: [{ path: COMMON_COLUMNS.payload.name, message: 'the details column is not valid JSON' }] });
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return err({ kind: 'damaged', what, issues: [{ path: COMMON_COLUMNS.payload.name, message: 'the details column is not a JSON object' }] });
    }
    record = parsed as Json;
  }
  const issues: FieldIssue[] = [];
  readStamp(item.fields, COMMON_COLUMNS.recordId, record, 'id', issues);
  readStamp(item.fields, COMMON_COLUMNS.recordVersion, record, 'version', issues);
  readStamp(item.fields, COMMON_COLUMNS.recordSchema, record, 'schemaVersion', issues);
  readStamp(item.fields, COMMON_COLUMNS.createdBy, record, 'createdBy', issues);
  readStamp(item.fields, COMMON_COLUMNS.updatedBy, record, 'updatedBy', issues);
  if (spec.key !== 'review') record.reviewId = context.reviewId;
  for (const binding of spec.bindings) readBinding(binding, item.fields, record, issues);
  if (issues.length > 0) return err({ kind: 'damaged', what, issues });
  // A record stored in an older shape is lifted by the record migrations (ADR 0101) before it is checked.
  const parsed = schemaOf(spec.key).safeParse(liftOrKeep(spec.key, record));
  if (!parsed.success) return err({ kind: 'damaged', what, issues: withColumnNames(spec, issuesFromZod(parsed.error)) });
  return ok(parsed.data as T);
}

/** The record id and version an item claims, without decoding the whole record. */
export function itemIdentity(fields: Readonly<Json>): { recordId: string; version: number } | undefined {
  const recordId = fields[COMMON_COLUMNS.recordId.name];
  const version = fields[COMMON_COLUMNS.recordVersion.name];
  return typeof recordId === 'string' && typeof version === 'number' ? { recordId, version } : undefined;
}
