import type { FieldIssue } from '../failures';
import type { AgencyId, ConversationId, DocumentId, NarrativeEntryId, ParticipantId } from '../ids';
import { PARTICIPANT_KIND_LABELS } from '../labels';
import type {
  Agency,
  Conversation,
  DocumentRecord,
  NarrativeEntry,
  NarrativeKind,
  NarrativeSource,
  Participant,
} from '../model';
import type { OpenPeriod, Period } from '../primitives';
import {
  dateParts,
  describeReviewPeriod,
  isCalendarDate,
  longDate,
  monthName,
  periodsOverlap,
  toCalendarDate,
  daysInMonth,
} from './dates';

/**
 * The narrative of multi-agency perspectives is not one chronology: each participant and each agency's records
 * keep a lane of their own, and the review team's judgements keep theirs, visibly apart.
 */

export type Perspective = NarrativeEntry['perspective'];

/** What the narrative needs to know about the rest of the review. */
export interface NarrativeContext {
  readonly agencies: readonly Agency[];
  readonly participants: readonly Pick<Participant, 'id' | 'kind' | 'agencyId' | 'roleTitle' | 'reportLabel'>[];
  readonly conversations: readonly Pick<Conversation, 'id' | 'participantId'>[];
  readonly documents: readonly Pick<DocumentRecord, 'id' | 'agencyId' | 'title'>[];
}

export type LaneKey = string;
export const REVIEW_TEAM_LANE: LaneKey = 'reviewTeam';

export function laneKeyOf(perspective: Perspective): LaneKey {
  switch (perspective.of) {
    case 'participant':
      return `participant:${perspective.participantId}`;
    case 'agency':
      return `agency:${perspective.agencyId}`;
    default:
      return REVIEW_TEAM_LANE;
  }
}

export interface Lane {
  readonly key: LaneKey;
  readonly of: Perspective['of'];
  /** The participant's report label, the agency's name, or "Reviewers' judgement". */
  readonly title: string;
  /** Role and agency, or what kind of lane it is. */
  readonly subtitle: string;
  readonly agencyId: AgencyId | null;
  readonly entries: readonly NarrativeEntry[];
}

export interface NarrativeLanes {
  /** Participants' and agencies' perspectives, grouped by agency in the review's order, family last. */
  readonly lanes: readonly Lane[];
  /** The review team's own judgements: never mixed into anyone's account. */
  readonly judgements: Lane;
  /** Participants with no entry yet: the guide asks reviewers to notice missing perspectives. */
  readonly missingPerspectives: readonly Pick<Participant, 'id' | 'reportLabel'>[];
}

export const REVIEWERS_JUDGEMENT_TITLE = "Reviewers' judgement";

const agencyNameOf = (context: NarrativeContext, agencyId: string | null): string =>
  agencyId === null ? '' : (context.agencies.find((agency) => agency.id === agencyId)?.name ?? 'an agency no longer in this review');

/** The lane's heading for a perspective: report label with role and agency, or the agency's records. */
/**
 * A participant's role and agency beside their report label, without repeating what the label already says:
 * "Health visitor, Kestonbury Health" is not followed by "(Health visitor, Kestonbury Health)".
 */
export function perspectiveSubtitle(label: string, role: string, agency: string): string {
  const said = label.toLocaleLowerCase('en-GB');
  const saidParts = new Set(said.split(/[,()]/u).map((part) => part.trim()));
  const lower = (text: string) => text.trim().toLocaleLowerCase('en-GB');
  // A role is repeated when the label is that role ("Health visitor"), not when it is numbered ("Social worker 1").
  const showRole = role.trim() !== '' && !saidParts.has(lower(role));
  const showAgency = agency.trim() !== '' && !said.includes(lower(agency));
  return [showRole ? role : '', showAgency ? agency : ''].filter((part) => part !== '').join(', ');
}

