import type { EditJournal, JournalEntry } from '../../ports/edit-journal';

/** A journal that lives as long as the process: for the CLI, imports and tests. */
export function memoryJournal(): EditJournal {
  const kept = new Map<string, readonly JournalEntry[]>();
  return {
    read: (reviewId) => kept.get(reviewId) ?? [],
    write: (reviewId, entries) => {
      if (entries.length === 0) kept.delete(reviewId);
      else kept.set(reviewId, entries);
      return true;
    },
  };
}
