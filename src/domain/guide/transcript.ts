import type { Failure } from '../failures';
import type { ParticipantId, TeamMemberId } from '../ids';
import { LIMITS } from '../primitives';
import type { Conversation, Participant, TeamMember, WrittenRecord } from '../model';
import { err, ok, type Result } from '../result';
import { londonDateTimeText } from './london';

/**
 * A conversation's transcript, once read from a WebVTT file (parsing itself is in src/app/guide/vtt.ts, which uses
 * the W3C parser). Teams transcripts mark each speaker with a voice span: `<v Jo Example>What was said</v>`.
 */

export interface TranscriptCue {
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** The voice span's name as the file gives it; empty when the cue names nobody. */
  readonly speaker: string;
  readonly text: string;
}

export interface TranscriptProblem {
  readonly line: number;
  readonly message: string;
}

export interface ParsedTranscript {
  readonly fileName: string;
  readonly cues: readonly TranscriptCue[];
  /** Cues or lines the parser could not read and skipped; the first few, with the total. */
  readonly problems: readonly TranscriptProblem[];
  readonly problemCount: number;
}

/** A transcript file larger than this is refused before it is read: a 90-minute conversation is far smaller. */
export const MAX_TRANSCRIPT_FILE_BYTES = 8 * 1024 * 1024;

export type SpeakerAssignment = WrittenRecord['speakerMap'][string];

export interface SpeakerSummary {
  readonly label: string;
  readonly cueCount: number;
}

export function speakersOf(cues: readonly TranscriptCue[]): SpeakerSummary[] {
  const counts = new Map<string, number>();
  for (const cue of cues) counts.set(cue.speaker, (counts.get(cue.speaker) ?? 0) + 1);
  return [...counts.entries()].map(([label, cueCount]) => ({ label, cueCount })).sort((a, b) => b.cueCount - a.cueCount || a.label.localeCompare(b.label));
}

// ---------------------------------------------------------------- speaker mapping