export function describePerspective(perspective: Perspective, context: NarrativeContext): { title: string; subtitle: string; agencyId: AgencyId | null } {
  switch (perspective.of) {
    case 'participant': {
      const participant = context.participants.find((candidate) => candidate.id === perspective.participantId);
      if (!participant) return { title: 'A participant no longer in this review', subtitle: '', agencyId: null };
      const role = participant.roleTitle.trim() || PARTICIPANT_KIND_LABELS[participant.kind];
      const agency = agencyNameOf(context, participant.agencyId);
      return { title: participant.reportLabel, subtitle: perspectiveSubtitle(participant.reportLabel, role, agency), agencyId: participant.agencyId };
    }
    case 'agency':
      return { title: agencyNameOf(context, perspective.agencyId) || 'Agency', subtitle: "Agency's records", agencyId: perspective.agencyId };
    default:
      return { title: REVIEWERS_JUDGEMENT_TITLE, subtitle: "The review team's own view, kept apart from participants' accounts", agencyId: null };
  }
}

/** Where an entry comes from, in words: "Conversation with Social worker 1", "Document: Health visiting record". */
export function describeSource(source: NarrativeSource, context: NarrativeContext): string {
  switch (source.kind) {
    case 'conversation': {
      const conversation = context.conversations.find((candidate) => candidate.id === source.conversationId);
      const participant = conversation ? context.participants.find((candidate) => candidate.id === conversation.participantId) : undefined;
      return participant ? `Conversation with ${participant.reportLabel}` : 'A conversation no longer in this review';
    }
    case 'document': {
      const document = context.documents.find((candidate) => candidate.id === source.documentId);
      if (!document) return 'A document no longer in this review';
      const agency = agencyNameOf(context, document.agencyId);
      return agency ? `Document: ${document.title} (${agency})` : `Document: ${document.title}`;
    }
    default:
      return 'The review team';
  }
}

/** Chronological within a lane: by start, then end (open ends last), then when recorded. */
export function compareEntries(a: NarrativeEntry, b: NarrativeEntry): number {
  if (a.period.from !== b.period.from) return a.period.from < b.period.from ? -1 : 1;
  const aTo = a.period.to ?? '9999-12-31';
  const bTo = b.period.to ?? '9999-12-31';
  if (aTo !== bTo) return aTo < bTo ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildLanes(entries: readonly NarrativeEntry[], context: NarrativeContext): NarrativeLanes {
  const byLane = new Map<LaneKey, NarrativeEntry[]>();
  for (const entry of entries) {
    const key = laneKeyOf(entry.perspective);
    const list = byLane.get(key);
    if (list) list.push(entry);
    else byLane.set(key, [entry]);
  }
  const agencyOrder = new Map(context.agencies.map((agency, index) => [agency.id as string, index]));
  const lanes: Array<Lane & { order: [number, number, string] }> = [];
  for (const [key, laneEntries] of byLane) {
    if (key === REVIEW_TEAM_LANE) continue;
    const first = laneEntries[0];
    if (!first) continue;
    const described = describePerspective(first.perspective, context);
    const agencyRank = described.agencyId === null ? Number.MAX_SAFE_INTEGER : (agencyOrder.get(described.agencyId) ?? Number.MAX_SAFE_INTEGER - 1);
    // An agency's own records come first in its group, then its people.
    const withinAgency = first.perspective.of === 'agency' ? 0 : 1;
    lanes.push({
      key,
      of: first.perspective.of,
      ...described,
      entries: [...laneEntries].sort(compareEntries),
      order: [agencyRank, withinAgency, described.title.toLocaleLowerCase('en-GB')],
    });
  }
  lanes.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2].localeCompare(b.order[2], 'en-GB'));
  const judgementEntries = [...(byLane.get(REVIEW_TEAM_LANE) ?? [])].sort(compareEntries);
  const heard = new Set(
    entries.flatMap((entry) => (entry.perspective.of === 'participant' ? [entry.perspective.participantId as string] : [])),
  );
  return {
    lanes: lanes.map(({ order: _order, ...lane }) => lane),
    judgements: {
      key: REVIEW_TEAM_LANE,
      of: 'reviewTeam',
      ...describePerspective({ of: 'reviewTeam' }, context),
      entries: judgementEntries,
    },
    missingPerspectives: context.participants
      .filter((participant) => !heard.has(participant.id))
      .sort((a, b) => a.reportLabel.localeCompare(b.reportLabel, 'en-GB')),
  };
}

