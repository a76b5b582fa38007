/**
 * The guide tells the note-taker: "their words as close as you can; your own comments in brackets". A step note
 * keeps the participant's words (`text`) and the facilitators' own comments (`comments`) apart; this module finds
 * bracketed comments inside words typed by habit, so that
 *
 * - the record migration to schema version 2 moves them into `comments`, and
 * - the participant's stage view never shows them, even when a note-taker types brackets into the words.
 *
 * Square brackets only: `[facilitator: follow up on caseload]`. An unclosed bracket counts as a comment to the end
 * of the text (the safe side: nothing the facilitators meant for themselves is shown). The guide's merge markers
 * (`[[ Two versions of this passage … ]]`) are the app's own words to the facilitators: they are kept in the words
 * by the migration (so the two versions stay readable) and never shown on the stage.
 */

export interface SplitNote {
  /** The participant's words with the bracketed comments taken out, tidied: no doubled spaces, no emptied lines. */
  readonly words: string;
  /** Each bracketed comment's inside, trimmed, in order; empty brackets are dropped. */
  readonly comments: readonly string[];
}

const MERGE_MARKER = /^\[\[[^\]]*\]\]/u;

/**
 * Splits note text into the participant's words and the facilitators' bracketed comments.
 * `mergeMarkers: 'keep'` leaves `[[ … ]]` markers in the words (for the migration); `'drop'` removes them too.
 */
export function splitFacilitatorComments(text: string, options: { mergeMarkers: 'keep' | 'drop' } = { mergeMarkers: 'drop' }): SplitNote {
  const comments: string[] = [];
  let words = '';
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const marker = MERGE_MARKER.exec(rest);
    if (marker) {
      if (options.mergeMarkers === 'keep') words += marker[0];
      index += marker[0].length;
      continue;
    }
    const char = text[index] ?? '';
    if (char !== '[') {
      words += char;
      index += 1;
      continue;
    }
    // A comment: to its matching close (brackets may nest), or to the end when never closed.
    let depth = 0;
    let end = index;
    for (; end < text.length; end++) {
      if (text[end] === '[') depth += 1;
      else if (text[end] === ']') {
        depth -= 1;
        if (depth === 0) break;
      }
    }
    const inside = text.slice(index + 1, Math.min(end, text.length)).trim();
    if (inside !== '') comments.push(inside);
    index = end + 1;
  }
  return { words: tidy(words), comments };
}

/** What may be shown to the participant from note text: never a bracketed comment, never a merge marker. */
export function participantWords(text: string): string {
  // A stray closing bracket is the tail of a comment whose opening was lost; drop it with the brackets' contents.
  return splitFacilitatorComments(text, { mergeMarkers: 'drop' }).words.replace(/\]/gu, '').trim();
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/gu, ' ').replace(/[ \t]+([.,;:!?])/gu, '$1').trim())
    .filter((line, index, lines) => !(line.trim() === '' && index > 0 && (lines[index - 1] ?? '').trim() === ''))
    .join('\n')
    .trim();
}

/** The migration's joining of comments found in the words with comments already kept apart. */
export function joinComments(existing: string, found: readonly string[]): string {
  return [existing.trim(), ...found].filter((part) => part !== '').join('\n');
}
