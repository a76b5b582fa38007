// Checks that the FICTIONAL training case is labelled as such and rich enough for every later feature.
import { describe, expect, it } from 'vitest';
import { createBundle, parseBundle, serialiseBundle } from '../bundle';
import { CONVERSATION_STEP_IDS } from '../method/conversation-steps';
import { isFamilyKind, type ReviewSnapshot } from '../model';
import { trainingCaseBundle, TRAINING_CASE_CODENAME, TRAINING_CASE_REVIEW_ID } from '.';

function snapshot(): ReviewSnapshot {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error, null, 2));
  return parsed.value.snapshot;
}

describe('the fictional training case', () => {
  it('passes every bundle check', () => {
    expect(parseBundle(trainingCaseBundle()).ok).toBe(true);
  });

  it('is clearly labelled fictional, with a fixed id', () => {
    const bundle = trainingCaseBundle();
    expect(bundle.fictional).toBe(true);
    const { review } = snapshot();
    expect(review.fictional).toBe(true);
    expect(review.id).toBe(TRAINING_CASE_REVIEW_ID);
    expect(review.codename).toBe(TRAINING_CASE_CODENAME);
    expect(review.codename).toMatch(/fictional/i);
    expect(review.triggerNote).toMatch(/^FICTIONAL TRAINING CASE/);
  });

  it('has at least four agencies and a full review team', () => {
    const { review, teamMembers } = snapshot();
    expect(review.agencies.length).toBeGreaterThanOrEqual(4);
    const roles = teamMembers.map((member) => member.role).sort();
    expect(roles).toEqual(['facilitator', 'facilitator', 'leadReviewer', 'lscbCoordinator', 'reviewer']);
  });

  it('has a family with pseudonyms and at least eight participants including first-line managers', () => {
    const { participants } = snapshot();
    expect(participants.length).toBeGreaterThanOrEqual(8);
    const family = participants.filter((participant) => isFamilyKind(participant.kind));
    expect(family.map((member) => member.reportLabel).sort()).toEqual(['Amy', 'Ben', 'Lily', 'Sam']);
    expect(family.filter((member) => member.kind === 'childOrYoungPerson')).toHaveLength(2);
    expect(participants.filter((participant) => participant.kind === 'firstLineManager').length).toBeGreaterThanOrEqual(2);
    expect(participants.some((participant) => participant.kind === 'seniorManager')).toBe(true);
    // Material for the leak scan: nicknames and initials beside the real names.
    expect(participants.filter((participant) => participant.otherIdentifiers.length > 0).length).toBe(participants.length);
  });

  it('has conversations in every state, with step notes for all nine steps in several', () => {
    const { conversations, stepNotes } = snapshot();
    expect(conversations.length).toBeGreaterThanOrEqual(5);
    expect(new Set(conversations.map((conversation) => conversation.status))).toEqual(new Set(['held', 'scheduled', 'cancelled']));
    expect(new Set(conversations.map((conversation) => conversation.recording.state))).toEqual(new Set(['none', 'held', 'transcribed', 'destroyed']));
    const complete = conversations.filter((conversation) =>
      CONVERSATION_STEP_IDS.every((step) => stepNotes.some((note) => note.conversationId === conversation.id && note.step === step)),
    );
    expect(complete.length).toBeGreaterThanOrEqual(3);
    expect(conversations.some((conversation) => conversation.wentWell.length > 0)).toBe(true);
    expect(conversations.some((conversation) => conversation.suggestedChanges.length > 0)).toBe(true);
    const transcripts = conversations.filter((conversation) => conversation.writtenRecord?.kind === 'transcript');
    expect(transcripts).toHaveLength(1);
    expect(transcripts[0]?.writtenRecord?.cues.length).toBeGreaterThanOrEqual(3);
  });

  it('has a narrative of at least 20 entries from at least 4 perspectives, with gaps, discrepancies and judgements', () => {
    const { narrative } = snapshot();
    expect(narrative.length).toBeGreaterThanOrEqual(20);
    const perspectives = new Set(narrative.map((entry) => JSON.stringify(entry.perspective)));
    expect(perspectives.size).toBeGreaterThanOrEqual(4);
    const kinds = (kind: string) => narrative.filter((entry) => entry.kind === kind).length;
    expect(kinds('gap')).toBeGreaterThanOrEqual(2);
    expect(kinds('discrepancy')).toBeGreaterThanOrEqual(2);
    expect(kinds('reviewersJudgement')).toBeGreaterThanOrEqual(2);
  });

  it('has judged episodes whose every factor says why it made sense at the time', () => {
    const { episodes } = snapshot();
    expect(episodes.length).toBeGreaterThanOrEqual(6);
    expect(episodes.every((episode) => episode.judgement !== null && episode.factors.length > 0)).toBe(true);
    expect(episodes.flatMap((episode) => episode.factors).every((tag) => tag.whyItMadeSense.length > 20)).toBe(true);
    expect(new Set(episodes.map((episode) => episode.judgement))).toEqual(new Set(['good', 'problematic', 'mixed']));
  });

  it('has patterns across categories, prioritised, one not selected, and recommendations of all three kinds', () => {
    const { patterns, recommendations } = snapshot();
    expect(patterns.length).toBeGreaterThanOrEqual(4);
    expect(new Set(patterns.map((pattern) => pattern.category)).size).toBeGreaterThanOrEqual(4);
    expect(patterns.filter((pattern) => !pattern.prioritisation.selected)).toHaveLength(1);
    expect(patterns.some((pattern) => pattern.influence === 'supportsGoodPractice')).toBe(true);
    expect(patterns.some((pattern) => pattern.subPatternId === null && pattern.newSubPatternTitle !== '')).toBe(true);
    expect(recommendations.length).toBeGreaterThanOrEqual(4);
    expect(new Set(recommendations.map((recommendation) => recommendation.kind))).toEqual(new Set(['clearCutLocal', 'needsJudgement', 'needsResearch']));
  });

  it('has a preliminary report with comments, and an audit trail', () => {
    const { reportStages, comments, audit } = snapshot();
    expect(reportStages.map((stage) => stage.stage)).toEqual(['preliminary']);
    expect(comments.length).toBeGreaterThanOrEqual(3);
    expect(new Set(audit.map((entry) => entry.action))).toEqual(new Set(['permissionChange', 'phaseChange', 'recordingDestruction', 'publication']));
  });

  it('names invented places and nicknames in its free text, for the anonymisation leak scan', () => {
    const text = serialiseBundle(createBundle(snapshot(), { exportedAt: '2026-01-20T09:00:00.000Z', exportedBy: 'test' }));
    for (const identifier of ['Kestonbury', 'Brook Lane', 'Orchard Rise', 'Larkhollow', 'Tally', 'Kay', 'Mr Keogh', 'Dr Sethna']) {
      expect(text).toContain(identifier);
    }
  });

  it('gives each caller its own copy', () => {
    const first = trainingCaseBundle();
    first.snapshot.participants.length = 0;
    expect(trainingCaseBundle().snapshot.participants.length).toBeGreaterThan(0);
  });
});
