import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Delete16Regular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { describeFailure } from '../../app/failure-messages';
import { analysisReferencesTo } from '../../domain/analysis/references';
import type { ReviewId } from '../../domain/ids';
import { recordLabel } from '../../domain/labels';
import type { ChildRecordKind } from '../../domain/model';
import { referencesTo } from '../../domain/rules/references';
import { useAppServices } from '../app-services';
import { useReview } from '../review-context';
import { hrefOf, paths, type WorkspaceSection } from '../routes';

/** Where each kind of record is opened, for links to what refers to a record. */
export const SECTION_OF_KIND: Record<ChildRecordKind, WorkspaceSection> = {
  teamMember: 'team',
  participant: 'participants',
  document: 'documents',
  conversation: 'conversations',
  stepNote: 'conversations',
  narrativeEntry: 'narrative',
  episode: 'episodes',
  pattern: 'patterns',
  recommendation: 'recommendations',
  reportStage: 'reports',
  comment: 'reports',
  audit: 'overview',
  meeting: 'conversations',
  identifier: 'identifiers',
  languageDismissal: 'identifiers',
};

/**
 * Removes a record after a confirmation: one button and dialog for every screen. A record other records still refer
 * to is not offered for removal: the dialog says what refers to it, links to each, and offers nothing that cannot
 * work. Should the service still refuse (someone added a reference meanwhile), its reason is shown.
 */
export function RemoveRecord({
  kind,
  record,
  what,
  consequences,
  onRemoved,
  beforeRemove,
}: {
  kind: ChildRecordKind;
  record: { reviewId: ReviewId; id: string; version: number };
  /** "Alex Fenwick (Facilitator)"; by default "this key practice episode". */
  what?: string;
  consequences?: ReactNode;
  onRemoved: () => void;
  /** Removes owned records first (a conversation's step notes); a failure's words stop the removal. */
  beforeRemove?: () => Promise<string | null>;
}) {
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const label = recordLabel(kind).toLocaleLowerCase('en-GB');
  const name = what ?? `this ${label}`;
  const references = open ? [...referencesTo(snapshot, kind, record.id), ...analysisReferencesTo(snapshot, kind, record.id)] : [];
  const blocked = references.length > 0;

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
    <div>
      <Button
        icon={<Delete16Regular />}
        onClick={() => {
          setProblem(null);
          setOpen(true);
        }}
        data-testid="remove-record"
      >
        Remove this {label}
      </Button>
      {open ? (
        <Dialog open modalType="alert" onOpenChange={(_, data) => (data.open ? undefined : setOpen(false))}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{blocked ? `${capitalise(name)} cannot be removed yet` : `Remove ${name}?`}</DialogTitle>
              <DialogContent style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
                {blocked ? (
                  <>
                    <Text block>
                      {references.length === 1 ? 'Another record refers' : `${references.length} other records refer`} to {name}. Change or remove{' '}
                      {references.length === 1 ? 'it' : 'them'} first, so that nothing is left referring to something that has gone:
                    </Text>
                    <ul style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL }} data-testid="remove-blocked-by">
                      {references.map((reference) => (
                        <li key={`${reference.kind}:${reference.id}`}>
                          <Link href={hrefOf(paths.record(record.reviewId, SECTION_OF_KIND[reference.kind], reference.id))} onClick={() => setOpen(false)}>
                            {capitalise(reference.description)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <>
                    <Text block>This takes it out of the review. It cannot be undone.</Text>
                    {consequences}
                  </>
                )}
                {problem ? (
                  <MessageBar intent="error" role="alert">
                    <MessageBarBody>{problem}</MessageBarBody>
                  </MessageBar>
                ) : null}
              </DialogContent>
              <DialogActions>
                {blocked ? (
                  <Button appearance="primary" onClick={() => setOpen(false)}>
                    Close
                  </Button>
                ) : (
                  <>
                    <Button appearance="primary" onClick={() => void remove()}>
                      Remove
                    </Button>
                    <Button onClick={() => setOpen(false)}>Keep it</Button>
                  </>
                )}
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      ) : null}
    </div>
  );
}

const capitalise = (text: string): string => (text ? text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1) : text);
