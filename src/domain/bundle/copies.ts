import { asId, type ReviewId } from '../ids';
import { CHILD_RECORD_KINDS, COLLECTION_OF_KIND, type AnyChildRecord, type ReviewSnapshot } from '../model';
import { countSnapshot, type SnapshotCounts } from './summary';

/**
 * Two copies of one review: the one here and the one in a bundle being imported. In standalone mode a bundle is how
 * a team shares a review, so before anything is replaced the person is told which copy was changed last and what
 * differs, and may keep both (the bundle's as a copy).
 */

/** The latest change anywhere in a review: the review's own stamp or any record's. */
export function lastChangedAt(snapshot: ReviewSnapshot): string {
  let latest = snapshot.review.updatedAt;
  for (const kind of CHILD_RECORD_KINDS) {
    for (const record of snapshot[COLLECTION_OF_KIND[kind]] as readonly AnyChildRecord[]) {
      if (Date.parse(record.updatedAt) > Date.parse(latest)) latest = record.updatedAt;
    }
  }
  return latest;
}

export interface CountDifference {
  readonly key: keyof SnapshotCounts;
  /** "narrative entries" */
  readonly what: string;
  readonly here: number;
  readonly incoming: number;
}

export interface CopiesCompared {
  /** Which copy holds the latest change; 'same' when both were last changed at the same moment. */
  readonly newer: 'here' | 'incoming' | 'same';
  readonly hereChangedAt: string;
  readonly incomingChangedAt: string;
  /** Only the counts that differ, in the bundle summary's order. The audit trail is left out: every import adds to it. */
  readonly differences: readonly CountDifference[];
}

const COUNT_NAMES: ReadonlyArray<readonly [keyof SnapshotCounts, string]> = [
  ['agencies', 'agencies'],
  ['teamMembers', 'team members'],
  ['participants', 'participants'],
  ['documents', 'documents'],
  ['conversations', 'conversations'],
  ['stepNotes', 'step notes'],
  ['narrativeEntries', 'narrative entries'],
  ['episodes', 'key practice episodes'],
  ['factorTags', 'contributory factors'],
  ['patterns', 'patterns'],
  ['recommendations', 'recommendations'],
  ['reportStages', 'report stages'],
  ['comments', 'comments'],
];

export function compareCopies(here: ReviewSnapshot, incoming: ReviewSnapshot): CopiesCompared {
  const hereChangedAt = lastChangedAt(here);
  const incomingChangedAt = lastChangedAt(incoming);
  const a = Date.parse(hereChangedAt);
  const b = Date.parse(incomingChangedAt);
  const hereCounts = countSnapshot(here);
  const incomingCounts = countSnapshot(incoming);
  return {
    newer: a === b ? 'same' : a > b ? 'here' : 'incoming',
    hereChangedAt,
    incomingChangedAt,
    differences: COUNT_NAMES.filter(([key]) => hereCounts[key] !== incomingCounts[key]).map(([key, what]) => ({
      key,
      what,
      here: hereCounts[key],
      incoming: incomingCounts[key],
    })),
  };
}

/**
 * The same review under a new id and codename, so a bundle can be imported beside the copy already here. Record ids
 * are kept (stores key records by review), every record is moved to the new review, and nothing else changes.
 */
export function asCopy(snapshot: ReviewSnapshot, reviewId: string, codename: string): ReviewSnapshot {
  const id = asId<ReviewId>(reviewId);
  const next = { ...snapshot, review: { ...snapshot.review, id, codename } } as ReviewSnapshot;
  const moved = next as unknown as Record<string, unknown>;
  for (const kind of CHILD_RECORD_KINDS) {
    const collection = COLLECTION_OF_KIND[kind];
    moved[collection] = (snapshot[collection] as readonly AnyChildRecord[]).map((record) => ({ ...record, reviewId: id }));
  }
  return next;
}

/** "Kestrel (copy)", then "Kestrel (copy 2)"…: a codename no other review here uses. */
export function copyCodename(codename: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((name) => name.toLocaleLowerCase('en-GB')));
  for (let n = 1; n < 1000; n++) {
    const candidate = `${codename.slice(0, 68).trimEnd()} (copy${n === 1 ? '' : ` ${n}`})`;
    if (!lower.has(candidate.toLocaleLowerCase('en-GB'))) return candidate;
  }
  return `${codename} (copy)`;
}
