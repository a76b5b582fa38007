import type { ReviewSnapshot } from '../model';

/** How much a review holds, for the CLI's "OK" line and import confirmations. Nothing identifying. */
export interface SnapshotCounts {
  readonly agencies: number;
  readonly teamMembers: number;
  readonly participants: number;
  readonly documents: number;
  readonly conversations: number;
  readonly stepNotes: number;
  readonly narrativeEntries: number;
  readonly episodes: number;
  readonly factorTags: number;
  readonly patterns: number;
  readonly recommendations: number;
  readonly reportStages: number;
  readonly comments: number;
  readonly auditEntries: number;
}

export function countSnapshot(snapshot: ReviewSnapshot): SnapshotCounts {
  return {
    agencies: snapshot.review.agencies.length,
    teamMembers: snapshot.teamMembers.length,
    participants: snapshot.participants.length,
    documents: snapshot.documents.length,
    conversations: snapshot.conversations.length,
    stepNotes: snapshot.stepNotes.length,
    narrativeEntries: snapshot.narrative.length,
    episodes: snapshot.episodes.length,
    factorTags: snapshot.episodes.reduce((sum, episode) => sum + episode.factors.length, 0),
    patterns: snapshot.patterns.length,
    recommendations: snapshot.recommendations.length,
    reportStages: snapshot.reportStages.length,
    comments: snapshot.comments.length,
    auditEntries: snapshot.audit.length,
  };
}

const COUNT_WORDS: ReadonlyArray<readonly [keyof SnapshotCounts, string, string]> = [
  ['agencies', 'agency', 'agencies'],
  ['teamMembers', 'team member', 'team members'],
  ['participants', 'participant', 'participants'],
  ['documents', 'document', 'documents'],
  ['conversations', 'conversation', 'conversations'],
  ['stepNotes', 'step note', 'step notes'],
  ['narrativeEntries', 'narrative entry', 'narrative entries'],
  ['episodes', 'key practice episode', 'key practice episodes'],
  ['factorTags', 'contributory factor', 'contributory factors'],
  ['patterns', 'pattern', 'patterns'],
  ['recommendations', 'recommendation', 'recommendations'],
  ['reportStages', 'report stage', 'report stages'],
  ['comments', 'comment', 'comments'],
  ['auditEntries', 'audit entry', 'audit entries'],
];

/** "5 agencies, 6 team members, 1 report stage, …" */
export function describeCounts(counts: SnapshotCounts): string {
  return COUNT_WORDS.map(([key, one, many]) => `${counts[key]} ${counts[key] === 1 ? one : many}`).join(', ');
}
