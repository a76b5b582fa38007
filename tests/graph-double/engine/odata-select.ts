// $select and $expand parsing, including expand=fields($select=a,b) and expand=fields(select=a,b).
import { GraphError } from './errors';

export interface ExpandClause {
  readonly name: string;
  readonly select?: readonly string[];
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0) throw parseError(text);
    if (char === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0) throw parseError(text);
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

const parseError = (text: string): GraphError =>
  new GraphError(400, 'BadRequest', `Parsing OData Select and Expand failed: Syntax error in '${text}'.`);

export function parseSelect(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return splitTopLevel(value, ',');
}

export function parseExpand(value: string | undefined): ExpandClause[] {
  if (value === undefined) return [];
  return splitTopLevel(value, ',').map((part) => {
    const open = part.indexOf('(');
    if (open < 0) return { name: part };
    if (!part.endsWith(')')) throw parseError(value);
    const name = part.slice(0, open).trim();
    const inner = part.slice(open + 1, -1);
    let select: string[] | undefined;
    for (const option of splitTopLevel(inner, ';')) {
      const [key, optionValue] = option.split(/=(.*)/s);
      const bare = (key ?? '').trim().replace(/^\$/, '').toLowerCase();
      if (bare !== 'select' || optionValue === undefined) {
        throw new GraphError(400, 'BadRequest', `Parsing OData Select and Expand failed: the nested option '${option}' is not supported.`);
      }
      select = splitTopLevel(optionValue, ',');
    }
    return select === undefined ? { name } : { name, select };
  });
}

/** The error Graph gives for an unknown property in $select or $expand. */
export function unknownProperty(property: string, type: string): GraphError {
  return new GraphError(
    400,
    'BadRequest',
    `Parsing OData Select and Expand failed: Could not find a property named '${property}' on type 'microsoft.graph.${type}'.`,
  );
}

/** Keeps only the selected properties (and OData annotations) of an entity. */
export function applySelect(entity: Record<string, unknown>, select: readonly string[] | undefined, known: readonly string[], type: string): Record<string, unknown> {
  if (select === undefined) return entity;
  for (const property of select) {
    if (!known.includes(property)) throw unknownProperty(property, type);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key.startsWith('@') || select.includes(key)) out[key] = value;
  }
  return out;
}
