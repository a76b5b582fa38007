import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { FieldIssue } from '../../../domain/failures';
import { recordLabel } from '../../../domain/labels';
import type { ChildRecordKind, ChildRecordOf } from '../../../domain/model';
import { err } from '../../../domain/result';
import { useAppServices } from '../../app-services';
import { useAutosaveWith, type Autosaved } from '../../hooks/use-autosave';

export interface RuleCheck {
  /** Stop the save: what is stored stays as it was. */
  readonly blocking: readonly FieldIssue[];
  /** Shown beside the field; the record is still stored. */
  readonly warnings: readonly FieldIssue[];
}

export interface CheckedAutosave<T> extends Autosaved<T> {
  readonly warnings: readonly FieldIssue[];
}

/**
 * useAutosave with the review's own rules in front of the store. The schema is checked by the service; rules that
 * need the rest of the review (a period within the period under review, a source that exists) are checked here,
 * and a change that breaks one comes back as an `invalid` failure with its field messages: shown, never stored.
 */
export function useCheckedAutosave<K extends ChildRecordKind>(
  kind: K,
  stored: ChildRecordOf<K>,
  check: (candidate: ChildRecordOf<K>) => RuleCheck,
): CheckedAutosave<ChildRecordOf<K>> {
  const { service } = useAppServices();
  const checkRef = useRef(check);
  useEffect(() => {
    checkRef.current = check;
  }, [check]);
  const persist = useCallback(
    async (record: ChildRecordOf<K>) => {
      const outcome = checkRef.current(record);
      if (outcome.blocking.length > 0) return err({ kind: 'invalid' as const, what: recordLabel(kind), issues: [...outcome.blocking] });
      return service.saveRecord(kind, record);
    },
    [service, kind],
  );
  const autosave = useAutosaveWith(stored, persist);
  const warnings = useMemo(() => check(autosave.draft).warnings, [check, autosave.draft]);
  return { ...autosave, warnings };
}
