import type { z } from 'zod';
import type { AnyChildRecord, ChildRecordKind, Review } from './model';
import type { AccessRole, Capability } from './access/matrix';

/** One problem with one field, located by its path in the document or form. */
export interface FieldIssue {
  /** Dotted path, e.g. "participants[2].reportLabel"; empty for the whole value. */
  readonly path: string;
  readonly message: string;
}

/** Expected failures, as values. src/app/failure-messages.ts turns each into words for people. */
export type Failure =
  | { readonly kind: 'invalid'; readonly what: string; readonly issues: readonly FieldIssue[] }
  /** Stored data that no longer reads as a valid record: named, never passed on. */
  | { readonly kind: 'damaged'; readonly what: string; readonly issues: readonly FieldIssue[] }
  | { readonly kind: 'notFound'; readonly what: string; readonly id: string }
  | { readonly kind: 'alreadyExists'; readonly what: string; readonly id: string }
  | {
      readonly kind: 'conflict';
      readonly recordKind: ChildRecordKind | 'review';
      readonly id: string;
      /** What is stored now, so the person can compare it with their own edit. */
      readonly current: AnyChildRecord | Review | null;
    }
  | { readonly kind: 'unavailable'; readonly what: string; readonly detail: string; readonly retryable: boolean }
  | { readonly kind: 'permissionDenied'; readonly what: string; readonly detail: string }
  /** The role matrix (src/domain/access) does not let this actor do this; `reason` says which records it may, if any. */
  /** SharePoint refused the person the review itself (403): they were removed from it. This browser's copy is cleared. */
  | { readonly kind: 'accessLost'; readonly what: string }
  | { readonly kind: 'notPermitted'; readonly role: AccessRole; readonly capability: Capability; readonly reason: string }
  | { readonly kind: 'unsupportedVersion'; readonly what: string; readonly found: unknown; readonly supported: readonly number[] }
  | { readonly kind: 'blocked'; readonly what: string; readonly reasons: readonly string[] };

export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const name = String(segment);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: describeZodIssue(issue) }));
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `required (expected ${issue.expected})` : `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** A validation failure met while reading stored data is damage, not a refused save. */
export function asDamaged(failure: Failure): Failure {
  return failure.kind === 'invalid' ? { kind: 'damaged', what: failure.what, issues: failure.issues } : failure;
}
