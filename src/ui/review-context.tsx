import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Failure } from '../domain/failures';
import type { ReviewId } from '../domain/ids';
import type { ReviewSnapshot } from '../domain/model';
import { useAppServices } from './app-services';

interface ReviewContextValue {
  readonly snapshot: ReviewSnapshot;
  /** Re-read the review from the store (after a save elsewhere, or when another tab changed it). */
  readonly reload: () => Promise<void>;
}

const ReviewContext = createContext<ReviewContextValue | null>(null);

export type ReviewLoadState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly failure: Failure }
  | { readonly status: 'loaded'; readonly snapshot: ReviewSnapshot };

/** Loads one review and keeps it fresh as this tab, other tabs or other users change it. */
export function useReviewLoader(reviewId: ReviewId): { state: ReviewLoadState; reload: () => Promise<void> } {
  const { service } = useAppServices();
  const [state, setState] = useState<ReviewLoadState>({ status: 'loading' });

  const reload = useCallback(async () => {
    const loaded = await service.loadReview(reviewId);
    setState(loaded.ok ? { status: 'loaded', snapshot: loaded.value } : { status: 'failed', failure: loaded.error });
  }, [service, reviewId]);

  useEffect(() => {
    setState({ status: 'loading' });
    void reload();
    return service.store.watchReview(reviewId, () => void reload());
  }, [service, reviewId, reload]);

  return { state, reload };
}

export function ReviewProvider({ snapshot, reload, children }: ReviewContextValue & { children: ReactNode }) {
  const value = useMemo(() => ({ snapshot, reload }), [snapshot, reload]);
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>;
}

export function useReview(): ReviewContextValue {
  const value = useContext(ReviewContext);
  if (!value) throw new Error('useReview outside ReviewProvider');
  return value;
}
