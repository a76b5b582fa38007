// FICTIONAL test data.
import { describe, expect, it } from 'vitest';
import { asId, type EpisodeId, type PatternId, type ReviewId } from '../ids';
import type { Episode, NarrativeEntry, Pattern } from '../model';
import { caseSpecificTerms, patternBoard, patternIssues, patternTitle, subPatternOptions } from './patterns';

let counter = 0;
const pattern = (overrides: Partial<Pattern> & { selected?: boolean; rank?: number | null }): Pattern => {
  counter += 1;
  const { selected = false, rank = null, ...rest } = overrides;
  return {
    id: asId<PatternId>(`pat-${counter}`),
    reviewId: asId<ReviewId>('rev-1'),
    schemaVersion: 2,
    version: 1,
    createdAt: `2026-01-01T00:00:0${counter % 10}.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'Test',
    updatedBy: 'Test',
    category: 6,
    subPatternId: '6.failure-to-review',
    newSubPatternTitle: '',
    statement: 'Plans are not revisited when new information arrives.',
    influence: 'makesProblematicPracticeMoreLikely',
    episodeIds: [asId<EpisodeId>('kpe-1')],
    factorTagIds: [],
    narrativeEntryIds: [],
    prioritisation: { widespread: 'high', contemporaryRelevance: 'high', rank, rationale: '', selected },
    ...rest,
  };
};

describe('pattern board', () => {
  it('has the six categories, prioritised patterns by rank, the rest kept visible apart', () => {
    const second = pattern({ selected: true, rank: 2 });
    const first = pattern({ selected: true, rank: 1 });
    const unranked = pattern({ selected: true });
    const recorded = pattern({});
    const tool = pattern({ category: 1, subPatternId: '1.assessment-forms' });
    const board = patternBoard([second, first, unranked, recorded, tool]);
    expect(board.map((column) => column.category.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(board[5]?.selected.map((item) => item.id)).toEqual([first.id, second.id, unranked.id]);
    expect(board[5]?.notPrioritised.map((item) => item.id)).toEqual([recorded.id]);
    expect(board[0]?.notPrioritised.map((item) => item.id)).toEqual([tool.id]);
  });

  it('offers a category’s Appendix 6 sub-patterns with their depth', () => {
    const options = subPatternOptions(1);
    expect(options.slice(0, 2)).toEqual([
      { id: '1.assessment-forms', title: 'The influence of assessment forms', depth: 0 },
      { id: '1.assessment-forms.no-detail-on-quality', title: 'No detail on the quality or depth of assessments, or difficulties faced in completing them', depth: 1 },
    ]);
    expect(subPatternOptions(5).map((option) => option.depth)).toEqual([0, 0]);
  });

  it('titles a pattern by its sub-pattern, its new title or its category', () => {
    expect(patternTitle({ category: 6, subPatternId: '6.drift-into-failure', newSubPatternTitle: '' })).toBe('Drift into failure');
    expect(patternTitle({ category: 3, subPatternId: null, newSubPatternTitle: ' Out-of-hours cover ' })).toBe('Out-of-hours cover');
    expect(patternTitle({ category: 2, subPatternId: null, newSubPatternTitle: '' })).toBe('Human–management system operation');
  });

  it('needs a sub-pattern one way or the other, and asks for links and criteria', () => {
    const ids = new Set(['kpe-1']);
    expect(patternIssues(pattern({}), ids)).toEqual({ blocking: [], warnings: [] });
    expect(patternIssues(pattern({ subPatternId: null }), ids).blocking[0]?.path).toBe('newSubPatternTitle');
    expect(patternIssues(pattern({ subPatternId: null, newSubPatternTitle: 'Out-of-hours cover' }), ids).blocking).toEqual([]);
    expect(patternIssues(pattern({ statement: ' ' }), ids).blocking).toEqual([{ path: 'statement', message: 'the statement is required' }]);
    expect(patternIssues(pattern({ episodeIds: [] }), ids).warnings[0]?.path).toBe('episodeIds');
    const selectedUnjudged = pattern({ selected: true });
    selectedUnjudged.prioritisation.widespread = null;
    expect(patternIssues(selectedUnjudged, ids).warnings[0]?.path).toBe('prioritisation');
  });

  it('spots names, family pseudonyms and the codename in a statement, but not professional roles', () => {
    const participants = [
      { kind: 'familyMember' as const, realName: 'Jane Example', reportLabel: 'Ms Amber', otherIdentifiers: ['JE'] },
      { kind: 'practitioner' as const, realName: 'Sam Sample', reportLabel: 'Social worker', otherIdentifiers: [] },
    ];
    const review = { codename: 'Kestrel' };
    expect(caseSpecificTerms('Social workers rarely revisit plans.', review, participants)).toEqual([]);
    expect(caseSpecificTerms('In Kestrel, Ms Amber told Sam Sample; JE agreed.', review, participants)).toEqual(['JE', 'Kestrel', 'Ms Amber', 'Sam Sample']);
    // Whole words only: "jest" does not contain the initials "JE" as a word.
    expect(caseSpecificTerms('A jest.', review, participants)).toEqual([]);
  });

  it("spots the agencies' local names and registered places, but not the kind of service an agency is", () => {
    const review = {
      codename: 'Kestrel',
      agencies: [
        { id: asId<never>('ag-1'), name: 'Oakfield Primary School (fictional)' },
        { id: asId<never>('ag-2'), name: 'Police' },
        { id: asId<never>('ag-3'), name: 'Children’s Social Care' },
        { id: asId<never>('ag-4'), name: 'Brightwater Housing Association' },
      ],
    };
    expect(caseSpecificTerms('Police and children’s social care rarely share plans with a primary school.', review, [])).toEqual([]);
    expect(caseSpecificTerms('Oakfield Primary School did not hear back from the police.', review, [])).toEqual(['Oakfield Primary School']);
    expect(caseSpecificTerms('Staff at Oakfield and Brightwater were not told.', review, [])).toEqual(['Brightwater', 'Oakfield']);
    // Places come from the review's identifier register.
    expect(caseSpecificTerms('Families on the Marsh Lane estate move often.', review, [], { places: ['Marsh Lane'] })).toEqual(['Marsh Lane']);
    expect(caseSpecificTerms('Families move often.', review, [], { places: ['Marsh Lane'] })).toEqual([]);
  });
});

describe('what a pattern rests on', () => {
  it('offers the factors tagged on its episodes and shows the ones it cites, with the entries it cites', async () => {
    const { citableFactors, patternEvidence } = await import('./patterns');
    const episode = {
      id: asId<EpisodeId>('kpe-1'),
      title: 'Home visit (fictional)',
      factors: [
        { id: asId<never>('kpe-1.f1'), factorId: 'conditions.workload', whyItMadeSense: 'Twenty-eight cases (fictional)' },
        { id: asId<never>('kpe-1.f2'), factorId: 'ownTeam.supervision', whyItMadeSense: '' },
      ],
    } as unknown as Episode;
    const other = { ...episode, id: asId<EpisodeId>('kpe-2'), title: 'Other', factors: [{ id: asId<never>('kpe-2.f1'), factorId: 'conditions.workload', whyItMadeSense: '' }] } as unknown as Episode;
    expect(citableFactors({ episodeIds: [episode.id] }, [episode, other]).map((cited) => [cited.factorTagId, cited.factorLabel, cited.episodeTitle])).toEqual([
      ['kpe-1.f1', 'Workload', 'Home visit (fictional)'],
      ['kpe-1.f2', expect.any(String), 'Home visit (fictional)'],
    ]);
    const entry = { id: asId<never>('nar-1'), text: 'The referral was not received (fictional).' } as unknown as NarrativeEntry;
    const evidence = patternEvidence(
      { factorTagIds: [asId<never>('kpe-1.f1'), asId<never>('gone.f9')], narrativeEntryIds: [asId<never>('nar-1')] },
      { episodes: [episode, other], narrative: [entry] },
    );
    expect(evidence.factors.map((cited) => cited.whyItMadeSense)).toEqual(['Twenty-eight cases (fictional)']);
    expect(evidence.entries).toEqual([entry]);
    expect(evidence.missing).toBe(1);
  });
});
