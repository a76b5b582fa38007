import type { FieldProps } from '@fluentui/react-components';
import type { FieldIssue } from '../../../domain/failures';
import { issueFor } from '../../hooks/use-autosave';

/** A Fluent Field's message for a path: a problem that stops the save wins over advice. */
export function fieldState(
  issues: readonly FieldIssue[],
  warnings: readonly FieldIssue[],
  path: string,
): Pick<FieldProps, 'validationState' | 'validationMessage'> {
  const problem = issueFor(issues, path);
  if (problem) return { validationState: 'error', validationMessage: sentence(problem) };
  const advice = issueFor(warnings, path);
  if (advice) return { validationState: 'warning', validationMessage: sentence(advice) };
  return {};
}

/** Rule messages are written lower-case to sit inside longer sentences; beside a field they start with a capital. */
export const sentence = (message: string): string => (message ? message.charAt(0).toLocaleUpperCase('en-GB') + message.slice(1) : message);
