import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { Failure, FieldIssue } from '../../../domain/failures';
import type { Result } from '../../../domain/result';
import type { ChildRecordKind } from '../../../domain/model';
import { useSubmissionId } from '../workspace/RecordPanes';
import { useFormStyles } from './form-styles';

/** What a record's rules say about a draft: problems that stop the add, and advice that does not. */
export interface DraftCheck {
  readonly blocking: readonly FieldIssue[];
  readonly warnings: readonly FieldIssue[];
}

/**
 * The "add a record" form's state, shared by every analysis dialog: nothing is stored until the rules are met,
 * problems show beside their fields only once an add has been tried, and the service's own refusal is shown too.
 */
export function useAddRecordForm<Draft, Added>({
  kind,
  initial,
  what,
  check,
  save,
  onAdded,
}: {
  readonly kind: ChildRecordKind;
  readonly initial: Draft;
  /** The record's name in a refusal message, e.g. "Key practice episode". */
  readonly what: string;
  readonly check: (draft: Draft) => DraftCheck;
  /** Stores the draft; `null` when the draft cannot be stored (the blocking rules already say why). */
  readonly save: (draft: Draft, id: string) => Promise<Result<Added, Failure>> | null;
  readonly onAdded: (added: Added) => void;
}) {
  const [draft, setDraft] = useState<Draft>(initial);
  const nextId = useSubmissionId(kind);
  const [attempted, setAttempted] = useState(false);
  const [serviceIssues, setServiceIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = check(draft);
  const issues = attempted ? [...outcome.blocking, ...serviceIssues] : serviceIssues;

  const edit = (changes: Partial<Draft>) => {
    setServiceIssues([]);
    setMessage(null);
    setDraft((current) => ({ ...current, ...changes }));
  };
  /** Back to an untried form; `clearDraft` also forgets what was typed. */
  const reset = ({ clearDraft }: { clearDraft: boolean }) => {
    setAttempted(false);
    setServiceIssues([]);
    setMessage(null);
    if (clearDraft) setDraft(initial);
  };
  const submit = async () => {
    setAttempted(true);
    if (outcome.blocking.length > 0) {
      setMessage(describeFailure({ kind: 'invalid', what, issues: outcome.blocking }));
      return;
    }
    const saving = save(draft, nextId.current(draft));
    if (!saving) return;
    setBusy(true);
    const added = await saving;
    setBusy(false);
    if (!added.ok) {
      if (added.error.kind === 'invalid') setServiceIssues(added.error.issues);
      setMessage(describeFailure(added.error));
      return;
    }
    nextId.done();
    onAdded(added.value);
  };

  return { draft, edit, outcome, issues, attempted, message, busy, submit, reset };
}

/** The modal form around an add: title, fields, the refusal message (if any), and submit/cancel. */
export function AddRecordDialog({
  title,
  submitLabel,
  maxWidth = '44rem',
  messageTestId,
  message,
  busy,
  onSubmit,
  onClose,
  children,
}: {
  readonly title: string;
  readonly submitLabel: string;
  readonly maxWidth?: string;
  readonly messageTestId: string;
  readonly message: string | null;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  readonly onClose: () => void;
  readonly children: ReactNode;
}) {
  const formStyles = useFormStyles();
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface aria-label={title} style={{ maxWidth }}>
        <form
          // Our own messages, in the review's words, rather than the browser's.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={formStyles.form}>
              {children}
              {message ? (
                <MessageBar intent="error" role="alert" data-testid={messageTestId}>
                  <MessageBarBody>{message}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy}>
                {submitLabel}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
