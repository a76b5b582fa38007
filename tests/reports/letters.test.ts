// FICTIONAL test data: the app's own fictional training case (Brook Lane).
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderLettersZip } from '../../src/adapters/docx/report-docx';
import { lettersForReview } from '../../src/domain/report/letters';
import { formatLondonDateTime } from '../../src/domain/time';
import { trainingCaseSnapshot } from './training-case';

describe("participants' letters (Appendix 1 and 2)", () => {
  it('fills each letter from the review and puts one Word file per letter in one zip', async () => {
    const snapshot = trainingCaseSnapshot();
    const letters = lettersForReview(snapshot);
    expect(letters.filter((letter) => letter.kind === 'introductory')).toHaveLength(snapshot.participants.length);
    const scheduled = snapshot.conversations.find((conversation) => conversation.scheduledStart !== null && conversation.status !== 'cancelled')!;
    const zip = unzipSync(await renderLettersZip(letters, '4 December 2026'));
    expect(Object.keys(zip).sort()).toEqual(letters.map((letter) => letter.fileName).sort());
    const conversationLetter = zip[`conversation-letter-${scheduled.participantId}.docx`]!;
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(conversationLetter) })).value;
    expect(text).toContain(formatLondonDateTime(scheduled.scheduledStart!));
    const lead = snapshot.teamMembers.find((member) => member.role === 'leadReviewer')!;
    expect(text).toContain(lead.name);
    expect(text).toContain('in the public report there will be no mention of geographic location');
    // No name in any file name: the list of files identifies nobody.
    for (const participant of snapshot.participants) expect(Object.keys(zip).join(' ')).not.toContain(participant.realName);
    expect(strFromU8(zip[Object.keys(zip)[0]!]!.subarray(0, 2))).toBe('PK');
  });
});
