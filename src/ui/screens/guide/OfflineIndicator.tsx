import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { OutboxConflict } from '../../../ports/outbox';
import { describeOutboxConflict, mergedOutboxRecord, useOutboxState } from '../../components/sync/outbox-state';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: tokens.spacingHorizontalL } });

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * "Offline — 3 changes waiting to sync". Changes written while SharePoint could not be reached are kept in this
 * browser and sent when it answers again; any that meet a newer version come back here to be settled.
 */
export function OfflineIndicator() {
  const styles = useStyles();
  const { outbox, state } = useOutboxState();
  const [problem, setProblem] = useState<string | null>(null);
  if (!outbox || (state.online && state.pending === 0 && state.conflicts.length === 0)) return null;

  const settle = async (conflict: OutboxConflict, how: 'merge' | 'theirs') => {
    const resolved =
      how === 'theirs' ? await outbox.resolveConflict(conflict.id, { keep: 'theirs' }) : await outbox.resolveConflict(conflict.id, { keep: 'merged', record: mergedOutboxRecord(conflict) });
    setProblem(resolved.ok ? null : describeFailure(resolved.error));
  };

  return (
    <div data-testid="offline-indicator" style={{ display: 'grid', gap: tokens.spacingVerticalXS }}>
      {!state.online || state.pending > 0 ? (
        <MessageBar intent={state.online ? 'info' : 'warning'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle data-testid="offline-title">
              {state.online ? `Syncing — ${plural(state.pending, 'change', 'changes')} being sent` : `Offline — ${plural(state.pending, 'change', 'changes')} waiting to sync`}
            </MessageBarTitle>
            {state.online ? null : 'Keep writing: everything is kept in this browser and sent when the connection returns.'}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void outbox.syncNow()}>
              Try now
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {state.conflicts.length > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{plural(state.conflicts.length, 'change needs', 'changes need')} you</MessageBarTitle>
            <Text block size={200}>
              These were written while offline and met someone else’s newer version. Nothing has been overwritten.
            </Text>
            <ul className={styles.list}>
              {state.conflicts.map((conflict) => (
                <li key={conflict.id}>
                  <Text size={200}>{describeOutboxConflict(conflict)}</Text>{' '}
                  <Button size="small" appearance="primary" onClick={() => void settle(conflict, 'merge')}>
                    {conflict.recordKind === 'stepNote' ? 'Merge, keeping both' : 'Keep mine'}
                  </Button>{' '}
                  <Button size="small" onClick={() => void settle(conflict, 'theirs')}>
                    Keep theirs
                  </Button>
                </li>
              ))}
            </ul>
            {problem ? <Text role="alert">{problem}</Text> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

export { useOutboxState };
