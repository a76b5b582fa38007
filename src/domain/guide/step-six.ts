import type { ConversationId, NarrativeEntryId } from '../ids';
import type { NarrativeEntry, ReviewSnapshot } from '../model';

/**
 * Step 6, "queries from the overview perspective": what the facilitators want to raise with this participant from
 * the picture built so far. The review's unresolved gaps and discrepancies that concern this participant or their
 * agency are offered up front, so overlaps and disputes can be pursued in the conversation itself.
 */

export type QueryReason =
  | 'involvesParticipant'
  | 'fromTheirConversation'
  | 'namesTheirAccount'
  | 'participantsPerspective'
  | 'agencyPerspective'
  | 'agencyRecords';

export const QUERY_REASON_LABELS: Record<QueryReason, string> = {
  involvesParticipant: 'Involves this participant',
  fromTheirConversation: 'From a conversation with them',
  namesTheirAccount: 'Disputes or fills a gap in their account',
  participantsPerspective: 'From their own account',
  agencyPerspective: 'From their agency’s perspective',
  agencyRecords: 'From their agency’s records',
};

export interface StepSixQuery {
  readonly entryId: NarrativeEntryId;
  readonly kind: 'gap' | 'discrepancy';
  readonly text: string;
  readonly period: NarrativeEntry['period'];
  readonly reasons: readonly QueryReason[];
}

export function stepSixQueries(snapshot: ReviewSnapshot, conversationId: ConversationId): StepSixQuery[] {
  const conversation = snapshot.conversations.find((candidate) => candidate.id === conversationId);
  if (!conversation) return [];
  const participant = snapshot.participants.find((candidate) => candidate.id === conversation.participantId);
  if (!participant) return [];
  const agencyId = participant.agencyId;
  const documentAgency = new Map(snapshot.documents.map((document) => [document.id as string, document.agencyId as string]));
  // Their conversations and their own accounts: an entry drawn from the one or naming the other involves them,
  // whether or not "participants it involves" was ticked.
  const theirConversations = new Set<string>(snapshot.conversations.filter((other) => other.participantId === participant.id).map((other) => other.id));
  const theirAccounts = new Set<string>(
    snapshot.narrative
      .filter(
        (entry) =>
          (entry.perspective.of === 'participant' && entry.perspective.participantId === participant.id) ||
          (entry.source.kind === 'conversation' && theirConversations.has(entry.source.conversationId)),
      )
      .map((entry) => entry.id),
  );

  const queries: StepSixQuery[] = [];
  for (const entry of snapshot.narrative) {
    if (entry.resolved || (entry.kind !== 'gap' && entry.kind !== 'discrepancy')) continue;
    const reasons: QueryReason[] = [];
    if (entry.involvesParticipantIds.includes(participant.id)) reasons.push('involvesParticipant');
    if (entry.source.kind === 'conversation' && theirConversations.has(entry.source.conversationId)) reasons.push('fromTheirConversation');
    if (entry.relatedEntryIds.some((id) => id !== entry.id && theirAccounts.has(id))) reasons.push('namesTheirAccount');
    if (entry.perspective.of === 'participant' && entry.perspective.participantId === participant.id) reasons.push('participantsPerspective');
    if (agencyId !== null) {
      if (entry.perspective.of === 'agency' && entry.perspective.agencyId === agencyId) reasons.push('agencyPerspective');
      if (entry.source.kind === 'document' && documentAgency.get(entry.source.documentId) === agencyId) reasons.push('agencyRecords');
    }
    if (reasons.length === 0) continue;
    queries.push({ entryId: entry.id, kind: entry.kind, text: entry.text, period: entry.period, reasons });
  }
  // Those about this person directly first, then by date.
  return queries.sort((a, b) => Number(aboutThem(b)) - Number(aboutThem(a)) || a.period.from.localeCompare(b.period.from));
}

/** A query about this person directly, not only about their agency. */
export function isAboutThem(query: Pick<StepSixQuery, 'reasons'>): boolean {
  return aboutThem(query);
}

function aboutThem(query: Pick<StepSixQuery, 'reasons'>): boolean {
  return query.reasons.some((reason) => reason === 'involvesParticipant' || reason === 'fromTheirConversation' || reason === 'namesTheirAccount' || reason === 'participantsPerspective');
}
