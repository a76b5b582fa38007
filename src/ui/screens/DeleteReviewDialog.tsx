import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { describeFailure } from '../../app/failure-messages';
import type { ReviewSummary } from '../../domain/review-summary';
import { useAppServices } from '../app-services';
import { validationProps } from '../kit/field-state';

/** Deleting removes every record of a review: the person types its codename to confirm. */
export function DeleteReviewDialog({ review, onClose, onDeleted }: { review: ReviewSummary; onClose: () => void; onDeleted: () => void }) {
  const { service } = useAppServices();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const matches = typed.trim() === review.codename;
  const confirm = async () => {
    if (!matches) {
      setProblem(`Type ${review.codename} exactly to confirm`);
      return;
    }
    const deleted = await service.deleteReview(review.id);
    if (deleted.ok) onDeleted();
    else setProblem(describeFailure(deleted.error));
  };
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface data-testid="delete-review-dialog">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <DialogBody>
            <DialogTitle>Delete review {review.codename}?</DialogTitle>
            <DialogContent style={{ display: 'grid', gap: tokens.spacingVerticalM }}>
              <Text block>
                This removes the review and everything recorded in it (team, participants, documents, conversations and notes) from this store. It cannot be
                undone. Export a bundle first if you may need it.
              </Text>
              <Field label={`Type the codename (${review.codename}) to confirm`} {...validationProps(problem ?? undefined)}>
                <Input value={typed} onChange={(_, data) => setTyped(data.value)} data-testid="confirm-codename" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabledFocusable={!matches}>
                Delete this review
              </Button>
              <Button onClick={onClose}>Keep it</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
