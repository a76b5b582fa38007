// Microsoft 365 mode: archive a finished review (its private channel becomes read-only and it leaves the list), and
// remove an archived review's channel once the retention period is over, which frees a private channel in the team
// 30 days later (ADR 0908). Standalone mode has no archive, so nothing is shown.
import { Button, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { ReviewSummary } from '../../../domain/review-summary';
import type { ArchivedReview } from '../../../ports/review-archive';
import { Notice } from '../../components/workspace/ScreenParts';
import { formatInstant } from '../../london-format';
import { useReviewArchive } from './review-archive-registry';

export interface ArchivedReviewsPanelProps {
  /** Reviews at their last phase (publication), which a coordinator may archive. */
  readonly finished: readonly ReviewSummary[];
  /** Called after a review was archived, so the list can be read again. */
  readonly onArchived?: () => void;
}

export function ArchivedReviewsPanel({ finished, onArchived }: ArchivedReviewsPanelProps) {
  const archive = useReviewArchive();
  const [archived, setArchived] = useState<readonly ArchivedReview[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (archive === null) return;
    const listed = await archive.archived();
    if (listed.ok) setArchived(listed.value);
    else setProblem(describeFailure(listed.error));
  }, [archive]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (archive === null) return null;

  const act = async (reviewId: string, codename: string, action: 'archive' | 'removeChannel') => {
    setBusy(reviewId);
    setProblem(null);
    setDone(null);
    const result = action === 'archive' ? await archive.archive(reviewId) : await archive.removeChannel(reviewId);
    setBusy(null);
    if (!result.ok) {
      setProblem(describeFailure(result.error));
      return;
    }
    setDone(
      action === 'archive'
        ? `${codename} is archived. Its channel is now read-only and is kept for ${archive.retentionDays} days.`
        : `${codename}’s channel is removed. Teams counts it for 30 more days before the private channel is free again.`,
    );
    await refresh();
    if (action === 'archive') onArchived?.();
  };

  const now = Date.now();
  if (finished.length === 0 && archived.length === 0 && problem === null && done === null) return null;
  return (
    <section aria-labelledby="archived-reviews-title" data-testid="archived-reviews" style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
      <Text as="h2" size={400} weight="semibold" id="archived-reviews-title">
        Finished and archived reviews
      </Text>
      <Text>
        Archive a review once its report is published: its channel becomes read-only. After {archive.retentionDays} days its channel can be removed, which
        deletes the review’s records in Microsoft 365 for good (export the review first if the LSCB keeps a copy) and frees a private channel 30 days later.
      </Text>
      {finished.map((review) => (
        <div key={review.id} style={{ display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' }}>
          <span>{review.codename}</span>
          <Button size="small" disabled={busy !== null} onClick={() => void act(review.id, review.codename, 'archive')} data-testid="archive-review">
            {busy === review.id ? 'Archiving…' : 'Archive'}
          </Button>
        </div>
      ))}
      {archived.map((review) => {
        const removable = review.hasChannel && review.channelRemovedAt === null && Date.parse(review.removableFrom) <= now;
        return (
          <div key={review.reviewId} data-testid="archived-review" style={{ display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' }}>
            <span>
              {review.codename}: archived {formatInstant(review.archivedAt)}.{' '}
              {review.channelRemovedAt !== null
                ? `Channel removed ${formatInstant(review.channelRemovedAt)}.`
                : review.hasChannel
                  ? `Channel can be removed from ${formatInstant(review.removableFrom)}.`
                  : 'No channel of its own.'}
            </span>
            {removable ? (
              <Button
                size="small"
                disabled={busy !== null}
                onClick={() => void act(review.reviewId, review.codename, 'removeChannel')}
                data-testid="remove-archived-channel"
              >
                {busy === review.reviewId ? 'Removing…' : 'Remove its channel'}
              </Button>
            ) : null}
          </div>
        );
      })}
      {done ? (
        <div role="status">
          <Notice intent="success">{done}</Notice>
        </div>
      ) : null}
      {problem ? <Notice intent="error">{problem}</Notice> : null}
    </section>
  );
}
