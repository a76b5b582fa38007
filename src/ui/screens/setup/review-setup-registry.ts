// Where the review-setup port is found by the screens. Microsoft 365 mode registers it when it wires Graph
// (src/host/graph-wiring.ts); standalone mode never does, so the progress panel shows nothing there. A small
// registry rather than a field on AppServices, so the setup progress stays out of the shared services object.
import { useSyncExternalStore } from 'react';
import type { ReviewSetup } from '../../../ports/review-setup';

let current: ReviewSetup | null = null;
const listeners = new Set<() => void>();

export function registerReviewSetup(setup: ReviewSetup | null): void {
  current = setup;
  for (const listener of listeners) listener();
}

export function useReviewSetup(): ReviewSetup | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => null,
  );
}
