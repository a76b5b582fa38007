import type { FieldIssue } from '../failures';
import { err, ok, type Result } from '../result';

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * JSON.parse, with a failure that says where and what was expected ("line 3, column 7: expected ',' or '}'").
 * Engines word their syntax errors differently and some give no position, so on failure a small scanner
 * walks the text to find the first problem itself.
 */
export function parseJsonText(text: string): Result<unknown, FieldIssue> {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return ok(JSON.parse(withoutBom) as unknown);
  } catch {
    const problem = locateJsonError(withoutBom);
    const where = positionOf(withoutBom, problem.offset);
    return err({ path: '', message: `not valid JSON: line ${where.line}, column ${where.column}: ${problem.expected}` });
  }
}

export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface JsonProblem {
  readonly offset: number;
  readonly expected: string;
}

const VALUE_EXPECTED = 'expected a value (a string, number, object, array, true, false or null)';
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

type ScanMode = 'value' | 'firstValueOrClose' | 'firstKeyOrClose' | 'key' | 'afterValue';

/** Finds the first syntax error in text JSON.parse rejected. Iterative, so deep nesting cannot overflow. */
export function locateJsonError(text: string): JsonProblem {
  let index = 0;
  /** Open containers, innermost last. */
  const stack: Array<'{' | '['> = [];
  const skipSpace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index] as string)) index++;
  };
  const fail = (expected: string): JsonProblem => ({
    offset: index,
    expected: `${expected}, ${index >= text.length ? 'but the text ends' : `found ${JSON.stringify(text[index])}`}`,
  });

  const readString = (): JsonProblem | null => {
    index++;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (code === 0x22) {
        index++;
        return null;
      }
      if (code < 0x20) return fail('a line break or control character inside a string must be escaped');
      if (code !== 0x5c) {
        index++;
        continue;
      }
      const next = text[index + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) return fail('expected four hex digits after \\u');
        index += 6;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        index += 2;
      } else {
        return fail('expected a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u)');
      }
    }
    return fail('expected the closing " of a string');
  };

  const readScalar = (): JsonProblem | null => {
    if (text[index] === '"') return readString();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, index)) {
        index += literal.length;
        return null;
      }
    }
    JSON_NUMBER.lastIndex = index;
    const number = JSON_NUMBER.exec(text);
    if (number) {
      index += number[0].length;
      return null;
    }
    return fail(VALUE_EXPECTED);
  };

  let mode: ScanMode = 'value';
  for (;;) {
    skipSpace();
    const char = text[index];
    switch (mode) {
      case 'value':
      case 'firstValueOrClose': {
        if (mode === 'firstValueOrClose' && char === ']') {
          index++;
          stack.pop();
          mode = 'afterValue';
        } else if (char === '{' || char === '[') {
          stack.push(char);
          index++;
          mode = char === '{' ? 'firstKeyOrClose' : 'firstValueOrClose';
        } else {
          const problem = readScalar();
          if (problem) return problem;
          mode = 'afterValue';
        }
        break;
      }
      case 'firstKeyOrClose':
      case 'key': {
        if (mode === 'firstKeyOrClose' && char === '}') {
          index++;
          stack.pop();
          mode = 'afterValue';
          break;
        }
        if (char !== '"') return fail(mode === 'key' ? "expected a quoted property name after ','" : "expected a quoted property name or '}'");
        const problem = readString();
        if (problem) return problem;
        skipSpace();
        if (text[index] !== ':') return fail("expected ':' after the property name");
        index++;
        mode = 'value';
        break;
      }
      case 'afterValue': {
        const top = stack.at(-1);
        if (top === undefined) {
          if (index < text.length) return fail('expected the end of the text after the value');
          // Nothing found wrong by the scanner: point at the end, where JSON.parse gave up.
          return { offset: text.length, expected: 'the JSON could not be read' };
        }
        const closer = top === '{' ? '}' : ']';
        if (char === closer) {
          index++;
          stack.pop();
        } else if (char === ',') {
          index++;
          mode = top === '{' ? 'key' : 'value';
        } else {
          return fail(`expected ',' or '${closer}'`);
        }
        break;
      }
    }
  }
}
