import type { Failure } from '../domain/failures';
import type { ReviewId } from '../domain/ids';
import type { AnyChildRecord, ChildRecordKind, Review } from '../domain/model';
import type { Result } from '../domain/result';

/**
 * The state of the offline outbox that src/adapters/local/outbox-review-store.ts keeps in front of a remote
 * ReviewStore (Microsoft 365 mode). Screens read it to say "Offline — 3 changes waiting to sync" and to settle
 * changes that met someone else's newer version when they were finally sent.
 */
export interface OutboxConflict {
  readonly id: string;
  readonly reviewId: ReviewId;
  readonly recordKind: ChildRecordKind | 'review';
  readonly recordId: string;
  readonly operation: 'create' | 'update' | 'delete';
  /** The version this device started from (null for a record created here). */
  readonly base: AnyChildRecord | Review | null;
  /** What this device wanted to store (null for a delete). */
  readonly mine: AnyChildRecord | Review | null;
  /** What the store holds now (null when it has gone). */
  readonly theirs: AnyChildRecord | Review | null;
  /** Why the store refused it: usually a `conflict`; `notFound` when the record was deleted meanwhile. */
  readonly failure: Failure;
  readonly queuedAt: string;
}

export interface OutboxState {
  /** Changes written here but not yet accepted by the store. */
  readonly pending: number;
  /** Which records those changes are to, each once (several changes to one record are one line for a person). */
  readonly pendingRecords?: readonly { readonly recordKind: ChildRecordKind | 'review'; readonly recordId: string }[];
  /** False after the store failed to answer, until it answers again. */
  readonly online: boolean;
  readonly conflicts: readonly OutboxConflict[];
  /** The last failure while sending, for the indicator's detail. */
  readonly lastFailure: Failure | null;
}

export type OutboxResolution =
  /** Keep what the store has: this device's change is discarded, by the person's explicit choice. */
  | { readonly keep: 'theirs' }
  /** Store this record (usually a merge of mine and theirs); its `version` must be theirs. */
  | { readonly keep: 'merged'; readonly record: AnyChildRecord | Review };

export interface Outbox {
  /** The current state, synchronously; the same object until something changes (for useSyncExternalStore). */
  state(): OutboxState;
  subscribe(listener: () => void): () => void;
  /** Try to send what is waiting now (also done by itself on a timer and when the browser comes back online). */
  syncNow(): Promise<void>;
  resolveConflict(conflictId: string, resolution: OutboxResolution): Promise<Result<void, Failure>>;
}
