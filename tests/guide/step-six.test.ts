import { describe, expect, it } from 'vitest';
import { stepSixQueries } from '../../src/domain/guide/step-six';
import { asId, type ConversationId } from '../../src/domain/ids';
import { GUIDE_CONVERSATION_ID, OTHER_CONVERSATION_ID, guideFixture } from '../fixtures/guide-fixture';

describe('step 6: queries from the overview perspective', () => {
  it("offers the unresolved gaps and discrepancies about this participant or their agency, and nothing else", () => {
    const queries = stepSixQueries(guideFixture(), GUIDE_CONVERSATION_ID);
    expect(queries.map((query) => query.entryId)).toEqual(['nar-discrepancy-referral', 'nar-gap-jo']);
    expect(queries.find((query) => query.entryId === 'nar-gap-jo')?.reasons).toEqual(['involvesParticipant', 'agencyPerspective', 'agencyRecords']);
    expect(queries.find((query) => query.entryId === 'nar-discrepancy-referral')?.reasons).toEqual(['involvesParticipant']);
  });

  it('leaves out resolved entries, accounts and reviewers’ judgements', () => {
    const ids = stepSixQueries(guideFixture(), GUIDE_CONVERSATION_ID).map((query) => query.entryId as string);
    expect(ids).not.toContain('nar-resolved');
    expect(ids).not.toContain('nar-judgement');
  });

  it("includes the participant's own discrepancy and matches by agency alone", () => {
    const snapshot = guideFixture();
    const priya = stepSixQueries(snapshot, OTHER_CONVERSATION_ID);
    // The school's gap was raised in the conversation with Priya: drawn from her conversation, it involves her.
    expect(priya.map((query) => query.entryId)).toEqual(['nar-discrepancy-referral', 'nar-gap-school']);
    expect(priya[0]?.reasons).toEqual(['involvesParticipant', 'fromTheirConversation', 'participantsPerspective']);
    expect(priya[1]?.reasons).toEqual(['fromTheirConversation']);
    // The school's gap involves no one by name; a school participant gets it through their agency.
    const withSchool = {
      ...snapshot,
      participants: [...snapshot.participants, { ...snapshot.participants[0]!, id: asId<never>('par-teacher'), agencyId: asId<never>('ag-school'), realName: 'Tess Teacher', reportLabel: 'Teacher 1' }],
      conversations: [...snapshot.conversations, { ...snapshot.conversations[0]!, id: asId<ConversationId>('con-teacher'), participantId: asId<never>('par-teacher') }],
    };
    expect(stepSixQueries(withSchool, asId<ConversationId>('con-teacher')).map((query) => [query.entryId, query.reasons])).toEqual([['nar-gap-school', ['agencyPerspective']]]);
  });

  it("offers a discrepancy that disputes this participant's account even when no one ticked them as involved", () => {
    const snapshot = guideFixture();
    const account = {
      ...snapshot.narrative.find((entry) => entry.id === 'nar-gap-school')!,
      id: asId<never>('nar-jo-account'),
      kind: 'account' as const,
      perspective: { of: 'participant' as const, participantId: asId<never>('par-jo') },
      source: { kind: 'conversation' as const, conversationId: GUIDE_CONVERSATION_ID },
      involvesParticipantIds: [],
      relatedEntryIds: [],
    };
    // From the school's perspective and the other conversation; disputes Jo's account; nobody ticked.
    const dispute = { ...account, id: asId<never>('nar-disputes-jo'), kind: 'discrepancy' as const, perspective: { of: 'agency' as const, agencyId: asId<never>('ag-school') }, source: { kind: 'conversation' as const, conversationId: OTHER_CONVERSATION_ID }, relatedEntryIds: [account.id] };
    const queries = stepSixQueries({ ...snapshot, narrative: [...snapshot.narrative, account, dispute] }, GUIDE_CONVERSATION_ID);
    expect(queries.find((query) => query.entryId === 'nar-disputes-jo')?.reasons).toEqual(['namesTheirAccount']);
  });

  it('is empty for an unknown conversation', () => {
    expect(stepSixQueries(guideFixture(), asId<ConversationId>('con-missing'))).toEqual([]);
  });
});
