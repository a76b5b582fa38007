import type { IdentifierEntry } from './register';
import { compileRegister, findIdentifiers, type CompiledRegister } from './scan';

/**
 * A text with each registered identifier replaced by its label, found exactly as the leak scan finds it: what the
 * scan would report, redaction replaces (and nothing else: "a brook" stays a brook).
 */
export function redactText(text: string, register: readonly IdentifierEntry[]): string {
  const compiled = compileRegister(register);
  let current = text;
  // A label set next to other words could, in theory, complete another form; go again until nothing is found.
  for (let pass = 0; pass < 4; pass += 1) {
    const next = replaceOnce(current, compiled);
    if (next === current) return current;
    current = next;
  }
  return current;
}

function replaceOnce(text: string, compiled: CompiledRegister): string {
  const matches = findIdentifiers(text, compiled);
  if (matches.length === 0) return text;
  let out = '';
  let from = 0;
  for (const match of matches) {
    const before = text.slice(from, match.start);
    const entries = match.entryIndexes.map((index) => compiled.entries[index]!);
    let label = labelFor(entries);
    if (entries.every((entry) => entry.category === 'professional') && isRoleInSentenceCase(label)) {
      // A role reads as a role: "spoke to the designated safeguarding lead", not "spoke to Designated safeguarding lead".
      label = label[0]!.toLowerCase() + label.slice(1);
      if (!/^(the|a|an)\s/i.test(label) && !/\b(the|a|an|their|her|his|its|our|your|whose)\s+$/i.test(out + before)) label = `the ${label}`;
    }
    // "the Dunmores" → "the family", not "the the family".
    if (/^the\s/i.test(label) && /\bthe\s+$/i.test(out + before)) label = label.replace(/^the\s+/i, '');
    if (startsSentence(out + before) && /^[a-z]/.test(label)) label = label[0]!.toUpperCase() + label.slice(1);
    out += before + label;
    from = match.end;
  }
  return out + text.slice(from);
}

/** "Social worker", "Class teacher": several words, the first capitalised only because it comes first. Not "GP", not "Amy". */
const isRoleInSentenceCase = (label: string): boolean => /^\p{Lu}\p{Ll}+(\s+\p{Ll}[\p{L}’'-]*)+$/u.test(label);

const startsSentence = (before: string): boolean => /(^|[.!?:]\s+|\n\s*)$/.test(before);

const SHARED_LABEL: Record<IdentifierEntry['category'], string> = {
  child: 'the family',
  familyMember: 'the family',
  professional: 'a professional',
  agency: 'an agency',
  place: 'a place',
  other: 'a person',
};

/** One entry's label; a form several entries share (a family's surname) gets a label true of all of them. */
function labelFor(entries: readonly IdentifierEntry[]): string {
  const labels = new Set(entries.map((entry) => entry.label.trim()));
  if (labels.size === 1) return [...labels][0]!;
  const categories = new Set(entries.map((entry) => SHARED_LABEL[entry.category]));
  return categories.size === 1 ? [...categories][0]! : 'a person';
}
