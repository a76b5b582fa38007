import type { CalendarDate, Period } from '../primitives';
import type { ReportDateStyle } from '../model';
import { formatCalendarDate } from '../time';

/**
 * Dates relative to the period under review ("month 3"), for a public report where a calendar date could help
 * identify the family. Month 1 starts on the period's first day; month 2 a calendar month later, and so on.
 */

const parts = (date: CalendarDate): [number, number, number] => date.split('-').map(Number) as [number, number, number];

/** Whole calendar months from the period's start to the date: 0 in the first month, negative before the period. */
export function monthsFromStart(date: CalendarDate, period: Pick<Period, 'from'>): number {
  const [year, month, day] = parts(date);
  const [startYear, startMonth, startDay] = parts(period.from);
  let months = (year - startYear) * 12 + (month - startMonth);
  if (day < startDay) months -= 1;
  return months;
}

/** "month 3"; "the month before the review period"; "5 months before the review period". */
export function relativeDate(date: CalendarDate, period: Pick<Period, 'from'>): string {
  const months = monthsFromStart(date, period);
  if (months >= 0) return `month ${months + 1}`;
  const before = -months;
  return before === 1 ? 'the month before the review period' : `${before} months before the review period`;
}

/** A date as the review chose to show it in reports. */
export function reportDate(date: CalendarDate, review: { readonly periodUnderReview: Pick<Period, 'from'>; readonly reportDates: ReportDateStyle }): string {
  return review.reportDates === 'relativeToPeriod' ? relativeDate(date, review.periodUnderReview) : formatCalendarDate(date);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)';
/** "14 March 2025", "14th Mar 2025", "14/03/2025", "2025-03-14", and "March 2025" (taken as its first day). */
const DATE_IN_TEXT = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME}\\.?,?\\s+(\\d{4})\\b|\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b|\\b${MONTH_NAME}\\s+(\\d{4})\\b`,
  'gi',
);

const monthNumber = (name: string): number => MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().slice(0, 3))) + 1;
const pad = (value: number): string => String(value).padStart(2, '0');

function validDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** Free text with each written date replaced by its place in the review period ("on 14 March 2025" → "on month 8"). */
export function relativiseDatesInText(text: string, period: Pick<Period, 'from'>): string {
  return text.replace(DATE_IN_TEXT, (whole, ...groups: (string | undefined)[]) => {
    const [day1, month1, year1, day2, month2, year2, year3, month3, day3, month4, year4] = groups;
    const date =
      day1 !== undefined
        ? validDate(Number(year1), monthNumber(month1!), Number(day1))
        : day2 !== undefined
          ? validDate(Number(year2), Number(month2), Number(day2))
          : year3 !== undefined
            ? validDate(Number(year3), Number(month3), Number(day3))
            : validDate(Number(year4), monthNumber(month4!), monthsFromStartDay(period));
    return date === null ? whole : relativeDate(date, period);
  });
}

/** "March 2025" means the month: take the day the period's months start on, so a month maps to one "month n". */
const monthsFromStartDay = (period: Pick<Period, 'from'>): number => Math.min(parts(period.from)[2], 28);
