import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Text, tokens } from '@fluentui/react-components';
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { ReviewSession, SessionConflict, SyncState } from '../../../app/session/review-session';
import { recordLabel } from '../../../domain/labels';
import { findRecord, humaniseFieldPath } from '../../../domain/session';
import type { ChildRecordKind } from '../../../domain/model';
import type { OutboxConflict } from '../../../ports/outbox';
import { useActiveSession } from './active-session';
import { describeOutboxConflict, mergedOutboxRecord, useOutboxState } from './outbox-state';

const QUIET: SyncState = {
  status: 'saved',
  saving: 0,
  queued: 0,
  conflicts: [],
  queuedConflicts: 0,
  failure: null,
  atRisk: false,
  accessLost: false,
};
const noSubscription = () => () => undefined;

function useSyncState(session: ReviewSession | null): SyncState {
  return useSyncExternalStore(session ? session.subscribeSync : noSubscription, () => (session ? session.getSyncState() : QUIET));
}

/** What the header says, in a few words; "Saved" only when the store where this mode keeps data has everything. */
export function syncLabel(state: SyncState, queued: number, queuedConflicts: number): string {
  const conflicts = state.conflicts.length + queuedConflicts;
  if (conflicts > 0) return `${conflicts} to settle`;
  if (state.failure) return 'Not saved';
  if (state.saving > 0) return 'Saving…';
  if (queued > 0) return `Offline: ${queued} queued`;
  return 'Saved';
}

/**
 * The one sync indicator, in the header in both modes: saved, saving, queued on this device, conflicts. Its panel
 * lists what is not yet stored and settles conflicts from any screen.
 */
