import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonError, parseJsonText, positionOf } from './json-text';

const messageOf = (text: string): string => {
  const result = parseJsonText(text);
  return result.ok ? 'ok' : result.error.message;
};

describe('JSON text with line and column', () => {
  it('parses good JSON', () => {
    expect(parseJsonText('{"a": [1, 2.5e3, true, null, "x\\n"]}')).toEqual({ ok: true, value: { a: [1, 2500, true, null, 'x\n'] } });
  });

  it('says where and what was expected', () => {
    expect(messageOf('')).toBe('not valid JSON: line 1, column 1: expected a value (a string, number, object, array, true, false or null), but the text ends');
    expect(messageOf('{"a": 1,}')).toBe("not valid JSON: line 1, column 9: expected a quoted property name after ',', found \"}\"");
    expect(messageOf('{\n  "a": 1\n  "b": 2\n}')).toBe("not valid JSON: line 3, column 3: expected ',' or '}', found \"\\\"\"");
    expect(messageOf('[1, 2')).toBe("not valid JSON: line 1, column 6: expected ',' or ']', but the text ends");
    expect(messageOf('{"a" 1}')).toBe("not valid JSON: line 1, column 6: expected ':' after the property name, found \"1\"");
    expect(messageOf("{'a': 1}")).toBe('not valid JSON: line 1, column 2: expected a quoted property name or \'}\', found "\'"');
    expect(messageOf('{"a": tru}')).toMatch(/^not valid JSON: line 1, column 7: expected a value/);
    expect(messageOf('{"a": "line\nbreak"}')).toMatch(/line 1, column 12: a line break or control character inside a string must be escaped/);
    expect(messageOf('{"a": "\\q"}')).toMatch(/line 1, column 8: expected a valid escape/);
    expect(messageOf('{} {}')).toBe('not valid JSON: line 1, column 4: expected the end of the text after the value, found "{"');
    expect(messageOf('[01]')).toBe("not valid JSON: line 1, column 3: expected ',' or ']', found \"1\"");
  });

  it('counts lines from 1 and columns from 1', () => {
    expect(positionOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('copes with deep nesting without overflowing', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;
    expect(messageOf(deep)).toMatch(/^not valid JSON: line 1, column 400000: expected ',' or ']', but the text ends$/);
  });

  it('finds an error in any text JSON.parse refuses, and never claims one in text it accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((text) => text.slice(0, -1)), fc.string({ unit: fc.constantFrom(...'{}[]:,"\\ 0123456789.eE+-tfnrul\n') })), (text) => {
        let accepted = true;
        try {
          JSON.parse(text);
        } catch {
          accepted = false;
        }
        const result = parseJsonText(text);
        expect(result.ok).toBe(accepted);
        // The scanner agrees with JSON.parse: it finds a real problem exactly when JSON.parse refuses.
        const problem = locateJsonError(text);
        expect(problem.expected === 'the JSON could not be read').toBe(accepted);
        expect(problem.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 1000 },
    );
  });
});
