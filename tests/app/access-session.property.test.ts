// FICTIONAL test data: every name and agency here is invented.
// No command succeeds for an actor without its capability, whoever submits it: random actors (every role, a
// participant in their own or someone else's name) submit random commands of every type to one open session.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DexieReviewStore } from '../../src/adapters/local/dexie-review-store';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { ReviewService } from '../../src/app/review-service';
import { memoryJournal } from '../../src/app/session/memory-journal';
import { ACCESS_ROLES, capabilityFor, decide, grantOf, isTeamRole, type AccessRole, type Actor } from '../../src/domain/access';
import { asId, type ParticipantId } from '../../src/domain/ids';
import type { Command } from '../../src/domain/session';
import { FICTIONAL_AGENCIES, createTestReview } from '../fixtures/builders';

const NOW = '2026-03-10T10:00:00.000Z';

function commands(reviewId: string, participantId: string, otherId: string, stageId: string, n: number): fc.Arbitrary<Command> {
  const stamps = { reviewId, schemaVersion: 2, version: 1, createdAt: NOW, updatedAt: NOW, createdBy: 'x', updatedBy: 'x' };
  return fc.oneof(
    fc.constant<Command>({
      type: 'addRecord',
      kind: 'teamMember',
      record: { ...stamps, id: `tm-new-${n}`, name: 'New (fictional)', email: '', role: 'observer', profession: '' } as never,
    }),
    fc.constant<Command>({ type: 'editRecord', kind: 'teamMember', id: 'tm-1', base: {}, changes: { profession: `p${n}` } }),
    fc.constant<Command>({ type: 'editRecord', kind: 'review', id: reviewId, base: {}, changes: { triggerNote: `note ${n}` } }),
    fc.constantFrom(participantId, otherId).map<Command>((who) => ({
      type: 'addRecord',
      kind: 'comment',
      record: {
        ...stamps,
        id: `com-${n}-${who}`,
        reportStageId: stageId,
        participantId: who,
        section: '',
        text: 'A comment (fictional)',
        disposition: 'pending',
        response: '',
      } as never,
    })),
    fc.constant<Command>({ type: 'editRecord', kind: 'reportStage', id: stageId, base: {}, changes: { publishedLocation: `loc-${n}` } }),
    fc.constant<Command>({ type: 'appendAudit', entryId: `aud-e-${n}`, action: 'export', summary: 'Exported (fictional)' }),
    fc.constant<Command>({ type: 'appendAudit', entryId: `aud-p-${n}`, action: 'permissionChange', summary: 'Changed (fictional)' }),
    fc.constant<Command>({ type: 'movePhase', to: 'dataCollection', override: { reason: 'test' }, auditId: `aud-m-${n}` }),
    fc.constant<Command>({ type: 'removeRecord', kind: 'document', id: 'doc-none' }),
    fc.constant<Command>({ type: 'setFactorRaised', conversationId: 'con-1', factorId: 'fl-1-1', raised: n % 2 === 0 }),
  );
}

function actorOf(role: AccessRole, own: boolean, participantId: string, otherId: string): Actor {
  return isTeamRole(role)
    ? { kind: 'team', role, name: `${role} (fictional)`, teamMemberId: null }
    : { kind: 'participant', role, name: `${role} (fictional)`, participantId: asId<ParticipantId>(own ? participantId : otherId) };
}

