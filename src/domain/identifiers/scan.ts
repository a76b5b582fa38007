import { formsOf } from './forms';
import type { IdentifierEntry } from './register';
import { joins, tokenise, type Token } from './tokens';
import { ORDINARY_WORDS, TITLES } from './words';

/**
 * The leak scan over plain text: finds every registered identifier, in any of the forms people write it, in one pass
 * over the text's words (a lookup by first word, so the time grows with the text, not with the register).
 */

export interface TextSegment {
  /** Where the text sits, in words a reviewer can follow: "Body, paragraph 12", "Header (first page)". */
  readonly location: string;
  readonly text: string;
}

export interface LeakHit {
  readonly entryId: string;
  /** The text as it is written in the document, e.g. "Dr Sethna's" → "Dr Sethna". */
  readonly found: string;
  readonly location: string;
  /** Some words either side, to find it by eye. */
  readonly context: string;
}

/** A found identifier's place in one text. */
export interface TextMatch {
  readonly start: number;
  readonly end: number;
  /** Every entry the matched form belongs to (a shared surname belongs to several). */
  readonly entryIndexes: readonly number[];
}

interface CompiledForm {
  readonly words: readonly string[];
  readonly capitalsOnly: boolean;
  readonly ordinary: boolean;
  readonly entryIndexes: number[];
}

export interface CompiledRegister {
  readonly entries: readonly IdentifierEntry[];
  /** Forms by their first word, longest first. */
  readonly byFirstWord: ReadonlyMap<string, readonly CompiledForm[]>;
}

const compiled = new WeakMap<readonly IdentifierEntry[], CompiledRegister>();

export function compileRegister(register: readonly IdentifierEntry[]): CompiledRegister {
  const cached = compiled.get(register);
  if (cached) return cached;
  const byKey = new Map<string, CompiledForm>();
  register.forEach((entry, index) => {
    for (const form of formsOf(entry)) {
      const key = `${form.capitalsOnly ? 'A' : 'a'}:${form.words.join(' ')}`;
      const existing = byKey.get(key);
      if (existing) {
        if (!existing.entryIndexes.includes(index)) existing.entryIndexes.push(index);
        continue;
      }
      byKey.set(key, {
        words: form.words,
        capitalsOnly: form.capitalsOnly,
        ordinary: !form.capitalsOnly && form.words.every((word) => ORDINARY_WORDS.has(word)),
        entryIndexes: [index],
      });
    }
  });
  const byFirstWord = new Map<string, CompiledForm[]>();
  for (const form of byKey.values()) {
    const first = form.words[0]!;
    const list = byFirstWord.get(first);
    if (list) list.push(form);
    else byFirstWord.set(first, [form]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const result = { entries: register, byFirstWord };
  compiled.set(register, result);
  return result;
}

const hasLowerCase = (text: string): boolean => text !== text.toUpperCase();
const isLowerCase = (text: string): boolean => text === text.toLowerCase();

/** A word equal to the form's word, or its plural ("Dunmores", "Joneses"). */
function wordMatches(token: string, word: string, last: boolean): boolean {
  if (token === word) return true;
  if (!last || token.length <= word.length) return false;
  return (token.length === word.length + 1 && token.endsWith('s') && token.startsWith(word)) || token === `${word}es`;
}

function matchAt(text: string, tokens: readonly Token[], at: number, candidates: readonly CompiledForm[]): { form: CompiledForm; last: number } | null {
  for (const form of candidates) {
    const count = form.words.length;
    if (at + count > tokens.length) continue;
    let ok = true;
    for (let offset = 0; offset < count && ok; offset += 1) {
      const token = tokens[at + offset]!;
      ok = wordMatches(token.norm, form.words[offset]!, offset === count - 1 && !form.capitalsOnly);
      if (ok && offset > 0) ok = joins(text.slice(tokens[at + offset - 1]!.end, token.start));
    }
    if (!ok) continue;
    const span = text.slice(tokens[at]!.start, tokens[at + count - 1]!.end);
    if (form.capitalsOnly && hasLowerCase(span)) continue;
    if (form.ordinary && isLowerCase(span)) continue;
    return { form, last: at + count - 1 };
  }
  return null;
}

/** Every identifier in one text, leftmost and longest first, none overlapping; a title just before is taken in. */
export function findIdentifiers(text: string, register: CompiledRegister): TextMatch[] {
  const tokens = tokenise(text);
  const matches: TextMatch[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    let candidates = register.byFirstWord.get(token.norm);
    let found = candidates ? matchAt(text, tokens, index, candidates) : null;
    if (!found && token.norm.endsWith('s')) {
      // "Dunmores" or "Joneses": a one-word form in the plural.
      candidates = register.byFirstWord.get(token.norm.slice(0, -1)) ?? register.byFirstWord.get(token.norm.slice(0, -2));
      found = candidates
        ? matchAt(
            text,
            tokens,
            index,
            candidates.filter((form) => form.words.length === 1),
          )
        : null;
    }
    if (!found) {
      index += 1;
      continue;
    }
    let start = token.start;
    const previous = tokens[index - 1];
    const lastMatch = matches[matches.length - 1];
    if (
      previous &&
      TITLES.has(previous.norm) &&
      /^\.?\s{1,2}$/.test(text.slice(previous.end, token.start)) &&
      (!lastMatch || lastMatch.end <= previous.start)
    ) {
      start = previous.start;
    }
    matches.push({ start, end: tokens[found.last]!.end, entryIndexes: found.form.entryIndexes });
    index = found.last + 1;
  }
  return matches;
}

const CONTEXT_CHARACTERS = 40;

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_CHARACTERS);
  const to = Math.min(text.length, end + CONTEXT_CHARACTERS);
  const before = text.slice(from, start).replace(/\s+/g, ' ');
  const after = text.slice(end, to).replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${before}[${text.slice(start, end)}]${after}${to < text.length ? '…' : ''}`;
}

/** The scan: each registered identifier found in the segments, with where and around what. */
export function scanText(segments: readonly TextSegment[], register: readonly IdentifierEntry[]): LeakHit[] {
  const compiledRegister = compileRegister(register);
  const hits: LeakHit[] = [];
  for (const segment of segments) {
    for (const match of findIdentifiers(segment.text, compiledRegister)) {
      hits.push({
        entryId: register[match.entryIndexes[0]!]!.id,
        found: segment.text.slice(match.start, match.end),
        location: segment.location,
        context: contextOf(segment.text, match.start, match.end),
      });
    }
  }
  return hits;
}
