// FICTIONAL test data: every name and id here is invented.
import { describe, expect, it } from 'vitest';
import { asId, type ParticipantId, type ReviewId } from '../ids';
import { emptySnapshot, type Review, type ReviewSnapshot } from '../model';
import type { Command } from '../session/commands';
import { actorFor, actorForSignedIn, leadReviewerActor, type Actor } from './actor';
import { authorise, capabilityFor, commentWindowOpen, decide, mayReadNotes, readableDrafts } from './decide';
import { ACCESS_ROLES, CAPABILITIES, grantOf, isTeamRole, participantRoleOf, type AccessRole, type Capability } from './matrix';

// The matrix as the issue and ADR 1300 set it out, written out here by hand (Y yes, N no, S drafts shared with them,
// O own conversations, W own comments during the window), so a change to the code's matrix fails this test.
const EXPECTED: Record<AccessRole, string> = {
  //               read edit notes comment publish manage public export destroy
  leadReviewer: '   Y    Y    Y     Y       Y       Y      Y      Y      Y',
  facilitator: '    Y    Y    Y     Y       N       N      Y      N      Y',
  reviewer: '       Y    Y    Y     Y       N       N      Y      N      N',
  lscbCoordinator: 'Y    N    N     N       N       Y      Y      Y      N',
  observer: '       Y    N    N     N       N       N      Y      N      N',
  practitioner: '   S    N    O     W       N       N      Y      N      N',
  manager: '        S    N    O     W       N       N      Y      N      N',
  familyMember: '   S    N    O     W       N       N      Y      N      N',
};
const LETTER = { always: 'Y', never: 'N', sharedDrafts: 'S', ownConversations: 'O', duringCommentWindow: 'W' } as const;

const review = { id: asId<ReviewId>('rev-access'), codename: 'Kestrel (fictional)' } as unknown as Review;
const snapshotWith = (extra: Partial<ReviewSnapshot>): ReviewSnapshot => ({ ...emptySnapshot(review), ...extra });
const team = (role: AccessRole): Actor =>
  isTeamRole(role)
    ? { kind: 'team', role, name: 'T (fictional)', teamMemberId: null }
    : { kind: 'participant', role, name: 'P (fictional)', participantId: asId<ParticipantId>('par-own') };

describe('the role matrix', () => {
  for (const role of ACCESS_ROLES) {
    const letters = EXPECTED[role].trim().split(/\s+/);
    CAPABILITIES.forEach((capability, index) => {
      it(`${role} × ${capability} is ${letters[index]}`, () => {
        expect(LETTER[grantOf(role, capability)]).toBe(letters[index]);
      });
    });
  }

  it('maps every participant kind to a participant role', () => {
    expect(participantRoleOf('practitioner')).toBe('practitioner');
    expect(participantRoleOf('firstLineManager')).toBe('manager');
    expect(participantRoleOf('seniorManager')).toBe('manager');
    expect(participantRoleOf('familyMember')).toBe('familyMember');
    expect(participantRoleOf('carer')).toBe('familyMember');
    expect(participantRoleOf('childOrYoungPerson')).toBe('familyMember');
  });
});

describe('grants that depend on the record', () => {
  const participant = team('practitioner');
  const shared = { publishedAt: '2026-03-01T10:00:00.000Z', commentWindow: { opensOn: '2026-03-02', closesOn: '2026-03-16' } };
  const unshared = { publishedAt: null, commentWindow: null };

  it('lets a participant read the notes of their own conversations only', () => {
    expect(mayReadNotes(participant, { participantId: asId<ParticipantId>('par-own') })).toBe(true);
    expect(mayReadNotes(participant, { participantId: asId<ParticipantId>('par-other') })).toBe(false);
    expect(mayReadNotes(team('reviewer'), { participantId: asId<ParticipantId>('par-other') })).toBe(true);
    expect(mayReadNotes(team('observer'), { participantId: asId<ParticipantId>('par-other') })).toBe(false);
  });

  it('shows a participant only drafts that have been shared', () => {
    expect(readableDrafts(participant, [shared, unshared])).toEqual([shared]);
    expect(readableDrafts(team('observer'), [shared, unshared])).toEqual([shared, unshared]);
  });

  it('lets a participant comment with their own name only while the window is open (both days included)', () => {
    const comment = (today: string, participantId = 'par-own', stage: typeof shared | typeof unshared = shared) =>
      decide(participant, 'commentOnSharedDraft', { on: 'comment', participantId, stage, today });
    expect(comment('2026-03-01').ok).toBe(false);
    expect(comment('2026-03-02').ok).toBe(true);
    expect(comment('2026-03-16').ok).toBe(true);
    expect(comment('2026-03-17').ok).toBe(false);
    expect(comment('2026-03-10', 'par-other').ok).toBe(false);
    const notShared = comment('2026-03-10', 'par-own', unshared);
    expect(!notShared.ok && notShared.error.reason).toBe('this draft has not been shared with them');
  });

  it('takes the window in London days: 23:30 UTC on the closing day in British Summer Time is already the next day', () => {
    // 29 March 2026 is the first day of BST; the window closes that day.
    const stage = { publishedAt: '2026-03-01T10:00:00.000Z', commentWindow: { opensOn: '2026-03-20', closesOn: '2026-03-29' } };
    const snapshot = snapshotWith({ reportStages: [{ id: 'stage-1', ...stage } as never] });
    const command: Command = {
      type: 'addRecord',
      kind: 'comment',
      record: { id: 'com-1', reportStageId: 'stage-1', participantId: 'par-own', text: 'A comment (fictional)' } as never,
    };
    expect(authorise(participant, command, snapshot, '2026-03-29T22:59:00.000Z').ok).toBe(true);
    expect(authorise(participant, command, snapshot, '2026-03-29T23:30:00.000Z').ok).toBe(false);
    expect(commentWindowOpen(stage, '2026-03-29')).toBe(true);
  });

  it('says why it refuses', () => {
    const refused = decide(team('observer'), 'editRecords');
    expect(refused).toEqual({ ok: false, error: { kind: 'notPermitted', role: 'observer', capability: 'editRecords', reason: '' } });
  });
});

