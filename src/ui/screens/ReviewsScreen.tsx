import { Badge, Button, Link, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { describeFailure } from '../../app/failure-messages';
import { PHASE_TITLES, TRIGGER_LABELS } from '../../domain/labels';
import type { ReviewSummary } from '../../domain/review-summary';
import { useAppServices } from '../app-services';
import { ImportBundleButton } from '../components/BundleTransfer';
import { Notice, ScreenTitle } from '../components/workspace/ScreenParts';
import { formatInstant, formatPeriod } from '../london-format';
import { hrefOf, paths } from '../routes';
import { ReviewProvisioningProgress } from './setup/ReviewProvisioningProgress';
import { ArchivedReviewsPanel } from './setup/ArchivedReviewsPanel';

// Deleting is rare: the dialog (and Fluent's dialog and motion code) is fetched when first asked for, which keeps it
// off the first screen (DESIGN §6, first-load-js).
const DeleteReviewDialog = lazy(async () => ({ default: (await import('./DeleteReviewDialog')).DeleteReviewDialog }));

type ListState = { status: 'loading' } | { status: 'loaded'; reviews: ReviewSummary[] } | { status: 'failed'; message: string };

/** Every review in this store: open one, start one, open the fictional training case, or delete one. */
export function ReviewsScreen() {
  const { service, loadTrainingCase } = useAppServices();
  const [, navigate] = useLocation();
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [deleting, setDeleting] = useState<ReviewSummary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [trainingBusy, setTrainingBusy] = useState(false);
  const [trainingProblem, setTrainingProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    const listed = await service.listReviews();
    setState(listed.ok ? { status: 'loaded', reviews: listed.value } : { status: 'failed', message: describeFailure(listed.error) });
  }, [service]);

  useEffect(() => {
    void load();
  }, [load]);

  const openTrainingCase = async () => {
    if (!loadTrainingCase) return;
    setTrainingBusy(true);
    setTrainingProblem(null);
    try {
      const reviewId = await loadTrainingCase();
      navigate(paths.review(reviewId));
    } catch (error) {
      setTrainingProblem(`The training case could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setTrainingBusy(false);
    }
  };

  // Offered in both modes; a host that cannot offer it shows no button rather than a disabled one.
  const trainingButton = loadTrainingCase ? (
    <Button onClick={() => void openTrainingCase()} disabledFocusable={trainingBusy} data-testid="open-training-case">
      {trainingBusy ? 'Opening the training case…' : 'Open the fictional training case'}
    </Button>
  ) : null;

  return (
    <section aria-labelledby="screen-title" style={{ display: 'grid', gap: tokens.spacingVerticalM }}>
      <ScreenTitle title="Reviews">
        {trainingButton}
        <Button appearance="primary" onClick={() => navigate(paths.newReview())} data-testid="new-review">
          New review
        </Button>
      </ScreenTitle>
      <ImportBundleButton onImported={(reviewId) => navigate(paths.review(reviewId))} />
      <ReviewProvisioningProgress showPending onReady={(reviewId) => navigate(paths.review(reviewId))} />
      <ArchivedReviewsPanel
        finished={state.status === 'loaded' ? state.reviews.filter((review) => review.phase === 'publication') : []}
        onArchived={() => void load()}
      />
      {trainingProblem ? <Notice intent="error">{trainingProblem}</Notice> : null}
      {notice ? (
        <div role="status">
          <Notice intent="success">{notice}</Notice>
        </div>
      ) : null}
      {state.status === 'loading' ? <Spinner label="Loading reviews…" /> : null}
      {state.status === 'failed' ? <Notice intent="error">{state.message}</Notice> : null}
      {state.status === 'loaded' && state.reviews.length === 0 ? (
        <div data-testid="reviews-empty" style={{ display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '40rem' }}>
          <Text size={400} weight="semibold" as="h2">
            No reviews yet
          </Text>
          <Text block>
            A review starts from a question about practice: after serious harm, but also to understand routine work, good practice or something new. Start one,
            or look around the fictional training case first.
          </Text>
          <div style={{ display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' }}>
            <Button appearance="primary" onClick={() => navigate(paths.newReview())}>
              Start a review
            </Button>
            {trainingButton}
          </div>
        </div>
      ) : null}
      {state.status === 'loaded' && state.reviews.length > 0 ? (
        <Table aria-label="Reviews" data-testid="reviews-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Codename</TableHeaderCell>
              <TableHeaderCell>Phase</TableHeaderCell>
              <TableHeaderCell>Prompted by</TableHeaderCell>
              <TableHeaderCell>Period under review</TableHeaderCell>
              <TableHeaderCell>Last updated</TableHeaderCell>
              <TableHeaderCell>
                <span style={{ position: 'absolute', left: '-10000px' }}>Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.reviews.map((review) => (
              <TableRow key={review.id} data-testid={`review-row-${review.codename}`}>
                <TableCell>
                  <Link href={hrefOf(paths.review(review.id))}>{review.codename}</Link>{' '}
                  {review.fictional ? (
                    <Badge appearance="outline" color="informative">
                      Fictional
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell>{PHASE_TITLES[review.phase]}</TableCell>
                <TableCell>{TRIGGER_LABELS[review.trigger]}</TableCell>
                <TableCell>{formatPeriod(review.periodUnderReview)}</TableCell>
                <TableCell>{formatInstant(review.updatedAt)}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setDeleting(review)} aria-label={`Delete review ${review.codename}`}>
                    Delete
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {deleting ? (
        <Suspense fallback={<Spinner size="tiny" label="Opening the delete dialog…" />}>
          <DeleteReviewDialog
            review={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={() => {
              setNotice(`Review ${deleting.codename} was deleted.`);
              setDeleting(null);
              void load();
            }}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
