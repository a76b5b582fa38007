import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatLondonDate, formatLondonDateTime, londonDateOf } from './time';

// Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
// The tests run with TZ=UTC, so any use of the machine's zone instead of Europe/London would show.

describe('Europe/London dates from instants', () => {
  it('is GMT until 01:00 UTC on 29 March 2026, then BST', () => {
    expect(formatLondonDateTime('2026-03-29T00:59:00Z')).toBe('29 March 2026 at 00:59 GMT');
    expect(formatLondonDateTime('2026-03-29T01:00:00Z')).toBe('29 March 2026 at 02:00 BST');
  });

  it('gives the London date, not the UTC date, late on a summer evening', () => {
    expect(formatLondonDate('2026-10-24T23:30:00Z')).toBe('25 October 2026');
    expect(londonDateOf('2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(formatLondonDate('2026-06-30T23:30:00Z')).toBe('1 July 2026');
    expect(formatLondonDate('2026-03-28T23:30:00Z')).toBe('28 March 2026');
  });

  it('tells apart the two 01:30s of 25 October 2026', () => {
    expect(formatLondonDateTime('2026-10-25T00:30:00Z')).toBe('25 October 2026 at 01:30 BST');
    expect(formatLondonDateTime('2026-10-25T01:30:00Z')).toBe('25 October 2026 at 01:30 GMT');
  });

  it('reads instants written with an offset', () => {
    expect(formatLondonDateTime('2026-07-01T00:30:00+01:00')).toBe('1 July 2026 at 00:30 BST');
  });

  it('shows a malformed instant as given rather than failing', () => {
    expect(formatLondonDate('not a date')).toBe('not a date');
    expect(londonDateOf('not a date')).toBeNull();
  });

  it('words a stored calendar date without shifting it', () => {
    expect(formatCalendarDate('2026-03-29')).toBe('29 March 2026');
    expect(formatCalendarDate('2026-10-25')).toBe('25 October 2026');
  });
});
