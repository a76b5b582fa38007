import { describe, expect, it } from 'vitest';
import { awaitsDestruction, recordingsAwaitingDestruction, transitionRecording } from '../../src/domain/guide/recording';
import type { Recording } from '../../src/domain/model';
import { describeFailure } from '../../src/app/failure-messages';
import { GUIDE_CONVERSATION_ID, guideFixture } from '../fixtures/guide-fixture';

const none: Recording = { state: 'none', heldSince: null, transcribedAt: null, destroyed: null };
const AT = '2026-03-02T11:30:00.000Z';

function step(recording: Recording, transition: Parameters<typeof transitionRecording>[1]): Recording {
  const next = transitionRecording(recording, transition);
  if (!next.ok) throw new Error(describeFailure(next.error));
  return next.value;
}

describe('recording lifecycle', () => {
  it('goes none → held → transcribed → destroyed, keeping who, when and how', () => {
    const held = step(none, { to: 'held', at: AT });
    expect(held).toEqual({ state: 'held', heldSince: AT, transcribedAt: null, destroyed: null });
    const transcribed = step(held, { to: 'transcribed', at: '2026-03-03T09:00:00.000Z' });
    expect(transcribed.transcribedAt).toBe('2026-03-03T09:00:00.000Z');
    const destroyed = step(transcribed, { to: 'destroyed', at: '2026-03-04T09:00:00.000Z', by: ' Sam Notetaker (fictional) ', how: 'Deleted from OneDrive and the recycle bin' });
    expect(destroyed.state).toBe('destroyed');
    expect(destroyed.destroyed).toEqual({ at: '2026-03-04T09:00:00.000Z', by: 'Sam Notetaker (fictional)', how: 'Deleted from OneDrive and the recycle bin' });
    expect(destroyed.heldSince).toBe(AT);
  });

  it('allows destroying a held recording that was never transcribed', () => {
    expect(step(step(none, { to: 'held', at: AT }), { to: 'destroyed', at: AT, by: 'Alex', how: 'Deleted' }).state).toBe('destroyed');
  });

  it('refuses moves that make no sense, with the reason', () => {
    const cases: Array<[Recording, Parameters<typeof transitionRecording>[1], string]> = [
      [none, { to: 'transcribed', at: AT }, 'there is no recording: record that one is held first'],
      [none, { to: 'destroyed', at: AT, by: 'Alex', how: 'x' }, 'there is no recording to destroy'],
      [step(none, { to: 'held', at: AT }), { to: 'held', at: AT }, 'a recording is already recorded as held'],
      [step(none, { to: 'held', at: AT }), { to: 'destroyed', at: AT, by: 'Alex', how: '  ' }, 'say how it was destroyed'],
      [step(none, { to: 'held', at: AT }), { to: 'destroyed', at: AT, by: '', how: 'Deleted' }, 'say who destroyed it'],
    ];
    for (const [from, transition, reason] of cases) {
      const result = transitionRecording(from, transition);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('blocked');
        expect(describeFailure(result.error)).toContain(reason);
      }
    }
    const destroyed = step(step(none, { to: 'held', at: AT }), { to: 'destroyed', at: AT, by: 'Alex', how: 'Deleted' });
    const again = transitionRecording(destroyed, { to: 'held', at: AT });
    expect(!again.ok && describeFailure(again.error)).toContain('already destroyed on 2 March 2026 at 11:30 by Alex');
  });

  it('reminds while a recording is held after its transcript was imported, naming the participant by report label', () => {
    const snapshot = guideFixture();
    const conversation = snapshot.conversations.find((candidate) => candidate.id === GUIDE_CONVERSATION_ID)!;
    const held = { ...conversation, recording: step(none, { to: 'held', at: AT }) };
    expect(awaitsDestruction(held)).toBe(false);
    const withTranscript = {
      ...held,
      writtenRecord: { kind: 'transcript' as const, text: 'x', fileName: 'a.vtt', cues: [], speakerMap: {}, importedAt: AT, importedBy: 'Sam' },
    };
    expect(awaitsDestruction(withTranscript)).toBe(true);
    const reminders = recordingsAwaitingDestruction({ ...snapshot, conversations: [withTranscript, ...snapshot.conversations.slice(1)] });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ conversationId: GUIDE_CONVERSATION_ID, participantLabel: 'Social worker 1', transcribedAt: AT });
    expect(JSON.stringify(reminders)).not.toContain('Jo Fictional');
    const destroyed = { ...withTranscript, recording: step(withTranscript.recording, { to: 'destroyed', at: AT, by: 'Sam', how: 'Deleted' }) };
    expect(recordingsAwaitingDestruction({ ...snapshot, conversations: [destroyed] })).toEqual([]);
  });
});
