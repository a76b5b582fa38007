import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { describeFailure } from '../../../app/failure-messages';
import type { ReviewId } from '../../../domain/ids';
import type { ChildRecordKind } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { useReview } from '../../review-context';
import { paths, type WorkspaceSection } from '../../routes';
import { Notice } from './FormParts';

export const useWorkspaceStyles = makeStyles({
  layout: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  listPane: { flex: '1 1 20rem', maxWidth: '28rem', minWidth: '16rem', display: 'grid', gap: tokens.spacingVerticalS },
  detailPane: {
    flex: '2 1 28rem',
    minWidth: '18rem',
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  grow: { flex: '1 1 14rem', minWidth: '12rem' },
  form: { display: 'grid', gap: tokens.spacingVerticalM },
});

/** Opening a record is a deep link: the address names it, so a reload or a shared link shows the same. */
export function useOpenRecord(section: WorkspaceSection): { open: (recordId: string | null) => void; reviewId: ReviewId } {
  const { snapshot } = useReview();
  const [, navigate] = useLocation();
  const reviewId = snapshot.review.id;
  return {
    reviewId,
    open: (recordId) => {
      const target = recordId === null ? paths.section(reviewId, section) : paths.record(reviewId, section, recordId);
      // Inside the workspace's nested router, locations are relative to the review.
      navigate(`~${target}`);
    },
  };
}

/** Removes a record after a confirmation; refusals (still referred to elsewhere) are explained. */
export function RemoveRecordButton({
  kind,
  record,
  what,
  consequences,
  onRemoved,
  beforeRemove,
}: {
  kind: ChildRecordKind;
  record: { reviewId: ReviewId; id: string; version: number };
  /** "Alex Fenwick (Facilitator)" */
  what: string;
  consequences?: ReactNode;
  onRemoved: () => void;
  /** Removes owned records first (a conversation's step notes). */
  beforeRemove?: () => Promise<string | null>;
}) {
  const { service } = useAppServices();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async () => {
    const before = beforeRemove ? await beforeRemove() : null;
    if (before) {
      setProblem(before);
      return;
    }
    const removed = await service.removeRecord(kind, record);
    if (removed.ok) {
      setOpen(false);
      onRemoved();
    } else setProblem(describeFailure(removed.error));
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="remove-record">
        Remove
      </Button>
      {open ? (
        <Dialog open modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : setOpen(false))}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Remove {what}?</DialogTitle>
              <DialogContent style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
                <Text block>This removes the record from the review. It cannot be undone.</Text>
                {consequences}
                {problem ? (
                  <div role="alert">
                    <Notice intent="error">{problem}</Notice>
                  </div>
                ) : null}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void remove()}>
                  Remove
                </Button>
                <Button onClick={() => setOpen(false)}>Keep it</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      ) : null}
    </>
  );
}

/** A deep link to a record that is not (or no longer) in the review. */
export function MissingRecord({ what, onBack }: { what: string; onBack: () => void }) {
  return (
    <div role="alert" style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
      <Text>This {what} could not be found. It may have been removed by someone else.</Text>
      <div>
        <Button onClick={onBack}>Back to the list</Button>
      </div>
    </div>
  );
}
