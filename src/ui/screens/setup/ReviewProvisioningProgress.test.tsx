// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Review } from '../../../domain/model';
import { ok } from '../../../domain/result';
import type { PendingReviewSetup, ReviewSetup, ReviewSetupProgress } from '../../../ports/review-setup';
import { ReviewProvisioningProgress } from './ReviewProvisioningProgress';
import { registerReviewSetup } from './review-setup-registry';

afterEach(() => {
  cleanup();
  registerReviewSetup(null);
});

function fakeSetup(pending: PendingReviewSetup[], remaining: number) {
  const listeners = new Set<(progress: ReviewSetupProgress) => void>();
  const calls: string[] = [];
  const setup: ReviewSetup = {
    pending: async () => ok(pending),
    resume: async (reviewId) => {
      calls.push(`resume ${reviewId}`);
      pending.splice(0);
      return ok({ id: reviewId } as unknown as Review);
    },
    abandon: async (reviewId) => {
      calls.push(`abandon ${reviewId}`);
      return ok(undefined);
    },
    privateChannelQuota: async () => ok({ limit: 30, inUse: 30 - remaining, remaining }),
    onProgress: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { setup, calls, emit: (progress: ReviewSetupProgress) => act(() => listeners.forEach((listener) => listener(progress))) };
}

const show = (props: Parameters<typeof ReviewProvisioningProgress>[0]) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <ReviewProvisioningProgress {...props} />
    </FluentProvider>,
  );

describe('review setup progress', () => {
  it('shows nothing in standalone mode (no setup registered)', () => {
    show({ showPending: true, showQuota: true });
    expect(screen.queryByTestId('review-setup')).toBeNull();
  });

  it('shows the step and the wait for the channel’s site, and the private channels left', async () => {
    const fake = fakeSetup([], 12);
    registerReviewSetup(fake.setup);
    show({ showQuota: true });
    await waitFor(() => expect(screen.getByTestId('private-channels-left').textContent).toContain('12 of 30'));
    fake.emit({ reviewId: 'rev-1', codename: 'Kestrel', stage: 'waitingForSite', attempt: 3, nextWaitMs: 8000 });
    expect(screen.getByTestId('review-setup-progress').textContent).toContain('Kestrel');
    expect(screen.getByTestId('review-setup-waiting').textContent).toMatch(/Asked 3 times; asking again in 8 s/);
  });

  it('offers to carry on or abandon a stopped setup, and says when the team is full', async () => {
    const fake = fakeSetup([{ reviewId: 'rev-2', codename: 'Merlin', stage: 'channelCreated', resumable: true }], 0);
    registerReviewSetup(fake.setup);
    const ready: string[] = [];
    show({ showPending: true, showQuota: true, onReady: (id) => ready.push(id) });
    await waitFor(() => expect(screen.getByTestId('review-setup-pending').textContent).toContain('Merlin'));
    expect(screen.getByTestId('private-channels-left').textContent).toMatch(/no private channels left.*dedicated site/);
    fireEvent.click(screen.getByTestId('review-setup-resume'));
    await waitFor(() => expect(ready).toEqual(['rev-2']));
    expect(fake.calls).toEqual(['resume rev-2']);
  });
});
