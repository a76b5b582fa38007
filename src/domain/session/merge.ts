/**
 * Three-way merge of two edits of one record, made from the same base. Changes to different fields (or to
 * different items of a list) combine by themselves; only the same field changed differently on both sides is
 * a conflict for the person to settle. Either side is never dropped silently.
 */

export type FieldPath = readonly string[];

/** Written by the store on every save: never the person's edit, so always taken from the stored side. */
export const STAMP_FIELDS: ReadonlySet<string> = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'schemaVersion']);

export interface MergeOutcome<T> {
  /** Both sides combined; at each conflicting path, the local edit stands for now. */
  readonly merged: T;
  /** Paths changed differently on both sides. */
  readonly conflicts: readonly FieldPath[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON with sorted keys, so equal values compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const same = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);

/** How list items are matched across versions: by their `id` when they have one, otherwise by value. */
const itemKey = (item: unknown): string => (isPlainObject(item) && typeof item.id === 'string' ? `id:${item.id}` : `value:${stableJson(item)}`);

function mergeLists(base: unknown[], mine: unknown[], theirs: unknown[], path: FieldPath, conflicts: FieldPath[]): unknown[] {
  const baseByKey = new Map(base.map((item) => [itemKey(item), item]));
  const mineByKey = new Map(mine.map((item) => [itemKey(item), item]));
  const theirKeys = new Set(theirs.map(itemKey));
  const result: unknown[] = [];
  for (const item of theirs) {
    const key = itemKey(item);
    const inBase = baseByKey.has(key);
    if (inBase && !mineByKey.has(key)) {
      // Removed here. If they changed it meanwhile, keep their version rather than lose their words.
      if (same(baseByKey.get(key), item)) continue;
      result.push(item);
      continue;
    }
    const mineItem = mineByKey.get(key);
    if (mineItem !== undefined && inBase && same(baseByKey.get(key), item)) result.push(mineItem);
    else if (mineItem !== undefined && inBase && !same(baseByKey.get(key), mineItem) && !same(mineItem, item)) {
      conflicts.push([...path, key]);
      result.push(item);
    } else result.push(item);
  }
  for (const item of mine) {
    const key = itemKey(item);
    if (!baseByKey.has(key) && !theirKeys.has(key)) result.push(item);
  }
  return result;
}

function mergeValue(base: unknown, mine: unknown, theirs: unknown, path: FieldPath, conflicts: FieldPath[]): unknown {
  if (same(mine, theirs) || same(base, mine)) return theirs;
  if (same(base, theirs)) return mine;
  if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
    const result: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const value = mergeValue(base[key], mine[key], theirs[key], [...path, key], conflicts);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) return mergeLists(base, mine, theirs, path, conflicts);
  conflicts.push(path);
  return mine;
}

export function mergeThreeWay<T extends object>(base: T, mine: T, theirs: T): MergeOutcome<T> {
  const conflicts: FieldPath[] = [];
  const merged: Record<string, unknown> = {
    ...(theirs as Record<string, unknown>),
  };
  const b = base as Record<string, unknown>;
  const m = mine as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  for (const key of new Set([...Object.keys(t), ...Object.keys(m)])) {
    if (STAMP_FIELDS.has(key) || key === 'id') continue;
    const value = mergeValue(b[key], m[key], t[key], [key], conflicts);
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return { merged: merged as T, conflicts };
}

export function valueAt(record: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((value, key) => (isPlainObject(value) ? value[key] : undefined), record);
}

/** A copy of `record` with `value` at `path` (plain objects only, as records are). */
export function withValueAt<T>(record: T, path: FieldPath, value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  const source: Record<string, unknown> = isPlainObject(record) ? record : {};
  return { ...source, [head]: withValueAt(source[head], rest, value) } as T;
}

/**
 * Both texts in one: when one already contains the other (both added to the same note), the longer;
 * otherwise theirs, then this edit, a blank line apart.
 */
export function keepBothTexts(mine: string, theirs: string): string {
  if (theirs.includes(mine)) return theirs;
  if (mine.includes(theirs)) return mine;
  return `${theirs.trimEnd()}\n\n${mine.trimStart()}`;
}

/** "coveredPeriod.to" → "Covered period: to"; "realName" → "Real name". */
export function humaniseFieldPath(path: FieldPath): string {
  return path
    .filter((key) => !key.startsWith('id:') && !key.startsWith('value:'))
    .map((key, index) => {
      const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLocaleLowerCase('en-GB');
      return index === 0 ? words.charAt(0).toLocaleUpperCase('en-GB') + words.slice(1) : words;
    })
    .join(': ');
}
