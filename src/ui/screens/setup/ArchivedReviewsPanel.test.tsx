// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewSummary } from '../../../domain/review-summary';
import { err, ok } from '../../../domain/result';
import type { ArchivedReview, ReviewArchive } from '../../../ports/review-archive';
import { ArchivedReviewsPanel } from './ArchivedReviewsPanel';
import { registerReviewArchive } from './review-archive-registry';

afterEach(() => {
  cleanup();
  registerReviewArchive(null);
});

// Fictional reviews.
const finished = { id: 'rev-heron', codename: 'Heron (fictional)', phase: 'publication' } as unknown as ReviewSummary;
const archivedLongAgo: ArchivedReview = {
  reviewId: 'rev-gannet',
  codename: 'Gannet (fictional)',
  archivedAt: '2025-01-06T10:00:00.000Z',
  removableFrom: '2025-04-06T10:00:00.000Z',
  channelRemovedAt: null,
  hasChannel: true,
};

function fakeArchive(initial: ArchivedReview[]) {
  const archived = [...initial];
  const calls: string[] = [];
  const archive: ReviewArchive = {
    retentionDays: 90,
    archived: async () => ok([...archived]),
    archive: async (reviewId) => {
      calls.push(`archive ${reviewId}`);
      const entry = {
        ...archivedLongAgo,
        reviewId,
        codename: 'Heron (fictional)',
        archivedAt: new Date().toISOString(),
        removableFrom: new Date(Date.now() + 90 * 86_400_000).toISOString(),
      };
      archived.push(entry);
      return ok(entry);
    },
    removeChannel: async (reviewId) => {
      calls.push(`remove ${reviewId}`);
      if (reviewId !== 'rev-gannet') return err({ kind: 'blocked', what: 'The review’s private channel', reasons: ['kept until 2026-05-31'] });
      archived[0] = { ...archived[0]!, channelRemovedAt: '2026-03-02T09:00:00.000Z' };
      return ok(archived[0]);
    },
  };
  return { archive, calls };
}

const show = (reviews: ReviewSummary[]) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <ArchivedReviewsPanel finished={reviews} />
    </FluentProvider>,
  );

describe('ArchivedReviewsPanel', () => {
  it('shows nothing without an archive (standalone mode)', () => {
    show([finished]);
    expect(screen.queryByTestId('archived-reviews')).toBeNull();
  });

  it('archives a finished review and offers to remove a channel only once its retention period is over', async () => {
    const { archive, calls } = fakeArchive([archivedLongAgo]);
    registerReviewArchive(archive);
    show([finished]);
    await waitFor(() => expect(screen.getAllByTestId('archived-review')).toHaveLength(1));
    expect(screen.getAllByTestId('remove-archived-channel')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('archive-review'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Heron \(fictional\) is archived.*kept for 90 days/));
    expect(calls).toEqual(['archive rev-heron']);
    // The newly archived one cannot be removed yet: still one button.
    await waitFor(() => expect(screen.getAllByTestId('archived-review')).toHaveLength(2));
    expect(screen.getAllByTestId('remove-archived-channel')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('remove-archived-channel'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Gannet \(fictional\)’s channel is removed.*30 more days/));
    expect(calls).toEqual(['archive rev-heron', 'remove rev-gannet']);
  });
});
