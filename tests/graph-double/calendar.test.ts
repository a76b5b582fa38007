import { describe, expect, it } from 'vitest';
import { MAX_SCHEDULES } from './engine/calendar';
import { LSCB_USERS } from './lscb-fixture';
import { asRecord, call, errorCode, installGraphDouble, valueOf, type Harness } from './test-support';

const harness = installGraphDouble();

const LONDON = { prefer: 'outlook.timezone="Europe/London"' };

function meetingBody(start: string, end: string) {
  return {
    subject: 'Practitioner learning event',
    body: { contentType: 'HTML', content: 'Agenda to follow' },
    start: { dateTime: start, timeZone: 'Europe/London' },
    end: { dateTime: end, timeZone: 'Europe/London' },
    attendees: [{ emailAddress: { address: LSCB_USERS.panelChair, name: 'Sam Chair' }, type: 'required' }],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
  };
}

async function createMeeting(h: Harness, start = '2026-07-01T10:00:00', end = '2026-07-01T11:30:00') {
  const result = await call('POST', '/me/events', { token: h.token, body: meetingBody(start, end) });
  expect(result.status).toBe(201);
  return asRecord(result.body);
}

describe('events', () => {
  it('creates a Teams meeting with onlineMeeting.joinUrl and answers in UTC by default', async () => {
    const h = harness();
    const event = await createMeeting(h);
    expect(String(asRecord(event.onlineMeeting).joinUrl)).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(asRecord(event.onlineMeeting).conferenceId).toMatch(/^\d{9}$/);
    // 10:00 in London in July (BST) is 09:00 UTC.
    expect(event.start).toEqual({ dateTime: '2026-07-01T09:00:00.0000000', timeZone: 'UTC' });
    expect(h.double.events(LSCB_USERS.panelChair)).toHaveLength(1);
  });

  it('honours Prefer: outlook.timezone="Europe/London" across the clock change', async () => {
    const h = harness();
    const created = await call('POST', '/me/events', { token: h.token, headers: LONDON, body: meetingBody('2026-12-01T10:00:00', '2026-12-01T11:00:00') });
    expect(asRecord(created.body).start).toEqual({ dateTime: '2026-12-01T10:00:00.0000000', timeZone: 'Europe/London' });
    expect(created.headers.get('preference-applied')).toBe('outlook.timezone="Europe/London"');
    const summer = await call('POST', '/me/events', { token: h.token, headers: LONDON, body: { ...meetingBody('2026-06-01T10:00:00', '2026-06-01T11:00:00'), start: { dateTime: '2026-06-01T09:00:00', timeZone: 'UTC' } } });
    expect(asRecord(asRecord(summer.body).start).dateTime).toBe('2026-06-01T10:00:00.0000000');
  });

  it('PATCH returns 200 with the updated event; unknown properties are 400 RequestBodyRead', async () => {
    const h = harness();
    const event = await createMeeting(h);
    const patched = await call('PATCH', `/me/events/${String(event.id)}`, { token: h.token, body: { subject: 'Moved', location: { displayName: 'Room 2' } } });
    expect(patched.status).toBe(200);
    expect(asRecord(patched.body)).toMatchObject({ subject: 'Moved', location: { displayName: 'Room 2' } });
    expect(h.double.events(LSCB_USERS.panelChair)[0]?.subject).toBe('Moved');
    const bad = await call('PATCH', `/me/events/${String(event.id)}`, { token: h.token, body: { colour: 'red' } });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('RequestBodyRead');
  });

  it('cancel by the organiser is 202 with no body; an attendee gets 400 "You need to be an organizer"', async () => {
    const h = harness();
    await createMeeting(h);
    const attendeeCopy = h.double.events(LSCB_USERS.panelChair)[0];
    const chairToken = h.double.issueToken({ upn: LSCB_USERS.panelChair });
    const refused = await call('POST', `/me/events/${attendeeCopy?.id ?? ''}/cancel`, { token: chairToken, body: { comment: 'Cannot make it' } });
    expect(refused.status).toBe(400);
    expect(String(asRecord(asRecord(refused.body).error).message)).toContain('You need to be an organizer to cancel a meeting.');

    const organiserEvent = h.double.events(LSCB_USERS.reviewer)[0];
    const cancelled = await call('POST', `/me/events/${organiserEvent?.id ?? ''}/cancel`, { token: h.token, body: { comment: 'Postponed' } });
    expect(cancelled.status).toBe(202);
    expect(cancelled.body).toBeNull();
    expect(h.double.events(LSCB_USERS.panelChair)[0]?.isCancelled).toBe(true);
  });
});

