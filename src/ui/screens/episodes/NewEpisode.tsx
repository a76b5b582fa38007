import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { episodeIssues } from '../../../domain/analysis';
import type { FieldIssue } from '../../../domain/failures';
import type { Episode } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { PeriodFields } from '../../components/analysis/PeriodFields';
import { fieldState } from '../../components/analysis/field-state';
import { useReview } from '../../review-context';
import { useFormStyles } from '../../components/analysis/form-styles';

interface Draft {
  title: string;
  period: { from: string; to: string | null };
  description: string;
  significance: string;
}

const EMPTY: Draft = { title: '', period: { from: '', to: null }, description: '', significance: '' };

/**
 * Record a key practice episode: what happened and its significance with hindsight. Judgement and factors follow
 * in the editor, which opens once it is added. An episode without a description is refused, with the reason.
 */
export function NewEpisode({ onClose, onAdded }: { onClose: () => void; onAdded: (episode: Episode) => void }) {
  const { service } = useAppServices();
  const formStyles = useFormStyles();
  const { snapshot, reload } = useReview();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [attempted, setAttempted] = useState(false);
  const [serviceIssues, setServiceIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = episodeIssues({ ...draft, factors: [] }, snapshot.review.periodUnderReview);
  const issues = attempted ? [...outcome.blocking, ...serviceIssues] : serviceIssues;
  const warnings = attempted ? outcome.warnings : [];
  const edit = (changes: Partial<Draft>) => {
    setServiceIssues([]);
    setMessage(null);
    setDraft((current) => ({ ...current, ...changes }));
  };

  const add = async () => {
    setAttempted(true);
    if (outcome.blocking.length > 0) {
      setMessage(describeFailure({ kind: 'invalid', what: 'Key practice episode', issues: outcome.blocking }));
      return;
    }
    setBusy(true);
    const added = await service.addRecord('episode', snapshot.review.id, {
      title: draft.title,
      period: draft.period,
      description: draft.description,
      significance: draft.significance,
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
      <DialogSurface aria-label="Add a key practice episode" style={{ maxWidth: '44rem' }}>
        <form
          // Our own messages, in the review's words, rather than the browser's.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <DialogBody>
            <DialogTitle>Add a key practice episode</DialogTitle>
            <DialogContent className={formStyles.form}>
              <Field label="Title" required {...fieldState(issues, warnings, 'title')}>
                <Input value={draft.title} onChange={(_, data) => edit({ title: data.value })} />
              </Field>
              <PeriodFields legend="When it happened" value={draft.period} onChange={(period) => edit({ period })} issues={issues} warnings={warnings} />
              <Field
                label="Description"
                required
                hint="What happened, keeping as close as possible to participants’ accounts."
                {...fieldState(issues, warnings, 'description')}
              >
                <Textarea resize="vertical" rows={4} value={draft.description} onChange={(_, data) => edit({ description: data.value })} />
              </Field>
              <Field label="Significance with hindsight">
                <Textarea resize="vertical" rows={3} value={draft.significance} onChange={(_, data) => edit({ significance: data.value })} />
              </Field>
              {message ? (
                <MessageBar intent="error" role="alert" data-testid="add-episode-message">
                  <MessageBarBody>{message}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy}>
                Add episode
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
