import { useMemo } from 'react';
import type { FieldIssue } from '../../../domain/failures';
import type { ChildRecordKind, ChildRecordOf } from '../../../domain/model';
import { useAutosave, type Autosaved } from '../../hooks/use-autosave';

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
 * useAutosave with the screen's own view of the rules: the session refuses what breaks a rule, for every caller
 * (src/domain/session/rules.ts); `check` adds the warnings shown beside the fields, which are still stored.
 */
export function useCheckedAutosave<K extends ChildRecordKind>(
  kind: K,
  stored: ChildRecordOf<K>,
  check: (candidate: ChildRecordOf<K>) => RuleCheck,
): CheckedAutosave<ChildRecordOf<K>> {
  const autosave = useAutosave(kind, stored);
  const outcome = useMemo(() => check(autosave.draft), [check, autosave.draft]);
  // When the session refuses a change, every field the screen's rules find wrong is marked, not only the first.
  const issues = useMemo(() => {
    if (autosave.status !== 'invalid') return autosave.issues;
    const known = new Set(autosave.issues.map((issue) => `${issue.path}|${issue.message}`));
    return [...autosave.issues, ...outcome.blocking.filter((issue) => !known.has(`${issue.path}|${issue.message}`))];
  }, [autosave.status, autosave.issues, outcome.blocking]);
  return { ...autosave, issues, warnings: outcome.warnings };
}
