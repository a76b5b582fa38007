// The MeetingCalendar contract on standalone mode's iCalendar calendar with its local schedule.
import { createLocalMeetingCalendar, memoryScheduleStorage } from '../../src/adapters/local/icalendar/local-meeting-calendar';
import { describeMeetingCalendarContract } from './meeting-calendar.contract';

describeMeetingCalendarContract('iCalendar files with a local schedule', async () => ({
  calendar: createLocalMeetingCalendar({ storage: memoryScheduleStorage(), now: () => '2026-03-01T09:00:00.000Z' }),
  organiser: { name: 'Tom Ridley (fictional)', email: 'tom.ridley@example.org', hasTenantAccount: true },
  colleague: { name: 'Aisha Karim (fictional)', email: 'aisha.karim@example.org', hasTenantAccount: true },
  family: { name: 'A parent (fictional)', email: '', hasTenantAccount: false },
}));
