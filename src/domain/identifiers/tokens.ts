/** Words as the scan sees them: letters and digits, folded to lower case without accents, with where each sits. */

export interface Token {
  readonly start: number;
  readonly end: number;
  /** Lower case, accents removed ("Siân" → "sian"). */
  readonly norm: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[^ -~\t\n\r]/;
const MARKS = /\p{M}+/gu;

export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ start, end: start + match[0].length, norm: foldWord(match[0]) });
  }
  return tokens;
}

/** The folded words of a short text (a name, a form), in order. */
export const wordsOf = (text: string): string[] => tokenise(text).map((token) => token.norm);

/**
 * What may stand between two words of one name: a space, hyphen, dot, apostrophe, underscore or comma, a few
 * characters at most ("Adeyemi-Hart", "H. C.", "Crosby, Hannah", "hannah_crosby"). A line break or a full stop with a
 * new sentence after it still joins: a scan that misses "Hannah\nCrosby" would be worse than one false alarm.
 */
const JOINER = /^[\s.,\-\u2010\u2011\u2013'\u2019_]{1,3}$/;
export const joins = (gap: string): boolean => JOINER.test(gap);
