import type { ActingAs } from '../../domain/access/actor';
import type { ActingAsStorage } from '../../ports/acting-as';

export type { ActingAsStorage };

/**
 * Standalone mode has no sign-in, so the person says who they are acting as in each review; the role matrix then
 * limits what the app shows and does. A courtesy, not security: anyone at this browser can choose anyone.
 * Nobody chosen: the lead reviewer (what the app did before roles existed, and what a new review's creator is).
 */
export class ActingAsChoices {
  private readonly listeners = new Set<() => void>();
  private readonly cache = new Map<string, ActingAs | null>();

  constructor(private readonly storage: ActingAsStorage | null = null) {}

  get(reviewId: string): ActingAs | null {
    if (!this.cache.has(reviewId)) this.cache.set(reviewId, this.storage?.read(reviewId) ?? null);
    return this.cache.get(reviewId) ?? null;
  }

  set(reviewId: string, choice: ActingAs | null): void {
    this.cache.set(reviewId, choice);
    this.storage?.write(reviewId, choice);
    this.listeners.forEach((listener) => listener());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
