import { describe, expect, it } from 'vitest';
import { err, ok } from '../../domain/result';
import type { OnlineMeetingRef, OnlineMeetings } from '../../ports/online-meetings';
import { conversationInPath, routeForSurface, surfaceOf } from './frame-routing';
import { findConversationForMeeting, linkNamesThread, type MeetingCandidate } from './meeting-conversation';

describe('routing by Teams frame context', () => {
  const record = '/reviews/rev-1/conversations/con-2';

  it('opens the facilitators’ guide in the side panel and the participant view on the stage', () => {
    expect(routeForSurface('sidePanel', record)).toEqual({ kind: 'go', path: '/reviews/rev-1/conversations/con-2/guide' });
    expect(routeForSurface('meetingStage', record)).toEqual({ kind: 'go', path: '/reviews/rev-1/conversations/con-2/stage' });
    // A stage link shared from the side panel still lands on the stage view.
    expect(routeForSurface('meetingStage', `${record}/stage`)).toEqual({ kind: 'go', path: `${record}/stage` });
  });

  it('keeps the channel tab where its content URL points, and sends settings to the configuration page', () => {
    expect(routeForSurface('content', '/reviews/rev-1')).toEqual({ kind: 'go', path: '/reviews/rev-1' });
    expect(routeForSurface('settings', '/')).toEqual({ kind: 'go', path: '/config' });
    expect(surfaceOf('meetingStage')).toBe('meetingStage');
    expect(surfaceOf('task')).toBe('other');
    expect(surfaceOf(undefined)).toBe('other');
  });

  it('asks for a meeting lookup when a meeting surface’s tab names no conversation', () => {
    expect(routeForSurface('sidePanel', '/reviews/rev-1')).toEqual({ kind: 'findConversation', view: 'guide' });
    expect(routeForSurface('meetingStage', '/')).toEqual({ kind: 'findConversation', view: 'stage' });
  });

  it('decodes ids in the path', () => {
    expect(conversationInPath('/reviews/rev%3A1/conversations/con-2/guide')).toEqual({ reviewId: 'rev:1', conversationId: 'con-2' });
    expect(conversationInPath('/reviews/rev-1/episodes/kpe-1')).toBeNull();
  });
});

const THREAD = '19:meeting_Zm9vYmFy@thread.v2';
const classicLink = (thread: string) => `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0?context=%7b%7d`;

/** The port, scripted: a map from join URL to meeting, counting lookups. */
function meetingsKnown(known: Record<string, OnlineMeetingRef>): OnlineMeetings & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    lookups,
    findByJoinUrl: (joinWebUrl) => {
      lookups.push(joinWebUrl);
      return Promise.resolve(ok(known[joinWebUrl] ?? null));
    },
  };
}

const candidate = (conversationId: string, meetingLink: string, scheduledStart: string | null = null): MeetingCandidate => ({
  reviewId: 'rev-1',
  conversationId,
  meetingLink,
  scheduledStart,
});

describe('finding the conversation a meeting belongs to', () => {
  const now = new Date('2026-03-02T10:00:00Z');

  it('matches a classic join link by the thread id it carries, without asking Graph', async () => {
    const meetings = meetingsKnown({});
    const result = await findConversationForMeeting(
      { chatThreadId: THREAD },
      [candidate('con-1', classicLink('19:meeting_other@thread.v2')), candidate('con-2', classicLink(THREAD))],
      meetings,
      now,
    );
    expect(result).toEqual(ok({ reviewId: 'rev-1', conversationId: 'con-2' }));
    expect(meetings.lookups).toEqual([]);
    expect(linkNamesThread(classicLink(THREAD), THREAD)).toBe(true);
  });

  it('looks short links up through Graph, nearest meeting first, and stops at the match', async () => {
    const shortA = 'https://teams.microsoft.com/meet/111?p=a';
    const shortB = 'https://teams.microsoft.com/meet/222?p=b';
    const shortC = 'https://teams.microsoft.com/meet/333?p=c';
    const meetings = meetingsKnown({
      [shortA]: { id: 'm-a', joinWebUrl: shortA, chatThreadId: '19:meeting_a@thread.v2' },
      [shortB]: { id: 'm-b', joinWebUrl: shortB, chatThreadId: THREAD },
      [shortC]: { id: 'm-c', joinWebUrl: shortC, chatThreadId: '19:meeting_c@thread.v2' },
    });
    const result = await findConversationForMeeting(
      { chatThreadId: THREAD },
      [
        candidate('con-far', shortC, '2026-06-01T10:00:00Z'),
        candidate('con-b', shortB, '2026-03-02T09:30:00Z'),
        candidate('con-a', shortA, '2026-03-02T09:00:00Z'),
        candidate('con-nolink', ''),
      ],
      meetings,
      now,
    );
    expect(result).toEqual(ok({ reviewId: 'rev-1', conversationId: 'con-b' }));
    expect(meetings.lookups).toEqual([shortB]);
  });

  it('answers null when no conversation is for this meeting, and passes a Graph failure on', async () => {
    const none = await findConversationForMeeting({ chatThreadId: THREAD }, [candidate('con-1', 'https://teams.microsoft.com/meet/9?p=z')], meetingsKnown({}), now);
    expect(none).toEqual(ok(null));
    const failing: OnlineMeetings = {
      findByJoinUrl: () => Promise.resolve(err({ kind: 'permissionDenied', what: 'finding the Teams meeting', detail: 'Graph answered 403' })),
    };
    const failed = await findConversationForMeeting({ chatThreadId: THREAD }, [candidate('con-1', 'https://teams.microsoft.com/meet/9?p=z')], failing, now);
    expect(failed.ok).toBe(false);
  });
});
