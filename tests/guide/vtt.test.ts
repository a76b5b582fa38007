import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseVtt } from '../../src/app/guide/vtt';
import { describeFailure } from '../../src/app/failure-messages';
import { ConversationSchema } from '../../src/domain/model';
import {
  buildTranscriptRecord,
  checkWrittenRecordReplacement,
  nameSimilarity,
  speakerCandidates,
  speakersOf,
  suggestSpeakerMap,
  transcriptText,
} from '../../src/domain/guide/transcript';
import { GUIDE_CONVERSATION_ID, guideFixture } from '../fixtures/guide-fixture';
import { NOT_VTT, PARTLY_BROKEN_VTT, TEAMS_STYLE_VTT, generatedTranscript } from '../fixtures/vtt-samples';

async function parsed(text: string, options: Parameters<typeof parseVtt>[2] = {}) {
  const result = await parseVtt(text, 'conversation.vtt', options);
  if (!result.ok) throw new Error(describeFailure(result.error));
  return result.value;
}

async function refused(text: string): Promise<string> {
  const result = await parseVtt(text, 'conversation.vtt');
  if (result.ok) throw new Error('expected a failure');
  return describeFailure(result.error);
}

describe('reading a WebVTT transcript', () => {
  it('reads a Teams-style transcript: times, speakers from voice spans, text with entities and line breaks', async () => {
    const transcript = await parsed(TEAMS_STYLE_VTT);
    expect(transcript.problemCount).toBe(0);
    expect(transcript.cues).toEqual([
      { startSeconds: 3.12, endSeconds: 7.48, speaker: 'Alex Questioner (fictional)', text: 'Thanks for coming in today. Shall we start with your overview?' },
      { startSeconds: 8, endSeconds: 14.25, speaker: 'Fictional, Jo', text: 'Yes. I picked the case up in March & visited the family twice that month.' },
      { startSeconds: 15, endSeconds: 18, speaker: 'Sam Notetaker (fictional)', text: 'Can I check the date of the second visit?' },
      { startSeconds: 18.5, endSeconds: 21, speaker: 'Guest 3', text: 'Sorry, I joined late.' },
    ]);
    expect(transcriptText(transcript.cues).split('\n')[1]).toBe('[00:00:08] Fictional, Jo: Yes. I picked the case up in March & visited the family twice that month.');
  });

  it('keeps the good cues of a partly broken file and says where the problems are', async () => {
    const transcript = await parsed(PARTLY_BROKEN_VTT);
    expect(transcript.cues.map((cue) => cue.text)).toEqual(['First, fine.', 'Third, fine.']);
    expect(transcript.problems.map((problem) => problem.line)).toEqual([6, 13]);
    expect(transcript.problemCount).toBe(2);
  });

  it('refuses an empty file, a file that is not WebVTT, one with no readable cue, and one far too large', async () => {
    expect(await refused('')).toBe('The transcript file conversation.vtt was not saved: it is empty.');
    expect(await refused('  \n\n ')).toContain('it is empty');
    expect(await refused(NOT_VTT)).toContain('it does not start with “WEBVTT”, so it is not a WebVTT transcript');
    expect(await refused('WEBVTT\n\n')).toContain('it holds no cues');
    expect(await refused('WEBVTT\n\n00:00:01 --> 00:00:02\nno milliseconds\n')).toContain('no cue could be read (line 3: No decimal separator');
    expect(await refused(`WEBVTT\n\n${'x'.repeat(9 * 1024 * 1024)}`)).toContain('larger than 8 MB');
  });

  it('reads the same cues and problem lines whatever size the pieces are', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1024, max: 4096 }), fc.integer({ min: 1, max: 120 }), async (chunkCharacters, cueCount) => {
        const { text } = generatedTranscript(cueCount * 140);
        const withBroken = `${text}\n00:99:00.000 --> 00:99:01.000\nbroken\n\n00:00:01.000 --> 00:00:02.000\n<v X>after</v>\n`;
        const whole = await parsed(withBroken, { chunkCharacters: 1e9 });
        const pieces = await parsed(withBroken, { chunkCharacters });
        expect(pieces.cues).toEqual(whole.cues);
        expect(pieces.problems).toEqual(whole.problems);
      }),
      { numRuns: 25 },
    );
  });

  it('reads a 5 MB transcript in pieces, never holding the thread for long, reporting progress', async () => {
    const { text, cues } = generatedTranscript(5 * 1024 * 1024);
    expect(text.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const slices: number[] = [];
    const progress: number[] = [];
    let sliceStarted = performance.now();
    const started = performance.now();
    const transcript = await parsed(text, {
      onProgress: (share) => progress.push(share),
      pause: async () => {
        slices.push(performance.now() - sliceStarted);
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStarted = performance.now();
      },
    });
    slices.push(performance.now() - sliceStarted);
    const total = performance.now() - started;
    console.log(`5 MB transcript: ${cues} cues in ${total.toFixed(0)} ms, ${slices.length} pieces, longest ${Math.max(...slices).toFixed(1)} ms`);
    expect(transcript.cues).toHaveLength(cues);
    expect(slices.length).toBeGreaterThan(30);
    // A piece is ~128 KB, about 15 ms on a quiet machine; generous for a busy shared one.
    expect(Math.max(...slices)).toBeLessThan(250);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  }, 60_000);
});

