import type { ActingAsStorage } from '../../ports/acting-as';
import type { ActingAs } from '../../domain/access/actor';

const KEY_PREFIX = 'lt.actingAs.';

/** The standalone "acting as" choice per review, in this browser's localStorage. */
export function browserActingAsStorage(storage: Storage = localStorage): ActingAsStorage {
  return {
    read(reviewId) {
      try {
        const raw = storage.getItem(KEY_PREFIX + reviewId);
        if (raw === null) return null;
        const parsed = JSON.parse(raw) as Partial<ActingAs>;
        return (parsed.as === 'teamMember' || parsed.as === 'participant') && typeof parsed.id === 'string'
          ? ({ as: parsed.as, id: parsed.id } as ActingAs)
          : null;
      } catch {
        return null;
      }
    },
    write(reviewId, choice) {
      try {
        if (choice === null) storage.removeItem(KEY_PREFIX + reviewId);
        else storage.setItem(KEY_PREFIX + reviewId, JSON.stringify(choice));
      } catch {
        // Storage full or refused: the choice lasts for this visit only.
      }
    },
  };
}
