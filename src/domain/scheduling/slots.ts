import type { CalendarDate } from '../primitives';
import { instantFromLondonWallTime, londonWallTimeOf } from '../rules/london-time';

/** A stretch of time, as instants (ISO strings in UTC). */
export interface Interval {
  readonly start: string;
  readonly end: string;
}

/** What a calendar says about one person: busy times, or nothing known (someone outside the tenant). */
export type Availability = { readonly known: true; readonly busy: readonly Interval[] } | { readonly known: false; readonly reason: string };

/** London working hours: days as 1 (Monday) to 7 (Sunday), times as HH:MM wall time. */
export interface WorkingHours {
  readonly days: readonly number[];
  readonly start: string;
  readonly end: string;
}

export const OFFICE_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

export interface SlotRequest {
  /** Look from this London date to this one, inclusive. */
  readonly fromDate: CalendarDate;
  readonly toDate: CalendarDate;
  readonly durationMinutes: number;
  /** Candidate starts every this many minutes of wall time from the start of the working day. */
  readonly stepMinutes: number;
  readonly workingHours: WorkingHours;
  /** Everyone who must attend, by the key their availability is filed under. */
  readonly people: readonly string[];
  readonly availability: ReadonlyMap<string, Availability>;
  /** No slot starts before now. */
  readonly now: string;
  readonly limit: number;
}

export interface Slot extends Interval {
  /** People the calendar cannot vouch for (outside the tenant, or their calendar did not answer): never counted as free. */
  readonly unknown: readonly string[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The next calendar date, by arithmetic on the date alone (no zone involved). */
export function nextDate(date: CalendarDate): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + DAY_MS).toISOString().slice(0, 10);
}

/** 1 for Monday … 7 for Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
};
const timeOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const overlaps = (a: Interval, b: Interval): boolean => Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

/**
 * Times when everyone whose calendar is known is free, within London working hours on working days, starting no
 * earlier than now. Working hours are London wall time whatever the season, so a slot is at the same clock time
 * in GMT and BST. Anyone whose calendar is unknown is named on every slot, never assumed free.
 */
export function findSlots(request: SlotRequest): Slot[] {
  const slots: Slot[] = [];
  if (request.durationMinutes <= 0 || request.stepMinutes <= 0 || request.fromDate > request.toDate) return slots;
  const unknown = request.people.filter((person) => request.availability.get(person)?.known !== true);
  const busy = request.people.flatMap((person) => {
    const availability = request.availability.get(person);
    return availability?.known === true ? availability.busy : [];
  });
  const dayStart = minutesOf(request.workingHours.start);
  const dayEnd = minutesOf(request.workingHours.end);
  const now = Date.parse(request.now);
  for (let date = request.fromDate; date <= request.toDate && slots.length < request.limit; date = nextDate(date)) {
    if (!request.workingHours.days.includes(isoWeekday(date))) continue;
    for (let minutes = dayStart; minutes + request.durationMinutes <= dayEnd && slots.length < request.limit; minutes += request.stepMinutes) {
      const start = instantFromLondonWallTime(date, timeOf(minutes));
      if (start === null || Date.parse(start) < now) continue;
      const end = new Date(Date.parse(start) + request.durationMinutes * MINUTE_MS).toISOString();
      const endWall = londonWallTimeOf(end);
      // A day whose clocks change inside working hours would stretch or shrink it: keep the slot inside the day.
      if (endWall === null || endWall.date !== date || minutesOf(endWall.time) > dayEnd) continue;
      const slot = { start, end };
      if (busy.some((interval) => overlaps(slot, interval))) continue;
      slots.push({ ...slot, unknown });
    }
  }
  return slots;
}

/** Splits a range of dates into pieces of at most `days` days: getSchedule answers for a limited range per call. */
export function splitDateRange(fromDate: CalendarDate, toDate: CalendarDate, days: number): Array<{ fromDate: CalendarDate; toDate: CalendarDate }> {
  const pieces: Array<{ fromDate: CalendarDate; toDate: CalendarDate }> = [];
  let start = fromDate;
  while (start <= toDate) {
    let end = start;
    for (let count = 1; count < days && nextDate(end) <= toDate; count += 1) end = nextDate(end);
    pieces.push({ fromDate: start, toDate: end });
    start = nextDate(end);
  }
  return pieces;
}

/** Splits a list into groups of at most `size`: getSchedule takes at most 20 addresses per call. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let index = 0; index < items.length; index += size) groups.push(items.slice(index, index + size));
  return groups;
}
