// Column definitions as code: what a SharePoint column is, in this app's terms, and the Graph
// columnDefinition body that creates it.

/** SharePoint's single line of text holds at most 255 characters. */
export const SINGLE_LINE_MAX = 255;
/**
 * What this app lets a multiple-lines-of-text column hold before moving the text into a file in the
 * review's library. SharePoint's documented ceiling is about 63,999 characters (not confirmed); we stop
 * well short so that escaping and a few extra fields never push a write over it.
 */
export const MULTI_LINE_BUDGET = 60_000;

export type ColumnKind = 'text' | 'multilineText' | 'number' | 'boolean' | 'dateTime' | 'date' | 'choice';

export interface ColumnSpec {
  /** Internal name: letters, digits and underscores, at most 32 characters, never renamed once shipped. */
  readonly name: string;
  readonly displayName: string;
  readonly kind: ColumnKind;
  /** Single-line text only. */
  readonly maxLength?: number;
  /** Choice only: the stored codes. */
  readonly choices?: readonly string[];
  /** Every column used in `$filter` or `$orderby` is indexed; SharePoint refuses the query otherwise. */
  readonly indexed?: boolean;
  /** The schema version that added the column (default 1). */
  readonly since?: number;
  /** The schema version that indexed it, when later than `since`. */
  readonly indexedSince?: number;
  readonly description?: string;
}

export const existsAt = (column: ColumnSpec, version: number): boolean => (column.since ?? 1) <= version;

export const indexedAt = (column: ColumnSpec, version: number): boolean =>
  column.indexed === true && existsAt(column, version) && (column.indexedSince ?? column.since ?? 1) <= version;

/** The Graph columnDefinition body for a column as it is at `version`. */
export function columnDefinitionBody(column: ColumnSpec, version: number): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name: column.name,
    displayName: column.displayName,
    description: column.description ?? '',
    indexed: indexedAt(column, version),
  };
  switch (column.kind) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: column.maxLength ?? SINGLE_LINE_MAX } };
    case 'multilineText':
      // Plain text, said explicitly: a multi-line column can hold rich text, which SharePoint answers as HTML
      // (textColumn: textType plain | richText), and the payload is JSON. linesForEditing is only the form's box.
      return { ...base, text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6, appendChangesToExistingText: false } };
    case 'number':
      return { ...base, number: {} };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'date':
      return { ...base, dateTime: { format: 'dateOnly' } };
    case 'choice':
      return { ...base, choice: { choices: [...(column.choices ?? [])], allowTextEntry: false } };
  }
}

// Small constructors keep the list definitions readable.
type Extra = Partial<Pick<ColumnSpec, 'indexed' | 'since' | 'indexedSince' | 'description' | 'maxLength'>>;

export const text = (name: string, displayName: string, maxLength: number, extra: Extra = {}): ColumnSpec => ({
  name,
  displayName,
  kind: 'text',
  maxLength,
  ...extra,
});
export const multilineText = (name: string, displayName: string, extra: Extra = {}): ColumnSpec => ({
  name,
  displayName,
  kind: 'multilineText',
  ...extra,
});
export const number = (name: string, displayName: string, extra: Extra = {}): ColumnSpec => ({ name, displayName, kind: 'number', ...extra });
export const boolean = (name: string, displayName: string, extra: Extra = {}): ColumnSpec => ({ name, displayName, kind: 'boolean', ...extra });
export const dateTime = (name: string, displayName: string, extra: Extra = {}): ColumnSpec => ({ name, displayName, kind: 'dateTime', ...extra });
export const date = (name: string, displayName: string, extra: Extra = {}): ColumnSpec => ({ name, displayName, kind: 'date', ...extra });
export const choice = (name: string, displayName: string, choices: readonly string[], extra: Extra = {}): ColumnSpec => ({
  name,
  displayName,
  kind: 'choice',
  choices,
  ...extra,
});
