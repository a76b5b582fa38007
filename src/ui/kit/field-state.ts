import type { FieldIssue } from '../../domain/failures';

// How a form field shows a rule's verdict, in one place for every screen. Only types come from the domain, so the
// first screen (the reviews list) can use it without pulling zod and the record schemas into the entry chunk.

/** The first issue at `path` or inside it (`path.x`, `path[0]`). */
export function issueFor(issues: readonly FieldIssue[], path: string): string | undefined {
  return issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`))?.message;
}

/** A Fluent Field's validation props: a problem that stops the save (error) wins over advice (warning). */
export function validationProps(error: string | undefined, warning?: string | undefined) {
  if (error) return { validationMessage: error, validationState: 'error' as const };
  if (warning) return { validationMessage: warning, validationState: 'warning' as const };
  return {};
}

/** A field's validation props from the rules' issues and warnings for its path, each worded for the field. */
export function fieldState(issues: readonly FieldIssue[], warnings: readonly FieldIssue[], path: string, word: (message: string) => string = sentence) {
  const problem = issueFor(issues, path);
  const advice = issueFor(warnings, path);
  return validationProps(problem === undefined ? undefined : word(problem), advice === undefined ? undefined : word(advice));
}

/** Rule messages are written lower-case to sit inside longer sentences; beside a field they start with a capital. */
export const sentence = (message: string): string => (message ? message.charAt(0).toLocaleUpperCase('en-GB') + message.slice(1) : message);
