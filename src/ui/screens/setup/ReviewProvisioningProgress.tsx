// What a coordinator sees while a review is being set up in Microsoft 365 mode: each step as it completes (the
// channel, its SharePoint site, the lists), the wait for a site SharePoint has not finished, reviews whose setup
// stopped (a closed tab) with Resume and Abandon, and how many private channels the team has left.
import { Button, ProgressBar, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import {
  REVIEW_SETUP_STAGES,
  type PendingReviewSetup,
  type PrivateChannelQuota,
  type ReviewSetupProgress,
  type ReviewSetupStage,
} from '../../../ports/review-setup';
import { Notice } from '../../components/workspace/ScreenParts';
import { useReviewSetup } from './review-setup-registry';

const STAGE_WORDS: Record<ReviewSetupStage, string> = {
  registered: 'Reserved the review in the register',
  channelCreated: 'Created the review’s private channel',
  waitingForSite: 'Waiting for SharePoint to finish the channel’s site',
  siteReady: 'The channel’s site is ready',
  listsProvisioned: 'Created the review’s lists',
  ready: 'The review is ready',
};

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

export interface ReviewProvisioningProgressProps {
  /** Also list setups that stopped part-way, with Resume and Abandon (the reviews list). */
  readonly showPending?: boolean;
  /** Called when a resumed setup finishes, with the review's id. */
  readonly onReady?: (reviewId: string) => void;
  /**
   * Show how many private channels the team has left. Only where reviews are created: counting them needs a permission
   * (Channel.ReadBasic.All) that only people who create reviews are asked for.
   */
  readonly showQuota?: boolean;
}

export function ReviewProvisioningProgress({ showPending = false, showQuota = false, onReady }: ReviewProvisioningProgressProps) {
  const setup = useReviewSetup();
  const [live, setLive] = useState<ReviewSetupProgress | null>(null);
  const [pending, setPending] = useState<readonly PendingReviewSetup[]>([]);
  const [quota, setQuota] = useState<PrivateChannelQuota | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (setup === null) return;
    const [listed, left] = await Promise.all([showPending ? setup.pending() : Promise.resolve(null), showQuota ? setup.privateChannelQuota() : Promise.resolve(null)]);
    if (listed?.ok) setPending(listed.value);
    if (left?.ok) setQuota(left.value);
  }, [setup, showPending, showQuota]);

  useEffect(() => {
    if (setup === null) return undefined;
    void refresh();
    return setup.onProgress((progress) => setLive(progress));
  }, [setup, refresh]);

  if (setup === null) return null;

  const act = async (reviewId: string, action: 'resume' | 'abandon') => {
    setBusy(reviewId);
    setProblem(null);
    const result = action === 'resume' ? await setup.resume(reviewId) : await setup.abandon(reviewId);
    setBusy(null);
    if (!result.ok) setProblem(describeFailure(result.error));
    else if (action === 'resume') onReady?.(reviewId);
    await refresh();
  };

  const step = live === null ? -1 : REVIEW_SETUP_STAGES.indexOf(live.stage);
  return (
    <div data-testid="review-setup" style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
      {live !== null && live.stage !== 'ready' ? (
        <div role="status" aria-live="polite" data-testid="review-setup-progress" style={{ display: 'grid', gap: tokens.spacingVerticalXS }}>
          <Spinner size="tiny" label={`Setting up “${live.codename}”: ${STAGE_WORDS[live.stage]}`} labelPosition="after" />
          <ProgressBar value={(step + 1) / REVIEW_SETUP_STAGES.length} aria-label="Review setup progress" />
          {live.stage === 'waitingForSite' ? (
            <span data-testid="review-setup-waiting">
              SharePoint can take several minutes to set up a new channel’s site. Asked {live.attempt} {live.attempt === 1 ? 'time' : 'times'}; asking
              again in {seconds(live.nextWaitMs)}. You can close this tab: the setup carries on from here when you come back.
            </span>
          ) : null}
        </div>
      ) : null}
      {showPending
        ? pending.map((entry) => (
            <Notice key={entry.reviewId} intent="warning">
              <span data-testid="review-setup-pending">
                The setup of “{entry.codename}” stopped at: {STAGE_WORDS[entry.stage].toLowerCase()}.{' '}
                {entry.resumable ? null : 'It was started in another browser, so it can only be abandoned here. '}
              </span>
              {entry.resumable ? (
                <Button size="small" appearance="primary" disabled={busy !== null} onClick={() => void act(entry.reviewId, 'resume')} data-testid="review-setup-resume">
                  {busy === entry.reviewId ? 'Carrying on…' : 'Carry on setting it up'}
                </Button>
              ) : null}{' '}
              <Button size="small" disabled={busy !== null} onClick={() => void act(entry.reviewId, 'abandon')} data-testid="review-setup-abandon">
                Abandon
              </Button>
            </Notice>
          ))
        : null}
      {problem ? <Notice intent="error">{problem}</Notice> : null}
      {quota !== null ? (
        quota.remaining === 0 ? (
          <Notice intent="warning">
            <span data-testid="private-channels-left">
              The team has no private channels left ({quota.inUse} of {quota.limit} in use; Teams counts deleted channels for 30 days). Remove the
              channel of a finished review, or ask your administrator to set up a dedicated site for reviews (docs/sharepoint.md).
            </span>
          </Notice>
        ) : (
          <span data-testid="private-channels-left" style={{ color: tokens.colorNeutralForeground3 }}>
            Private channels left in the team: {quota.remaining} of {quota.limit}. Each review uses one.
          </span>
        )
      ) : null}
    </div>
  );
}
