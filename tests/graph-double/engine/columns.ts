// SharePoint column definitions: parsing columnDefinition bodies, serialising them, and validating
// field values written to list items.
import { GraphError, invalidRequest } from './errors';
import { isRecord, isoSeconds, type JsonObject } from './http-helpers';
import type { IdFactory } from './prng';
import type { ColumnRecord, ColumnType } from './state';

/** Single line of text holds at most 255 characters. */
export const SINGLE_LINE_TEXT_MAX_LENGTH = 255;
/** Multiple lines of text: about 63,999 characters (GRAPH-NOTES marks the exact figure unverified). */
export const MULTI_LINE_TEXT_MAX_LENGTH = 63_999;

/** Columns every genericList has; Title is writable, the rest are read-only system columns. */
export function builtInColumns(ids: IdFactory): ColumnRecord[] {
  const system = (name: string, type: ColumnType, indexed = false): ColumnRecord => ({
    id: ids.guid(), name, displayName: name, description: '', type, indexed, required: false, readOnly: true, builtIn: true,
  });
  return [
    {
      id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', name: 'Title', displayName: 'Title', description: '', type: 'text',
      indexed: false, required: false, readOnly: false, builtIn: true,
      text: { allowMultipleLines: false, maxLength: SINGLE_LINE_TEXT_MAX_LENGTH, textType: 'plain', linesForEditing: 0, appendChangesToExistingText: false },
    },
    // SharePoint always indexes ID; Created and Modified are not indexed unless someone indexes them.
    system('id', 'number', true),
    system('Created', 'dateTime'),
    system('Modified', 'dateTime'),
    system('ContentType', 'text'),
    system('AuthorLookupId', 'text'),
    system('EditorLookupId', 'text'),
    system('_UIVersionString', 'text'),
    system('Attachments', 'boolean'),
  ];
}

const COLUMN_TYPES: readonly ColumnType[] = ['text', 'number', 'boolean', 'dateTime', 'choice', 'personOrGroup'];
const UNMODELLED_TYPES = ['calculated', 'currency', 'geolocation', 'hyperlinkOrPicture', 'lookup', 'term', 'thumbnail', 'contentApprovalStatus', 'hyperlink'];
const COLUMN_PROPERTIES = ['name', 'displayName', 'description', 'indexed', 'required', 'hidden', 'enforceUniqueValues', 'columnGroup', ...COLUMN_TYPES];

