import type { ConversationId, NarrativeEntryId } from '../ids';
import type { NarrativeEntry, ReviewSnapshot } from '../model';

/**
 * Step 6, "queries from the overview perspective": what the facilitators want to raise with this participant from
 * the picture built so far. The review's unresolved gaps and discrepancies that concern this participant or their
 * agency are offered up front, so overlaps and disputes can be pursued in the conversation itself.
 */

export type QueryReason = 'involvesParticipant' | 'participantsPerspective' | 'agencyPerspective' | 'agencyRecords';

export const QUERY_REASON_LABELS: Record<QueryReason, string> = {
  involvesParticipant: 'Involves this participant',
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

  const queries: StepSixQuery[] = [];
  for (const entry of snapshot.narrative) {
    if (entry.resolved || (entry.kind !== 'gap' && entry.kind !== 'discrepancy')) continue;
    const reasons: QueryReason[] = [];
    if (entry.involvesParticipantIds.includes(participant.id)) reasons.push('involvesParticipant');
    if (entry.perspective.of === 'participant' && entry.perspective.participantId === participant.id) reasons.push('participantsPerspective');
    if (agencyId !== null) {
      if (entry.perspective.of === 'agency' && entry.perspective.agencyId === agencyId) reasons.push('agencyPerspective');
      if (entry.source.kind === 'document' && documentAgency.get(entry.source.documentId) === agencyId) reasons.push('agencyRecords');
    }
    if (reasons.length === 0) continue;
    queries.push({ entryId: entry.id, kind: entry.kind, text: entry.text, period: entry.period, reasons });
  }
  // Those about this person directly first, then by date.
  return queries.sort(
    (a, b) =>
      Number(b.reasons.includes('involvesParticipant')) - Number(a.reasons.includes('involvesParticipant')) ||
      a.period.from.localeCompare(b.period.from),
  );
}
