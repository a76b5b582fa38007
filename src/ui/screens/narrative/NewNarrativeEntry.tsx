import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { narrativeEntryIssues, type NarrativeEntryDraft } from '../../../domain/analysis';
import type { FieldIssue } from '../../../domain/failures';
import type { NarrativeEntry } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { useReview } from '../../review-context';
import { useFormStyles } from '../../components/analysis/form-styles';
import { NarrativeFields } from './NarrativeFields';
import { useNarrativeContext } from './narrative-context';

const EMPTY: NarrativeEntryDraft = {
  kind: 'account',
  perspective: null,
  source: null,
  period: { from: '', to: null },
  text: '',
  relatedEntryIds: [],
  involvesParticipantIds: [],
};

/** Add an entry. Nothing is stored until every rule is met; problems are shown beside their fields. */
export function NewNarrativeEntry({ onClose, onAdded }: { onClose: () => void; onAdded: (entry: NarrativeEntry) => void }) {
  const { service } = useAppServices();
  const formStyles = useFormStyles();
  const { snapshot, reload } = useReview();
  const context = useNarrativeContext();
  const [draft, setDraft] = useState<NarrativeEntryDraft>(EMPTY);
  const [attempted, setAttempted] = useState(false);
  const [serviceIssues, setServiceIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = useMemo(() => new Set(snapshot.narrative.map((entry) => entry.id as string)), [snapshot.narrative]);
  const outcome = narrativeEntryIssues(draft, snapshot.review.periodUnderReview, context, existing, null);
  const issues = attempted ? [...outcome.blocking, ...serviceIssues] : serviceIssues;

  const add = async () => {
    setAttempted(true);
    if (outcome.blocking.length > 0) {
      setMessage(describeFailure({ kind: 'invalid', what: 'Narrative entry', issues: outcome.blocking }));
      return;
    }
    if (draft.perspective === null || draft.source === null) return;
    setBusy(true);
    const added = await service.addRecord('narrativeEntry', snapshot.review.id, {
      kind: draft.kind,
      perspective: draft.perspective,
      source: draft.source,
      period: { from: draft.period.from, to: draft.period.to },
      text: draft.text,
      relatedEntryIds: [...draft.relatedEntryIds],
      involvesParticipantIds: [...draft.involvesParticipantIds],
    });
    setBusy(false);
    if (!added.ok) {
      if (added.error.kind === 'invalid') setServiceIssues(added.error.issues);
      setMessage(describeFailure(added.error));
      return;
    }
    await reload();
    onAdded(added.value);
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface aria-label="Add a narrative entry" style={{ maxWidth: '48rem' }}>
        <form
          // Our own messages, in the review's words, rather than the browser's.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <DialogBody>
            <DialogTitle>Add a narrative entry</DialogTitle>
            <DialogContent className={formStyles.form}>
              <NarrativeFields
                value={draft}
                onChange={(changes) => {
                  setServiceIssues([]);
                  setMessage(null);
                  setDraft((current) => ({ ...current, ...changes }));
                }}
                issues={issues}
                warnings={attempted ? outcome.warnings : []}
                ownId={null}
              />
              {message ? (
                <MessageBar intent="error" role="alert" data-testid="add-entry-message">
                  <MessageBarBody>{message}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy}>
                Add entry
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
