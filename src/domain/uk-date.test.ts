import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUkDate, ukNumericDate } from './uk-date';

describe('UK dates, day first', () => {
  it('reads 3/4/2025 as 3 April', () => {
    expect(parseUkDate('3/4/2025')).toBe('2025-04-03');
    expect(parseUkDate('03/04/2025')).toBe('2025-04-03');
    expect(parseUkDate(' 3.4.25 ')).toBe('2025-04-03');
    expect(parseUkDate('3-4-2025')).toBe('2025-04-03');
    expect(parseUkDate('2025-04-03')).toBe('2025-04-03');
    expect(parseUkDate('03042025')).toBe('2025-04-03');
  });

  it('refuses days that do not exist and anything else', () => {
    for (const text of ['31/02/2025', '29/02/2025', '13/13/2025', '4/3', 'April 3', '', '3/4/202', '00/01/2025']) expect(parseUkDate(text)).toBeNull();
    expect(parseUkDate('29/02/2024')).toBe('2024-02-29');
  });

  it('shows a stored date as dd/mm/yyyy and reads it back (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const stored = date.toISOString().slice(0, 10);
        const shown = ukNumericDate(stored);
        expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4}$/u);
        expect(parseUkDate(shown)).toBe(stored);
        // Day first, whatever the browser's locale: the day is always the first number.
        expect(Number(shown.slice(0, 2))).toBe(date.getUTCDate());
      }),
    );
  });
});
