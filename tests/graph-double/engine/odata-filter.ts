// A small OData $filter parser for SharePoint list items: fields/X eq|ne|lt|gt|le|ge literal,
// startswith(fields/X,'v'), and/or, parentheses. Anything else is refused with a 400.
import { GraphError } from './errors';

export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

export type FilterLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'dateTime'; readonly value: string }
  | { readonly kind: 'null' };

export type FilterExpression =
  | { readonly kind: 'and' | 'or'; readonly left: FilterExpression; readonly right: FilterExpression }
  | { readonly kind: 'compare'; readonly operator: ComparisonOperator; readonly field: string; readonly literal: FilterLiteral }
  | { readonly kind: 'startswith'; readonly field: string; readonly literal: FilterLiteral };

type Token =
  | { readonly type: 'identifier'; readonly value: string; readonly position: number }
  | { readonly type: 'literal'; readonly literal: FilterLiteral; readonly position: number }
  | { readonly type: '(' | ')' | ','; readonly position: number };

const COMPARISONS: readonly string[] = ['eq', 'ne', 'lt', 'gt', 'le', 'ge'];
const UNSUPPORTED_FUNCTIONS: readonly string[] = ['endswith', 'contains', 'substringof', 'tolower', 'toupper', 'not', 'in', 'any', 'all'];