describe('speakers', () => {
  const snapshot = guideFixture();
  const conversation = snapshot.conversations.find((candidate) => candidate.id === GUIDE_CONVERSATION_ID)!;
  const participant = snapshot.participants.find((candidate) => candidate.id === conversation.participantId)!;
  const candidates = speakerCandidates(conversation, participant, snapshot.teamMembers);

  it('scores names alike whatever the order, case, accents or initials', () => {
    expect(nameSimilarity('Fictional, Jo', 'Jo Fictional')).toBe(1);
    expect(nameSimilarity('JO FICTIONAL', 'jo fictional')).toBe(1);
    expect(nameSimilarity('Zoë Brontë', 'Zoe Bronte')).toBe(1);
    expect(nameSimilarity('J. Fictional', 'Jo Fictional')).toBeGreaterThanOrEqual(0.6);
    expect(nameSimilarity('Guest 3', 'Jo Fictional')).toBeLessThan(0.3);
    expect(nameSimilarity('', 'Jo')).toBe(0);
  });

  it('suggests who each speaker is, facilitators first, and leaves strangers unknown', async () => {
    expect(candidates.map((candidate) => candidate.role)).toEqual(['Participant', 'Lead questioner', 'Lead note-taker', 'Review team']);
    const transcript = await parsed(TEAMS_STYLE_VTT);
    const speakers = speakersOf(transcript.cues);
    expect(speakers.map((speaker) => speaker.label).sort()).toEqual(['Alex Questioner (fictional)', 'Fictional, Jo', 'Guest 3', 'Sam Notetaker (fictional)']);
    expect(suggestSpeakerMap(speakers, candidates)).toEqual({
      'Alex Questioner (fictional)': { as: 'teamMember', teamMemberId: 'tm-alex' },
      'Fictional, Jo': { as: 'participant', participantId: 'par-jo' },
      'Sam Notetaker (fictional)': { as: 'teamMember', teamMemberId: 'tm-sam' },
      'Guest 3': { as: 'unknown' },
    });
  });

  it('builds a written record the conversation schema accepts', async () => {
    const transcript = await parsed(TEAMS_STYLE_VTT);
    const record = buildTranscriptRecord({
      transcript,
      speakerMap: suggestSpeakerMap(speakersOf(transcript.cues), candidates),
      importedAt: '2026-03-02T12:00:00.000Z',
      importedBy: 'Sam Notetaker (fictional)',
    });
    expect(record.ok).toBe(true);
    if (!record.ok) return;
    expect(record.value).toMatchObject({ kind: 'transcript', fileName: 'conversation.vtt', importedBy: 'Sam Notetaker (fictional)' });
    expect(record.value.cues).toHaveLength(4);
    expect(ConversationSchema.safeParse({ ...conversation, writtenRecord: record.value }).success).toBe(true);
  });

  it('never replaces an existing written record without confirmation', async () => {
    const transcript = await parsed(TEAMS_STYLE_VTT);
    const record = buildTranscriptRecord({ transcript, speakerMap: {}, importedAt: '2026-03-02T12:00:00.000Z', importedBy: 'Sam' });
    if (!record.ok) throw new Error('record');
    expect(checkWrittenRecordReplacement(null, false).ok).toBe(true);
    const refusedReplace = checkWrittenRecordReplacement(record.value, false);
    expect(!refusedReplace.ok && describeFailure(refusedReplace.error)).toContain('already has a transcript (conversation.vtt)');
    expect(checkWrittenRecordReplacement(record.value, true).ok).toBe(true);
  });
});