export function SyncIndicator() {
  const session = useActiveSession();
  const state = useSyncState(session);
  const { outbox, state: outboxState } = useOutboxState();
  const [problem, setProblem] = useState<string | null>(null);
  // A settled conflict's buttons leave the page: focus moves to Close, so it is never lost (and Escape still closes).
  const closeButton = useRef<HTMLButtonElement>(null);
  const queued = outboxState.pending;
  const label = syncLabel(state, queued, outboxState.conflicts.length);
  const detail =
    state.failure && !state.conflicts.length
      ? describeFailure(state.failure)
      : queued > 0 && !outboxState.online
        ? 'Kept on this device until the connection returns.'
        : '';

  const settleOutbox = useCallback(
    async (conflict: OutboxConflict, how: 'mine' | 'theirs') => {
      if (!outbox) return;
      const resolved =
        how === 'theirs'
          ? await outbox.resolveConflict(conflict.id, { keep: 'theirs' })
          : await outbox.resolveConflict(conflict.id, {
              keep: 'merged',
              record: mergedOutboxRecord(conflict),
            });
      setProblem(resolved.ok ? null : describeFailure(resolved.error));
      closeButton.current?.focus();
    },
    [outbox],
  );

  const settleSession = (conflict: SessionConflict, choice: 'mine' | 'theirs' | 'both') => {
    if (!session) return;
    const settled = session.settle(conflict.id, choice);
    setProblem(settled.ok ? null : describeFailure(settled.error));
    closeButton.current?.focus();
  };

  const intent =
    label === 'Saved' ? tokens.colorPaletteGreenForeground1 : label === 'Saving…' ? tokens.colorNeutralForeground2 : tokens.colorPaletteRedForeground1;
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" size="small" data-testid="sync-indicator" aria-label={`Sync status: ${label}${detail ? `. ${detail}` : ''}`}>
          <span style={{ color: intent, fontWeight: tokens.fontWeightSemibold }}>{label}</span>
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Changes not yet stored</DialogTitle>
          <DialogContent>
            {state.saving === 0 && queued === 0 && state.conflicts.length === 0 && outboxState.conflicts.length === 0 ? (
              <Text block>Everything is stored {outbox ? 'in SharePoint' : 'in this browser'}.</Text>
            ) : null}
            {detail ? <Text block>{detail}</Text> : null}
            {queued > 0 ? (
              <p>
                <Text>
                  {queued} {queued === 1 ? 'edit' : 'edits'} kept on this device, waiting to be sent.{' '}
                </Text>
                <Button size="small" onClick={() => void outbox?.syncNow()}>
                  Try now
                </Button>
              </p>
            ) : null}
            <ul
              style={{
                display: 'grid',
                gap: tokens.spacingVerticalS,
                paddingLeft: tokens.spacingHorizontalL,
              }}
            >
              {state.saving > 0 ? (
                <li>
                  <Text>
                    {state.saving} {state.saving === 1 ? 'record' : 'records'} being saved
                  </Text>
                </li>
              ) : null}
              {(outboxState.pendingRecords ?? []).map((queuedRecord) => (
                <li key={`${queuedRecord.recordKind}:${queuedRecord.recordId}`}>
                  <Text>{describeQueued(queuedRecord, session)}</Text>
                </li>
              ))}

              {state.conflicts.map((conflict) => (
                <li key={conflict.id}>
                  <Text block>{describeSessionConflict(conflict)}</Text>
                  <span
                    style={{
                      display: 'inline-flex',
                      gap: tokens.spacingHorizontalS,
                    }}
                  >
                    <Button
                      size="small"
                      appearance="primary"
                      onClick={() => settleSession(conflict, 'mine')}
                      disabled={conflict.mine === null && conflict.failure === null}
                    >
                      Keep mine
                    </Button>
                    <Button size="small" onClick={() => settleSession(conflict, 'theirs')}>
                      Keep theirs
                    </Button>
                    <Button size="small" onClick={() => settleSession(conflict, 'both')} disabled={conflict.fields.length === 0}>
                      Keep both
                    </Button>
                  </span>
                </li>
              ))}
              {outboxState.conflicts.map((conflict) => (
                <li key={conflict.id}>
                  <Text block>
                    {nameOfQueued(conflict)}
                    {describeOutboxConflict(conflict)}
                  </Text>
                  <span
                    style={{
                      display: 'inline-flex',
                      gap: tokens.spacingHorizontalS,
                    }}
                  >
                    <Button size="small" appearance="primary" onClick={() => void settleOutbox(conflict, 'mine')}>
                      Keep mine
                    </Button>
                    <Button size="small" onClick={() => void settleOutbox(conflict, 'theirs')}>
                      Keep theirs
                    </Button>
                    <Button size="small" onClick={() => void settleOutbox(conflict, 'mine')}>
                      Keep both
                    </Button>
                  </span>
                </li>
              ))}
            </ul>
            {problem ? <Text role="alert">{problem}</Text> : null}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary" ref={closeButton}>
                Close
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** “Home visit…”: the record an outbox conflict is about, by its own name, before the outbox's description. */
function nameOfQueued(conflict: OutboxConflict): string {
  const record = conflict.mine ?? conflict.theirs;
  const name = record ? nameOf(record as unknown as Record<string, unknown>) : '';
  return name ? `“${name}”. ` : '';
}

/** A record with edits in the outbox, named as the open review knows it. */
function describeQueued(queued: { recordKind: ChildRecordKind | 'review'; recordId: string }, session: ReviewSession | null): string {
  const record = session ? findRecord(session.getSnapshot(), queued.recordKind, queued.recordId) : null;
  const name = record ? nameOf(record as unknown as Record<string, unknown>) : '';
  return `${recordLabel(queued.recordKind)}${name ? ` “${name}”` : ''}: changed on this device, not yet stored`;
}

function describeSessionConflict(conflict: SessionConflict): string {
  const record = conflict.mine ?? conflict.theirs;
  const name = record ? nameOf(record as unknown as Record<string, unknown>) : '';
  const what = `${recordLabel(conflict.kind)}${name ? ` “${name}”` : ''}`;
  if (conflict.failure) return `${what}: your edit could not be applied to the newer version (${describeFailure(conflict.failure)}).`;
  if (conflict.theirs === null) return `${what}: removed by someone else while you were editing it.`;
  const fields = conflict.fields.map(humaniseFieldPath).join(', ');
  return `${what}: you and ${String((conflict.theirs as { updatedBy?: string }).updatedBy ?? 'someone else')} both changed ${fields || 'it'}.`;
}

const nameOf = (record: Record<string, unknown>): string => {
  for (const field of ['title', 'codename', 'name', 'roleTitle', 'reportLabel', 'addressee', 'statement', 'summary']) {
    const value = record[field];
    if (typeof value === 'string' && value.trim() !== '') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  }
  return '';
};
