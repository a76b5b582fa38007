import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text,
} from '@fluentui/react-components';
import { Delete16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { ReviewId } from '../../../domain/ids';
import { recordLabel } from '../../../domain/labels';
import type { ChildRecordKind } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { useReview } from '../../review-context';

/**
 * Remove a record after a confirmation. A record other analysis still points at is not removed: the message says
 * which ones to unlink first, so nothing is left referring to something that has gone.
 */
export function RemoveRecord({
  kind,
  record,
  onRemoved,
}: {
  kind: ChildRecordKind;
  record: { reviewId: ReviewId; id: string; version: number };
  onRemoved: () => void;
}) {
  const { service } = useAppServices();
  const { reload } = useReview();
  const [message, setMessage] = useState<string | null>(null);
  const label = recordLabel(kind).toLocaleLowerCase('en-GB');
  const remove = async () => {
    // The service refuses to remove a record other analysis still points at, naming what points at it.
    const removed = await service.removeRecord(kind, record);
    if (!removed.ok) {
      setMessage(describeFailure(removed.error));
      return;
    }
    await reload();
    onRemoved();
  };
  return (
    <div>
      <Dialog modalType="alert">
        <DialogTrigger disableButtonEnhancement>
          <Button icon={<Delete16Regular />}>Remove this {label}</Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remove this {label}?</DialogTitle>
            <DialogContent>
              <Text>It will be taken out of the review. This cannot be undone.</Text>
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="primary" onClick={() => void remove()}>
                  Remove
                </Button>
              </DialogTrigger>
              <DialogTrigger disableButtonEnhancement>
                <Button>Keep it</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {message ? (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
