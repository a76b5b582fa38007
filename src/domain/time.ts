import type { CalendarDate, Instant } from './primitives';
import { londonDateOf, REVIEW_TIME_ZONE } from './rules/london-time';

/**
 * Dates people read are Europe/London civil dates, whatever zone the device or server is in.
 * Intl only formats an instant it is given: it is not a clock, so it is allowed in the domain.
 * Conversions between wall time and instants live in ./rules/london-time; this module words them.
 */
export { londonDateOf, REVIEW_TIME_ZONE };

const londonLongDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: REVIEW_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: REVIEW_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

const toDate = (instant: Instant): Date | null => {
  const millis = Date.parse(instant);
  return Number.isNaN(millis) ? null : new Date(millis);
};

/** "25 October 2026": the Europe/London date of an instant. A malformed instant is shown as given. */
export function formatLondonDate(instant: Instant): string {
  const date = toDate(instant);
  return date ? londonLongDate.format(date) : instant;
}

/**
 * "25 October 2026 at 01:30 BST". The zone name is kept because one hour repeats each October:
 * 01:30 BST and 01:30 GMT are an hour apart.
 */
export function formatLondonDateTime(instant: Instant): string {
  const date = toDate(instant);
  return date ? londonDateTime.format(date) : instant;
}

/** "14 March 2026" for a stored calendar date, without any zone arithmetic (it already is a London date). */
export function formatCalendarDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}
