// The MeetingCalendar contract on Outlook through the one Graph client and the Graph double (msw, in-process),
// then what only Outlook does: transactionId, the mailbox's batch limit, getSchedule's limits, organiser-only cancel.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingKey } from '../../src/adapters/graph/meetings/online-meetings';
import { createGraphClient, graphMeetingCalendar, type GraphTrafficEvent } from '../../src/adapters/graph';
import { createGraphWorld, GRAPH_BASE_URL, LSCB_USERS, setupServer } from '../graph-store/harness';
import { describeMeetingCalendarContract, type CalendarWorld } from './meeting-calendar.contract';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const CALENDAR_SCOPES = ['Sites.ReadWrite.All', 'Calendars.ReadWrite'];

async function outlookWorld(onEvent?: (event: GraphTrafficEvent) => void) {
  const world = await createGraphWorld(server);
  const token = world.double.issueToken({ upn: LSCB_USERS.reviewer, scopes: CALENDAR_SCOPES });
  const client = createGraphClient({
    graphBaseUrl: GRAPH_BASE_URL,
    getAccessToken: async () => token,
    sleep: async () => undefined,
    ...(onEvent ? { onEvent } : {}),
  });
  const calendar = graphMeetingCalendar(client, { now: () => '2026-03-01T09:00:00.000Z' });
  const patch = async (eventId: string, body: unknown, method = 'PATCH') => {
    const response = await fetch(`${GRAPH_BASE_URL}/me/events/${encodeURIComponent(eventId)}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(method === 'DELETE' ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status).toBeLessThan(300);
  };
  const calendarWorld: CalendarWorld = {
    calendar,
    organiser: { name: 'Alex Reviewer (fictional)', email: LSCB_USERS.reviewer, hasTenantAccount: true },
    colleague: { name: 'Sam Chair (fictional)', email: LSCB_USERS.panelChair, hasTenantAccount: true },
    family: { name: 'A parent (fictional)', email: 'parent@example.org', hasTenantAccount: false },
    outside: {
      move: (eventId, start, end) =>
        patch(eventId, { start: { dateTime: start.slice(0, 19), timeZone: 'UTC' }, end: { dateTime: end.slice(0, 19), timeZone: 'UTC' } }),
      remove: (eventId) => patch(eventId, null, 'DELETE'),
    },
  };
  return { world, calendarWorld, token };
}

describeMeetingCalendarContract('Outlook through Microsoft Graph (double)', async () => (await outlookWorld()).calendarWorld);

describe('Outlook only', () => {
  const request = (world: CalendarWorld, meetingId: string) => ({
    meetingId,
    title: 'Group meeting: case review Brook Lane (fictional)',
    start: '2026-06-01T09:00:00.000Z',
    end: '2026-06-01T11:00:00.000Z',
    online: true,
    place: '',
    body: ['Agenda to follow.'],
    organiser: world.organiser,
    attendees: [world.organiser, world.colleague, world.family],
  });

  it('makes a Teams meeting, invites only tenant accounts, and a create sent again makes no second event', async () => {
    const { world, calendarWorld } = await outlookWorld();
    // The first create is applied and then answered 504: the client sends it again with the same transactionId.
    world.double.faults.script({ fault: { kind: 'errorAfterCommit', status: 504 }, match: { method: 'POST', path: '/me/events' } });
    const scheduled = await calendarWorld.calendar.schedule(request(calendarWorld, 'mtg-once'));
    expect(scheduled.ok).toBe(true);
    if (!scheduled.ok) return;
    expect(scheduled.value.identity.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const events = world.double.events(LSCB_USERS.reviewer);
    expect(events).toHaveLength(1);
    expect(events[0]?.attendees.map((attendee) => attendee.address)).toEqual([LSCB_USERS.reviewer, LSCB_USERS.panelChair]);
  });

  it('asks getSchedule for at most 20 people and 31 days per call, at most four calls to the mailbox per batch', async () => {
    const { world, calendarWorld } = await outlookWorld();
    const before = world.double.requests.length;
    const people = Array.from({ length: 25 }, (_, index) => ({
      key: `p${index}`,
      email: index === 0 ? LSCB_USERS.reviewer : `person${index}@contoso.onmicrosoft.com`,
      hasTenantAccount: true,
    }));
    const availability = await calendarWorld.calendar.availability({ people, fromDate: '2026-04-01', toDate: '2026-06-15' });
    expect(availability.ok).toBe(true);
    if (!availability.ok) return;
    // Addresses the tenant does not know are unknown, never free.
    expect(availability.value.get('p3')?.known).toBe(false);
    expect(availability.value.get('p0')?.known).toBe(true);
    // 76 days in 3 ranges × 25 people in 2 groups = 6 getSchedule calls, in batches of at most four.
    const log = world.double.requests.slice(before);
    expect(log.filter((entry) => entry.inBatch && entry.path === '/me/calendar/getSchedule')).toHaveLength(6);
    expect(log.filter((entry) => !entry.inBatch && entry.path === '/$batch')).toHaveLength(2);
    expect(log.filter((entry) => entry.status === 429)).toHaveLength(0);
  });

  it('refuses a fifth parallel request to one mailbox in a batch with 429 MailboxConcurrency', async () => {
    const { token } = await outlookWorld();
    const requests = Array.from({ length: 5 }, (_, index) => ({ id: String(index + 1), method: 'GET', url: '/me/calendar' }));
    const response = await fetch(`${GRAPH_BASE_URL}/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
    const body = (await response.json()) as { responses: Array<{ id: string; status: number; body: { error?: { message?: string } } }> };
    const statuses = body.responses.sort((a, b) => Number(a.id) - Number(b.id)).map((part) => part.status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(body.responses.find((part) => part.status === 429)?.body.error?.message).toContain('MailboxConcurrency');
  });

  it('only the organiser can cancel: anyone else is told who can', async () => {
    const { world, calendarWorld } = await outlookWorld();
    const scheduled = await calendarWorld.calendar.schedule(request(calendarWorld, 'mtg-cancel'));
    if (!scheduled.ok) throw new Error('not scheduled');
    const chairToken = world.double.issueToken({ upn: LSCB_USERS.panelChair, scopes: CALENDAR_SCOPES });
    const chairCalendar = graphMeetingCalendar(
      createGraphClient({ graphBaseUrl: GRAPH_BASE_URL, getAccessToken: async () => chairToken, sleep: async () => undefined }),
      {
        now: () => '2026-03-01T09:00:00.000Z',
      },
    );
    const chairCopy = world.double.events(LSCB_USERS.panelChair)[0]!;
    const refused = await chairCalendar.cancel({ ...scheduled.value.identity, eventId: chairCopy.id }, request(calendarWorld, 'mtg-cancel'), 'No');
    expect(refused.ok ? 'cancelled' : refused.error.kind).toBe('blocked');
  });

  it('keys every join link in exactly 64 characters, so the meeting index can store the Teams link of a scheduled meeting', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }), (link) => {
        expect(meetingKey(`https://teams.microsoft.com/l/meetup-join/${link}`)).toMatch(/^[0-9a-f]{64}$/u);
      }),
    );
  });
});
