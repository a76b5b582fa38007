import { COLLECTION_OF_KIND, recordsOfKind, type AnyChildRecord, type ChildRecordKind, type Review, type ReviewSnapshot } from '../model';

/** Every kind of record a review session writes: the review's own details and its child records. */
export type SessionRecordKind = ChildRecordKind | 'review';
export type SessionRecord = AnyChildRecord | Review;

/** One record's new state after a command: the record to store, or null when it is to be removed. */
export interface RecordChange {
  readonly kind: SessionRecordKind;
  readonly id: string;
  readonly record: SessionRecord | null;
}

/** "episode:kpe-1": one record's place in a review, as a map key. */
export type RecordKey = string;
export const recordKey = (kind: SessionRecordKind, id: string): RecordKey => `${kind}:${id}`;
export function parseRecordKey(key: RecordKey): {
  kind: SessionRecordKind;
  id: string;
} {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at) as SessionRecordKind, id: key.slice(at + 1) };
}

export function findRecord(snapshot: ReviewSnapshot, kind: SessionRecordKind, id: string): SessionRecord | null {
  if (kind === 'review') return snapshot.review.id === id ? snapshot.review : null;
  return (recordsOfKind(snapshot, kind) as AnyChildRecord[]).find((record) => record.id === id) ?? null;
}

/**
 * The snapshot with the changes made. Collections no change touches keep their identity, so a screen that selects
 * one collection re-renders only when that collection changed; records no change touches keep theirs too.
 */
export function withChanges(snapshot: ReviewSnapshot, changes: readonly RecordChange[]): ReviewSnapshot {
  if (changes.length === 0) return snapshot;
  const next: Record<string, unknown> = { ...snapshot };
  for (const change of changes) {
    if (change.kind === 'review') {
      if (change.record) next.review = change.record;
      continue;
    }
    const collection = COLLECTION_OF_KIND[change.kind];
    const current = next[collection] as AnyChildRecord[];
    const index = current.findIndex((record) => record.id === change.id);
    let updated: AnyChildRecord[];
    if (change.record === null) {
      if (index < 0) continue;
      updated = [...current.slice(0, index), ...current.slice(index + 1)];
    } else if (index < 0) {
      updated = [...current, change.record as AnyChildRecord];
    } else {
      updated = current.slice();
      updated[index] = change.record as AnyChildRecord;
    }
    next[collection] = updated;
  }
  return next as ReviewSnapshot;
}
