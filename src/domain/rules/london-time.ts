import type { CalendarDate } from '../primitives';

/**
 * Reviews run in England: people read and type dates and times as Europe/London wall time, while instants
 * are stored in UTC. These helpers convert between the two without relying on the browser's own time zone.
 */
export const REVIEW_TIME_ZONE = 'Europe/London';

const wallFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: REVIEW_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface WallTime {
  /** YYYY-MM-DD */
  readonly date: CalendarDate;
  /** HH:MM, 24-hour */
  readonly time: string;
}

/** The Europe/London date and time at an instant. */
export function londonWallTimeOf(instant: string): WallTime | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  const parts = Object.fromEntries(wallFormat.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The Europe/London calendar date of an instant. */
export function londonDateOf(instant: string): CalendarDate | null {
  return londonWallTimeOf(instant)?.date ?? null;
}

/**
 * The instant at which London clocks show `date` `time`. Null when that wall time does not exist
 * (the hour skipped when clocks go forward in March). When clocks go back, the earlier (BST) reading wins.
 */
export function instantFromLondonWallTime(date: string, time: string): string | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) return null;
  const [, year, month, day] = dateMatch.map(Number) as [number, number, number, number];
  const [, hour, minute] = timeMatch.map(Number) as [number, number, number];
  if (hour > 23 || minute > 59) return null;
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  // London is UTC+1 (BST) or UTC+0 (GMT); try summer time first so an ambiguous autumn hour reads as BST.
  for (const offsetMinutes of [60, 0]) {
    const candidate = new Date(asIfUtc - offsetMinutes * 60_000).toISOString();
    const wall = londonWallTimeOf(candidate);
    if (wall && wall.date === date && wall.time === time) return candidate;
  }
  return null;
}

/** Today's date in London, for a given "now" instant (the domain is told the time, never reads it). */
export const londonToday = (now: string): CalendarDate | null => londonDateOf(now);
