import type { Command } from '../domain/session/commands';

/** One edit that the store has not yet confirmed, as the journal keeps it. */
export interface JournalEntry {
  /** Names the edit: a second submission of the same edit (a double click) is recognised by it. */
  readonly commandId: string;
  readonly command: Command;
  readonly at: string;
  readonly by: string;
}

/**
 * Edits kept on this device, synchronously, from the moment they are made until the store has them: what lets a
 * reload or a closed tab straight after typing lose nothing. Read when a review is opened; the edits still in it
 * are applied again.
 */
export interface EditJournal {
  read(reviewId: string): readonly JournalEntry[];
  /** False when the device would not keep them (storage full or turned off): the app then asks before closing. */
  write(reviewId: string, entries: readonly JournalEntry[]): boolean;
}
