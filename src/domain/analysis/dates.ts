import type { CalendarDate, OpenPeriod, Period } from '../primitives';

/**
 * Calendar dates as the analysis screens reason about them: plain YYYY-MM-DD strings compared as text,
 * so nothing here depends on a clock or the browser's time zone.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

export function dateParts(date: string): DateParts | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export const isCalendarDate = (value: string): boolean => dateParts(value) !== null;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export const toCalendarDate = (year: number, month: number, day: number): CalendarDate => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

export const monthName = (month: number): string => MONTHS[month - 1] ?? '';

/** "3 May 2025": the long UK form used in messages. Anything that is not a date is shown as typed. */
export function longDate(date: string): string {
  const parts = dateParts(date);
  return parts ? `${parts.day} ${monthName(parts.month)} ${parts.year}` : date;
}

export const describeReviewPeriod = (period: Period): string => `${longDate(period.from)} to ${longDate(period.to)}`;

/** "3 May 2025 to 9 June 2025", "from 3 May 2025 onwards", or one day. */
export function describeOpenPeriod(period: OpenPeriod): string {
  if (period.to === null) return `from ${longDate(period.from)} onwards`;
  if (period.to === period.from) return longDate(period.from);
  return `${longDate(period.from)} to ${longDate(period.to)}`;
}

/** Whether two periods share at least one day; an open end runs on for ever. */
export function periodsOverlap(a: OpenPeriod, b: { from: string | null; to: string | null }): boolean {
  const aEndsBeforeB = b.from !== null && a.to !== null && a.to < b.from;
  const aStartsAfterB = b.to !== null && a.from > b.to;
  return !aEndsBeforeB && !aStartsAfterB;
}
