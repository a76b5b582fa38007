// FICTIONAL test data: every name and agency here is invented.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asId, type AgencyId, type ConversationId, type DocumentId, type NarrativeEntryId, type ParticipantId, type ReviewId } from '../ids';
import type { NarrativeEntry } from '../model';
import {
  NO_FILTER,
  bucketSpan,
  buildLanes,
  describeSource,
  disputedBy,
  filterNarrative,
  narrativeEntryIssues,
  periodIssues,
  timeBuckets,
  type NarrativeContext,
  type NarrativeEntryDraft,
} from './narrative';

const SOCIAL_CARE = asId<AgencyId>('ag-sc');
const HEALTH = asId<AgencyId>('ag-hv');
const SW = asId<ParticipantId>('par-sw');
const HV = asId<ParticipantId>('par-hv');
const MUM = asId<ParticipantId>('par-mum');

const context: NarrativeContext = {
  agencies: [
    { id: SOCIAL_CARE, name: 'Social Care (fictional)' },
    { id: HEALTH, name: 'Health Visiting (fictional)' },
  ],
  participants: [
    { id: SW, kind: 'practitioner', agencyId: SOCIAL_CARE, roleTitle: 'Social worker', reportLabel: 'Social worker 1' },
    { id: HV, kind: 'practitioner', agencyId: HEALTH, roleTitle: '', reportLabel: 'Health visitor' },
    { id: MUM, kind: 'familyMember', agencyId: null, roleTitle: '', reportLabel: 'Ms Amber (pseudonym)' },
  ],
  conversations: [
    { id: asId<ConversationId>('con-sw'), participantId: SW },
    { id: asId<ConversationId>('con-mum'), participantId: MUM },
  ],
  documents: [{ id: asId<DocumentId>('doc-hv'), agencyId: HEALTH, title: 'Health visiting record' }],
};
const REVIEW_PERIOD = { from: '2025-01-01', to: '2025-12-31' };

