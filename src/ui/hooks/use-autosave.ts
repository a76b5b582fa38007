import { useCallback, useState, useSyncExternalStore } from 'react';
import type { FieldIssue } from '../../domain/failures';
import { CHILD_RECORD_SCHEMAS, RECORD_SCHEMA_VERSION, type AnyChildRecord, type ChildRecordKind, type ChildRecordOf, type Review } from '../../domain/model';
import type { ReviewId } from '../../domain/ids';
import type { RecordInput } from '../../app/review-service';
import { describeFailure } from '../../app/failure-messages';
import type { ReviewSession, SessionConflict } from '../../app/session/review-session';
import {
  STAMP_FIELDS,
  findRecord,
  keepBothTexts,
  parseRecord,
  mergeThreeWay,
  stableJson,
  valueAt,
  withValueAt,
  type FieldPath,
  type SessionRecordKind,
} from '../../domain/session';
import { useReviewSession } from '../review-context';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'queued' | 'invalid' | 'conflict' | 'failed';

export interface Conflict<T> {
  /** The edit made here, not yet stored. */
  readonly mine: T;
  /** What someone else stored meanwhile. */
  readonly theirs: T;
  /** The stored version both edits started from, when known: lets changes to other fields combine by themselves. */
  readonly base?: T;
  /** The fields changed differently on both sides (paths); when absent, every field that differs. */
  readonly fields?: readonly FieldPath[];
}

export interface Autosaved<T> {
  readonly draft: T;
  /** Change the draft: shown at once, kept on this device, and stored by itself. */
  readonly update: (change: Partial<T> | ((draft: T) => T)) => void;
  readonly status: SaveStatus;
  /** Field problems keyed by path ("title", "period.to"), shown inline; nothing invalid is saved. */
  readonly issues: readonly FieldIssue[];
  readonly message: string | null;
  readonly conflict: Conflict<T> | null;
  /** Settle a conflict: keep theirs, keep mine, or store a merged record. Either side is never lost silently. */
  readonly resolve: (choice: 'mine' | 'theirs' | { merged: T }) => void;
  /** Send what is waiting now (on blur or before leaving). */
  readonly flush: () => Promise<void>;
}

interface Savable {
  readonly id: string;
  readonly version: number;
}

const stampsOf = <T extends object>(record: T): Partial<T> => Object.fromEntries(Object.entries(record).filter(([key]) => STAMP_FIELDS.has(key))) as Partial<T>;

/** The record as it will be stored if the person settles every conflicting field on one side. */
export function settleConflict<T extends object>(conflict: Conflict<T>, side: 'mine' | 'theirs'): T {
  if (!conflict.base) return side === 'mine' ? { ...conflict.mine, ...stampsOf(conflict.theirs) } : conflict.theirs;
  const { merged, conflicts } = mergeThreeWay(conflict.base, conflict.mine, conflict.theirs);
  const source = side === 'mine' ? conflict.mine : conflict.theirs;
  return conflicts.reduce<T>((record, path) => withValueAt(record, path, valueAt(source, path)), merged);
}

/** Keep both: combined texts where both changed one text; elsewhere this edit. */
export function keepBoth<T extends object>(conflict: Conflict<T>, paths: readonly FieldPath[]): T {
  const start = settleConflict(conflict, 'mine');
  return paths.reduce<T>((record, path) => {
    const mine = valueAt(conflict.mine, path);
    const theirs = valueAt(conflict.theirs, path);
    return typeof mine === 'string' && typeof theirs === 'string' ? withValueAt(record, path, keepBothTexts(mine, theirs)) : record;
  }, start);
}

/**
 * The engine behind every autosaved editor, over the open review's session: each change is an `editRecord`
 * command of the fields that changed, checked against every rule by the session, shown at once and kept in the
 * edit journal, then stored. A change a rule refuses stays on screen with its field messages and is not stored.
 * A record not stored yet (`version: 0`, see `unsavedRecord`) is added on its first change, under its own id.
 */
