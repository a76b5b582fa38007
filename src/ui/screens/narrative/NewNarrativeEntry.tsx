import { useMemo } from 'react';
import { narrativeEntryIssues, type NarrativeEntryDraft } from '../../../domain/analysis';
import type { NarrativeEntry } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { AddRecordDialog, useAddRecordForm } from '../../components/analysis/AddRecordDialog';
import { useReview } from '../../review-context';
import { NarrativeFields } from './NarrativeFields';
import { useNarrativeContext } from './narrative-context';

const EMPTY: NarrativeEntryDraft = {
  kind: 'account',
  perspective: null,
  source: null,
  period: { from: '', to: '' },
  text: '',
  relatedEntryIds: [],
  involvesParticipantIds: [],
};

/** Add an entry. Nothing is stored until every rule is met; problems are shown beside their fields. */
export function NewNarrativeEntry({ onClose, onAdded }: { onClose: () => void; onAdded: (entry: NarrativeEntry) => void }) {
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const context = useNarrativeContext();
  const existing = useMemo(() => new Set(snapshot.narrative.map((entry) => entry.id as string)), [snapshot.narrative]);
  const form = useAddRecordForm({
    initial: EMPTY,
    what: 'Narrative entry',
    check: (draft) => narrativeEntryIssues(draft, snapshot.review.periodUnderReview, context, existing, null),
    kind: 'narrativeEntry',
    save: (draft, id) =>
      // The rules refuse a missing perspective or source; this only tells the types so.
      draft.perspective === null || draft.source === null
        ? null
        : service.addRecord(
            'narrativeEntry',
            snapshot.review.id,
            {
              kind: draft.kind,
              perspective: draft.perspective,
              source: draft.source,
              period: { from: draft.period.from, to: draft.period.to },
              text: draft.text,
              relatedEntryIds: [...draft.relatedEntryIds],
              involvesParticipantIds: [...draft.involvesParticipantIds],
            },
            id,
          ),
    onAdded,
  });

  return (
    <AddRecordDialog
      title="Add a narrative entry"
      submitLabel="Add entry"
      maxWidth="48rem"
      messageTestId="add-entry-message"
      message={form.message}
      busy={form.busy}
      onSubmit={() => void form.submit()}
      onClose={onClose}
    >
      <NarrativeFields value={form.draft} onChange={form.edit} issues={form.issues} warnings={form.attempted ? form.outcome.warnings : []} ownId={null} />
    </AddRecordDialog>
  );
}
