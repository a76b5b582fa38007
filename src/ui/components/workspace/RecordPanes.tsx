import { Button } from '@fluentui/react-components';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { ID_PREFIX } from '../../../app/review-service';
import type { Failure, FieldIssue } from '../../../domain/failures';
import type { ChildRecordKind } from '../../../domain/model';
import { useReviewSession } from '../../review-context';
import type { Result } from '../../../domain/result';
import { ProblemSummary } from './FormParts';
import { RecordNotFound } from '../../kit/RecordNotFound';
import { useWorkspaceStyles } from './RecordParts';

/**
 * The right-hand pane of a list/detail screen: the add form while adding, else the opened record's editor, or a
 * "not found" note when the address names a record that is not (or no longer) in the review.
 */
export function RecordDetailPane<R>({
  adding,
  stopAdding,
  recordId,
  selected,
  what,
  open,
  addForm,
  editor,
}: {
  /** Whether the add form is showing; it wins over an opened record. */
  readonly adding: boolean;
  readonly stopAdding: () => void;
  readonly recordId: string | undefined;
  readonly selected: R | undefined;
  /** "team member", for the not-found note. */
  readonly what: string;
  /** Opens a record by id (a deep link), or the bare section with `null`. */
  readonly open: (recordId: string | null) => void;
  /** The add form; cancelling closes it, adding closes it and opens the new record. */
  readonly addForm: (done: { onCancel: () => void; onAdded: (id: string) => void }) => ReactNode;
  /** The editor for the opened record; removing it goes back to the bare section. */
  readonly editor: (record: R, onRemoved: () => void) => ReactNode;
}) {
  const styles = useWorkspaceStyles();
  const back = () => open(null);
  if (adding) {
    const onAdded = (id: string) => {
      stopAdding();
      open(id);
    };
    return <div className={styles.detailPane}>{addForm({ onCancel: stopAdding, onAdded })}</div>;
  }
  if (!recordId) return null;
  return <div className={styles.detailPane}>{selected !== undefined ? editor(selected, back) : <RecordNotFound what={what} onBack={back} />}</div>;
}

/**
 * An inline add form's submit: the service's refusals become field issues (worded by `friendlier` where the
 * screen has kinder words for an empty choice), anything else one message; on success the new record opens.
 */
export function useAddRecordSubmit({
  kind,
  signature,
  add,
  friendlier = (issues) => [...issues],
  onAdded,
}: {
  readonly kind: ChildRecordKind;
  /** The form's fields: a click with the same fields after an add went through adds nothing more. */
  readonly signature: unknown;
  /** Adds the record under `id`: the same id for every click until one succeeds, so a double click adds one. */
  readonly add: (id: string) => Promise<Result<{ readonly id: string }, Failure>>;
  readonly friendlier?: (issues: readonly FieldIssue[]) => FieldIssue[];
  readonly onAdded: (id: string) => void;
}) {
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const nextId = useSubmissionId(kind);
  const submit = async () => {
    const added = await add(nextId.current(signature));
    if (added.ok) {
      nextId.done();
      onAdded(added.value.id);
    } else if (added.error.kind === 'invalid') {
      setIssues(friendlier(added.error.issues));
      setFailure(null);
    } else setFailure(describeFailure(added.error));
  };
  return { issues, failure, submit };
}

/** The inline add form's frame: heading, the summary of what stopped the add, the fields, and submit/cancel. */
export function InlineAddForm({
  headingId,
  heading,
  testId,
  problemTitle = 'Not added yet. Please check:',
  issues,
  failure,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  readonly headingId: string;
  readonly heading: string;
  readonly testId: string;
  readonly problemTitle?: string;
  readonly issues: readonly FieldIssue[];
  readonly failure: string | null;
  readonly submitLabel: string;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
  readonly children: ReactNode;
}) {
  const styles = useWorkspaceStyles();
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <h2 id={headingId} className={styles.heading}>
        {heading}
      </h2>
      <ProblemSummary title={problemTitle} problems={[...issues.map((issue) => issue.message), ...(failure ? [failure] : [])]} />
      {children}
      <div className={styles.row}>
        <Button appearance="primary" type="submit">
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

/**
 * The id an add will use: the same for every click until an add succeeds, and after that for as long as the form
 * says the same (`signature`). The review session applies an add once per id, so a double click, or a click while
 * the first is on its way, makes one record; changing the fields and adding again makes another.
 */
export function useSubmissionId(kind: ChildRecordKind): { current: (signature?: unknown) => string; done: () => void } {
  const session = useReviewSession();
  const state = useRef<{ id: string | null; signature: string; added: boolean }>({ id: null, signature: '', added: false });
  return useMemo(
    () => ({
      current: (signature?: unknown) => {
        const text = JSON.stringify(signature ?? null);
        const held = state.current;
        if (held.id === null || (held.added && held.signature !== text)) {
          held.id = session.newId(ID_PREFIX[kind]);
          held.added = false;
        }
        held.signature = text;
        return held.id;
      },
      done: () => {
        state.current.added = true;
      },
    }),
    [session, kind],
  );
}
