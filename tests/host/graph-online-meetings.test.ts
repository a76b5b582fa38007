import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphDouble, graphDoubleHandlers, GRAPH_BASE_URL, LSCB_USERS, seedLscbTenant } from '../graph-double';
import { GRAPH_SCOPE_NAMES } from '../../src/host/auth/scopes';
import { graphOnlineMeetings } from '../../src/host/teams/graph-online-meetings';

// The Graph adapter for the OnlineMeetings port, against the Graph double (HTTP level, through msw).
describe('finding an online meeting by its join URL through Graph', () => {
  const double = createGraphDouble({ seed: 7 });
  seedLscbTenant(double);
  const server = setupServer(...graphDoubleHandlers(double));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  const meeting = double.seedOnlineMeeting({
    organizerUpn: LSCB_USERS.reviewer,
    subject: 'Conversation (fictional)',
    start: new Date('2026-03-02T10:00:00Z'),
    end: new Date('2026-03-02T11:30:00Z'),
    attendees: [LSCB_USERS.practitioner],
  });
  const meetingsAs = (upn: string, scopes: readonly string[] = GRAPH_SCOPE_NAMES) =>
    graphOnlineMeetings({ graphBaseUrl: GRAPH_BASE_URL, getAccessToken: () => Promise.resolve(double.issueToken({ upn, scopes })) });

  it('returns the meeting with its chat thread, for the organiser and for an attendee', async () => {
    const threadInUrl = decodeURIComponent(new URL(meeting.joinWebUrl).pathname.split('/')[3] ?? '');
    for (const upn of [LSCB_USERS.reviewer, LSCB_USERS.practitioner]) {
      const found = await meetingsAs(upn).findByJoinUrl(meeting.joinWebUrl);
      expect(found).toEqual({ ok: true, value: { id: meeting.id, joinWebUrl: meeting.joinWebUrl, chatThreadId: threadInUrl } });
    }
    expect(threadInUrl).toMatch(/^19:meeting_.+@thread\.v2$/);
  });

  it('answers null for a meeting this person cannot see or that does not exist', async () => {
    expect(await meetingsAs(LSCB_USERS.panelChair).findByJoinUrl(meeting.joinWebUrl)).toEqual({ ok: true, value: null });
    expect(await meetingsAs(LSCB_USERS.reviewer).findByJoinUrl("https://teams.microsoft.com/meet/0?p=it's-not-there")).toEqual({ ok: true, value: null });
  });

  it('turns a missing permission into permissionDenied', async () => {
    const found = await meetingsAs(LSCB_USERS.reviewer, ['User.Read']).findByJoinUrl(meeting.joinWebUrl);
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.error.kind).toBe('permissionDenied');
  });
});
