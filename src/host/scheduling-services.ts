// The calendar each mode schedules meetings with, loaded with the first screen that needs it (the `ics` package
// and the Graph calendar adapter stay out of the first load).
import type { GraphClient } from '../adapters/graph';
import type { MeetingCalendar } from '../ports/calendar';

const LOCAL_SCHEDULE_KEY = 'learning-together:local-schedule';

/** Standalone: iCalendar files and a schedule of every review's meetings kept in this browser (localStorage). */
export async function standaloneMeetingCalendar(): Promise<MeetingCalendar> {
  const { createLocalMeetingCalendar } = await import('../adapters/local/icalendar/local-meeting-calendar');
  return createLocalMeetingCalendar({
    storage: { read: () => localStorage.getItem(LOCAL_SCHEDULE_KEY), write: (text) => localStorage.setItem(LOCAL_SCHEDULE_KEY, text) },
    now: () => new Date().toISOString(),
  });
}

/** Microsoft 365: Outlook events with Teams meetings, through the signed-in person's one Graph client. */
export async function microsoft365MeetingCalendar(client: GraphClient): Promise<MeetingCalendar> {
  const { graphMeetingCalendar } = await import('../adapters/graph');
  return graphMeetingCalendar(client, { now: () => new Date().toISOString() });
}