/** Lower case, accents and punctuation gone, words sorted: "Example, Jo" and "jo example" compare equal. */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-GB')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .sort();
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let index = 0; index < text.length - 1; index++) {
    const gram = text.slice(index, index + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** 0…1: how alike two names are, whatever their order, case, accents or initials. */
export function nameSimilarity(a: string, b: string): number {
  const tokensA = nameTokens(a);
  const tokensB = nameTokens(b);
  if (tokensA.length === 0 || tokensB.length === 0) return 0;
  const joinedA = tokensA.join(' ');
  const joinedB = tokensB.join(' ');
  if (joinedA === joinedB) return 1;
  const gramsA = bigrams(joinedA);
  const gramsB = bigrams(joinedB);
  let shared = 0;
  for (const [gram, count] of gramsA) shared += Math.min(count, gramsB.get(gram) ?? 0);
  const total = Math.max(1, joinedA.length - 1 + joinedB.length - 1);
  const dice = (2 * shared) / total;
  // An initial standing for a name ("J Example" for "Jo Example") counts as that word matching.
  const matches = (token: string, others: readonly string[]) => others.some((other) => other === token || (token.length === 1 && other.startsWith(token)) || (other.length === 1 && token.startsWith(other)));
  const wordShare = (tokensA.filter((token) => matches(token, tokensB)).length + tokensB.filter((token) => matches(token, tokensA)).length) / (tokensA.length + tokensB.length);
  return Math.max(dice, wordShare);
}

/** Below this, a speaker is left as "unknown" for the person to choose. */
export const SPEAKER_MATCH_THRESHOLD = 0.6;

export interface SpeakerCandidate {
  readonly assignment: SpeakerAssignment;
  readonly name: string;
  /** How the guide describes the candidate: "Participant", "Lead questioner"… */
  readonly role: string;
}

/** Who a speaker in this conversation's transcript can be: the participant, the facilitators, the rest of the team. */
export function speakerCandidates(
  conversation: Pick<Conversation, 'leadQuestionerId' | 'leadNoteTakerId'>,
  participant: Pick<Participant, 'id' | 'realName'>,
  teamMembers: readonly Pick<TeamMember, 'id' | 'name'>[],
): SpeakerCandidate[] {
  const roleOf = (id: TeamMemberId) =>
    id === conversation.leadQuestionerId ? 'Lead questioner' : id === conversation.leadNoteTakerId ? 'Lead note-taker' : 'Review team';
  const team = [...teamMembers].sort((a, b) => rank(a.id) - rank(b.id));
  function rank(id: TeamMemberId): number {
    return id === conversation.leadQuestionerId ? 0 : id === conversation.leadNoteTakerId ? 1 : 2;
  }
  return [
    { assignment: { as: 'participant', participantId: participant.id as ParticipantId }, name: participant.realName, role: 'Participant' },
    ...team.map((member) => ({ assignment: { as: 'teamMember' as const, teamMemberId: member.id }, name: member.name, role: roleOf(member.id) })),
  ];
}

/** A first guess for each speaker, by name similarity; unknown when nothing is close enough. */
export function suggestSpeakerMap(speakers: readonly SpeakerSummary[], candidates: readonly SpeakerCandidate[]): Record<string, SpeakerAssignment> {
  const map: Record<string, SpeakerAssignment> = {};
  for (const speaker of speakers) {
    let best: { score: number; candidate: SpeakerCandidate } | null = null;
    for (const candidate of candidates) {
      const score = nameSimilarity(speaker.label, candidate.name);
      if (score >= SPEAKER_MATCH_THRESHOLD && (!best || score > best.score)) best = { score, candidate };
    }
    map[speaker.label] = best ? best.candidate.assignment : { as: 'unknown' };
  }
  return map;
}

export const assignmentKey = (assignment: SpeakerAssignment): string =>
  assignment.as === 'participant' ? `participant:${assignment.participantId}` : assignment.as === 'teamMember' ? `teamMember:${assignment.teamMemberId}` : 'unknown';

// ---------------------------------------------------------------- the written record

const two = (value: number) => Math.floor(value).toString().padStart(2, '0');
export const cueTime = (seconds: number): string => `${two(seconds / 3600)}:${two((seconds % 3600) / 60)}:${two(seconds % 60)}`;

/** The transcript as people read it: "[00:01:05] Jo Example: what was said". */
export function transcriptText(cues: readonly TranscriptCue[]): string {
  return cues.map((cue) => `[${cueTime(cue.startSeconds)}] ${cue.speaker === '' ? '' : `${cue.speaker}: `}${cue.text}`).join('\n');
}

export function buildTranscriptRecord(input: {
  readonly transcript: ParsedTranscript;
  readonly speakerMap: Record<string, SpeakerAssignment>;
  readonly importedAt: string;
  readonly importedBy: string;
}): Result<WrittenRecord, Failure> {
  const text = transcriptText(input.transcript.cues);
  if (text.length > LIMITS.documentText) {
    return err({
      kind: 'invalid',
      what: `The transcript ${input.transcript.fileName}`,
      issues: [{ path: '', message: `it is ${text.length.toLocaleString('en-GB')} characters long; a written record holds at most ${LIMITS.documentText.toLocaleString('en-GB')}` }],
    });
  }
  return ok({
    kind: 'transcript',
    text,
    fileName: input.transcript.fileName.slice(0, LIMITS.shortText),
    cues: input.transcript.cues.map((cue) => ({ ...cue, speaker: cue.speaker.slice(0, LIMITS.shortText), text: cue.text.slice(0, LIMITS.longText) })),
    speakerMap: input.speakerMap,
    importedAt: input.importedAt,
    importedBy: input.importedBy,
  });
}

/**
 * A conversation's written record is the evidence the analysis rests on: an import never replaces one that is
 * already there unless the person has confirmed it, having been told what is there now.
 */
export function checkWrittenRecordReplacement(existing: WrittenRecord | null, confirmedReplace: boolean): Result<void, Failure> {
  if (existing === null || confirmedReplace) return ok(undefined);
  const what = existing.kind === 'transcript' ? `a transcript (${existing.fileName || 'no file name'})` : 'written notes';
  return err({
    kind: 'blocked',
    what: 'Importing this transcript',
    reasons: [
      `this conversation already has ${what}, ${existing.text.length.toLocaleString('en-GB')} characters, added on ${londonDateTimeText(existing.importedAt)} by ${existing.importedBy}; confirm that it should be replaced`,
    ],
  });
}