describe('getSchedule', () => {
  it('returns one scheduleInformation per address with an availabilityView digit per interval and per-item errors', async () => {
    const h = harness();
    await createMeeting(h, '2026-07-01T10:00:00', '2026-07-01T11:00:00');
    const result = await call('POST', '/me/calendar/getSchedule', {
      token: h.token,
      headers: LONDON,
      body: {
        schedules: [LSCB_USERS.reviewer, LSCB_USERS.panelChair, 'nobody@contoso.onmicrosoft.com'],
        startTime: { dateTime: '2026-07-01T09:00:00', timeZone: 'Europe/London' },
        endTime: { dateTime: '2026-07-01T12:00:00', timeZone: 'Europe/London' },
        availabilityViewInterval: 60,
      },
    });
    expect(result.status).toBe(200);
    const [reviewer, chair, nobody] = valueOf(result);
    expect(reviewer?.availabilityView).toBe('020');
    expect(chair?.availabilityView).toBe('010');
    expect(asRecord(nobody?.error).responseCode).toBe('ErrorMailRecipientNotFound');
    const items = reviewer?.scheduleItems as Array<Record<string, unknown>>;
    expect(items[0]?.start).toEqual({ dateTime: '2026-07-01T10:00:00.0000000', timeZone: 'Europe/London' });
  });

  it(`refuses more than ${MAX_SCHEDULES} schedules and ranges of 42 days or more`, async () => {
    const h = harness();
    const window = { startTime: { dateTime: '2026-07-01T09:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2026-07-02T09:00:00', timeZone: 'UTC' } };
    const tooMany = Array.from({ length: MAX_SCHEDULES + 1 }, (_, index) => `user${index}@contoso.onmicrosoft.com`);
    expect((await call('POST', '/me/calendar/getSchedule', { token: h.token, body: { schedules: tooMany, ...window } })).status).toBe(400);
    const longRange = { startTime: window.startTime, endTime: { dateTime: '2026-08-12T09:00:00', timeZone: 'UTC' } };
    expect((await call('POST', '/me/calendar/getSchedule', { token: h.token, body: { schedules: [LSCB_USERS.reviewer], ...longRange } })).status).toBe(400);
  });
});

describe('online meetings and transcripts', () => {
  it('finds the meeting by JoinWebUrl, lists transcripts and returns content as text/vtt; the tenant switch gives 403', async () => {
    const h = harness();
    const event = await createMeeting(h);
    const joinUrl = String(asRecord(event.onlineMeeting).joinUrl);
    const vtt = 'WEBVTT\n\n0:0:0.0 --> 0:0:5.320\n<v Alex Reviewer>We start with the timeline.</v>';
    h.double.seedTranscript({ joinWebUrl: joinUrl, content: vtt });

    const meetings = await call('GET', `/me/onlineMeetings?$filter=JoinWebUrl eq '${encodeURIComponent(joinUrl)}'`, { token: h.token });
    expect(meetings.status).toBe(200);
    const meetingId = String(valueOf(meetings)[0]?.id);
    expect(Buffer.from(meetingId, 'base64').toString('utf8')).toMatch(/^1\*[0-9a-f-]{36}\*0\*\*19:meeting_/);
    const transcripts = await call('GET', `/me/onlineMeetings/${meetingId}/transcripts`, { token: h.token });
    const transcriptId = String(valueOf(transcripts)[0]?.id);
    const content = await call('GET', `/me/onlineMeetings/${meetingId}/transcripts/${transcriptId}/content?$format=text/vtt`, { token: h.token });
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('text/vtt');
    expect(content.body).toBe(vtt);

    expect((await call('GET', '/me/onlineMeetings', { token: h.token })).status).toBe(400);
    h.double.setTranscriptsDisabled(true);
    const disabled = await call('GET', `/me/onlineMeetings/${meetingId}/transcripts`, { token: h.token });
    expect(disabled.status).toBe(403);
    expect(errorCode(disabled)).toBe('GraphAccessToTranscriptsDisabled');
  });
});