// ---------------------------------------------------------------- filters

export interface NarrativeFilter {
  readonly agencyId: string | null;
  readonly participantId: string | null;
  /** Empty means every kind. */
  readonly kinds: readonly NarrativeKind[];
  readonly from: string | null;
  readonly to: string | null;
  /** Words that must all appear in the text or the source. */
  readonly text: string;
}

export const NO_FILTER: NarrativeFilter = { agencyId: null, participantId: null, kinds: [], from: null, to: null, text: '' };

export const isFiltering = (filter: NarrativeFilter): boolean =>
  filter.agencyId !== null || filter.participantId !== null || filter.kinds.length > 0 || filter.from !== null || filter.to !== null || filter.text.trim() !== '';

/** The participants an entry concerns: whose perspective, whose conversation, who it involves. */
export function participantsOfEntry(entry: NarrativeEntry, context: NarrativeContext): Set<string> {
  const ids = new Set<string>(entry.involvesParticipantIds);
  if (entry.perspective.of === 'participant') ids.add(entry.perspective.participantId);
  if (entry.source.kind === 'conversation') {
    const conversationId: ConversationId = entry.source.conversationId;
    const conversation = context.conversations.find((candidate) => candidate.id === conversationId);
    if (conversation) ids.add(conversation.participantId);
  }
  return ids;
}

/** The agencies an entry concerns: its perspective's, its source's and those of the people it involves. */
export function agenciesOfEntry(entry: NarrativeEntry, context: NarrativeContext): Set<string> {
  const ids = new Set<string>();
  if (entry.perspective.of === 'agency') ids.add(entry.perspective.agencyId);
  if (entry.source.kind === 'document') {
    const documentId: DocumentId = entry.source.documentId;
    const document = context.documents.find((candidate) => candidate.id === documentId);
    if (document) ids.add(document.agencyId);
  }
  for (const participantId of participantsOfEntry(entry, context)) {
    const agencyId = context.participants.find((participant) => participant.id === participantId)?.agencyId;
    if (agencyId) ids.add(agencyId);
  }
  return ids;
}

const words = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-GB')
    .split(/\s+/)
    .filter(Boolean);