function useSessionEditor<T extends Savable>(kind: SessionRecordKind, given: T): Autosaved<T> {
  const session = useReviewSession();
  // The record as the session holds it now (the caller's copy may be a render old); a record not added yet is the caller's.
  const held = useSyncExternalStore(session.subscribe, () => findRecord(session.getSnapshot(), kind, given.id));
  const stored = (held as T | null) ?? given;
  const [refused, setRefused] = useState<{
    readonly draft: T;
    readonly issues: readonly FieldIssue[];
    readonly message: string;
  } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      const stopView = session.subscribe(listener);
      const stopSync = session.subscribeSync(listener);
      return () => {
        stopView();
        stopSync();
      };
    },
    [session],
  );
  const state = useSyncExternalStore(subscribe, () => session.recordState(kind, stored.id));
  const sessionConflict = useSyncExternalStore(subscribe, () => session.conflictFor(kind, stored.id));
  const failure = useSyncExternalStore(subscribe, () => session.getSyncState().failure);
  const [typed, setTyped] = useState<T | null>(null);
  // A refused draft belongs to the version it was typed over; a newer stored version replaces it. What was typed
  // stays as typed (a trailing space mid-word) while the session holds it in its stored form (trimmed).
  const draft =
    refused && refused.draft.id === stored.id
      ? refused.draft
      : typed && typed.id === stored.id && storedFormOf(kind, typed) === contentOf(stored)
        ? typed
        : stored;

  const update = useCallback(
    (change: Partial<T> | ((draft: T) => T)) => {
      const next = typeof change === 'function' ? change(draft) : ({ ...draft, ...change } as T);
      const outcome = submitEdit(session, kind, stored, next);
      if (outcome.ok) {
        setRefused(null);
        setTyped(next);
      } else
        setRefused({
          draft: next,
          issues: outcome.error.kind === 'invalid' ? outcome.error.issues : [],
          message: describeFailure(outcome.error),
        });
    },
    [session, kind, stored, draft],
  );

  const resolve = useCallback(
    (choice: 'mine' | 'theirs' | { merged: T }) => {
      if (!sessionConflict) return;
      session.settle(sessionConflict.id, typeof choice === 'string' ? choice : { record: choice.merged as unknown as AnyChildRecord });
    },
    [session, sessionConflict],
  );

  const conflict = sessionConflict ? conflictOf<T>(sessionConflict, stored) : null;
  const status: SaveStatus = refused ? 'invalid' : conflict ? 'conflict' : state;
  const message = refused
    ? refused.message
    : conflict
      ? 'Someone else changed this meanwhile: choose what to keep.'
      : state === 'failed' && failure
        ? describeFailure(failure)
        : null;
  return {
    draft,
    update,
    status,
    issues: refused?.issues ?? [],
    message,
    conflict,
    resolve,
    flush: () => session.flush(),
  };
}

/** One change to a record as a command: the fields that differ from what the session holds, with what they were. */
function submitEdit<T extends Savable>(session: ReviewSession, kind: SessionRecordKind, stored: T, next: T) {
  if (stored.version === 0 && kind !== 'review') {
    const now = session.now();
    const by = session.actor();
    const record = {
      ...next,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: by,
      updatedBy: by,
    } as unknown as AnyChildRecord;
    return session.submit({ type: 'addRecord', kind, record }).accepted;
  }
  const before = stored as unknown as Record<string, unknown>;
  const after = next as unknown as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  const base: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (STAMP_FIELDS.has(field) || stableJson(before[field]) === stableJson(after[field])) continue;
    changes[field] = after[field];
    base[field] = before[field];
  }
  return session.submit({
    type: 'editRecord',
    kind,
    id: stored.id,
    base,
    changes,
  }).accepted;
}

/** A record's content, stamps aside, for comparing two versions. */
const contentOf = (record: object): string => stableJson(Object.fromEntries(Object.entries(record).filter(([key]) => !STAMP_FIELDS.has(key))));

/** What the session would hold for a draft: parsed by the record's schema (text trimmed, defaults filled). */
function storedFormOf(kind: SessionRecordKind, draft: object): string {
  const parsed = parseRecord(kind, draft);
  return parsed.ok ? contentOf(parsed.value) : '';
}

function conflictOf<T>(conflict: SessionConflict, stored: T): Conflict<T> {
  const theirs = (conflict.theirs ?? stored) as unknown as T;
  const mine = (conflict.mine ?? stored) as unknown as T;
  return { mine, theirs, fields: conflict.fields };
}

/** Edit a stored child record with no save button. */
export function useAutosave<K extends ChildRecordKind>(kind: K, stored: ChildRecordOf<K>): Autosaved<ChildRecordOf<K>> {
  return useSessionEditor(kind, stored);
}

/** Edit the review's own details (questions, trigger, period, agencies) with no save button. */
export function useAutosavedReview(stored: Review): Autosaved<Review> {
  return useSessionEditor('review', stored);
}

const NOT_YET_STORED = '1970-01-01T00:00:00.000Z';

/**
 * A record that is not stored yet (version 0), with the schema's defaults filled in, for `useAutosave` to
 * create on the first edit.
 */
export function unsavedRecord<K extends ChildRecordKind>(kind: K, reviewId: ReviewId, id: string, fields: RecordInput<K>): ChildRecordOf<K> {
  const candidate = {
    ...fields,
    id,
    reviewId,
    schemaVersion: RECORD_SCHEMA_VERSION,
    version: 1,
    createdAt: NOT_YET_STORED,
    updatedAt: NOT_YET_STORED,
    createdBy: 'not yet saved',
    updatedBy: 'not yet saved',
  };
  const parsed = CHILD_RECORD_SCHEMAS[kind].safeParse(candidate);
  const record = (parsed.success ? parsed.data : candidate) as ChildRecordOf<K>;
  return { ...record, version: 0 };
}
