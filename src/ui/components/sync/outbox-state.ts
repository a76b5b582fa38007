import { useSyncExternalStore } from 'react';
import { mergeChecked, mergeText } from '../../../domain/guide';
import { recordLabel } from '../../../domain/labels';
import type { StepNote } from '../../../domain/model';
import { mergeThreeWay } from '../../../domain/session';
import type { Outbox, OutboxConflict, OutboxState } from '../../../ports/outbox';
import { useAppServices } from '../../app-services';

const NO_OUTBOX: OutboxState = {
  pending: 0,
  online: true,
  conflicts: [],
  lastFailure: null,
};
const noSubscription = () => () => undefined;

/** The outbox's state, live; a quiet "all sent" when there is no outbox (standalone mode stores locally anyway). */
export function useOutboxState(): {
  outbox: Outbox | null;
  state: OutboxState;
} {
  const { outbox } = useAppServices();
  const state = useSyncExternalStore(outbox ? (listener) => outbox.subscribe(listener) : noSubscription, () => (outbox ? outbox.state() : NO_OUTBOX));
  return { outbox: outbox ?? null, state };
}

export function describeOutboxConflict(conflict: OutboxConflict): string {
  const what = recordLabel(conflict.recordKind);
  if (conflict.theirs === null) return `${what}: deleted by someone else while you were offline.`;
  if (conflict.recordKind === 'stepNote') return `${what} for step ${(conflict.theirs as StepNote).step}: both of you changed them.`;
  return `${what}: changed by ${(conflict.theirs as { updatedBy?: string }).updatedBy ?? 'someone else'} while you were offline.`;
}

/** Step notes merge three ways (both versions kept where they overlap); anything else keeps this device's version. */
export function mergedOutboxRecord(conflict: OutboxConflict): NonNullable<OutboxConflict['mine']> {
  const mine = conflict.mine;
  const theirs = conflict.theirs;
  if (!mine) return theirs as NonNullable<OutboxConflict['theirs']>;
  if (!theirs) return mine;
  if (conflict.recordKind === 'stepNote') {
    const base = conflict.base as StepNote | null;
    const mineNote = mine as StepNote;
    const theirNote = theirs as StepNote;
    return {
      ...theirNote,
      text: mergeText(base?.text ?? '', mineNote.text, theirNote.text).text,
      checked: mergeChecked(base?.checked ?? [], mineNote.checked, theirNote.checked),
    };
  }
  // Other records: fields changed on one side only combine; where both changed one, this device's edit stands.
  const merged = conflict.base ? mergeThreeWay(conflict.base, mine, theirs).merged : mine;
  return { ...merged, version: theirs.version };
}
