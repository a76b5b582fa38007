import type { Failure } from '../domain/failures';
import { exhaustiveSwitchError } from '../domain/result';
import { recordLabel } from '../domain/labels';
import { CAPABILITY_LABELS, ROLE_PLURALS } from '../domain/access/matrix';

/** The one place that turns expected failures into words for people. */
export function describeFailure(failure: Failure): string {
  switch (failure.kind) {
    case 'invalid': {
      const details = failure.issues
        .slice(0, 8)
        .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
        .join('; ');
      const more = failure.issues.length > 8 ? ` (and ${failure.issues.length - 8} more)` : '';
      return `${failure.what} was not saved: ${details}${more}.`;
    }
    case 'damaged': {
      const details = failure.issues
        .slice(0, 8)
        .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
        .join('; ');
      return `${failure.what} is damaged and could not be read (${details}). Nothing was changed; restore it from a review bundle or ask an administrator.`;
    }
    case 'notFound':
      return `${failure.what} ${failure.id} could not be found. It may have been deleted by someone else.`;
    case 'alreadyExists':
      return `${failure.what} ${failure.id} already exists. Nothing was overwritten.`;
    case 'conflict':
      return `${recordLabel(failure.recordKind)} was changed by someone else since you opened it. Nothing was overwritten: compare the two versions and choose what to keep.`;
    case 'unavailable':
      return `${failure.what} is unavailable right now (${failure.detail}).${failure.retryable ? ' Your change is kept and will be tried again.' : ''}`;
    case 'permissionDenied':
      return `You do not have permission for ${failure.what} (${failure.detail}). Ask the LSCB coordinator for access.`;
    case 'accessLost':
      return `You no longer have access to ${failure.what}. Its copy in this browser has been cleared; ask the LSCB coordinator if you need access again.`;
    case 'notPermitted':
      return `${ROLE_PLURALS[failure.role]} cannot ${CAPABILITY_LABELS[failure.capability]}${failure.reason ? ` (${failure.reason})` : ''}. Nothing was changed; the LSCB coordinator decides who may do what in a review.`;
    case 'unsupportedVersion':
      return `${failure.what} has format version ${JSON.stringify(failure.found)}; this app reads versions ${failure.supported.join(', ')}.`;
    case 'blocked':
      return `${failure.what} cannot go ahead yet: ${failure.reasons.join('; ')}.`;
    default:
      return exhaustiveSwitchError(failure, 'failure');
  }
}
