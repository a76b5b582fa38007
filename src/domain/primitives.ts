import { z } from 'zod';

/** A calendar date in the review (Europe/London civil date), as YYYY-MM-DD. */
export const CalendarDateSchema = z
  .string()
  // abort: a value that is not YYYY-MM-DD at all gets one message, not a second about the calendar.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date written as YYYY-MM-DD', abort: true })
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'a real calendar date');
export type CalendarDate = z.infer<typeof CalendarDateSchema>;

/** An instant, as an ISO 8601 timestamp with a zone (Z or an offset). */
export const InstantSchema = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof InstantSchema>;

export const PeriodSchema = z
  .object({ from: CalendarDateSchema, to: CalendarDateSchema })
  .refine((period) => period.from <= period.to, { message: 'the end date is on or after the start date', path: ['to'] });
export type Period = z.infer<typeof PeriodSchema>;

/** A period that may still be open at its end (an entry about "from March onwards"). */
export const OpenPeriodSchema = z
  .object({ from: CalendarDateSchema, to: CalendarDateSchema.nullable() })
  .refine((period) => period.to === null || period.from <= period.to, {
    message: 'the end date is on or after the start date',
    path: ['to'],
  });
export type OpenPeriod = z.infer<typeof OpenPeriodSchema>;

export const LIMITS = {
  shortText: 200,
  mediumText: 2_000,
  longText: 60_000,
  /** Transcripts and written records of whole conversations. */
  documentText: 6_000_000,
} as const;

export const requiredText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} is at most ${max.toLocaleString('en-GB')} characters`);
export const optionalText = (max: number, what: string) =>
  z.string().max(max, `${what} is at most ${max.toLocaleString('en-GB')} characters`);

export function isWithinPeriod(date: CalendarDate, period: Period): boolean {
  return date >= period.from && date <= period.to;
}
