import type { FieldIssue } from '../failures';
import type { Review, ReviewSnapshot } from '../model';
import { agenciesInUse } from './references';

/** A review's own details against what is already recorded in it: no agency still in use may be taken off. */
export function reviewIssues(review: Pick<Review, 'agencies'>, snapshot: ReviewSnapshot): FieldIssue[] {
  const kept = new Set(review.agencies.map((agency) => agency.id as string));
  const inUse = agenciesInUse(snapshot);
  return snapshot.review.agencies
    .filter((agency) => !kept.has(agency.id) && inUse.has(agency.id))
    .map((agency) => ({
      path: 'agencies',
      message: `${agency.name} cannot be removed: participants or documents in this review belong to it`,
    }));
}

/** Whether an agency name is already on the list (names compared without case or surrounding spaces). */
export function isDuplicateAgencyName(name: string, agencies: readonly { name: string }[]): boolean {
  const key = name.trim().toLocaleLowerCase('en-GB');
  return agencies.some((agency) => agency.name.trim().toLocaleLowerCase('en-GB') === key);
}
