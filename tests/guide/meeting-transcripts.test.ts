import { describe, expect, it } from 'vitest';
import { graphMeetingTranscripts } from '../../src/adapters/graph/meeting-transcripts';
import { describeFailure } from '../../src/app/failure-messages';
import { GRAPH, installGraphDouble } from '../graph-double/test-support';
import { LSCB_USERS } from '../graph-double';
import { TEAMS_STYLE_VTT } from '../fixtures/vtt-samples';

describe('meeting transcripts over Graph (against the double)', () => {
  const harness = installGraphDouble();

  function meetingWithTranscripts(contents: string[]) {
    const h = harness();
    const meeting = h.double.seedOnlineMeeting({
      organizerUpn: LSCB_USERS.reviewer,
      subject: 'Conversation (fictional)',
      start: new Date('2026-03-02T10:00:00Z'),
      end: new Date('2026-03-02T11:30:00Z'),
    });
    contents.forEach((content, index) => h.double.seedTranscript({ joinWebUrl: meeting.joinWebUrl, content, createdDateTime: new Date(Date.UTC(2026, 2, 2, 12 + index)) }));
    const transcripts = graphMeetingTranscripts({ graphBaseUrl: GRAPH, getAccessToken: () => Promise.resolve(h.token) });
    return { h, meeting, transcripts };
  }

  it('finds the meeting by its join URL and returns its latest transcript as WebVTT', async () => {
    const { meeting, transcripts } = meetingWithTranscripts(['WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>older</v>\n', TEAMS_STYLE_VTT]);
    const fetched = await transcripts.fetchTranscript(meeting.joinWebUrl);
    expect(fetched.ok && fetched.value).toBe(TEAMS_STYLE_VTT);
  });

  it('says the tenant has turned transcripts off when Graph answers 403', async () => {
    const { h, meeting, transcripts } = meetingWithTranscripts([TEAMS_STYLE_VTT]);
    h.double.setTranscriptsDisabled(true);
    const fetched = await transcripts.fetchTranscript(meeting.joinWebUrl);
    expect(fetched.ok ? 'ok' : fetched.error.kind).toBe('permissionDenied');
    expect(!fetched.ok && describeFailure(fetched.error)).toContain('your organisation has turned off access to meeting transcripts');
  });

  it('reports a meeting with no transcript, and an unknown meeting, as not found', async () => {
    const { meeting, transcripts } = meetingWithTranscripts([]);
    const none = await transcripts.fetchTranscript(meeting.joinWebUrl);
    expect(!none.ok && describeFailure(none.error)).toBe('A transcript of this meeting could not be found. It may have been deleted by someone else.');
    const unknown = await transcripts.fetchTranscript('https://teams.microsoft.com/l/meetup-join/unknown');
    expect(unknown.ok ? 'ok' : unknown.error.kind).toBe('notFound');
  });

  it('is unavailable, and retryable, when Graph cannot be reached', async () => {
    const transcripts = graphMeetingTranscripts({
      graphBaseUrl: GRAPH,
      getAccessToken: () => Promise.resolve('token'),
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      // The client retries a read that could not be sent, with backoff; here without the wait.
      sleep: () => Promise.resolve(),
    });
    const fetched = await transcripts.fetchTranscript('https://teams.microsoft.com/l/meetup-join/x');
    expect(fetched.ok ? 'ok' : fetched.error).toMatchObject({ kind: 'unavailable', retryable: true });
  });
});
