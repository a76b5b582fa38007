import type { IdentifierEntry } from './register';
import { wordsOf } from './tokens';
import { STREET_TYPES, TITLES } from './words';

/**
 * The forms in which people write one register entry, as word sequences the scan looks for. Case, accents,
 * possessives ("Crosby's"), plurals ("the Dunmores") and a title before a surname are handled by the scan itself.
 */
export interface Form {
  readonly words: readonly string[];
  /** Initials are only taken in capitals: "HC" or "H.C.", never the "hc" of a web address. */
  readonly capitalsOnly: boolean;
}

const PERSON_CATEGORIES = new Set(['child', 'familyMember', 'professional']);
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** "HC", "OAH", "H.C.", "H. C.": two to four capital letters, perhaps with dots. */
const INITIALS = /^(?:\p{Lu}\.?\s?){2,4}$/u;

export function formsOf(entry: IdentifierEntry): Form[] {
  const forms: Form[] = [];
  const add = (words: readonly string[], capitalsOnly = false) => {
    // A single letter alone is never a form: it would match every "a" and "I".
    if (words.length === 0 || (words.length === 1 && words[0]!.length < 2)) return;
    forms.push({ words, capitalsOnly });
  };
  const person = PERSON_CATEGORIES.has(entry.category);
  if (person) personForms(entry.text, add);
  else placeForms(entry.text, add);
  for (const other of entry.otherForms) {
    const trimmed = other.trim();
    if (EMAIL.test(trimmed)) {
      add(wordsOf(trimmed.slice(0, trimmed.indexOf('@'))));
      continue;
    }
    if (INITIALS.test(trimmed)) {
      initialsForms(wordsOf(trimmed).join('').split(''), add);
      continue;
    }
    if (person) add(wordsOf(trimmed));
    else placeForms(trimmed, add);
  }
  return dedupe(forms);
}

function personForms(text: string, add: (words: readonly string[], capitalsOnly?: boolean) => void) {
  const names = text
    .split(/\s+/)
    .filter((word) => word !== '')
    .filter((word, index, all) => !(index < all.length - 1 && TITLES.has(wordsOf(word).join(''))));
  if (EMAIL.test(text.trim())) {
    add(wordsOf(text.slice(0, text.indexOf('@'))));
    return;
  }
  const all = names.flatMap((name) => wordsOf(name));
  add(all);
  if (names.length < 2) return;
  const given = wordsOf(names[0]!);
  const surname = wordsOf(names[names.length - 1]!);
  add(given);
  add(surname);
  add([...given, ...surname]);
  add([...surname, ...given]);
  if (surname.length > 1) {
    // Double-barrelled: either order, and each part alone.
    add([...surname].reverse());
    add([...given, ...[...surname].reverse()]);
    for (const part of surname) add([part]);
  }
  initialsForms(
    names.map((name) => wordsOf(name)[0]?.[0] ?? ''),
    add,
  );
  if (surname.length > 1)
    initialsForms(
      all.map((word) => word[0] ?? ''),
      add,
    );
}

function initialsForms(letters: readonly string[], add: (words: readonly string[], capitalsOnly?: boolean) => void) {
  const kept = letters.filter((letter) => letter !== '');
  if (kept.length < 2) return;
  add([kept.join('')], true);
  add(kept, true);
}

function placeForms(text: string, add: (words: readonly string[]) => void) {
  const words = wordsOf(text);
  add(words);
  if (words[0] === 'the' && words.length > 1) add(words.slice(1));
  const last = words[words.length - 1];
  const streetType = STREET_TYPES.find((forms) => last !== undefined && forms.includes(last));
  if (streetType !== undefined) for (const form of streetType) add([...words.slice(0, -1), form]);
}

function dedupe(forms: readonly Form[]): Form[] {
  const seen = new Set<string>();
  return forms.filter((form) => {
    const key = `${form.capitalsOnly ? 'A' : 'a'}:${form.words.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The forms as a person would read them, for the register screen ("also looks for: Hannah, Crosby, HC, H.C."). */
export function describeForm(form: Form): string {
  if (form.capitalsOnly) return form.words.length > 1 ? form.words.map((letter) => `${letter.toUpperCase()}.`).join('') : form.words.join('').toUpperCase();
  return form.words.map((word) => (word.length > 1 ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ');
}
