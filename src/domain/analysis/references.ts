import type { ChildRecordKind, ReviewSnapshot } from '../model';
import { patternTitle } from './patterns';

export interface AnalysisReference {
  readonly kind: ChildRecordKind;
  readonly id: string;
  /** Plain words: "the pattern “Drift into failure”". */
  readonly description: string;
}

const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text);

/**
 * The analysis records that point at a narrative entry, episode or pattern. One still pointed at is not removed,
 * so no discrepancy, episode, pattern or recommendation is left referring to something that has gone.
 */
export function analysisReferencesTo(snapshot: ReviewSnapshot, kind: ChildRecordKind, id: string): AnalysisReference[] {
  switch (kind) {
    case 'narrativeEntry':
      return [
        ...snapshot.narrative
          .filter((entry) => entry.id !== id && entry.relatedEntryIds.some((other) => other === id))
          .map((entry) => ({ kind: 'narrativeEntry' as const, id: entry.id, description: `the entry “${short(entry.text)}”` })),
        ...snapshot.episodes
          .filter((episode) => episode.narrativeEntryIds.some((other) => other === id))
          .map((episode) => ({ kind: 'episode' as const, id: episode.id, description: `the episode “${episode.title}”` })),
        ...snapshot.patterns
          .filter((pattern) => pattern.narrativeEntryIds.some((other) => other === id))
          .map((pattern) => ({ kind: 'pattern' as const, id: pattern.id, description: `the pattern “${patternTitle(pattern)}”` })),
      ];
    case 'episode':
      return snapshot.patterns
        .filter((pattern) => pattern.episodeIds.some((other) => other === id))
        .map((pattern) => ({ kind: 'pattern' as const, id: pattern.id, description: `the pattern “${patternTitle(pattern)}”` }));
    case 'pattern':
      return snapshot.recommendations
        .filter((recommendation) => recommendation.patternIds.some((other) => other === id))
        .map((recommendation) => ({
          kind: 'recommendation' as const,
          id: recommendation.id,
          description: `the recommendation “${short(recommendation.text)}”`,
        }));
    default:
      return [];
  }
}
