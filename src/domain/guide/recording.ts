import type { ConversationId } from '../ids';
import type { Conversation, Recording, ReviewSnapshot } from '../model';
import type { Failure } from '../failures';
import { err, ok, type Result } from '../result';
import { londonDateTimeText } from './london';

/**
 * A conversation's recording: none → held → transcribed → destroyed. Participants are told the recording is
 * destroyed once the data is taken from it (Appendix 2), so the guide keeps reminding until it is, and says who
 * destroyed it, when and how. Graph has no "delete recording" call, so destruction is attested by a person.
 */

export type RecordingTransition =
  | { readonly to: 'held'; readonly at: string }
  | { readonly to: 'transcribed'; readonly at: string }
  | { readonly to: 'destroyed'; readonly at: string; readonly by: string; readonly how: string };

const WHAT: Record<RecordingTransition['to'], string> = {
  held: 'Marking the recording as held',
  transcribed: 'Marking the recording as transcribed',
  destroyed: 'Marking the recording as destroyed',
};

const blocked = (transition: RecordingTransition, reason: string): Result<Recording, Failure> =>
  err({ kind: 'blocked', what: WHAT[transition.to], reasons: [reason] });

/** The next recording state, or `blocked` with the reason the move makes no sense. */
export function transitionRecording(current: Recording, transition: RecordingTransition): Result<Recording, Failure> {
  if (current.state === 'destroyed') {
    const when = current.destroyed ? ` on ${londonDateTimeText(current.destroyed.at)} by ${current.destroyed.by}` : '';
    return blocked(transition, `the recording was already destroyed${when}`);
  }
  switch (transition.to) {
    case 'held':
      if (current.state !== 'none') return blocked(transition, current.state === 'held' ? 'a recording is already recorded as held' : 'the recording has already been transcribed');
      return ok({ state: 'held', heldSince: transition.at, transcribedAt: null, destroyed: null });
    case 'transcribed':
      if (current.state === 'none') return blocked(transition, 'there is no recording: record that one is held first');
      if (current.state === 'transcribed') return blocked(transition, 'the recording is already marked as transcribed');
      return ok({ ...current, state: 'transcribed', transcribedAt: transition.at });
    case 'destroyed': {
      if (current.state === 'none') return blocked(transition, 'there is no recording to destroy');
      const by = transition.by.trim();
      const how = transition.how.trim();
      if (by === '') return blocked(transition, 'say who destroyed it');
      if (how === '') return blocked(transition, 'say how it was destroyed (for example, “deleted from OneDrive and the recycle bin”)');
      return ok({ ...current, state: 'destroyed', destroyed: { at: transition.at, by, how } });
    }
  }
}

export interface RecordingReminder {
  readonly conversationId: ConversationId;
  /** The report label: never a real name, since the overview may be on a shared screen. */
  readonly participantLabel: string;
  readonly heldSince: string | null;
  readonly transcribedAt: string | null;
  readonly message: string;
}

/** Whether the recording is still held although its data has been taken (a transcript imported or it was transcribed). */
export function awaitsDestruction(conversation: Pick<Conversation, 'recording' | 'writtenRecord'>): boolean {
  const { state } = conversation.recording;
  if (state === 'transcribed') return true;
  return state === 'held' && conversation.writtenRecord?.kind === 'transcript';
}

export function recordingReminder(conversation: Conversation, participantLabel: string): RecordingReminder | null {
  if (!awaitsDestruction(conversation)) return null;
  const transcribedAt = conversation.recording.transcribedAt ?? conversation.writtenRecord?.importedAt ?? null;
  return {
    conversationId: conversation.id,
    participantLabel,
    heldSince: conversation.recording.heldSince,
    transcribedAt,
    message: `The recording of the conversation with ${participantLabel} has been transcribed but is still held. Participants were told it would be destroyed: destroy it and record who, when and how.`,
  };
}

/** Every recording in the review still awaiting destruction: for the review overview and the guide. */
export function recordingsAwaitingDestruction(snapshot: ReviewSnapshot): RecordingReminder[] {
  const labels = new Map(snapshot.participants.map((participant) => [participant.id as string, participant.reportLabel]));
  return snapshot.conversations.flatMap((conversation) => {
    const reminder = recordingReminder(conversation, labels.get(conversation.participantId) ?? 'a participant');
    return reminder ? [reminder] : [];
  });
}
