import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describePeriod, nameRedactor, participantStageView, STAGE_HEADING } from '../../src/domain/guide/stage-view';
import { SHARE_SUMMARY_ON_STAGE } from '../../src/domain/guide/guide-state';
import { asId, type ConversationId, type StepNoteId } from '../../src/domain/ids';
import { RECORD_SCHEMA_VERSION, ReviewSnapshotSchema, type ReviewSnapshot } from '../../src/domain/model';
import { GUIDE_CONVERSATION_ID, guideFixture } from '../fixtures/guide-fixture';

describe('the participant stage view ("have we got your view?")', () => {
  it("shows this participant's episodes, factors, things that went well and suggested changes", () => {
    const snapshot = guideFixture();
    const conversation = snapshot.conversations.find((candidate) => candidate.id === GUIDE_CONVERSATION_ID)!;
    const withCapture: ReviewSnapshot = {
      ...snapshot,
      conversations: snapshot.conversations.map((candidate) =>
        candidate.id === conversation.id
          ? {
              ...candidate,
              factorsRaised: [{ factorId: 'conditions.workload', note: 'FACILITATOR-NOTE' }],
              wentWell: [{ id: asId('item-1'), text: 'Supervision helped me plan the visits', capturedAt: '2026-03-02T10:30:00.000Z' }],
              suggestedChanges: [{ id: asId('item-2'), text: 'Ask Priya Invented to copy referrals to the duty inbox', capturedAt: '2026-03-02T10:40:00.000Z' }],
            }
          : candidate,
      ),
      episodes: [
        ...snapshot.episodes,
        {
          ...snapshot.episodes[0]!,
          id: asId('kpe-jo'),
          title: 'The strategy discussion',
          description: 'I decided with my manager, Robin Lead (fictional), not to escalate after PI called.',
          period: { from: '2025-05-01', to: '2025-05-31' },
          judgement: 'problematic',
          judgementBreakdown: 'JUDGEMENT-BREAKDOWN',
          significance: 'SIGNIFICANCE',
          factors: [{ id: asId('tag-1'), factorId: 'ownTeam.supervision', whyItMadeSense: 'WHY-IT-MADE-SENSE' }],
          raisedInConversationId: conversation.id,
        },
      ],
    };
    const view = participantStageView(withCapture, conversation.id)!;
    expect(view.heading).toBe(STAGE_HEADING);
    expect(view.episodes).toEqual([
      { title: 'The strategy discussion', description: 'I decided with my manager, the review team, not to escalate after Health visitor 1 called.', when: 'May 2025' },
    ]);
    expect(view.influences).toEqual(['Workload']);
    expect(view.wentWell).toEqual(['Supervision helped me plan the visits']);
    expect(view.suggestedChanges).toEqual(['Ask Health visitor 1 to copy referrals to the duty inbox']);
    expect(view.summary).toBeNull();
    const shown = JSON.stringify(view);
    for (const hidden of ['JUDGEMENT-BREAKDOWN', 'SIGNIFICANCE', 'WHY-IT-MADE-SENSE', 'FACILITATOR-NOTE', 'Referral in March', 'Priya', 'Robin', 'problematic']) {
      expect(shown).not.toContain(hidden);
    }
  });

  it('shows the step 8 summary only when the facilitators chose to', () => {
    const snapshot = guideFixture();
    const note = {
      ...snapshot.stepNotes[0]!,
      id: asId<StepNoteId>('note-jo-8'),
      conversationId: GUIDE_CONVERSATION_ID,
      step: '8' as const,
      text: 'You felt the referral from Priya Invented never arrived.',
      checked: [] as string[],
    };
    expect(participantStageView({ ...snapshot, stepNotes: [note] }, GUIDE_CONVERSATION_ID)?.summary).toBeNull();
    expect(participantStageView({ ...snapshot, stepNotes: [{ ...note, checked: [SHARE_SUMMARY_ON_STAGE] }] }, GUIDE_CONVERSATION_ID)?.summary).toBe(
      'You felt the referral from Health visitor 1 never arrived.',
    );
  });

  it("never shows the facilitators' own comments: neither the step's comments nor brackets typed among the words", () => {
    const snapshot = guideFixture();
    const note = {
      ...snapshot.stepNotes[0]!,
      id: asId<StepNoteId>('note-jo-8'),
      conversationId: GUIDE_CONVERSATION_ID,
      step: '8' as const,
      text: 'You felt stretched that spring [facilitator: follow up on caseload] and that supervision helped.',
      comments: 'Check the duty rota with the team manager',
      checked: [SHARE_SUMMARY_ON_STAGE],
    };
    const view = participantStageView({ ...snapshot, stepNotes: [note] }, GUIDE_CONVERSATION_ID)!;
    expect(view.summary).toBe('You felt stretched that spring and that supervision helped.');
    expect(JSON.stringify(view)).not.toMatch(/facilitator|caseload|duty rota/u);
    expect(view.summary).not.toMatch(/\[|\]/u);
    // Only comments: nothing to show.
    expect(participantStageView({ ...snapshot, stepNotes: [{ ...note, text: '[all of this is ours]' }] }, GUIDE_CONVERSATION_ID)?.summary).toBeNull();
  });

  it('is null for a conversation that does not exist', () => {
    expect(participantStageView(guideFixture(), asId<ConversationId>('con-missing'))).toBeNull();
  });

  it('replaces names as whole words only, first names only when capitalised', () => {
    const redact = nameRedactor(guideFixture(), 'par-jo');
    expect(redact('Mara Madeup and MARA MADEUP; Mara said; Maradona; PI rang')).toBe('Ms Willow and Ms Willow; Ms Willow said; Maradona; Health visitor 1 rang');
    expect(redact('Jo Fictional is me')).toBe('Jo Fictional is me');
  });

  it('describes periods in words', () => {
    expect(describePeriod({ from: '2025-03-01', to: '2025-03-31' })).toBe('March 2025');
    expect(describePeriod({ from: '2025-03-04', to: '2025-03-04' })).toBe('4 March 2025');
    expect(describePeriod({ from: '2025-03-04', to: null })).toBe('from 4 March 2025');
    expect(describePeriod({ from: '2025-03-04', to: '2025-04-10' })).toBe('4 March 2025 – 10 April 2025');
  });

  // ---------------------------------------------------------------- property: nothing else leaks

  const nameArb = fc.stringMatching(/^[A-Z][a-z]{3,8}$/);

  /** Random reviews in which every text a stage must not show carries a marker, and other people's names are sprinkled in. */
  const reviewArb = fc
    .record({
      participantCount: fc.integer({ min: 2, max: 5 }),
      names: fc.uniqueArray(nameArb, { minLength: 16, maxLength: 16, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
      conversationOwners: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
      episodes: fc.array(fc.record({ conversation: fc.nat(), mentions: fc.nat() }), { maxLength: 8 }),
      items: fc.array(fc.record({ conversation: fc.nat(), list: fc.constantFrom('wentWell', 'suggestedChanges'), mentions: fc.nat() }), { maxLength: 10 }),
      notes: fc.array(fc.record({ conversation: fc.nat(), step: fc.constantFrom('2', '3a', '8', '9'), shared: fc.boolean(), unclosed: fc.boolean() }), { maxLength: 8 }),
      chosen: fc.nat(),
    })
    .map((shape) => build(shape));

  function build(shape: {
    participantCount: number;
    names: string[];
    conversationOwners: number[];
    episodes: Array<{ conversation: number; mentions: number }>;
    items: Array<{ conversation: number; list: 'wentWell' | 'suggestedChanges'; mentions: number }>;
    notes: Array<{ conversation: number; step: '2' | '3a' | '8' | '9'; shared: boolean; unclosed: boolean }>;
    chosen: number;
  }) {
    const base = guideFixture('rev-prop');
    const stamp = { reviewId: 'rev-prop', schemaVersion: RECORD_SCHEMA_VERSION, version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: 'x', updatedBy: 'x' };
    const name = (index: number) => shape.names[index % shape.names.length] as string;
    const participants = Array.from({ length: shape.participantCount }, (_, index) => ({
      ...stamp,
      id: `par-${index}`,
      kind: 'practitioner',
      agencyId: 'ag-social-care',
      realName: `${name(index * 2)} ${name(index * 2 + 1)}`,
      reportLabel: `Role ${index}`,
      introductionLetter: { status: 'notSent', on: null },
      otherIdentifiers: [`${name(index * 2).slice(0, 1)}${name(index * 2 + 1).slice(0, 1)}X${index}`],
    }));
    const teamMembers = [0, 1].map((index) => ({ ...stamp, id: `tm-${index}`, name: `${name(12 + index * 2)} ${name(13 + index * 2)}`, role: 'facilitator' }));
    const conversations = shape.conversationOwners.map((owner, index) => ({
      ...stamp,
      id: `con-${index}`,
      participantId: `par-${owner % shape.participantCount}`,
      leadQuestionerId: 'tm-0',
      leadNoteTakerId: 'tm-1',
      status: 'held',
      factorsRaised: [{ factorId: 'conditions.workload', note: `FACTOR-NOTE-${index}` }],
      wentWell: [] as Array<{ id: string; text: string; capturedAt: string }>,
      suggestedChanges: [] as Array<{ id: string; text: string; capturedAt: string }>,
    }));
    const mention = (n: number) => {
      const person = participants[n % participants.length]!;
      const member = teamMembers[n % teamMembers.length]!;
      return `${person.realName} told ${member.name.split(' ')[0]} that ${person.realName.split(' ')[1]} and ${person.otherIdentifiers[0]} agreed`;
    };
    shape.items.forEach((item, index) => {
      const conversation = conversations[item.conversation % conversations.length]!;
      conversation[item.list].push({ id: `item-${index}`, text: `ITEM-${conversation.id}-${index} ${mention(item.mentions)}`, capturedAt: '2026-01-01T00:00:00.000Z' });
    });
    const episodes = shape.episodes.map((episode, index) => ({
      ...stamp,
      id: `kpe-${index}`,
      title: `EPISODE-${conversations[episode.conversation % conversations.length]!.id}-${index}`,
      period: { from: '2025-02-01', to: null },
      description: `DESCRIPTION-${conversations[episode.conversation % conversations.length]!.id}-${index} ${mention(episode.mentions)}`,
      significance: `SIGNIFICANCE-${index}`,
      judgement: 'problematic',
      judgementBreakdown: `BREAKDOWN-${index}`,
      factors: [{ id: `tag-${index}`, factorId: 'ownTeam.supervision', whyItMadeSense: `WHY-${index}` }],
      participantIds: participants.map((participant) => participant.id),
      raisedInConversationId: conversations[episode.conversation % conversations.length]!.id,
    }));
    // One notes record per (conversation, step), as the guide stores them.
    const seenNotes = new Set<string>();
    const uniqueNotes = shape.notes.filter((note) => {
      const key = `${note.conversation % conversations.length}:${note.step}`;
      if (seenNotes.has(key)) return false;
      seenNotes.add(key);
      return true;
    });
    const stepNotes = uniqueNotes.map((note, index) => ({
      ...stamp,
      id: `note-${index}`,
      conversationId: conversations[note.conversation % conversations.length]!.id,
      step: note.step,
      // The facilitators' own comments: in their own field, and typed in brackets among the words by habit.
      text: `NOTE-${conversations[note.conversation % conversations.length]!.id}-${note.step}-${index} [FACILITATOR-BRACKET-${index}: follow up] said${note.unclosed ? ' [FACILITATOR-UNCLOSED' : ''}`,
      comments: `FACILITATOR-COMMENT-${index}`,
      checked: note.shared ? [SHARE_SUMMARY_ON_STAGE] : [],
    }));
    const narrative = participants.map((participant, index) => ({
      ...stamp,
      id: `nar-${index}`,
      kind: 'account',
      perspective: { of: 'participant', participantId: participant.id },
      source: { kind: 'conversation', conversationId: conversations[0]!.id },
      period: { from: '2025-02-01', to: null },
      text: `NARRATIVE-${index}`,
      involvesParticipantIds: [participant.id],
    }));
    const snapshot = ReviewSnapshotSchema.parse({ ...base, review: { ...base.review, id: 'rev-prop' }, participants, teamMembers, conversations, episodes, stepNotes, narrative, documents: [] });
    const chosen = snapshot.conversations[shape.chosen % snapshot.conversations.length]!;
    return { snapshot, chosen };
  }

  it('never shows anything from other conversations, reviewers’ analysis, or anyone else’s name', () => {
    fc.assert(
      fc.property(reviewArb, ({ snapshot, chosen }) => {
        const view = participantStageView(snapshot, chosen.id);
        expect(view).not.toBeNull();
        const shown = JSON.stringify(view);
        const markers = shown.match(/(ITEM|EPISODE|DESCRIPTION|NOTE)-con-\d+/g) ?? [];
        for (const marker of markers) expect(marker.endsWith(`-${chosen.id}`)).toBe(true);
        for (const hidden of ['SIGNIFICANCE-', 'BREAKDOWN-', 'WHY-', 'FACTOR-NOTE-', 'NARRATIVE-', 'problematic', 'FACILITATOR-']) expect(shown).not.toContain(hidden);
        expect(view!.summary ?? '').not.toMatch(/\[|\]/u);
        const others = snapshot.participants.filter((participant) => participant.id !== chosen.participantId);
        const words = new Set(shown.split(/[^\p{L}\p{N}]+/u));
        for (const other of others) {
          for (const part of [...other.realName.split(' '), ...other.otherIdentifiers]) expect(words.has(part)).toBe(false);
        }
        for (const member of snapshot.teamMembers) for (const part of member.name.split(' ')) expect(words.has(part)).toBe(false);
        // …and everything this participant said is there.
        expect(view!.wentWell).toHaveLength(chosen.wentWell.length);
        expect(view!.suggestedChanges).toHaveLength(chosen.suggestedChanges.length);
        expect(view!.episodes).toHaveLength(snapshot.episodes.filter((episode) => episode.raisedInConversationId === chosen.id).length);
        const sharedSummary = snapshot.stepNotes.some((note) => note.conversationId === chosen.id && note.step === '8' && note.checked.includes(SHARE_SUMMARY_ON_STAGE));
        expect(view!.summary !== null).toBe(sharedSummary);
      }),
      { numRuns: 100 },
    );
    // A hundred random reviews take a few seconds on a busy machine.
  }, 30_000);
});
