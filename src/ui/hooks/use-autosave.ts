import { useCallback, useEffect, useRef, useState } from 'react';
import type { Failure, FieldIssue } from '../../domain/failures';
import { CHILD_RECORD_SCHEMAS, recordsOfKind, type ChildRecordKind, type ChildRecordOf, type Review } from '../../domain/model';
import type { ReviewId } from '../../domain/ids';
import { err, type Result } from '../../domain/result';
import type { RecordInput } from '../../app/review-service';
import { describeFailure } from '../../app/failure-messages';
import { useAppServices } from '../app-services';
import { STAMP_FIELDS, keepBothTexts, mergeThreeWay, stableJson, valueAt, withValueAt, type FieldPath } from './merge';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'conflict' | 'failed';

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
  /** Change the draft; it is saved by itself shortly after typing stops. */
  readonly update: (change: Partial<T> | ((draft: T) => T)) => void;
  readonly status: SaveStatus;
  /** Field problems keyed by path ("title", "period.to"), shown inline; nothing invalid is saved. */
  readonly issues: readonly FieldIssue[];
  readonly message: string | null;
  readonly conflict: Conflict<T> | null;
  /** Settle a conflict: keep theirs, keep mine, or store a merged record. Either side is never lost silently. */
  readonly resolve: (choice: 'mine' | 'theirs' | { merged: T }) => void;
  /** Save now (on blur or before leaving). */
  readonly flush: () => Promise<void>;
}

export const AUTOSAVE_DELAY_MS = 600;

interface Savable {
  readonly id: string;
  readonly version: number;
}

/** How many times a save is retried after combining a concurrent change that touched other fields. */
const MAX_AUTOMATIC_MERGES = 3;

const withoutStamps = <T extends object>(record: T): Partial<T> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !STAMP_FIELDS.has(key))) as Partial<T>;

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

const stampsOf = <T extends object>(record: T): Partial<T> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => STAMP_FIELDS.has(key))) as Partial<T>;

/**
 * The engine behind every autosaved editor: give it the stored record and a way to store a new version
 * (called with the version the edit is based on). Saves after a pause, refuses invalid input with field
 * messages, combines concurrent changes to other fields, and turns a change to the same field into a
 * conflict the person settles.
 */