const optionalNumber = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Parses a columnDefinition body (list create or POST …/columns). */
export function parseColumnDefinition(body: unknown, ids: IdFactory): ColumnRecord {
  if (!isRecord(body)) throw invalidRequest('A column definition must be an object.');
  for (const key of Object.keys(body)) {
    if (UNMODELLED_TYPES.includes(key)) throw new GraphError(400, 'notSupported', `Column type '${key}' is not modelled by the Graph double.`);
    if (!COLUMN_PROPERTIES.includes(key) && !key.startsWith('@odata')) invalidPropertyError(key, 'columnDefinition');
  }
  const name = body.name;
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)) {
    // Real SharePoint encodes other characters (a space becomes _x0020_); the double asks for plain names.
    throw invalidRequest(`Column name '${String(name)}' is not valid: use letters, digits and underscores, at most 32 characters.`);
  }
  const types = COLUMN_TYPES.filter((type) => body[type] !== undefined);
  const type = types[0];
  if (type === undefined || types.length > 1) throw invalidRequest(`Column '${name}' must have exactly one type facet (${COLUMN_TYPES.join(', ')}).`);
  const facet = body[type];
  if (!isRecord(facet)) throw invalidRequest(`Column '${name}': the '${type}' facet must be an object.`);
  const indexed = body.indexed === true;
  const base = {
    id: ids.guid(),
    name,
    displayName: typeof body.displayName === 'string' ? body.displayName : name,
    description: typeof body.description === 'string' ? body.description : '',
    type,
    indexed,
    required: body.required === true,
    readOnly: false,
    builtIn: false,
  };
  switch (type) {
    case 'text': {
      const allowMultipleLines = facet.allowMultipleLines === true;
      const limit = allowMultipleLines ? MULTI_LINE_TEXT_MAX_LENGTH : SINGLE_LINE_TEXT_MAX_LENGTH;
      const requested = optionalNumber(facet.maxLength);
      if (requested !== undefined && (!Number.isInteger(requested) || requested < 1 || requested > limit)) {
        throw invalidRequest(`Column '${name}': maxLength must be between 1 and ${limit}.`);
      }
      if (allowMultipleLines && indexed) throw cannotIndexMultiLine(name);
      const textType = facet.textType ?? (allowMultipleLines ? 'richText' : 'plain');
      if (textType !== 'plain' && textType !== 'richText') throw invalidRequest(`Column '${name}': textType must be plain or richText.`);
      if (!allowMultipleLines && textType === 'richText') throw invalidRequest(`Column '${name}': only a multiple lines of text column can hold rich text.`);
      const lines = optionalNumber(facet.linesForEditing);
      return {
        ...base,
        text: {
          allowMultipleLines,
          maxLength: requested ?? limit,
          // textcolumn reference: linesForEditing is the edit box's height; 6 is what SharePoint's own form uses.
          linesForEditing: allowMultipleLines ? (lines ?? 6) : 0,
          appendChangesToExistingText: facet.appendChangesToExistingText === true,
          textType,
        },
      };
    }
    case 'number':
      return { ...base, number: { minimum: optionalNumber(facet.minimum), maximum: optionalNumber(facet.maximum), decimalPlaces: typeof facet.decimalPlaces === 'string' ? facet.decimalPlaces : 'automatic' } };
    case 'boolean':
      return base;
    case 'dateTime':
      return { ...base, dateTime: { format: facet.format === 'dateOnly' ? 'dateOnly' : 'dateTime' } };
    case 'choice': {
      const choices = facet.choices;
      if (!Array.isArray(choices) || choices.length === 0 || !choices.every((choice) => typeof choice === 'string')) {
        throw invalidRequest(`Column '${name}': choice.choices must be a non-empty array of strings.`);
      }
      return { ...base, choice: { choices: choices as string[], allowTextEntry: facet.allowTextEntry === true } };
    }
    case 'personOrGroup':
      return { ...base, personOrGroup: { allowMultipleSelection: facet.allowMultipleSelection === true } };
  }
}

export const cannotIndexMultiLine = (name: string): GraphError =>
  invalidRequest(`Column '${name}' is a multiple lines of text column, which cannot be indexed.`);

function invalidPropertyError(property: string, type: string): never {
  throw new GraphError(400, 'invalidRequest', `The property '${property}' does not exist on type 'microsoft.graph.${type}'.`);
}

export function serializeColumn(column: ColumnRecord): JsonObject {
  const out: JsonObject = {
    columnGroup: column.builtIn ? '_Hidden' : 'Custom Columns',
    description: column.description,
    displayName: column.displayName,
    enforceUniqueValues: false,
    hidden: false,
    id: column.id,
    indexed: column.indexed,
    name: column.name,
    readOnly: column.readOnly,
    required: column.required,
  };
  switch (column.type) {
    case 'text':
      out.text = {
        allowMultipleLines: column.text?.allowMultipleLines ?? false,
        appendChangesToExistingText: column.text?.appendChangesToExistingText ?? false,
        linesForEditing: column.text?.linesForEditing ?? 0,
        maxLength: column.text?.maxLength ?? SINGLE_LINE_TEXT_MAX_LENGTH,
        textType: column.text?.textType ?? 'plain',
      };
      break;
    case 'number':
      out.number = { decimalPlaces: column.number?.decimalPlaces ?? 'automatic', displayAs: 'number', maximum: column.number?.maximum ?? 1.7976931348623157e308, minimum: column.number?.minimum ?? -1.7976931348623157e308 };
      break;
    case 'boolean':
      out.boolean = {};
      break;
    case 'dateTime':
      out.dateTime = { displayAs: 'default', format: column.dateTime?.format ?? 'dateTime' };
      break;
    case 'choice':
      out.choice = { allowTextEntry: column.choice?.allowTextEntry ?? false, choices: column.choice?.choices ?? [], displayAs: 'dropDownMenu' };
      break;
    case 'personOrGroup':
      out.personOrGroup = { allowMultipleSelection: column.personOrGroup?.allowMultipleSelection ?? false, chooseFromType: 'peopleOnly', displayAs: 'account' };
      break;
  }
  return out;
}

