import type { FieldIssue } from '../failures';
import type { Agency, DocumentRecord } from '../model';
import type { Period } from '../primitives';

export interface RuleOutcome {
  /** Problems that stop a save: nothing is stored while any remains. */
  readonly blocking: FieldIssue[];
  /** Worth a look, but the record is stored. */
  readonly warnings: FieldIssue[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const showDate = (date: string): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
};

export const describePeriod = (period: Period): string => `${showDate(period.from)} to ${showDate(period.to)}`;

/**
 * An agency's record must cover part of the period under review, or it tells the review nothing: a covered
 * period wholly outside it is refused. One that runs beyond it is stored with a warning (records often do).
 */
export function documentIssues(
  document: Pick<DocumentRecord, 'agencyId' | 'coveredPeriod'>,
  reviewPeriod: Period,
  agencies: readonly Agency[],
): RuleOutcome {
  const blocking: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  if (!agencies.some((agency) => agency.id === document.agencyId)) {
    blocking.push({ path: 'agencyId', message: 'choose one of the agencies taking part in this review' });
  }
  const { from, to } = document.coveredPeriod;
  if (DATE.exec(from) === null || DATE.exec(to) === null || from > to) return { blocking, warnings };
  const within = `the period under review (${describePeriod(reviewPeriod)})`;
  if (to < reviewPeriod.from) {
    blocking.push({ path: 'coveredPeriod.to', message: `the record ends on ${showDate(to)}, before ${within} begins` });
  } else if (from > reviewPeriod.to) {
    blocking.push({ path: 'coveredPeriod.from', message: `the record starts on ${showDate(from)}, after ${within} ends` });
  } else {
    if (from < reviewPeriod.from) warnings.push({ path: 'coveredPeriod.from', message: `starts before ${within}; only the overlap is in scope` });
    if (to > reviewPeriod.to) warnings.push({ path: 'coveredPeriod.to', message: `ends after ${within}; only the overlap is in scope` });
  }
  return { blocking, warnings };
}
