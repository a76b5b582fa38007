import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liftStepNoteToV2, migrateRecord } from '../migrations/record-migrations';
import { participantWords, splitFacilitatorComments } from './facilitator-comments';

describe("the facilitators' own comments, apart from the participant's words", () => {
  it('takes bracketed comments out of the words', () => {
    expect(splitFacilitatorComments('I was stretched [facilitator: follow up on caseload] that spring.')).toEqual({
      words: 'I was stretched that spring.',
      comments: ['facilitator: follow up on caseload'],
    });
    expect(splitFacilitatorComments('[ask about supervision]\nWe met weekly.\n[nested [brackets] too] Fine [unclosed')).toEqual({
      words: 'We met weekly.\nFine',
      comments: ['ask about supervision', 'nested [brackets] too', 'unclosed'],
    });
    expect(splitFacilitatorComments('No comments here.')).toEqual({ words: 'No comments here.', comments: [] });
  });

  it("keeps the guide's merge markers for the migration and drops them for the stage", () => {
    const text = '[[ Two versions of this passage were written at the same time. Sam’s version: ]]\nA [mine]\n[[ End of the two versions: keep what you need and delete these markers. ]]';
    expect(splitFacilitatorComments(text, { mergeMarkers: 'keep' }).words).toContain('[[ Two versions');
    expect(splitFacilitatorComments(text, { mergeMarkers: 'keep' }).comments).toEqual(['mine']);
    expect(participantWords(text)).toBe('A');
  });

  it('never lets a bracket or what is inside one reach the stage (property)', () => {
    const plain = fc.stringMatching(/^[A-Za-z ,.\n]{0,20}$/);
    const secret = fc.stringMatching(/^[A-Za-z ]{0,12}$/).map((inside) => `SECRET${inside}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(plain, secret, fc.boolean())), plain, (parts, tail) => {
        const text = parts.map(([words, comment, closed]) => `${words}[${comment}${closed ? ']' : ''}`).join('') + tail;
        const shown = participantWords(text);
        expect(shown).not.toMatch(/SECRET|\[|\]/u);
      }),
    );
  });

  it('migrates a version 1 step note: bracketed text becomes a comment', () => {
    const v1 = { schemaVersion: 1, id: 'note-1', text: 'Felt unsupported [facilitator: follow up on caseload].', checked: [] };
    const lifted = migrateRecord('stepNote', v1);
    expect(lifted).toEqual({
      ok: true,
      value: { schemaVersion: 2, id: 'note-1', text: 'Felt unsupported.', comments: 'facilitator: follow up on caseload', checked: [] },
    });
    // A note without brackets keeps its words and gains empty comments; lifting twice changes nothing more.
    expect(liftStepNoteToV2({ text: 'Plain words.' })).toEqual({ text: 'Plain words.', comments: '' });
    const once = liftStepNoteToV2(v1);
    expect(liftStepNoteToV2(once)).toEqual(once);
  });

  it('lifts a version 1 pattern with no citations yet', () => {
    expect(migrateRecord('pattern', { schemaVersion: 1, id: 'pat-1', episodeIds: [] })).toEqual({
      ok: true,
      value: { schemaVersion: 2, id: 'pat-1', episodeIds: [], factorTagIds: [], narrativeEntryIds: [] },
    });
  });
});
