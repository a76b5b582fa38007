import type { FieldIssue } from '../failures';
import { isFamilyKind, type Agency, type Participant, type ParticipantKind } from '../model';

/** Names compared as people would: case, accents on spacing and punctuation ignored. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What the duplicate rule needs to know about a participant (a stored one or a form's candidate). */
export type ParticipantFacts = Pick<Participant, 'id' | 'kind' | 'agencyId' | 'realName' | 'reportLabel'>;

const agencyName = (agencies: readonly Agency[], agencyId: string | null): string =>
  agencyId === null ? 'no agency (family)' : (agencies.find((agency) => agency.id === agencyId)?.name ?? 'an agency no longer in this review');

/**
 * Problems that only show against the rest of the review: the same person twice (same real name and agency),
 * two participants printed under one report label, a report label that is someone's real name, an agency
 * that is not one of the review's. Empty when the participant fits.
 */
export function participantIssues(candidate: ParticipantFacts, others: readonly ParticipantFacts[], agencies: readonly Agency[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const rest = others.filter((other) => other.id !== candidate.id);
  const name = normaliseName(candidate.realName);
  const label = normaliseName(candidate.reportLabel);

  if (candidate.agencyId !== null && !agencies.some((agency) => agency.id === candidate.agencyId)) {
    issues.push({ path: 'agencyId', message: 'choose one of the agencies taking part in this review' });
  }
  if (name !== '') {
    const twin = rest.find((other) => normaliseName(other.realName) === name && other.agencyId === candidate.agencyId);
    if (twin) {
      issues.push({
        path: 'realName',
        message: `${candidate.realName.trim()} from ${agencyName(agencies, candidate.agencyId)} is already a participant (shown as “${twin.reportLabel}”)`,
      });
    }
  }
  if (label !== '') {
    const sameLabel = rest.find((other) => normaliseName(other.reportLabel) === label);
    if (sameLabel) {
      issues.push({ path: 'reportLabel', message: `“${candidate.reportLabel.trim()}” is already the report label of another participant; reports need each label to be distinct` });
    }
    if (rest.some((other) => normaliseName(other.realName) === label)) {
      issues.push({ path: 'reportLabel', message: 'the report label must not be the real name of any participant' });
    }
  }
  return issues;
}

const FAMILY_LABEL_STEMS: Record<ParticipantKind, string> = {
  familyMember: 'Family member',
  carer: 'Carer',
  childOrYoungPerson: 'Child',
  practitioner: 'Practitioner',
  firstLineManager: 'Manager',
  seniorManager: 'Senior manager',
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A report label to offer: the role and agency for professionals ("Social worker, Children’s Social Care"),
 * a lettered pseudonym for family ("Child A", "Family member B"). Never one already used.
 */
export function suggestReportLabel(
  candidate: Pick<ParticipantFacts, 'id' | 'kind' | 'agencyId'> & { roleTitle: string },
  others: readonly ParticipantFacts[],
  agencies: readonly Agency[],
): string {
  const taken = new Set(others.filter((other) => other.id !== candidate.id).map((other) => normaliseName(other.reportLabel)));
  const free = (label: string) => !taken.has(normaliseName(label));
  if (isFamilyKind(candidate.kind)) {
    const stem = FAMILY_LABEL_STEMS[candidate.kind];
    for (const letter of LETTERS) if (free(`${stem} ${letter}`)) return `${stem} ${letter}`;
    for (let number = 1; ; number += 1) if (free(`${stem} ${number}`)) return `${stem} ${number}`;
  }
  const role = candidate.roleTitle.trim() || FAMILY_LABEL_STEMS[candidate.kind];
  const agency = agencies.find((entry) => entry.id === candidate.agencyId)?.name.replace(/\s*\(fictional\)\s*$/i, '');
  const base = agency ? `${role}, ${agency}` : role;
  if (free(base)) return base;
  for (let number = 2; ; number += 1) if (free(`${base} ${number}`)) return `${base} ${number}`;
}

/** Family members first, then professionals, each by report label: family are first-class participants. */
export function compareParticipants(a: ParticipantFacts, b: ParticipantFacts): number {
  const family = Number(isFamilyKind(b.kind)) - Number(isFamilyKind(a.kind));
  return family !== 0 ? family : a.reportLabel.localeCompare(b.reportLabel, 'en-GB');
}
