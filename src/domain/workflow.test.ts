// FICTIONAL test data: the built-in training case and variations on it.
import { describe, expect, it } from 'vitest';
import { parseBundle } from './bundle';
import type { ReviewPhase, ReviewSnapshot } from './model';
import { emptySnapshot } from './model';
import { trainingCaseBundle } from './training-case';
import { decidePhaseMove, guardsToLeave, nextPhase } from './workflow';

function trainingCase(): ReviewSnapshot {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('the training case should be valid');
  return parsed.value.snapshot;
}

const inPhase = (snapshot: ReviewSnapshot, phase: ReviewPhase): ReviewSnapshot => ({ ...snapshot, review: { ...snapshot.review, phase } });
const messages = (phase: ReviewPhase, snapshot: ReviewSnapshot) => guardsToLeave(phase, snapshot).map((guard) => `${guard.id}: ${guard.message}`);

describe('guards that explain themselves, phase by phase', () => {
  it('preparation: the team and the participants', () => {
    const empty = emptySnapshot(trainingCase().review);
    expect(messages('preparation', empty)).toEqual([
      'team.lead: The review team has no lead reviewer',
      'team.facilitators: The review team has 0 of the 2 facilitators who hold the conversations',
      'participants.none: No participants have been identified yet',
      'participants.family: No family members are among the participants: their perspective would be missing',
    ]);
    expect(messages('preparation', trainingCase())).toEqual([
      'participants.letters: 2 participants have not been sent the introductory letter',
      'participants.confidentiality: 4 participants have not acknowledged the confidentiality terms',
    ]);
  });

  it('preparation: a second lead reviewer is pointed out (issue 10)', () => {
    const snapshot = trainingCase();
    const lead = snapshot.teamMembers.find((member) => member.role === 'leadReviewer')!;
    const twoLeads = { ...snapshot, teamMembers: [...snapshot.teamMembers, { ...lead, id: `${lead.id}-second` as typeof lead.id, name: 'Second Lead (fictional)' }] };
    expect(messages('preparation', twoLeads)).toContain('team.leads: The review team has 2 lead reviewers: a review has one');
    expect(messages('preparation', snapshot).some((message) => message.startsWith('team.leads'))).toBe(false);
  });

  it('data collection: documents, conversations and written records', () => {
    expect(messages('dataCollection', emptySnapshot(trainingCase().review))).toEqual(['documents.none: No agency documents have been logged']);
    expect(messages('dataCollection', trainingCase())).toEqual([
      'conversations.missing: 6 participants have no conversation planned',
      'conversations.notHeld: 1 conversation has not been held yet',
      'conversations.record: 1 conversation has no written record',
    ]);
  });

  it('analysis: perspectives, episodes, factors and patterns', () => {
    expect(messages('analysis', trainingCase())).toEqual([]);
    const snapshot = trainingCase();
    const [first, ...rest] = snapshot.episodes;
    if (!first) throw new Error('the training case has episodes');
    const weaker: ReviewSnapshot = {
      ...snapshot,
      episodes: [{ ...first, judgement: null, factors: first.factors.map((tag) => ({ ...tag, whyItMadeSense: '' })) }, ...rest],
      patterns: snapshot.patterns.map((pattern) => ({ ...pattern, prioritisation: { ...pattern.prioritisation, selected: false } })),
    };
    expect(messages('analysis', weaker)).toEqual([
      'episodes.judgement: 1 episode has no judgement of adequacy',
      'episodes.whyItMadeSense: 4 contributory factors do not yet say why it made sense at the time',
      'patterns.prioritised: No patterns have been selected as priorities',
    ]);
  });

  it('preliminary report: shared, meeting held, comments answered', () => {
    expect(messages('preliminaryReport', trainingCase())).toEqual([
      'preliminary.meeting: The preliminary group meeting has not been held',
      'preliminary.comments: 1 comment on the preliminary report has no response yet',
    ]);
  });

  it('final draft: recordings not destroyed is a safety guard', () => {
    const guards = guardsToLeave('finalDraftReport', trainingCase());
    const recordings = guards.find((guard) => guard.id === 'recordings.destroyed');
    expect(recordings).toMatchObject({
      severity: 'safety',
      message: '2 conversation recordings have not been destroyed, as participants were promised',
    });
    expect(guards.filter((guard) => guard.id !== 'recordings.destroyed').every((guard) => guard.severity === 'advisory')).toBe(true);
  });

  it('publication is the last phase', () => {
    expect(nextPhase('publication')).toBeNull();
    expect(nextPhase('analysis')).toBe('preliminaryReport');
  });
});

describe('deciding a phase move', () => {
  it('always allows going back, with no reason needed', () => {
    const decision = decidePhaseMove(trainingCase(), 'dataCollection', null);
    expect(decision).toEqual({ ok: true, value: { to: 'dataCollection', overriddenGuards: [], reason: '' } });
  });

  it('refuses to stay put or to skip a phase', () => {
    expect(decidePhaseMove(trainingCase(), 'preliminaryReport', null)).toMatchObject({ ok: false, error: { kind: 'blocked' } });
    const skip = decidePhaseMove(trainingCase(), 'finalDraftReport', { reason: 'in a hurry' });
    expect(skip).toMatchObject({ ok: false, error: { reasons: ['Move one phase at a time: next is Interim report and group meeting'] } });
  });

  it('blocks going forward past unmet guards, listing them, unless overridden with a reason', () => {
    const snapshot = trainingCase();
    const blocked = decidePhaseMove(snapshot, 'interimReport', null);
    expect(blocked).toMatchObject({ ok: false, error: { kind: 'blocked', reasons: ['The preliminary group meeting has not been held', '1 comment on the preliminary report has no response yet'] } });
    expect(decidePhaseMove(snapshot, 'interimReport', { reason: '   ' }).ok).toBe(false);
    const overridden = decidePhaseMove(snapshot, 'interimReport', { reason: ' Meeting moved to the interim stage by agreement ' });
    expect(overridden).toEqual({
      ok: true,
      value: {
        to: 'interimReport',
        overriddenGuards: ['The preliminary group meeting has not been held', '1 comment on the preliminary report has no response yet'],
        reason: 'Meeting moved to the interim stage by agreement',
      },
    });
  });

  it('never lets a reason override the safety guard on recordings', () => {
    const snapshot = inPhase(trainingCase(), 'finalDraftReport');
    const decision = decidePhaseMove(snapshot, 'publication', { reason: 'We will delete them next week' });
    expect(decision).toMatchObject({ ok: false, error: { reasons: ['2 conversation recordings have not been destroyed, as participants were promised'] } });
  });

  it('moves on freely once every guard is met', () => {
    const snapshot = trainingCase();
    expect(decidePhaseMove(inPhase(snapshot, 'analysis'), 'preliminaryReport', null)).toEqual({
      ok: true,
      value: { to: 'preliminaryReport', overriddenGuards: [], reason: '' },
    });
  });
});