export function useAutosaveWith<T extends Savable>(stored: T, persist: (record: T) => Promise<Result<T, Failure>>): Autosaved<T> {
  const [draft, setDraft] = useState<T>(stored);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflictState] = useState<Conflict<T> | null>(null);
  const base = useRef<T>(stored);
  const latest = useRef<T>(stored);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const conflictRef = useRef<Conflict<T> | null>(null);
  const persistRef = useRef(persist);
  useEffect(() => {
    persistRef.current = persist;
  }, [persist]);

  const setConflict = useCallback((next: Conflict<T> | null) => {
    conflictRef.current = next;
    setConflictState(next);
  }, []);

  // A different record, or a newer stored version while nothing is unsaved here: show it.
  useEffect(() => {
    if (stored.id !== base.current.id) {
      if (dirty.current && !conflictRef.current) void persistRef.current({ ...latest.current, version: base.current.version });
      base.current = stored;
      latest.current = stored;
      dirty.current = false;
      conflictRef.current = null;
      setConflictState(null);
      setDraft(stored);
      setStatus('saved');
      setIssues([]);
      setMessage(null);
      return;
    }
    if (stored.version > base.current.version && !dirty.current && !conflictRef.current) {
      base.current = stored;
      latest.current = stored;
      setDraft(stored);
      setStatus('saved');
    }
    // While there are unsaved edits, `base` stays the version they started from, so the save finds the
    // change and merges it instead of overwriting it.
  }, [stored]);

  const save = useCallback(async (): Promise<void> => {
    for (let attempt = 0; attempt <= MAX_AUTOMATIC_MERGES; attempt += 1) {
      if (!dirty.current || conflictRef.current) return;
      const toSave = latest.current;
      setStatus('saving');
      const saved = await persistRef.current({ ...toSave, version: base.current.version });
      if (saved.ok) {
        base.current = saved.value;
        if (latest.current === toSave) {
          // Keep what is on screen (the store may have trimmed a trailing space the person is still typing past).
          dirty.current = false;
          latest.current = { ...saved.value, ...withoutStamps(toSave) } as T;
          setDraft(latest.current);
          setStatus('saved');
        } else {
          latest.current = { ...latest.current, ...stampsOf(saved.value) } as T;
          setStatus('unsaved');
        }
        setIssues([]);
        setMessage(null);
        return;
      }
      const failure = saved.error;
      if (failure.kind === 'conflict' && failure.current) {
        const theirs = failure.current as unknown as T;
        const mine = latest.current;
        const outcome = mergeThreeWay(base.current, mine, theirs);
        if (outcome.conflicts.length === 0 && attempt < MAX_AUTOMATIC_MERGES) {
          // Someone changed other fields: combine and try again, losing neither.
          base.current = theirs;
          latest.current = { ...outcome.merged, ...stampsOf(theirs) };
          setDraft(latest.current);
          continue;
        }
        setConflict({ mine, theirs, base: base.current, fields: outcome.conflicts });
        setStatus('conflict');
        setMessage(describeFailure(failure));
        return;
      }
      if (failure.kind === 'invalid') {
        setIssues(failure.issues);
        setStatus('invalid');
      } else {
        setStatus('failed');
      }
      setMessage(describeFailure(failure));
      return;
    }
  }, [setConflict]);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // One save at a time, in order: a second flush waits for the first.
    const next = queue.current.then(save);
    queue.current = next.catch(() => undefined);
    return next;
  }, [save]);

  const update = useCallback(
    (change: Partial<T> | ((draft: T) => T)) => {
      const next = typeof change === 'function' ? change(latest.current) : ({ ...latest.current, ...change } as T);
      latest.current = next;
      dirty.current = true;
      setDraft(next);
      if (conflictRef.current) return;
      setStatus('unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  const resolve = useCallback(
    (choice: 'mine' | 'theirs' | { merged: T }) => {
      const settling = conflictRef.current;
      if (!settling) return;
      const chosen = choice === 'mine' || choice === 'theirs' ? settleConflict(settling, choice) : choice.merged;
      base.current = settling.theirs;
      setConflict(null);
      setMessage(null);
      if (stableJson(withoutStamps(chosen)) === stableJson(withoutStamps(settling.theirs))) {
        dirty.current = false;
        latest.current = settling.theirs;
        setDraft(settling.theirs);
        setStatus('saved');
        return;
      }
      latest.current = { ...chosen, ...stampsOf(settling.theirs) };
      dirty.current = true;
      setDraft(latest.current);
      setStatus('unsaved');
      void flush();
    },
    [flush, setConflict],
  );

  // Save what is pending when the page is hidden or closed, so a reload loses nothing.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      if (dirty.current) void flush();
    };
  }, [flush]);

  return { draft, update, status, issues, message, conflict, resolve, flush };
}

/**
 * Edit a stored child record with no save button. A record with `version: 0` (see `unsavedRecord`) is created on
 * its first save, under its own id: how a note that does not exist yet is written straight into.
 */
export function useAutosave<K extends ChildRecordKind>(kind: K, stored: ChildRecordOf<K>): Autosaved<ChildRecordOf<K>> {
  const { service } = useAppServices();
  const persist = useCallback(
    async (record: ChildRecordOf<K>): Promise<Result<ChildRecordOf<K>, Failure>> => {
      if (record.version !== 0) return service.saveRecord(kind, record);
      const created = await service.addRecord(kind, record.reviewId, withoutStamps(record) as unknown as RecordInput<K>, record.id);
      if (created.ok || created.error.kind !== 'alreadyExists') return created;
      // Someone else created it first (two facilitators starting the same step's notes): settle it as a conflict.
      const loaded = await service.loadReview(record.reviewId);
      const current = loaded.ok ? recordsOfKind(loaded.value, kind).find((candidate) => candidate.id === record.id) : undefined;
      return current ? err({ kind: 'conflict', recordKind: kind, id: record.id, current }) : created;
    },
    [service, kind],
  );
  return useAutosaveWith(stored, persist);
}

/** Edit the review's own details (questions, trigger, period, agencies) with no save button. */
export function useAutosavedReview(stored: Review): Autosaved<Review> {
  const { service } = useAppServices();
  const persist = useCallback((review: Review) => service.updateReview(review, {}), [service]);
  return useAutosaveWith(stored, persist);
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
    schemaVersion: 1,
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

/** The first issue for a field path, for a Fluent `Field`'s validationMessage. */
export function issueFor(issues: readonly FieldIssue[], path: string): string | undefined {
  return issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`))?.message;
}