export const filterError = (message: string): GraphError => new GraphError(400, 'invalidRequest', `Invalid filter clause: ${message}`);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: char, position: index });
      index += 1;
      continue;
    }
    if (char === "'") {
      let value = '';
      let cursor = index + 1;
      for (;;) {
        if (cursor >= text.length) throw filterError(`unterminated string literal at position ${index}.`);
        const next = text.charAt(cursor);
        if (next === "'") {
          if (text.charAt(cursor + 1) === "'") {
            value += "'";
            cursor += 2;
            continue;
          }
          break;
        }
        value += next;
        cursor += 1;
      }
      tokens.push({ type: 'literal', literal: { kind: 'string', value }, position: index });
      index = cursor + 1;
      continue;
    }
    const rest = text.slice(index);
    const dateTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/.exec(rest);
    if (dateTime !== null && dateTime[0].length > 4) {
      tokens.push({ type: 'literal', literal: { kind: 'dateTime', value: dateTime[0] }, position: index });
      index += dateTime[0].length;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    if (number !== null) {
      tokens.push({ type: 'literal', literal: { kind: 'number', value: Number(number[0]) }, position: index });
      index += number[0].length;
      continue;
    }
    const identifier = /^[A-Za-z_][A-Za-z0-9_./]*/.exec(rest);
    if (identifier !== null) {
      const word = identifier[0];
      if (word === 'true' || word === 'false') {
        tokens.push({ type: 'literal', literal: { kind: 'boolean', value: word === 'true' }, position: index });
      } else if (word === 'null') {
        tokens.push({ type: 'literal', literal: { kind: 'null' }, position: index });
      } else {
        tokens.push({ type: 'identifier', value: word, position: index });
      }
      index += word.length;
      continue;
    }
    throw filterError(`unexpected character '${char}' at position ${index}.`);
  }
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FilterExpression {
    const expression = this.parseOr();
    const extra = this.tokens[this.index];
    if (extra !== undefined) throw filterError(`unexpected token at position ${extra.position}.`);
    return expression;
  }

  private peekWord(): string | undefined {
    const token = this.tokens[this.index];
    return token?.type === 'identifier' ? token.value.toLowerCase() : undefined;
  }

  private parseOr(): FilterExpression {
    let left = this.parseAnd();
    while (this.peekWord() === 'or') {
      this.index += 1;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterExpression {
    let left = this.parsePrimary();
    while (this.peekWord() === 'and') {
      this.index += 1;
      left = { kind: 'and', left, right: this.parsePrimary() };
    }
    return left;
  }

  private expect(type: '(' | ')' | ','): void {
    const token = this.tokens[this.index];
    if (token?.type !== type) throw filterError(`expected '${type}'.`);
    this.index += 1;
  }

  private parseField(): string {
    const token = this.tokens[this.index];
    if (token?.type !== 'identifier') throw filterError('expected a column reference such as fields/Title.');
    this.index += 1;
    const match = /^fields\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(token.value);
    if (match?.[1] === undefined) {
      throw new GraphError(400, 'invalidRequest', `Invalid filter clause: only fields/<column> references are supported, got '${token.value}'.`);
    }
    return match[1];
  }

  private parseLiteral(): FilterLiteral {
    const token = this.tokens[this.index];
    if (token?.type !== 'literal') throw filterError('expected a literal value.');
    this.index += 1;
    return token.literal;
  }

  private parsePrimary(): FilterExpression {
    const token = this.tokens[this.index];
    if (token === undefined) throw filterError('unexpected end of expression.');
    if (token.type === '(') {
      this.index += 1;
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    const word = this.peekWord();
    if (word === 'startswith') {
      this.index += 1;
      this.expect('(');
      const field = this.parseField();
      this.expect(',');
      const literal = this.parseLiteral();
      this.expect(')');
      if (literal.kind !== 'string') throw filterError('startswith needs a string literal.');
      return { kind: 'startswith', field, literal };
    }
    if (word !== undefined && UNSUPPORTED_FUNCTIONS.includes(word)) {
      throw new GraphError(400, 'invalidRequest', `Invalid filter clause: '${word}' is not supported for list items.`);
    }
    const field = this.parseField();
    const operator = this.peekWord();
    if (operator === undefined || !COMPARISONS.includes(operator)) throw filterError(`expected a comparison operator after fields/${field}.`);
    this.index += 1;
    return { kind: 'compare', operator: operator as ComparisonOperator, field, literal: this.parseLiteral() };
  }
}

export function parseFilter(text: string): FilterExpression {
  if (text.trim() === '') throw filterError('the expression is empty.');
  return new Parser(tokenize(text)).parse();
}

/** Column names the expression references, in order of first use. */
export function referencedFields(expression: FilterExpression): string[] {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return [...new Set([...referencedFields(expression.left), ...referencedFields(expression.right)])];
    case 'compare':
    case 'startswith':
      return [expression.field];
  }
}

export type ValueKind = 'text' | 'number' | 'boolean' | 'dateTime';

/** Normalises a literal for a column kind, or throws 400 when the types do not fit. */
function literalFor(kind: ValueKind, literal: FilterLiteral, field: string): string | number | boolean | null {
  if (literal.kind === 'null') return null;
  switch (kind) {
    case 'text':
      if (literal.kind === 'string') return literal.value.toLowerCase();
      break;
    case 'number':
      if (literal.kind === 'number') return literal.value;
      break;
    case 'boolean':
      // SharePoint stores Yes/No as 1/0 and accepts either form.
      if (literal.kind === 'boolean') return literal.value;
      if (literal.kind === 'number' && (literal.value === 0 || literal.value === 1)) return literal.value === 1;
      break;
    case 'dateTime':
      if (literal.kind === 'dateTime' || literal.kind === 'string') {
        const time = Date.parse(literal.value);
        if (!Number.isNaN(time)) return time;
      }
      break;
  }
  throw new GraphError(400, 'invalidRequest', `Invalid filter clause: the value for fields/${field} does not match the column type (${kind}).`);
}

function fieldFor(kind: ValueKind, value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (kind === 'text') return String(value).toLowerCase();
  if (kind === 'dateTime') return typeof value === 'string' ? Date.parse(value) : null;
  if (kind === 'number') return typeof value === 'number' ? value : null;
  return typeof value === 'boolean' ? value : null;
}

function compare(operator: ComparisonOperator, left: string | number | boolean | null, right: string | number | boolean | null): boolean {
  if (operator === 'eq') return left === right;
  if (operator === 'ne') return left !== right;
  if (left === null || right === null) return false;
  switch (operator) {
    case 'lt':
      return left < right;
    case 'gt':
      return left > right;
    case 'le':
      return left <= right;
    case 'ge':
      return left >= right;
  }
}

/**
 * Compiles the expression against the columns (checking literal types once, even for an empty list)
 * into a predicate over an item's field values keyed by the columns' canonical names. Text comparisons are case-insensitive, as in SharePoint.
 */
export function compileFilter(
  expression: FilterExpression,
  columnOf: (field: string) => { readonly kind: ValueKind; readonly key: string },
): (fields: Readonly<Record<string, unknown>>) => boolean {
  switch (expression.kind) {
    case 'and':
    case 'or': {
      const left = compileFilter(expression.left, columnOf);
      const right = compileFilter(expression.right, columnOf);
      return expression.kind === 'and' ? (fields) => left(fields) && right(fields) : (fields) => left(fields) || right(fields);
    }
    case 'compare': {
      const { kind, key } = columnOf(expression.field);
      const right = literalFor(kind, expression.literal, expression.field);
      return (fields) => compare(expression.operator, fieldFor(kind, fields[key]), right);
    }
    case 'startswith': {
      const { kind, key } = columnOf(expression.field);
      if (kind !== 'text') throw new GraphError(400, 'invalidRequest', `Invalid filter clause: startswith needs a text column, fields/${expression.field} is ${kind}.`);
      const prefix = literalFor(kind, expression.literal, expression.field);
      return (fields) => {
        const value = fieldFor(kind, fields[key]);
        return typeof value === 'string' && typeof prefix === 'string' && value.startsWith(prefix);
      };
    }
  }
}
