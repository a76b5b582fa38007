import { useCallback, useMemo } from 'react';
import { useLocation } from 'wouter';
import { useReview } from '../../review-context';
import { hrefOf, paths, type WorkspaceSection } from '../../routes';

/** Open and close a section's records by URL, so every record has a deep link and Back works. */
export function useRecordNavigation(section: WorkspaceSection) {
  const { snapshot } = useReview();
  const [, navigate] = useLocation();
  const reviewId = snapshot.review.id;
  const open = useCallback((id: string) => navigate(`/${section}/${encodeURIComponent(id)}`), [navigate, section]);
  const close = useCallback(() => navigate(`/${section}`), [navigate, section]);
  return useMemo(
    () => ({
      open,
      close,
      /** A link to a record in any section of this review. */
      hrefTo: (target: WorkspaceSection, id: string) => hrefOf(paths.record(reviewId, target, id)),
      href: (id: string) => hrefOf(paths.record(reviewId, section, id)),
    }),
    [open, close, reviewId, section],
  );
}
