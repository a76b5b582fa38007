import type { Recommendation } from '../../../domain/model';
import { recommendationIssues } from '../../../domain/analysis';
import { useAppServices } from '../../app-services';
import { AddRecordDialog, useAddRecordForm } from '../../components/analysis/AddRecordDialog';
import { useReview } from '../../review-context';
import { RecommendationFields, type RecommendationCore } from './RecommendationFields';

const EMPTY: RecommendationCore = { kind: 'clearCutLocal', level: 'local', addressee: '', text: '', patternIds: [] };
const NO_TRACKING: Recommendation['tracking'] = { status: 'proposed', owner: '', evidence: '', dueOn: null, completedOn: null };

export function NewRecommendation({ onClose, onAdded }: { onClose: () => void; onAdded: (recommendation: Recommendation) => void }) {
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const form = useAddRecordForm({
    initial: EMPTY,
    what: 'Recommendation',
    check: (draft) => recommendationIssues({ ...draft, tracking: NO_TRACKING }),
    kind: 'recommendation',
    save: (draft, id) => service.addRecord('recommendation', snapshot.review.id, { ...draft, patternIds: [...draft.patternIds], tracking: NO_TRACKING }, id),
    onAdded,
  });

  return (
    <AddRecordDialog
      title="Add a recommendation"
      submitLabel="Add recommendation"
      messageTestId="add-recommendation-message"
      message={form.message}
      busy={form.busy}
      onSubmit={() => void form.submit()}
      onClose={onClose}
    >
      <RecommendationFields value={form.draft} onChange={form.edit} issues={form.issues} warnings={form.attempted ? form.outcome.warnings : []} />
    </AddRecordDialog>
  );
}
