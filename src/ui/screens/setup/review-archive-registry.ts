// Where the review-archive port is found by the screens (ADR 0908). Microsoft 365 mode registers it when it wires
// Graph (src/host/graph-wiring.ts); standalone mode never does, so the archive panel shows nothing there.
import { useSyncExternalStore } from 'react';
import type { ReviewArchive } from '../../../ports/review-archive';

let current: ReviewArchive | null = null;
const listeners = new Set<() => void>();

export function registerReviewArchive(archive: ReviewArchive | null): void {
  current = archive;
  for (const listener of listeners) listener();
}

export function useReviewArchive(): ReviewArchive | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => null,
  );
}
