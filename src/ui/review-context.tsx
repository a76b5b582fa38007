import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ReviewSession } from '../app/session/review-session';
import type { Failure } from '../domain/failures';
import type { ReviewId } from '../domain/ids';
import type { ReviewSnapshot } from '../domain/model';
import { useAppServices } from './app-services';

const SessionContext = createContext<ReviewSession | null>(null);

export type ReviewLoadState =
  { readonly status: 'loading' } | { readonly status: 'failed'; readonly failure: Failure } | { readonly status: 'loaded'; readonly session: ReviewSession };

/**
 * Opens one review as a session (read once; kept fresh by the store's change reports, never by re-reading it
 * after a save). Every screen of the review shares it.
 */
export function useReviewLoader(reviewId: ReviewId): {
  state: ReviewLoadState;
  retry: () => void;
} {
  const { service } = useAppServices();
  const [state, setState] = useState<ReviewLoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    void service.openSession(reviewId).then((opened) => {
      if (cancelled) return;
      setState(opened.ok ? { status: 'loaded', session: opened.value } : { status: 'failed', failure: opened.error });
    });
    return () => {
      cancelled = true;
    };
  }, [service, reviewId, attempt]);

  return { state, retry: () => setAttempt((count) => count + 1) };
}

export function ReviewProvider({ session, children }: { session: ReviewSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The open review's session: the one way a screen changes the review. */
export function useReviewSession(): ReviewSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useReviewSession outside ReviewProvider');
  return session;
}

/** The session, when a review is open: for the header, which is shown everywhere. */
export function useOptionalReviewSession(): ReviewSession | null {
  return useContext(SessionContext);
}

/** Part of the open review; the screen re-renders only when that part changes (selectors return stored objects). */
export function useReviewSelector<T>(select: (snapshot: ReviewSnapshot) => T): T {
  const session = useReviewSession();
  return useSyncExternalStore(session.subscribe, () => select(session.getSnapshot()));
}

/** The whole open review, as it stands in memory. */
export function useReview(): {
  readonly snapshot: ReviewSnapshot;
  readonly session: ReviewSession;
} {
  const session = useReviewSession();
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return { snapshot, session };
}
