import type { ActingAs } from '../domain/access/actor';

/** Where the choice of who to act as in a review is kept between visits (this browser's storage in standalone mode). */
export interface ActingAsStorage {
  read(reviewId: string): ActingAs | null;
  write(reviewId: string, choice: ActingAs | null): void;
}