let counter = 0;
function entry(overrides: Partial<NarrativeEntry>): NarrativeEntry {
  counter += 1;
  return {
    id: asId<NarrativeEntryId>(`nar-${counter}`),
    reviewId: asId<ReviewId>('rev-1'),
    schemaVersion: 2,
    version: 1,
    createdAt: `2026-01-01T00:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'Test (fictional)',
    updatedBy: 'Test (fictional)',
    kind: 'account',
    perspective: { of: 'participant', participantId: SW },
    source: { kind: 'conversation', conversationId: asId<ConversationId>('con-sw') },
    period: { from: '2025-03-01', to: null },
    text: 'A fictional account.',
    relatedEntryIds: [],
    involvesParticipantIds: [],
    resolved: false,
    ...overrides,
  };
}

describe('narrative lanes', () => {
  it('gives each perspective its own lane, agencies in review order, family last, judgements apart', () => {
    const entries = [
      entry({ perspective: { of: 'participant', participantId: MUM }, source: { kind: 'conversation', conversationId: asId('con-mum') } }),
      entry({ perspective: { of: 'participant', participantId: HV }, source: { kind: 'document', documentId: asId('doc-hv') }, period: { from: '2025-06-01', to: null } }),
      entry({ perspective: { of: 'participant', participantId: HV }, source: { kind: 'document', documentId: asId('doc-hv') }, period: { from: '2025-02-01', to: '2025-02-03' } }),
      entry({ perspective: { of: 'agency', agencyId: HEALTH }, source: { kind: 'document', documentId: asId('doc-hv') } }),
      entry({}),
      entry({ kind: 'reviewersJudgement', perspective: { of: 'reviewTeam' }, source: { kind: 'reviewTeam' } }),
    ];
    const { lanes, judgements, missingPerspectives } = buildLanes(entries, context);
    expect(lanes.map((lane) => lane.title)).toEqual(['Social worker 1', 'Health Visiting (fictional)', 'Health visitor', 'Ms Amber (pseudonym)']);
    expect(lanes.map((lane) => lane.subtitle)).toEqual([
      'Social worker, Social Care (fictional)',
      "Agency's records",
      'Practitioner, Health Visiting (fictional)',
      'Family member',
    ]);
    // Chronological within a lane.
    expect(lanes[2]?.entries.map((item) => item.period.from)).toEqual(['2025-02-01', '2025-06-01']);
    expect(judgements.title).toBe("Reviewers' judgement");
    expect(judgements.entries).toHaveLength(1);
    expect(lanes.flatMap((lane) => lane.entries).some((item) => item.kind === 'reviewersJudgement')).toBe(false);
    expect(missingPerspectives).toEqual([]);
  });

  it('names the participants not yet heard from', () => {
    const { missingPerspectives } = buildLanes([entry({})], context);
    expect(missingPerspectives.map((participant) => participant.reportLabel)).toEqual(['Health visitor', 'Ms Amber (pseudonym)']);
  });

  it('describes sources in words, naming the conversation partner or the document', () => {
    expect(describeSource({ kind: 'conversation', conversationId: asId('con-sw') }, context)).toBe('Conversation with Social worker 1');
    expect(describeSource({ kind: 'document', documentId: asId('doc-hv') }, context)).toBe('Document: Health visiting record (Health Visiting (fictional))');
    expect(describeSource({ kind: 'document', documentId: asId('doc-gone') }, context)).toBe('A document no longer in this review');
  });
});

describe('narrative filters', () => {
  const sw = entry({ text: 'Home visit arranged' });
  const hvDoc = entry({ perspective: { of: 'participant', participantId: HV }, source: { kind: 'document', documentId: asId('doc-hv') }, kind: 'gap', period: { from: '2025-08-01', to: '2025-08-31' } });
  const aboutMum = entry({ involvesParticipantIds: [MUM], period: { from: '2025-11-01', to: '2025-11-02' } });
  const all = [sw, hvDoc, aboutMum];

  it('filters by agency through the perspective, the source and the people involved', () => {
    expect(filterNarrative(all, { ...NO_FILTER, agencyId: HEALTH }, context)).toEqual([hvDoc]);
    expect(filterNarrative(all, { ...NO_FILTER, agencyId: SOCIAL_CARE }, context)).toEqual([sw, aboutMum]);
  });

  it('filters by participant, kind, period overlap and words', () => {
    expect(filterNarrative(all, { ...NO_FILTER, participantId: MUM }, context)).toEqual([aboutMum]);
    expect(filterNarrative(all, { ...NO_FILTER, kinds: ['gap'] }, context)).toEqual([hvDoc]);
    // sw is open-ended from March, so it overlaps August.
    expect(filterNarrative(all, { ...NO_FILTER, from: '2025-08-15', to: '2025-08-20' }, context)).toEqual([sw, hvDoc]);
    expect(filterNarrative(all, { ...NO_FILTER, from: '2025-12-01' }, context)).toEqual([sw]);
    expect(filterNarrative(all, { ...NO_FILTER, text: 'visit HOME' }, context)).toEqual([sw]);
    expect(filterNarrative(all, NO_FILTER, context)).toEqual(all);
  });
});

describe('time axis', () => {
  it('uses months for a year-long review and places entries in them', () => {
    const buckets = timeBuckets(REVIEW_PERIOD);
    expect(buckets).toHaveLength(12);
    expect(buckets[0]).toMatchObject({ from: '2025-01-01', to: '2025-01-31', label: 'Jan 2025', startsYear: true });
    expect(buckets[1]).toMatchObject({ to: '2025-02-28', startsYear: false });
    expect(bucketSpan({ from: '2025-02-10', to: '2025-04-01' }, buckets)).toEqual({ start: 1, end: 3, startsBefore: false, endsAfter: false, openEnded: false });
    expect(bucketSpan({ from: '2025-10-10', to: null }, buckets)).toMatchObject({ start: 9, end: 11, openEnded: true });
    expect(bucketSpan({ from: '2024-10-10', to: '2026-02-01' }, buckets)).toMatchObject({ start: 0, end: 11, startsBefore: true, endsAfter: true });
  });

  it('uses quarters beyond three years and years beyond twelve', () => {
    const quarters = timeBuckets({ from: '2020-02-15', to: '2024-05-01' });
    expect(quarters[0]).toMatchObject({ from: '2020-01-01', to: '2020-03-31', label: 'Jan–Mar 2020' });
    expect(quarters.at(-1)).toMatchObject({ from: '2024-04-01', to: '2024-06-30' });
    expect(quarters).toHaveLength(18);
    const years = timeBuckets({ from: '2005-06-01', to: '2020-01-01' });
    expect(years.map((bucket) => bucket.label)).toEqual(Array.from({ length: 16 }, (_, index) => String(2005 + index)));
  });

  it('always places an entry inside the axis, covering its start', () => {
    const day = fc.date({ min: new Date('2023-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.option(day), (reviewA, reviewB, end) => {
        const [from, to] = reviewA <= reviewB ? [reviewA, reviewB] : [reviewB, reviewA];
        const buckets = timeBuckets({ from, to });
        expect(buckets.length).toBeGreaterThan(0);
        expect(buckets[0]!.from <= from && buckets.at(-1)!.to >= to).toBe(true);
        const start = from;
        const span = bucketSpan({ from: start, to: end !== null && end >= start ? end : null }, buckets);
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThan(buckets.length);
        expect(span.start).toBeLessThanOrEqual(span.end);
        expect(start >= buckets[span.start]!.from && start <= buckets[span.start]!.to).toBe(true);
      }),
    );
  });
});

describe('an entry within its review', () => {
  const draft: NarrativeEntryDraft = {
    kind: 'account',
    perspective: { of: 'participant', participantId: SW },
    source: { kind: 'conversation', conversationId: asId('con-sw') },
    period: { from: '2025-03-01', to: '2025-03-02' },
    text: 'Fictional account',
    relatedEntryIds: [],
    involvesParticipantIds: [],
  };
  const check = (changes: Partial<NarrativeEntryDraft>, ownId: string | null = null) =>
    narrativeEntryIssues({ ...draft, ...changes }, REVIEW_PERIOD, context, new Set(['nar-a']), ownId);

  it('accepts a complete entry within the period', () => {
    expect(check({})).toEqual({ blocking: [], warnings: [] });
  });

  it('refuses a period outside the review, naming the field and the dates', () => {
    expect(periodIssues({ from: '2024-12-31', to: null }, REVIEW_PERIOD)).toEqual([
      { path: 'period.from', message: 'the start date 31 December 2024 is before the period under review (1 January 2025 to 31 December 2025)' },
    ]);
    expect(periodIssues({ from: '2025-12-01', to: '2026-01-05' }, REVIEW_PERIOD)[0]?.path).toBe('period.to');
    expect(periodIssues({ from: '2025-05-01', to: '2025-04-01' }, REVIEW_PERIOD)[0]?.message).toBe('the end date is on or after the start date');
    expect(periodIssues({ from: '', to: null }, REVIEW_PERIOD)[0]?.path).toBe('period.from');
    expect(check({ period: { from: '2026-02-01', to: null } }).blocking.map((issue) => issue.path)).toEqual(['period.from']);
  });

  it('requires a perspective and a source for everything but a reviewers’ judgement', () => {
    expect(check({ perspective: null, source: null }).blocking.map((issue) => issue.path)).toEqual(['perspective', 'source']);
    expect(check({ kind: 'reviewersJudgement', perspective: { of: 'reviewTeam' }, source: { kind: 'reviewTeam' } }).blocking).toEqual([]);
    expect(check({ source: { kind: 'document', documentId: asId('doc-unknown') } }).blocking[0]?.message).toBe('choose a document of this review');
  });

  it('asks a discrepancy to link what it disputes, and refuses one disputing itself', () => {
    expect(check({ kind: 'discrepancy' }).warnings.map((issue) => issue.path)).toEqual(['relatedEntryIds']);
    expect(check({ kind: 'discrepancy', relatedEntryIds: [asId('nar-a')] }, 'nar-a').blocking[0]?.message).toBe('an entry cannot dispute itself');
  });

  it('finds the discrepancies that dispute an entry', () => {
    const disputed = entry({});
    const discrepancy = entry({ kind: 'discrepancy', relatedEntryIds: [disputed.id] });
    expect(disputedBy(disputed.id, [disputed, discrepancy])).toEqual([discrepancy]);
  });
});

describe('participant labels without repeats', () => {
  it('adds only the role and agency the report label does not already say', async () => {
    const { perspectiveSubtitle } = await import('./narrative');
    expect(perspectiveSubtitle('Health visitor, Kestonbury Health (fictional)', 'Health visitor', 'Kestonbury Health (fictional)')).toBe('');
    expect(perspectiveSubtitle('Health visitor', 'Health visitor', 'Kestonbury Health (fictional)')).toBe('Kestonbury Health (fictional)');
    expect(perspectiveSubtitle('Social worker 1', 'Social worker', 'Children’s Social Care')).toBe('Social worker, Children’s Social Care');
    expect(perspectiveSubtitle('Ms Rowan (pseudonym)', 'Mother', '')).toBe('Mother');
  });
});
