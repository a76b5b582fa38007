import { instantFromLondonWallTime, londonWallTimeOf, REVIEW_TIME_ZONE } from '../domain/rules/london-time';
import type { Period } from '../domain/primitives';

/** Dates and times as people in the review read them: Europe/London, UK style. The one formatting module for every screen. */
const instantFormat = new Intl.DateTimeFormat('en-GB', { timeZone: REVIEW_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '—';
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? '—' : instantFormat.format(new Date(ms));
}

/** A YYYY-MM-DD calendar date, shown without any time-zone shift. */
export function formatDate(date: string | null | undefined): string {
  if (!date || /^\d{4}-\d{2}-\d{2}$/.exec(date) === null) return '—';
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return dateFormat.format(new Date(Date.UTC(year, month - 1, day)));
}

/**
 * "3 May 2025 – 9 Jun 2025", one day as "3 May 2025", and an open-ended period (no end: only when the person said
 * it continues) as "From 3 May 2025 onwards". The one period format for every screen.
 */
export function formatPeriod(period: { readonly from: Period['from']; readonly to: Period['to'] | null } | null | undefined): string {
  if (!period) return '—';
  if (period.to === null) return `From ${formatDate(period.from)} onwards`;
  if (period.to === period.from) return formatDate(period.from);
  return `${formatDate(period.from)} – ${formatDate(period.to)}`;
}

const isoParts = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: REVIEW_TIME_ZONE });

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

export { instantFromLondonWallTime, londonWallTimeOf };
