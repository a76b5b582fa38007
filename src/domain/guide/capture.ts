import type { Failure, FieldIssue } from '../failures';
import type { CapturedItemId, ConversationId, FactorTagId, StepNoteId } from '../ids';
import { asId } from '../ids';
import type { ConversationStepId } from '../method/conversation-steps';
import type { CapturedItem, Conversation, Episode } from '../model';
import { LIMITS } from '../primitives';
import { err, ok, type Result } from '../result';

/**
 * Quick capture during a conversation: each change is a function of the record as it is now, so when the other
 * facilitator saved meanwhile the change is simply applied again to their version (nothing to merge by hand).
 */

export type CapturedList = 'wentWell' | 'suggestedChanges';

export const CAPTURED_LIST_LABELS: Record<CapturedList, string> = {
  wentWell: 'Things that went well',
  suggestedChanges: 'Suggested changes',
};

export const addCapturedItem =
  (list: CapturedList, item: CapturedItem) =>
  (conversation: Conversation): Conversation =>
    conversation[list].some((existing) => existing.id === item.id) ? conversation : { ...conversation, [list]: [...conversation[list], item] };

export const removeCapturedItem =
  (list: CapturedList, itemId: CapturedItemId) =>
  (conversation: Conversation): Conversation => ({ ...conversation, [list]: conversation[list].filter((item) => item.id !== itemId) });

export const setFactorRaised =
  (factorId: string, raised: boolean) =>
  (conversation: Conversation): Conversation => {
    const has = conversation.factorsRaised.some((entry) => entry.factorId === factorId);
    if (raised === has) return conversation;
    return {
      ...conversation,
      factorsRaised: raised ? [...conversation.factorsRaised, { factorId, note: '' }] : conversation.factorsRaised.filter((entry) => entry.factorId !== factorId),
    };
  };

export const setEpisodeFactor =
  (factorId: string, tagged: boolean, newTagId: () => FactorTagId) =>
  (episode: Episode): Episode => {
    const has = episode.factors.some((tag) => tag.factorId === factorId);
    if (tagged === has) return episode;
    return {
      ...episode,
      factors: tagged ? [...episode.factors, { id: newTagId(), factorId, whyItMadeSense: '' }] : episode.factors.filter((tag) => tag.factorId !== factorId),
    };
  };

export function validateCapturedText(text: string, what: string): Result<string, Failure> {
  const trimmed = text.trim();
  if (trimmed === '') return err({ kind: 'invalid', what, issues: [{ path: 'text', message: 'write what was said first' }] });
  if (trimmed.length > LIMITS.mediumText) {
    return err({ kind: 'invalid', what, issues: [{ path: 'text', message: `at most ${LIMITS.mediumText.toLocaleString('en-GB')} characters` }] });
  }
  return ok(trimmed);
}

// ---------------------------------------------------------------- a turning point, as a key practice episode

export interface EpisodeCaptureInput {
  readonly title: string;
  readonly description: string;
  /** The month it happened, as YYYY-MM: during a conversation the month is usually all anyone knows. */
  readonly month: string;
  readonly factorIds: readonly string[];
}

export interface EpisodeDraft {
  readonly title: string;
  readonly description: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly participantIds: readonly Conversation['participantId'][];
  readonly raisedInConversationId: ConversationId;
  readonly factorIds: readonly string[];
}

/** A title from the description when none was typed: its first words. */
export function titleFromDescription(description: string): string {
  const words = description.trim().split(/\s+/u).filter(Boolean);
  const title = words.slice(0, 8).join(' ');
  return words.length > 8 ? `${title}…` : title;
}

/**
 * Checks a quick-captured turning point and turns it into an episode for this conversation and participant.
 * The description is required (it is Appendix 4's first column); the month too, as the episode needs a period.
 */
export function draftEpisode(conversation: Pick<Conversation, 'id' | 'participantId'>, input: EpisodeCaptureInput): Result<EpisodeDraft, Failure> {
  const issues: FieldIssue[] = [];
  const description = input.description.trim();
  if (description === '') issues.push({ path: 'description', message: 'describe the turning point in the participant’s words' });
  else if (description.length > LIMITS.longText) issues.push({ path: 'description', message: `at most ${LIMITS.longText.toLocaleString('en-GB')} characters` });
  const title = (input.title.trim() || titleFromDescription(description)).slice(0, LIMITS.shortText);
  const month = /^(\d{4})-(\d{2})$/.exec(input.month.trim());
  const monthNumber = month ? Number(month[2]) : 0;
  if (!month || monthNumber < 1 || monthNumber > 12) {
    issues.push({ path: 'month', message: 'say roughly when, as a month (the month is enough)' });
  }
  if (issues.length > 0 || !month) return err({ kind: 'invalid', what: 'Key practice episode', issues });
  const year = Number(month[1]);
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const from = `${month[1]}-${month[2]}-01`;
  const to = `${month[1]}-${month[2]}-${lastDay.toString().padStart(2, '0')}`;
  return ok({
    title,
    description,
    period: { from, to },
    participantIds: [conversation.participantId],
    raisedInConversationId: conversation.id,
    factorIds: [...new Set(input.factorIds)],
  });
}

// ---------------------------------------------------------------- step notes

/**
 * The id of a conversation step's notes record. Fixed by (conversation, step) so that two facilitators starting the
 * same step at once create one record, not two: the second finds it taken and merges into it.
 */
export function stepNoteIdFor(conversationId: ConversationId, step: ConversationStepId): StepNoteId {
  const plain = `note-${conversationId}-${step}`;
  if (plain.length <= 120) return asId<StepNoteId>(plain);
  // FNV-1a of an over-long conversation id keeps the id short and still fixed.
  let hash = 0x811c9dc5;
  for (let index = 0; index < conversationId.length; index++) {
    hash ^= conversationId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return asId<StepNoteId>(`note-${conversationId.slice(0, 90)}-${hash.toString(36)}-${step}`);
}

/** Checklist ticks merged three ways: each side's own ticks and unticks since the base both stand. */
export function mergeChecked(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const baseSet = new Set(base);
  const mineSet = new Set(mine);
  const added = mine.filter((item) => !baseSet.has(item));
  const removed = new Set(base.filter((item) => !mineSet.has(item)));
  return [...new Set([...theirs.filter((item) => !removed.has(item)), ...added])];
}