describe('the capability each command needs', () => {
  const snapshot = snapshotWith({
    reportStages: [{ id: 'stage-1', publishedAt: null, publishedLocation: '', commentWindow: null } as never],
    comments: [{ id: 'com-1', reportStageId: 'stage-1', participantId: 'par-own', text: 'x', disposition: 'pending' } as never],
  });
  const cases: Array<[string, Command, Capability]> = [
    ['adding a team member', { type: 'addRecord', kind: 'teamMember', record: { id: 'tm-1' } as never }, 'manageMembers'],
    ['changing a role', { type: 'editRecord', kind: 'teamMember', id: 'tm-1', base: {}, changes: { role: 'observer' } }, 'manageMembers'],
    ['removing a team member', { type: 'removeRecord', kind: 'teamMember', id: 'tm-1' }, 'manageMembers'],
    ['adding a participant', { type: 'addRecord', kind: 'participant', record: { id: 'par-1' } as never }, 'editRecords'],
    [
      'adding a comment',
      { type: 'addRecord', kind: 'comment', record: { id: 'com-2', reportStageId: 'stage-1', participantId: 'par-own' } as never },
      'commentOnSharedDraft',
    ],
    ['changing a comment’s words', { type: 'editRecord', kind: 'comment', id: 'com-1', base: {}, changes: { text: 'y' } }, 'commentOnSharedDraft'],
    ['responding to a comment', { type: 'editRecord', kind: 'comment', id: 'com-1', base: {}, changes: { disposition: 'accepted' } }, 'editRecords'],
    [
      'publishing a stage',
      { type: 'editRecord', kind: 'reportStage', id: 'stage-1', base: {}, changes: { publishedAt: '2026-03-01T10:00:00.000Z' } },
      'publishStage',
    ],
    [
      'editing a stage’s meeting',
      { type: 'editRecord', kind: 'reportStage', id: 'stage-1', base: {}, changes: { publishedAt: null, draftNumber: 2 } },
      'editRecords',
    ],
    ['moving to publication', { type: 'movePhase', to: 'publication', override: null, auditId: 'aud-1' }, 'publishStage'],
    ['moving to analysis', { type: 'movePhase', to: 'analysis', override: null, auditId: 'aud-1' }, 'editRecords'],
    [
      'recording a publication',
      {
        type: 'recordPublication',
        reportStageId: 'stage-1',
        location: 'x',
        destination: 'channel',
        fileName: 'f.docx',
        sha256: 'abc',
        auditId: 'aud-9',
      } as never,
      'publishStage',
    ],
    ['recording an export', { type: 'appendAudit', entryId: 'aud-2', action: 'export', summary: 'x' }, 'exportBundle'],
    ['recording a permission change', { type: 'appendAudit', entryId: 'aud-3', action: 'permissionChange', summary: 'x' }, 'manageMembers'],
    [
      'destroying a recording',
      {
        type: 'moveRecording',
        conversationId: 'con-1',
        transition: { to: 'destroyed', at: 'x', by: 'y', how: 'z' } as never,
        participantLabel: 'p',
        auditId: 'a',
      },
      'destroyRecording',
    ],
    [
      'a step note',
      { type: 'editStepNote', noteId: 'n', conversationId: 'con-1', step: 'introduction' as never, baseText: '', text: 'x', baseChecked: [], checked: [] },
      'editRecords',
    ],
  ];
  for (const [name, command, capability] of cases) {
    it(`${name} needs ${capability}`, () => {
      expect(capabilityFor(command, snapshot, '2026-03-10T10:00:00.000Z').capability).toBe(capability);
    });
  }
});

describe('who is acting', () => {
  const snapshot = snapshotWith({
    teamMembers: [
      { id: 'tm-lead', name: 'Lee Lead (fictional)', email: 'lee@contoso.example', role: 'leadReviewer' } as never,
      { id: 'tm-fac', name: 'Fay Facilitator (fictional)', email: 'Fay@Contoso.example', role: 'facilitator' } as never,
    ],
    participants: [{ id: 'par-1', kind: 'seniorManager', reportLabel: 'Senior manager A' } as never],
  });

  it('finds the signed-in person on the team list by email, whatever its case', () => {
    expect(actorForSignedIn(snapshot, { name: 'Fay', email: 'fay@contoso.example' }).role).toBe('facilitator');
  });

  it('makes someone on no list an observer once a lead reviewer with an account is named, the lead reviewer before', () => {
    expect(actorForSignedIn(snapshot, { name: 'Sam', email: 'sam@contoso.example' }).role).toBe('observer');
    expect(actorForSignedIn(snapshotWith({}), { name: 'Sam', email: 'sam@contoso.example' }).role).toBe('leadReviewer');
  });

  it('acts as a chosen participant or team member, and as nobody once they have left the review', () => {
    expect(actorFor(snapshot, { as: 'participant', id: 'par-1' })).toMatchObject({ kind: 'participant', role: 'manager' });
    expect(actorFor(snapshot, { as: 'teamMember', id: 'tm-fac' })).toMatchObject({ kind: 'team', role: 'facilitator' });
    expect(actorFor(snapshot, { as: 'teamMember', id: 'tm-gone' })).toBeNull();
    expect(leadReviewerActor('Ana').role).toBe('leadReviewer');
  });
});