/** Finds a column by internal name; SharePoint field names are case-insensitive. */
export function findColumn(columns: readonly ColumnRecord[], name: string): ColumnRecord | undefined {
  return columns.find((column) => column.name.toLowerCase() === name.toLowerCase());
}

/**
 * Validates one written field value and returns the stored form. Person columns are written as
 * <Name>LookupId; SharePoint answers "Field 'X' is not recognized" for anything it does not know.
 */
export function validateFieldWrite(columns: readonly ColumnRecord[], key: string, value: unknown): { readonly name: string; readonly value: unknown } {
  if (key === '@odata.etag') {
    throw invalidRequest("Field '@odata.etag' cannot be written; send the eTag in an If-Match header.");
  }
  const lookup = /^(.+)LookupId$/.exec(key);
  const personColumn = lookup?.[1] === undefined ? undefined : findColumn(columns, lookup[1]);
  if (personColumn?.type === 'personOrGroup') {
    if (value !== null && (typeof value !== 'string' || !/^\d+$/.test(value)) && (typeof value !== 'number' || !Number.isInteger(value))) {
      throw invalidRequest(`Invalid value for field '${key}': a user lookup id is expected.`);
    }
    return { name: `${personColumn.name}LookupId`, value: value === null ? null : String(value) };
  }
  const column = findColumn(columns, key);
  if (column === undefined || column.type === 'personOrGroup') throw invalidRequest(`Field '${key}' is not recognized`);
  if (column.readOnly) throw invalidRequest(`Field '${column.name}' is read-only`);
  if (value === null) return { name: column.name, value: null };
  const mismatch = (): GraphError => invalidRequest(`Invalid value for field '${column.name}': expected ${column.type}.`);
  switch (column.type) {
    case 'text': {
      if (typeof value !== 'string') throw mismatch();
      const limit = column.text?.maxLength ?? SINGLE_LINE_TEXT_MAX_LENGTH;
      if (value.length > limit) {
        throw invalidRequest(`The length of field '${column.name}' (${value.length}) exceeds its maximum of ${limit} characters.`);
      }
      // A rich-text column keeps HTML: plain text written to it comes back wrapped and escaped.
      if (column.text?.textType === 'richText') return { name: column.name, value: `<div class="ExternalClass">${escapeHtml(value)}</div>` };
      return { name: column.name, value };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw mismatch();
      const { minimum, maximum } = column.number ?? {};
      if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
        throw invalidRequest(`Value ${value} for field '${column.name}' is outside its allowed range.`);
      }
      return { name: column.name, value };
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw mismatch();
      return { name: column.name, value };
    case 'dateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw mismatch();
      // SharePoint stores whole seconds in UTC and answers with a trailing Z.
      return { name: column.name, value: isoSeconds(new Date(Date.parse(value))) };
    }
    case 'choice': {
      if (typeof value !== 'string') throw mismatch();
      if (column.choice?.allowTextEntry !== true && !(column.choice?.choices ?? []).includes(value)) {
        throw invalidRequest(`Value '${value}' is not one of the choices of field '${column.name}'.`);
      }
      return { name: column.name, value };
    }
  }
}
