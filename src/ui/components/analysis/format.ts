import type { OpenPeriod } from '../../../domain/primitives';

/** Dates as people in England read them: en-GB, in Europe/London whatever the browser's own zone. */
const LONDON = 'Europe/London';
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: LONDON });
const isoParts = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: LONDON });

/** A stored calendar date (YYYY-MM-DD) shown as "3 May 2025". Noon UTC is the same civil day in London all year. */
export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return dayMonthYear.format(new Date(Date.UTC(year, month - 1, day, 12)));
}

/** "3 May 2025", "3 May 2025 – 9 Jun 2025" or "From 3 May 2025 onwards". */
export function formatPeriod(period: OpenPeriod): string {
  if (period.to === null) return `From ${formatDate(period.from)} onwards`;
  if (period.to === period.from) return formatDate(period.from);
  return `${formatDate(period.from)} – ${formatDate(period.to)}`;
}

/** Today's date in London, as YYYY-MM-DD. */
export function londonToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(isoParts.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The first words of a long text, for link labels and pickers. */
export function excerpt(text: string, length = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}
