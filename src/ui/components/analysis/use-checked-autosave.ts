import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { FieldIssue } from '../../../domain/failures';
import { recordLabel } from '../../../domain/labels';
import type { ChildRecordKind, ChildRecordOf } from '../../../domain/model';
import { useAutosave, type Autosaved, type SaveStatus } from '../../hooks/use-autosave';

export interface RuleCheck {
  /** Stop the save: what is stored stays as it was. */
  readonly blocking: readonly FieldIssue[];
  /** Shown beside the field; the record is still stored. */
  readonly warnings: readonly FieldIssue[];
}

export interface CheckedAutosave<T> extends Omit<Autosaved<T>, 'update'> {
  /** What the form shows: may hold a change that breaks a rule and so is not saved yet. */
  readonly form: T;
  readonly change: (change: Partial<T> | ((form: T) => T)) => void;
  readonly warnings: readonly FieldIssue[];
}

/**
 * useAutosave with the review's own rules in front of it. Schema problems come back from the service; rules that
 * need the rest of the review (a period within the period under review, a source that exists) are checked here
 * first, so a change that breaks one is shown with its message and never stored.
 */
export function useCheckedAutosave<K extends ChildRecordKind>(
  kind: K,
  stored: ChildRecordOf<K>,
  check: (candidate: ChildRecordOf<K>) => RuleCheck,
): CheckedAutosave<ChildRecordOf<K>> {
  type T = ChildRecordOf<K>;
  const autosave = useAutosave(kind, stored);
  const { update, draft } = autosave;
  const [form, setForm] = useState<T>(draft);
  const [outcome, setOutcome] = useState<RuleCheck>(() => check(draft));
  const formRef = useRef<T>(draft);
  const checkRef = useRef(check);
  checkRef.current = check;

  // A newer draft from the store (saved, reloaded, or a settled conflict) replaces the form unless the form holds
  // a change that is waiting for a rule to be met.
  useEffect(() => {
    if (checkRef.current(formRef.current).blocking.length > 0 && formRef.current.id === draft.id) return;
    formRef.current = draft;
    setForm(draft);
    setOutcome(checkRef.current(draft));
  }, [draft]);

  const change = useCallback(
    (next: Partial<T> | ((current: T) => T)) => {
      const value = typeof next === 'function' ? next(formRef.current) : ({ ...formRef.current, ...next } as T);
      formRef.current = value;
      setForm(value);
      const result = checkRef.current(value);
      setOutcome(result);
      if (result.blocking.length === 0) update(value);
    },
    [update],
  );

  const blocked = outcome.blocking.length > 0;
  const status: SaveStatus = blocked && autosave.status !== 'conflict' ? 'invalid' : autosave.status;
  const message = useMemo(
    () => (blocked ? describeFailure({ kind: 'invalid', what: recordLabel(kind), issues: [...outcome.blocking] }) : autosave.message),
    [blocked, kind, outcome.blocking, autosave.message],
  );
  const issues = useMemo(() => [...outcome.blocking, ...autosave.issues], [outcome.blocking, autosave.issues]);

  return { ...autosave, form, change, status, message, issues, warnings: outcome.warnings };
}
