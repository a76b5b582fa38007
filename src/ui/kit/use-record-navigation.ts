import { useCallback, useMemo } from 'react';
import { useLocation } from 'wouter';
import { useReview } from '../review-context';
import { hrefOf, paths, type WorkspaceSection } from '../routes';

/**
 * Opening a record is a deep link: the address names it, so a reload, Back or a shared link shows the same. Used
 * inside the workspace's nested router, where locations are relative to the review.
 */
export function useRecordNavigation(section: WorkspaceSection) {
  const { snapshot } = useReview();
  const [, navigate] = useLocation();
  const reviewId = snapshot.review.id;
  const close = useCallback(() => navigate(`/${section}`), [navigate, section]);
  const open = useCallback((id: string | null) => (id === null ? close() : navigate(`/${section}/${encodeURIComponent(id)}`)), [navigate, section, close]);
  return useMemo(
    () => ({
      reviewId,
      open,
      close,
      /** A link to a record in any section of this review. */
      hrefTo: (target: WorkspaceSection, id: string) => hrefOf(paths.record(reviewId, target, id)),
      href: (id: string) => hrefOf(paths.record(reviewId, section, id)),
    }),
    [open, close, reviewId, section],
  );
}
