// Pools the open review's de-identified findings when its phase reaches the pooling phase, and withdraws them when it
// goes back (issue 14, ADR 1401). Renders nothing; a failure is left for the collation screen's catch-up to mend.
import { useEffect, useRef } from 'react';
import { useAppServices } from '../../app-services';
import { useReviewSelector, useReviewSession } from '../../review-context';

export function PoolOnPhaseChange() {
  const { pooledLearning } = useAppServices();
  const session = useReviewSession();
  const phase = useReviewSelector((snapshot) => snapshot.review.phase);
  const seen = useRef(phase);
  useEffect(() => {
    // Only a change of phase while the review is open: opening a review pools nothing by itself.
    if (seen.current === phase || !pooledLearning) return;
    seen.current = phase;
    void pooledLearning().then((service) => service.sync(session.getSnapshot()));
  }, [phase, pooledLearning, session]);
  return null;
}
