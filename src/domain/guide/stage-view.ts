import type { ConversationId } from '../ids';
import { findFactor } from '../method/factor-framework';
import type { OpenPeriod } from '../primitives';
import type { ReviewSnapshot } from '../model';
import { participantWords } from './facilitator-comments';
import { SHARE_SUMMARY_ON_STAGE } from './guide-state';

/**
 * What the participant sees on the meeting stage at step 8, "have we got your view?": only what they said in this
 * conversation. Never anything from other participants, never the reviewers' judgements or analysis (adequacy,
 * breakdown, significance with hindsight, "why it made sense"), never narrative entries, never anyone else's real
 * name. Names of other participants and of the review team are replaced in the text, as a second line of defence
 * against a name typed into a note.
 */

export interface StageEpisode {
  readonly title: string;
  readonly description: string;
  readonly when: string;
}

export interface StageView {
  readonly heading: string;
  readonly episodes: readonly StageEpisode[];
  /** The contributory factors they described (the framework's words only). */
  readonly influences: readonly string[];
  readonly wentWell: readonly string[];
  readonly suggestedChanges: readonly string[];
  /**
   * The facilitators' step 8 summary, only when they chose to show it on the stage: the participant's words only,
   * never the step's `comments` and never a bracketed comment typed among the words.
   */
  readonly summary: string | null;
}

export const STAGE_HEADING = 'Summing up: have we got your view?';

export function participantStageView(snapshot: ReviewSnapshot, conversationId: ConversationId): StageView | null {
  const conversation = snapshot.conversations.find((candidate) => candidate.id === conversationId);
  if (!conversation) return null;
  const redact = nameRedactor(snapshot, conversation.participantId);

  const episodes = snapshot.episodes
    .filter((episode) => episode.raisedInConversationId === conversation.id)
    .sort((a, b) => a.period.from.localeCompare(b.period.from))
    .map((episode) => ({ title: redact(episode.title), description: redact(episode.description), when: describePeriod(episode.period) }));

  const influences = [...new Set(conversation.factorsRaised.map((raised) => raised.factorId))].flatMap((factorId) => {
    const found = findFactor(factorId);
    return found ? [found.factor.label] : [];
  });

  const summaryNote = snapshot.stepNotes.find((note) => note.conversationId === conversation.id && note.step === '8');
  const summaryWords = summaryNote && summaryNote.checked.includes(SHARE_SUMMARY_ON_STAGE) ? participantWords(summaryNote.text) : '';
  const summary = summaryWords !== '' ? redact(summaryWords) : null;

  return {
    heading: STAGE_HEADING,
    episodes,
    influences,
    wentWell: conversation.wentWell.map((item) => redact(item.text)),
    suggestedChanges: conversation.suggestedChanges.map((item) => redact(item.text)),
    summary,
  };
}

interface Replacement {
  readonly pattern: RegExp;
  readonly with: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words only, in any script: "Jo" must not match inside "Joanne". */
const wholeWord = (text: string, flags: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, flags);

/**
 * Replaces other participants' names and identifiers with their report labels, and the review team's names with
 * "the review team". Full names and registered identifiers match in any case; single name parts (a first name
 * alone) match as capitalised words, so "May" is replaced but the verb "may" is not.
 */
export function nameRedactor(snapshot: ReviewSnapshot, participantId: string): (text: string) => string {
  const replacements: Replacement[] = [];
  const add = (name: string, label: string) => {
    const trimmed = name.trim();
    if (trimmed.length < 2) return;
    replacements.push({ pattern: wholeWord(trimmed, 'giu'), with: label });
    // Parenthetical asides ("(fictional)", "(née Smith)" is caught whole above) are not name parts on their own.
    for (const part of trimmed.replace(/\([^)]*\)/gu, ' ').split(/[\s,]+/u)) {
      if (part.length >= 2 && part !== trimmed) replacements.push({ pattern: wholeWord(part, 'gu'), with: label });
    }
  };
  for (const participant of snapshot.participants) {
    if (participant.id === participantId) continue;
    add(participant.realName, participant.reportLabel);
    for (const identifier of participant.otherIdentifiers) add(identifier, participant.reportLabel);
  }
  for (const member of snapshot.teamMembers) add(member.name, 'the review team');
  // Longest first, so a full name is replaced before its parts.
  replacements.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  return (text: string) => replacements.reduce((current, replacement) => current.replace(replacement.pattern, replacement.with), text);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function describeDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1] ?? ''} ${year}`;
}

/** "March 2025" for a whole month, "3 March 2025" for a day, "from 3 March 2025" or "3 March – 10 April 2025". */
export function describePeriod(period: OpenPeriod): string {
  const [fromYear, fromMonth, fromDay] = period.from.split('-').map(Number);
  if (period.to === null) return `from ${describeDate(period.from)}`;
  if (period.to === period.from) return describeDate(period.from);
  const [toYear, toMonth, toDay] = period.to.split('-').map(Number);
  const lastDayOfMonth = new Date(Date.UTC(toYear ?? 0, toMonth ?? 1, 0)).getUTCDate();
  if (fromYear === toYear && fromMonth === toMonth && fromDay === 1 && toDay === lastDayOfMonth) {
    return `${MONTHS[(fromMonth ?? 1) - 1] ?? ''} ${fromYear}`;
  }
  return `${describeDate(period.from)} – ${describeDate(period.to)}`;
}
