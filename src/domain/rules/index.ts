import type { FieldIssue } from '../failures';
import type { AnyChildRecord, ChildRecordKind, Conversation, DocumentRecord, NarrativeEntry, Participant, ReviewSnapshot } from '../model';
import { narrativeEntryIssues } from '../analysis/narrative';
import { conversationIssues } from './conversations';
import { documentIssues, type RuleOutcome } from './documents';
import { participantIssues } from './participants';

export type { RuleOutcome } from './documents';
export { conversationIssues } from './conversations';
export { documentIssues, describePeriod } from './documents';
export { participantIssues, suggestReportLabel, compareParticipants, normaliseName } from './participants';
export { referencesTo, agenciesInUse } from './references';
export { reviewIssues, isDuplicateAgencyName } from './review';
export { londonDateOf, londonWallTimeOf, instantFromLondonWallTime, REVIEW_TIME_ZONE } from './london-time';

const none: RuleOutcome = { blocking: [], warnings: [] };

/** The kinds whose rules look at the rest of the review. Others need only their schema. */
export const KINDS_WITH_REVIEW_RULES: ReadonlySet<ChildRecordKind> = new Set(['participant', 'document', 'conversation', 'narrativeEntry']);

/** Rules that a record must meet within its review, beyond its own schema. */
export function recordIssuesInReview(kind: ChildRecordKind, record: AnyChildRecord, snapshot: ReviewSnapshot, now: string): RuleOutcome {
  switch (kind) {
    case 'participant': {
      const blocking: FieldIssue[] = participantIssues(record as Participant, snapshot.participants, snapshot.review.agencies);
      return { blocking, warnings: [] };
    }
    case 'document':
      return documentIssues(record as DocumentRecord, snapshot.review.periodUnderReview, snapshot.review.agencies);
    case 'conversation':
      return conversationIssues(record as Conversation, { review: snapshot.review, participants: snapshot.participants, teamMembers: snapshot.teamMembers, now });
    case 'narrativeEntry': {
      // The analysis screens' rule (src/domain/analysis/narrative.ts): a source and perspective of this review, a
      // period within the period under review.
      const entry = record as NarrativeEntry;
      const context = { agencies: snapshot.review.agencies, participants: snapshot.participants, conversations: snapshot.conversations, documents: snapshot.documents };
      const existing = new Set<string>(snapshot.narrative.map((other) => other.id));
      return narrativeEntryIssues(entry, snapshot.review.periodUnderReview, context, existing, entry.id);
    }
    default:
      return none;
  }
}
