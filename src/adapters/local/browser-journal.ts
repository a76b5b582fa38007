import type { EditJournal, JournalEntry } from '../../ports/edit-journal';

const KEY_PREFIX = 'lt.edits.';
const FORMAT = 1;

interface StoredJournal {
  readonly format: typeof FORMAT;
  readonly entries: readonly JournalEntry[];
}

/**
 * The edit journal in this browser's localStorage: written synchronously on every edit, so it survives a reload or
 * a closed tab that IndexedDB or the network had no time to finish. Only edits not yet stored are in it; an entry
 * is removed as soon as the store has it. A journal this version cannot read is set aside, never half-applied.
 */
export function browserJournal(storage: Storage | undefined = globalThis.localStorage): EditJournal {
  return {
    read(reviewId) {
      if (!storage) return [];
      try {
        const text = storage.getItem(KEY_PREFIX + reviewId);
        if (!text) return [];
        const parsed = JSON.parse(text) as Partial<StoredJournal>;
        if (parsed.format !== FORMAT || !Array.isArray(parsed.entries)) {
          storage.setItem(`${KEY_PREFIX}unreadable.${reviewId}`, text);
          storage.removeItem(KEY_PREFIX + reviewId);
          return [];
        }
        return parsed.entries.filter(isEntry);
      } catch {
        return [];
      }
    },
    write(reviewId, entries) {
      if (!storage) return false;
      try {
        if (entries.length === 0) storage.removeItem(KEY_PREFIX + reviewId);
        else storage.setItem(KEY_PREFIX + reviewId, JSON.stringify({ format: FORMAT, entries } satisfies StoredJournal));
        return true;
      } catch {
        return false;
      }
    },
  };
}

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<JournalEntry>;
  return (
    typeof entry.commandId === 'string' &&
    typeof entry.at === 'string' &&
    typeof entry.by === 'string' &&
    typeof entry.command === 'object' &&
    entry.command !== null
  );
}
