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
    expect(priya.map((query) => query.entryId)).toEqual(['nar-discrepancy-referral']);
    expect(priya[0]?.reasons).toEqual(['involvesParticipant', 'participantsPerspective']);
    // The school's gap involves no one by name; a school participant gets it through their agency.
    const withSchool = {
      ...snapshot,
      participants: [...snapshot.participants, { ...snapshot.participants[0]!, id: asId<never>('par-teacher'), agencyId: asId<never>('ag-school'), realName: 'Tess Teacher', reportLabel: 'Teacher 1' }],
      conversations: [...snapshot.conversations, { ...snapshot.conversations[0]!, id: asId<ConversationId>('con-teacher'), participantId: asId<never>('par-teacher') }],
    };
    expect(stepSixQueries(withSchool, asId<ConversationId>('con-teacher')).map((query) => [query.entryId, query.reasons])).toEqual([['nar-gap-school', ['agencyPerspective']]]);
  });

  it('is empty for an unknown conversation', () => {
    expect(stepSixQueries(guideFixture(), asId<ConversationId>('con-missing'))).toEqual([]);
  });
});
