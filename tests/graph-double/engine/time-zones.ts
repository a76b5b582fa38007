// Outlook-style dateTimeTimeZone handling: Windows or IANA zone names, local wall-clock strings,
// and the Prefer: outlook.timezone header.

/** The Windows names Outlook commonly returns, mapped to IANA; IANA names are accepted directly. */
const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
};

/** Returns the IANA zone for a Windows or IANA name, or undefined when the name is unknown. */
export function resolveTimeZone(name: string): string | undefined {
  const mapped = WINDOWS_TO_IANA[name];
  if (mapped !== undefined) return mapped;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return name;
  } catch {
    return undefined;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function wallClockIn(instant: Date, ianaZone: string): WallClock {
  let formatter = formatterCache.get(ianaZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: ianaZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(ianaZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: instant.getUTCMilliseconds(),
  };
}

function offsetMs(instant: Date, ianaZone: string): number {
  const clock = wallClockIn(instant, ianaZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond);
  return asUtc - instant.getTime();
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

/** Parses an Outlook local dateTime ('2026-03-01T10:00:00' or with 7-digit fractions) in the given zone. */
export function localToInstant(local: string, ianaZone: string): Date | undefined {
  const match = LOCAL_DATE_TIME.exec(local);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction] = match;
  const guess = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((fraction ?? '0').padEnd(3, '0').slice(0, 3)));
  // Two passes settle the offset either side of a daylight-saving change.
  let instant = guess - offsetMs(new Date(guess), ianaZone);
  instant = guess - offsetMs(new Date(instant), ianaZone);
  return new Date(instant);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Formats an instant as Outlook does in responses: local wall-clock with seven fractional digits. */
export function instantToLocal(instant: Date, ianaZone: string): string {
  const c = wallClockIn(instant, ianaZone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}.${pad(c.millisecond, 3)}0000`;
}

/** Reads outlook.timezone from a Prefer header; several preferences may be comma-separated. */
export function preferredTimeZone(prefer: string | undefined): string | undefined {
  if (prefer === undefined) return undefined;
  const match = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer);
  return match?.[1];
}
