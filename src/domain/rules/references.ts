import type { ChildRecordKind, ReviewSnapshot } from '../model';

export interface Reference {
  readonly kind: ChildRecordKind;
  readonly id: string;
  /** Plain words: "the conversation with Child A". */
  readonly description: string;
}

const STATUS_WORDS: Record<ReviewSnapshot['conversations'][number]['status'], string> = {
  toArrange: 'to arrange',
  scheduled: 'scheduled',
  held: 'held',
  cancelled: 'cancelled',
};

const labelOfParticipant = (snapshot: ReviewSnapshot, id: string): string =>
  snapshot.participants.find((participant) => participant.id === id)?.reportLabel ?? 'a participant';

/**
 * The records that point at one record. A record still pointed at is not removed, so nothing is left
 * referring to something that has gone.
 */
export function referencesTo(snapshot: ReviewSnapshot, kind: ChildRecordKind, id: string): Reference[] {
  switch (kind) {
    case 'teamMember':
      return snapshot.conversations
        .filter((conversation) => conversation.leadQuestionerId === id || conversation.leadNoteTakerId === id)
        .map((conversation) => ({
          kind: 'conversation',
          id: conversation.id,
          description: `the conversation with ${labelOfParticipant(snapshot, conversation.participantId)}`,
        }));
    case 'participant':
      return [
        ...snapshot.conversations
          .filter((conversation) => conversation.participantId === id)
          .map((conversation) => ({
            kind: 'conversation' as const,
            id: conversation.id,
            description: `their conversation (${STATUS_WORDS[conversation.status]})`,
          })),
        ...snapshot.narrative
          .filter(
            (entry) =>
              (entry.perspective.of === 'participant' && entry.perspective.participantId === id) || entry.involvesParticipantIds.some((other) => other === id),
          )
          .map((entry) => ({ kind: 'narrativeEntry' as const, id: entry.id, description: 'a narrative entry' })),
        ...snapshot.episodes
          .filter((episode) => episode.participantIds.some((other) => other === id))
          .map((episode) => ({ kind: 'episode' as const, id: episode.id, description: `the episode “${episode.title}”` })),
        ...snapshot.comments
          .filter((comment) => comment.participantId === id)
          .map((comment) => ({ kind: 'comment' as const, id: comment.id, description: 'a comment on a report' })),
        ...snapshot.identifiers
          .filter((entry) => entry.refersTo.to === 'participant' && entry.refersTo.participantId === id)
          .map((entry) => ({ kind: 'identifier' as const, id: entry.id, description: 'their entry in the identifier register' })),
      ];
    case 'document':
      return snapshot.narrative
        .filter((entry) => entry.source.kind === 'document' && entry.source.documentId === id)
        .map((entry) => ({ kind: 'narrativeEntry', id: entry.id, description: 'a narrative entry that cites it' }));
    case 'conversation':
      return [
        ...snapshot.narrative
          .filter((entry) => entry.source.kind === 'conversation' && entry.source.conversationId === id)
          .map((entry) => ({ kind: 'narrativeEntry' as const, id: entry.id, description: 'a narrative entry that cites it' })),
        ...snapshot.episodes
          .filter((episode) => episode.raisedInConversationId === id)
          .map((episode) => ({ kind: 'episode' as const, id: episode.id, description: `the episode “${episode.title}”` })),
      ];
    default:
      return [];
  }
}

/** Agencies still used by participants or documents cannot be taken off the review. */
export function agenciesInUse(snapshot: ReviewSnapshot): Set<string> {
  return new Set([
    ...snapshot.participants.flatMap((participant) => (participant.agencyId === null ? [] : [participant.agencyId as string])),
    ...snapshot.documents.map((document) => document.agencyId as string),
    ...snapshot.narrative.flatMap((entry) => (entry.perspective.of === 'agency' ? [entry.perspective.agencyId as string] : [])),
    ...snapshot.identifiers.flatMap((entry) => (entry.refersTo.to === 'agency' ? [entry.refersTo.agencyId as string] : [])),
  ]);
}
