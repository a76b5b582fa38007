import type { CalendarDate } from './primitives';

/**
 * Dates as a UK user types and reads them: day first. "3/4/2025" is 3 April 2025, never 4 March, whatever the
 * browser's locale. Pure: no clock, no time zone (a calendar date is a civil date).
 */

const daysIn = (year: number, month: number): number => {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}` as CalendarDate;
}

/**
 * Reads a typed date, day first: "3/4/2025", "03/04/2025", "3.4.2025", "3-4-2025", "3 4 2025", and two-digit years
 * ("3/4/25" is 2025) and eight digits typed without separators ("03042025"). The stored form "2025-04-03" is read as well, so a pasted stored date still works. Anything
 * else, or a day that does not exist (31/02/2025), is null.
 */
export function parseUkDate(text: string): CalendarDate | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(trimmed);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^(\d{2})(\d{2})(\d{4})$/u.exec(trimmed);
  if (compact) return calendarDate(Number(compact[3]), Number(compact[2]), Number(compact[1]));
  const dayFirst = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})$/u.exec(trimmed);
  if (!dayFirst) return null;
  const yearText = dayFirst[3] ?? '';
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return calendarDate(year, Number(dayFirst[2]), Number(dayFirst[1]));
}

/** A stored calendar date (YYYY-MM-DD) as a UK user types it: "03/04/2025". Anything else is returned as it is. */
export function ukNumericDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}