export function filterNarrative(entries: readonly NarrativeEntry[], filter: NarrativeFilter, context: NarrativeContext): NarrativeEntry[] {
  if (!isFiltering(filter)) return [...entries];
  const wanted = words(filter.text);
  return entries.filter((entry) => {
    if (filter.kinds.length > 0 && !filter.kinds.includes(entry.kind)) return false;
    if (filter.agencyId !== null && !agenciesOfEntry(entry, context).has(filter.agencyId)) return false;
    if (filter.participantId !== null && !participantsOfEntry(entry, context).has(filter.participantId)) return false;
    // A date still being typed (not yet a whole date) does not filter.
    const from = filter.from !== null && isCalendarDate(filter.from) ? filter.from : null;
    const to = filter.to !== null && isCalendarDate(filter.to) ? filter.to : null;
    if ((from !== null || to !== null) && !periodsOverlap(entry.period, { from, to })) return false;
    if (wanted.length > 0) {
      const haystack = words(`${entry.text} ${describeSource(entry.source, context)} ${describePerspective(entry.perspective, context).title}`).join(' ');
      if (!wanted.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

// ---------------------------------------------------------------- time axis

export interface TimeBucket {
  readonly from: string;
  readonly to: string;
  /** "Jan 2025", "Jan–Mar 2025" or "2025". */
  readonly label: string;
  /** The first bucket of a year, so the axis can mark year changes. */
  readonly startsYear: boolean;
}

const shortMonth = (month: number): string => monthName(month).slice(0, 3);

/** Columns for the time axis: months for up to three years, then quarters, then years. */
export function timeBuckets(period: Period): TimeBucket[] {
  const start = dateParts(period.from);
  const end = dateParts(period.to);
  if (!start || !end || period.from > period.to) return [];
  const months = (end.year - start.year) * 12 + (end.month - start.month) + 1;
  const step = months <= 36 ? 1 : months <= 144 ? 3 : 12;
  const buckets: TimeBucket[] = [];
  // Quarters and years align to the calendar, so the first bucket may start before the review does.
  let year = start.year;
  let month = step === 1 ? start.month : step === 3 ? Math.floor((start.month - 1) / 3) * 3 + 1 : 1;
  while (year < end.year || (year === end.year && month <= end.month)) {
    const lastMonth = month + step - 1;
    const endYear = year + Math.floor((lastMonth - 1) / 12);
    const endMonth = ((lastMonth - 1) % 12) + 1;
    const label =
      step === 1 ? `${shortMonth(month)} ${year}` : step === 3 ? `${shortMonth(month)}–${shortMonth(endMonth)} ${year}` : String(year);
    buckets.push({
      from: toCalendarDate(year, month, 1),
      to: toCalendarDate(endYear, endMonth, daysInMonth(endYear, endMonth)),
      label,
      startsYear: month === 1 || buckets.length === 0,
    });
    month += step;
    while (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return buckets;
}

export interface BucketSpan {
  /** Zero-based first and last bucket the entry covers (inclusive), clamped to the axis. */
  readonly start: number;
  readonly end: number;
  readonly startsBefore: boolean;
  readonly endsAfter: boolean;
  readonly openEnded: boolean;
}

/** Where an entry sits on the axis. An open-ended entry runs to the end of the axis. */
export function bucketSpan(period: OpenPeriod, buckets: readonly TimeBucket[]): BucketSpan {
  const last = buckets.length - 1;
  const first = buckets[0];
  const final = buckets[last];
  if (!first || !final) return { start: 0, end: 0, startsBefore: false, endsAfter: false, openEnded: period.to === null };
  const indexOf = (date: string): number => {
    const index = buckets.findIndex((bucket) => date >= bucket.from && date <= bucket.to);
    return index === -1 ? (date < first.from ? 0 : last) : index;
  };
  const startsBefore = period.from < first.from;
  const endsAfter = period.to !== null && period.to > final.to;
  const start = indexOf(period.from);
  const end = period.to === null ? last : Math.max(start, indexOf(period.to));
  return { start: Math.min(start, end), end, startsBefore, endsAfter, openEnded: period.to === null };
}

// ---------------------------------------------------------------- rules for an entry within its review

/** What a form holds before it is a record: perspective and source may not be chosen yet. */
export interface NarrativeEntryDraft {
  readonly kind: NarrativeKind;
  readonly perspective: Perspective | null;
  readonly source: NarrativeSource | null;
  readonly period: { readonly from: string; readonly to: string | null };
  readonly text: string;
  readonly relatedEntryIds: readonly NarrativeEntryId[];
  readonly involvesParticipantIds: readonly ParticipantId[];
}

export interface NarrativeOutcome {
  /** Stop a save: nothing is stored while any remains. */
  readonly blocking: FieldIssue[];
  /** Shown, but the entry is stored. */
  readonly warnings: FieldIssue[];
}

/**
 * An entry's period falls within the period under review: the narrative is about that period. An open end
 * ("from March onwards") is allowed. Messages name the field and the dates.
 */
export function periodIssues(period: NarrativeEntryDraft['period'], reviewPeriod: Period): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const within = `the period under review (${describeReviewPeriod(reviewPeriod)})`;
  if (!isCalendarDate(period.from)) {
    issues.push({ path: 'period.from', message: 'the start date is required, as a real date' });
    return issues;
  }
  if (period.from < reviewPeriod.from) {
    issues.push({ path: 'period.from', message: `the start date ${longDate(period.from)} is before ${within}` });
  } else if (period.from > reviewPeriod.to) {
    issues.push({ path: 'period.from', message: `the start date ${longDate(period.from)} is after ${within}` });
  }
  if (period.to !== null) {
    if (!isCalendarDate(period.to)) issues.push({ path: 'period.to', message: 'the end date must be a real date, or left empty' });
    else if (period.to < period.from) issues.push({ path: 'period.to', message: 'the end date is on or after the start date' });
    else if (period.to > reviewPeriod.to) issues.push({ path: 'period.to', message: `the end date ${longDate(period.to)} is after ${within}` });
  }
  return issues;
}

/** The rules a narrative entry meets within its review, beyond its own schema. */
export function narrativeEntryIssues(
  draft: NarrativeEntryDraft,
  reviewPeriod: Period,
  context: NarrativeContext,
  existingIds: ReadonlySet<string>,
  ownId: string | null,
): NarrativeOutcome {
  const blocking: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const isJudgement = draft.kind === 'reviewersJudgement';
  if (!isJudgement) {
    if (draft.perspective === null || draft.perspective.of === 'reviewTeam') {
      blocking.push({ path: 'perspective', message: "whose perspective is required: choose a participant or an agency's records" });
    } else if (draft.perspective.of === 'participant') {
      const participantId = draft.perspective.participantId;
      if (!context.participants.some((participant) => participant.id === participantId)) {
        blocking.push({ path: 'perspective', message: 'choose a participant of this review' });
      }
    } else if (!context.agencies.some((agency) => agency.id === (draft.perspective as { agencyId: string }).agencyId)) {
      blocking.push({ path: 'perspective', message: 'choose one of the agencies taking part in this review' });
    }
    if (draft.source === null || draft.source.kind === 'reviewTeam') {
      blocking.push({ path: 'source', message: 'the source is required: choose the conversation or document this comes from' });
    } else if (draft.source.kind === 'conversation') {
      const conversationId = draft.source.conversationId;
      if (!context.conversations.some((conversation) => conversation.id === conversationId)) {
        blocking.push({ path: 'source', message: 'choose a conversation of this review' });
      }
    } else if (!context.documents.some((document) => document.id === (draft.source as { documentId: string }).documentId)) {
      blocking.push({ path: 'source', message: 'choose a document of this review' });
    }
  }
  blocking.push(...periodIssues(draft.period, reviewPeriod));
  if (draft.text.trim() === '') blocking.push({ path: 'text', message: 'the text of the entry is required' });
  if (ownId !== null && draft.relatedEntryIds.some((id) => id === ownId)) {
    blocking.push({ path: 'relatedEntryIds', message: 'an entry cannot dispute itself' });
  }
  if (draft.relatedEntryIds.some((id) => !existingIds.has(id))) {
    warnings.push({ path: 'relatedEntryIds', message: 'a linked entry is no longer in this review' });
  }
  if (draft.kind === 'discrepancy' && draft.relatedEntryIds.length === 0) {
    warnings.push({ path: 'relatedEntryIds', message: 'link the entries this discrepancy disputes, so readers can compare them' });
  }
  return { blocking, warnings };
}

/** Entries that dispute this one (the other side of a discrepancy's links). */
export function disputedBy(entryId: string, entries: readonly NarrativeEntry[]): NarrativeEntry[] {
  return entries.filter((entry) => entry.kind === 'discrepancy' && entry.relatedEntryIds.some((id) => id === entryId));
}