describe('the session authorises every command', () => {
  it('refuses, and changes nothing for, any command whose capability the actor lacks', async () => {
    const store = new DexieReviewStore('access-property');
    let acting: Actor | null = null;
    const service = new ReviewService({
      store,
      journal: memoryJournal(),
      clock: steppingClock(NOW, 0),
      ids: sequentialIds('ap'),
      actor: () => 'Ana (fictional)',
      access: () => acting ?? { kind: 'team', role: 'leadReviewer', name: 'Ana (fictional)', teamMemberId: null },
      editDelayMs: 0,
    });
    const review = await createTestReview(service);
    const own = await service.addRecord('participant', review.id, {
      kind: 'practitioner',
      agencyId: FICTIONAL_AGENCIES[0]!.id,
      roleTitle: 'Social worker',
      realName: 'Sam Invented',
      reportLabel: 'Social worker A',
      introductionLetter: { status: 'notSent', on: null },
    });
    const other = await service.addRecord('participant', review.id, {
      kind: 'familyMember',
      agencyId: null,
      realName: 'Kim Invented',
      reportLabel: 'Mother',
      introductionLetter: { status: 'notSent', on: null },
    });
    const stage = await service.addRecord('reportStage', review.id, {
      stage: 'preliminary',
      draftNumber: 1,
      publishedAt: '2026-03-01T10:00:00.000Z',
      commentWindow: { opensOn: '2026-03-02', closesOn: '2026-03-16' },
    } as never);
    await service.addRecord('teamMember', review.id, { name: 'Tess (fictional)', role: 'reviewer' }, 'tm-1');
    if (!own.ok || !other.ok || !stage.ok) throw new Error('set-up');
    const session = await service.openSession(review.id);
    if (!session.ok) throw new Error('open');

    let refused = 0;
    let permitted = 0;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ACCESS_ROLES),
        fc.boolean(),
        fc.nat(1000).chain((seed) => commands(review.id, own.value.id, other.value.id, stage.value.id, seed + ++n * 1001)),
        async (role, ownName, command) => {
          acting = actorOf(role, ownName, own.value.id, other.value.id);
          const before = session.value.getSnapshot();
          const requirement = capabilityFor(command, before, NOW);
          const allowed = decide(acting, requirement.capability, requirement.situation).ok;
          const submission = session.value.submit(command);
          if (grantOf(role, requirement.capability) === 'never' || !allowed) {
            refused += 1;
            expect(submission.accepted.ok).toBe(false);
            if (!submission.accepted.ok) expect(submission.accepted.error.kind).toBe('notPermitted');
            expect(session.value.getSnapshot()).toBe(before);
          } else {
            permitted += 1;
            if (!submission.accepted.ok) expect(submission.accepted.error.kind).not.toBe('notPermitted');
          }
          acting = null;
          await submission.stored;
        },
      ),
      { numRuns: 150, seed: 1300 },
    );
    // Neither side of the property was empty.
    expect(refused).toBeGreaterThan(20);
    expect(permitted).toBeGreaterThan(20);
  }, 60_000);

  it('keeps the default for callers that say nothing: the lead reviewer may do everything', async () => {
    const service = new ReviewService({
      store: new DexieReviewStore('access-default'),
      journal: memoryJournal(),
      clock: steppingClock(NOW, 1000),
      ids: sequentialIds('ad'),
      actor: () => 'Ana (fictional)',
      editDelayMs: 0,
    });
    const review = await createTestReview(service);
    const session = await service.openSession(review.id);
    if (!session.ok) throw new Error('open');
    expect(session.value.access().role).toBe('leadReviewer');
    const added = await service.addRecord('teamMember', review.id, { name: 'Tess (fictional)', role: 'reviewer' });
    expect(added.ok).toBe(true);
  });

  it('refuses an observer’s edit with one message naming the role and what it cannot do', async () => {
    const service = new ReviewService({
      store: new DexieReviewStore('access-observer'),
      journal: memoryJournal(),
      clock: steppingClock(NOW, 1000),
      ids: sequentialIds('ao'),
      actor: () => 'Olu (fictional)',
      access: () => ({ kind: 'team', role: 'observer', name: 'Olu (fictional)', teamMemberId: null }),
      editDelayMs: 0,
    });
    const review = await createTestReview(service);
    const refused = await service.addRecord('document', review.id, {
      agencyId: FICTIONAL_AGENCIES[0]!.id,
      title: 'Case file (fictional)',
      recordType: 'Case notes',
      coveredPeriod: { from: '2025-01-01', to: '2025-02-01' },
    });
    expect(refused.ok).toBe(false);
    const { describeFailure } = await import('../../src/app/failure-messages');
    if (!refused.ok)
      expect(describeFailure(refused.error)).toBe(
        'Observers cannot edit the review. Nothing was changed; the LSCB coordinator decides who may do what in a review.',
      );
  });
});
