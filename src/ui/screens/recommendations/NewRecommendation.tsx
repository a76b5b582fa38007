import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { recommendationIssues } from '../../../domain/analysis';
import type { FieldIssue } from '../../../domain/failures';
import type { Recommendation } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { useReview } from '../../review-context';
import { useFormStyles } from '../../components/analysis/form-styles';
import { RecommendationFields, type RecommendationCore } from './RecommendationFields';

const EMPTY: RecommendationCore = { kind: 'clearCutLocal', level: 'local', addressee: '', text: '', patternIds: [] };
const NO_TRACKING: Recommendation['tracking'] = { status: 'proposed', owner: '', evidence: '', dueOn: null, completedOn: null };

export function NewRecommendation({ onClose, onAdded }: { onClose: () => void; onAdded: (recommendation: Recommendation) => void }) {
  const { service } = useAppServices();
  const formStyles = useFormStyles();
  const { snapshot, reload } = useReview();
  const [draft, setDraft] = useState<RecommendationCore>(EMPTY);
  const [attempted, setAttempted] = useState(false);
  const [serviceIssues, setServiceIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const outcome = recommendationIssues({ ...draft, tracking: NO_TRACKING });
  const issues = attempted ? [...outcome.blocking, ...serviceIssues] : serviceIssues;

  const add = async () => {
    setAttempted(true);
    if (outcome.blocking.length > 0) {
      setMessage(describeFailure({ kind: 'invalid', what: 'Recommendation', issues: outcome.blocking }));
      return;
    }
    const added = await service.addRecord('recommendation', snapshot.review.id, { ...draft, patternIds: [...draft.patternIds], tracking: NO_TRACKING });
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
      <DialogSurface aria-label="Add a recommendation" style={{ maxWidth: '44rem' }}>
        <form
          // Our own messages, in the review's words, rather than the browser's.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <DialogBody>
            <DialogTitle>Add a recommendation</DialogTitle>
            <DialogContent className={formStyles.form}>
              <RecommendationFields
                value={draft}
                onChange={(changes) => {
                  setServiceIssues([]);
                  setMessage(null);
                  setDraft((current) => ({ ...current, ...changes }));
                }}
                issues={issues}
                warnings={attempted ? outcome.warnings : []}
              />
              {message ? (
                <MessageBar intent="error" role="alert" data-testid="add-recommendation-message">
                  <MessageBarBody>{message}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                Add recommendation
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
