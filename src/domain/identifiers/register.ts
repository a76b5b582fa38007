import type { AgencyId, ParticipantId } from '../ids';
import { isFamilyKind, type IdentifierCategory, type IdentifierRecord, type Participant, type PlaceKind, type ReviewSnapshot } from '../model';
import { foldWord, wordsOf } from './tokens';
import { AGENCY_TYPES, GENERIC_WORDS } from './words';

/**
 * The identifier register: everything in a review that identifies a child, a family member, a professional, an
 * agency or a place, each with the label a public report prints instead. Filled automatically from the participants
 * and agencies, merged with what the team added or changed (identifier records). Confidential to the review.
 */
export interface IdentifierEntry {
  readonly id: string;
  readonly category: IdentifierCategory;
  /** The identifier as written: a real name, an agency's name, a place. */
  readonly text: string;
  /** Other names it goes by: nicknames, initials, former names, email addresses. */
  readonly otherForms: readonly string[];
  /** What the public report prints instead: a role, a pseudonym, a generic term. */
  readonly label: string;
  readonly origin: 'automatic' | 'added';
  readonly placeKind: PlaceKind | null;
  /** The identifier record that holds the team's edits of this entry, if any. */
  readonly recordId: string | null;
  readonly source: IdentifierSource;
}

export type IdentifierSource =
  | { readonly of: 'participant'; readonly participantId: ParticipantId }
  | { readonly of: 'agency'; readonly agencyId: AgencyId }
  /** The distinctive part of an agency's name ("Wrenfold" in "Wrenfold Surgery"), usually a place name. */
  | { readonly of: 'agencyPlace'; readonly agencyId: AgencyId }
  | { readonly of: 'added' };

const categoryOfParticipant = (participant: Participant): IdentifierCategory =>
  participant.kind === 'childOrYoungPerson' ? 'child' : isFamilyKind(participant.kind) ? 'familyMember' : 'professional';

/** The generic type a public report uses for a local agency, from the words in its name. */
export function genericAgencyType(name: string): { label: string; place: PlaceKind | null } {
  const folded = ` ${wordsOf(name).join(' ')} `;
  for (const rule of AGENCY_TYPES) {
    if (rule.words.some((word) => folded.includes(` ${wordsOf(word).join(' ')} `))) return { label: rule.label, place: rule.place };
  }
  return { label: 'a local agency', place: null };
}

/** The words of an agency's name before its first generic word: "Kestonbury" in "Kestonbury Homes". */
export function distinctivePart(name: string): string {
  const words = name.split(/\s+/).filter((word) => word !== '');
  const kept: string[] = [];
  for (const word of words) {
    const folded = wordsOf(word);
    if (folded.length === 0 || folded.some((part) => GENERIC_WORDS.has(part))) break;
    kept.push(word.replace(/[’']s$/u, ''));
  }
  return kept.join(' ');
}

const keyOf = (text: string): string => wordsOf(text).join(' ');

export function buildIdentifierRegister(snapshot: ReviewSnapshot): IdentifierEntry[] {
  const records = snapshot.identifiers ?? [];
  const editOfParticipant = new Map<string, IdentifierRecord>();
  const editOfAgency = new Map<string, IdentifierRecord>();
  const added: IdentifierRecord[] = [];
  for (const record of records) {
    if (record.refersTo.to === 'participant') editOfParticipant.set(record.refersTo.participantId, record);
    else if (record.refersTo.to === 'agency') editOfAgency.set(record.refersTo.agencyId, record);
    else added.push(record);
  }
  const merge = (entry: IdentifierEntry, edit: IdentifierRecord | undefined): IdentifierEntry =>
    edit === undefined
      ? entry
      : {
          ...entry,
          label: edit.label.trim() === '' ? entry.label : edit.label.trim(),
          otherForms: unique([...entry.otherForms, ...edit.otherForms]),
          recordId: edit.id,
        };

  const entries: IdentifierEntry[] = [];
  for (const participant of snapshot.participants) {
    const automatic: IdentifierEntry = {
      id: `participant:${participant.id}`,
      category: categoryOfParticipant(participant),
      text: participant.realName,
      otherForms: unique([...participant.otherIdentifiers, ...(participant.email === '' ? [] : [participant.email])]),
      label: participant.reportLabel,
      origin: 'automatic',
      placeKind: null,
      recordId: null,
      source: { of: 'participant', participantId: participant.id },
    };
    entries.push(merge(automatic, editOfParticipant.get(participant.id)));
  }

  const addedKeys = new Set(added.map((record) => keyOf(record.text)));
  const areaEntries: IdentifierEntry[] = [];
  for (const agency of snapshot.review.agencies) {
    const type = genericAgencyType(agency.name);
    const automatic: IdentifierEntry = {
      id: `agency:${agency.id}`,
      category: 'agency',
      text: agency.name,
      otherForms: [],
      label: type.label,
      origin: 'automatic',
      placeKind: type.place,
      recordId: null,
      source: { of: 'agency', agencyId: agency.id },
    };
    entries.push(merge(automatic, editOfAgency.get(agency.id)));
    const part = distinctivePart(agency.name);
    if (part !== '' && keyOf(part) !== keyOf(agency.name)) {
      areaEntries.push({
        id: `area:${agency.id}`,
        category: 'place',
        text: part,
        otherForms: [],
        // A school's or surgery's own name stands for that place; any other agency's is usually the area's.
        label: type.place === null ? 'the local area' : type.label,
        origin: 'automatic',
        placeKind: type.place,
        recordId: null,
        source: { of: 'agencyPlace', agencyId: agency.id },
      });
    }
  }
  // Area names from agencies that are not themselves places first, so "Kestonbury" reads as the area, not a school.
  areaEntries.sort((a, b) => Number(a.placeKind !== null) - Number(b.placeKind !== null));
  const seen = new Set([...entries.filter((entry) => entry.category === 'agency').map((entry) => keyOf(entry.text)), ...addedKeys]);
  for (const entry of areaEntries) {
    const key = keyOf(entry.text);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(entry);
  }

  for (const record of added) {
    entries.push({
      id: record.id,
      category: record.category,
      text: record.text,
      otherForms: unique(record.otherForms),
      label: record.label,
      origin: 'added',
      placeKind: record.placeKind,
      recordId: record.id,
      source: { of: 'added' },
    });
  }
  return entries;
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    const key = foldWord(trimmed);
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(trimmed);
  }
  return kept;
}
