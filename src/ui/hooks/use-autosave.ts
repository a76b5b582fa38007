import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldIssue } from '../../domain/failures';
import type { ChildRecordKind, ChildRecordOf } from '../../domain/model';
import { describeFailure } from '../../app/failure-messages';
import { useAppServices } from '../app-services';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'invalid' | 'conflict' | 'failed';

export interface Conflict<T> {
  /** The edit made here, not yet stored. */
  readonly mine: T;
  /** What someone else stored meanwhile. */
  readonly theirs: T;
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

/**
 * Edit a stored record with no save button. Saves after a pause, shows its state, refuses invalid input
 * with field messages, and turns a concurrent change into a conflict the person settles.
 */
export function useAutosave<K extends ChildRecordKind>(kind: K, stored: ChildRecordOf<K>): Autosaved<ChildRecordOf<K>> {
  type T = ChildRecordOf<K>;
  const { service } = useAppServices();
  const [draft, setDraft] = useState<T>(stored);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const base = useRef<T>(stored);
  const latest = useRef<T>(stored);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

  // Adopt a newer stored record when there is nothing unsaved here.
  useEffect(() => {
    if (stored.version > base.current.version || stored.id !== base.current.id) {
      base.current = stored;
      if (!dirty.current) {
        latest.current = stored;
        setDraft(stored);
        setStatus('saved');
      }
    }
  }, [stored]);

  const save = useCallback(async (): Promise<void> => {
    if (!dirty.current) return;
    const toSave = latest.current;
    setStatus('saving');
    const saved = await service.saveRecord(kind, { ...toSave, version: base.current.version });
    if (saved.ok) {
      base.current = saved.value;
      if (latest.current === toSave) {
        dirty.current = false;
        latest.current = saved.value;
        setDraft(saved.value);
        setStatus('saved');
      } else {
        setStatus('unsaved');
      }
      setIssues([]);
      setMessage(null);
      return;
    }
    const failure = saved.error;
    if (failure.kind === 'invalid') {
      setIssues(failure.issues);
      setStatus('invalid');
      setMessage(describeFailure(failure));
    } else if (failure.kind === 'conflict' && failure.current) {
      setConflict({ mine: toSave, theirs: failure.current as T });
      setStatus('conflict');
      setMessage(describeFailure(failure));
    } else {
      setStatus('failed');
      setMessage(describeFailure(failure));
    }
  }, [kind, service]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    inFlight.current = save();
    await inFlight.current;
    inFlight.current = null;
  }, [save]);

  const update = useCallback(
    (change: Partial<T> | ((draft: T) => T)) => {
      const next = typeof change === 'function' ? change(latest.current) : ({ ...latest.current, ...change } as T);
      latest.current = next;
      dirty.current = true;
      setDraft(next);
      setStatus((current) => (current === 'conflict' ? current : 'unsaved'));
      if (timer.current) clearTimeout(timer.current);
      if (conflict) return;
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [conflict, flush],
  );

  const resolve = useCallback(
    (choice: 'mine' | 'theirs' | { merged: T }) => {
      if (!conflict) return;
      base.current = conflict.theirs;
      setConflict(null);
      if (choice === 'theirs') {
        dirty.current = false;
        latest.current = conflict.theirs;
        setDraft(conflict.theirs);
        setStatus('saved');
        setMessage(null);
        return;
      }
      const chosen = choice === 'mine' ? conflict.mine : choice.merged;
      latest.current = { ...chosen, version: conflict.theirs.version };
      dirty.current = true;
      setDraft(latest.current);
      void flush();
    },
    [conflict, flush],
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

/** The first issue for a field path, for a Fluent `Field`'s validationMessage. */
export function issueFor(issues: readonly FieldIssue[], path: string): string | undefined {
  return issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`))?.message;
}
