import { instantFromLondonWallTime, londonWallTimeOf, REVIEW_TIME_ZONE } from '../domain/rules/london-time';
import type { Period } from '../domain/primitives';

/** Dates and times as people in the review read them: Europe/London, UK style. */
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

export const formatPeriod = (period: Pick<Period, 'from' | 'to'> | null | undefined): string =>
  period ? `${formatDate(period.from)} – ${formatDate(period.to)}` : '—';

export { instantFromLondonWallTime, londonWallTimeOf };
