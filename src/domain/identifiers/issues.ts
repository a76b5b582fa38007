import type { IdentifierEntry } from './register';
import { compileRegister, findIdentifiers } from './scan';

export interface RegisterIssue {
  readonly entryId: string;
  readonly message: string;
}

/** What would let an identifier through: an entry with no label, or a label that is itself someone's name or a place. */
export function registerIssues(register: readonly IdentifierEntry[]): RegisterIssue[] {
  const compiled = compileRegister(register);
  const issues: RegisterIssue[] = [];
  for (const entry of register) {
    if (entry.label.trim() === '') {
      issues.push({ entryId: entry.id, message: 'Give it a label: the public report needs something to print instead.' });
      continue;
    }
    const inLabel = findIdentifiers(entry.label, compiled);
    if (inLabel.length > 0) {
      const names = inLabel.map((match) => `“${entry.label.slice(match.start, match.end)}”`).join(', ');
      issues.push({ entryId: entry.id, message: `The label contains ${names}, which is in the register: choose a label that identifies no one.` });
    }
  }
  return issues;
}
