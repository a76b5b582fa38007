import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conflictMarkers, diffHunks, hasConflictMarkers, labelsFor, mergeText } from '../../src/domain/guide/text-merge';

const CONFLICT_MARKERS = conflictMarkers();

describe('three-way merge of step notes', () => {
  const base = ['Home visit in March.', 'Mother seemed tired.', 'Referral discussed.'].join('\n');

  it('takes the only side that changed', () => {
    const mine = `${base}\nAdded here.`;
    expect(mergeText(base, mine, base)).toEqual({ text: mine, conflicts: 0 });
    expect(mergeText(base, base, mine)).toEqual({ text: mine, conflicts: 0 });
  });

  it('merges changes to different lines without markers', () => {
    const mine = base.replace('Home visit in March.', 'Home visit on 3 March.');
    const theirs = `${base}\nManager agreed to a strategy discussion.`;
    const merged = mergeText(base, mine, theirs);
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe(['Home visit on 3 March.', 'Mother seemed tired.', 'Referral discussed.', 'Manager agreed to a strategy discussion.'].join('\n'));
    expect(hasConflictMarkers(merged.text)).toBe(false);
  });

  it('takes an identical change once', () => {
    const same = base.replace('tired', 'very tired');
    expect(mergeText(base, same, same)).toEqual({ text: same, conflicts: 0 });
    const alsoElsewhere = `${same}\nmore`;
    expect(mergeText(base, same, alsoElsewhere)).toEqual({ text: alsoElsewhere, conflicts: 0 });
  });

  it('keeps both versions of the same line, marked, and reports the conflict', () => {
    const mine = base.replace('Mother seemed tired.', 'Mother seemed withdrawn.');
    const theirs = base.replace('Mother seemed tired.', 'Mother said she had not slept.');
    const merged = mergeText(base, mine, theirs);
    expect(merged.conflicts).toBe(1);
    expect(merged.text.split('\n')).toEqual([
      'Home visit in March.',
      CONFLICT_MARKERS.mine,
      'Mother seemed withdrawn.',
      CONFLICT_MARKERS.theirs,
      'Mother said she had not slept.',
      CONFLICT_MARKERS.end,
      'Referral discussed.',
    ]);
  });

  it('names the two versions after the people who wrote them, when they are different people', () => {
    const merged = mergeText('', 'mine', 'theirs', labelsFor('Sam Notetaker', 'Alex Questioner'));
    expect(merged.text.split('\n')[0]).toBe('[[ Two versions of this passage were written at the same time. Sam Notetaker’s version: ]]');
    expect(merged.text.split('\n')[2]).toBe('[[ Alex Questioner’s version: ]]');
    expect(hasConflictMarkers(merged.text)).toBe(true);
    expect(labelsFor('Sam', 'Sam')).toEqual({ mine: 'One version', theirs: 'The other version' });
  });

  it('keeps both when both start an empty step at once', () => {
    const merged = mergeText('', 'Alex: first impressions', 'Sam: the participant arrived early');
    expect(merged.conflicts).toBe(1);
    expect(merged.text).toContain('Alex: first impressions');
    expect(merged.text).toContain('Sam: the participant arrived early');
  });

  it('diffs lines into changed regions of the base', () => {
    expect(diffHunks(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { start: 1, end: 2, lines: ['x'] },
      { start: 3, end: 3, lines: ['d'] },
    ]);
    expect(diffHunks(['a'], ['a'])).toEqual([]);
  });

  // ---------------------------------------------------------------- properties

  /** A base of lines and an edit of it in which every added line is unique, so it can be looked for afterwards. */
  const lineArb = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', '', 'alpha', 'epsilon');
  const editArb = (base: string[], tag: string) =>
    fc
      .array(fc.record({ at: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'replace'), count: fc.integer({ min: 1, max: 3 }) }), { maxLength: 6 })
      .map((operations) => {
        const lines = [...base];
        const added: string[] = [];
        operations.forEach((operation, index) => {
          const at = lines.length === 0 ? 0 : operation.at % (lines.length + 1);
          const fresh = Array.from({ length: operation.count }, (_, n) => `${tag}-${index}-${n}`);
          if (operation.kind === 'insert') {
            lines.splice(at, 0, ...fresh);
            added.push(...fresh);
          } else if (operation.kind === 'delete') {
            lines.splice(at, operation.count);
          } else {
            lines.splice(at, operation.count, ...fresh);
            added.push(...fresh);
          }
        });
        return { text: lines.join('\n'), added };
      });

  const scenarioArb = fc
    .array(lineArb, { maxLength: 12 })
    .chain((base) => fc.tuple(fc.constant(base.join('\n')), editArb(base, 'mine'), editArb(base, 'theirs')));

  it('always keeps every line either side added', () => {
    fc.assert(
      fc.property(scenarioArb, ([base, mine, theirs]) => {
        const merged = mergeText(base, mine.text, theirs.text).text.split('\n');
        for (const line of [...mine.added, ...theirs.added]) {
          // A side may have added a line and removed it again in a later edit of its own.
          const stillInItsSide = mine.text.split('\n').includes(line) || theirs.text.split('\n').includes(line);
          if (stillInItsSide) expect(merged).toContain(line);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is the identity when one side did not change, and has markers only when it reports conflicts', () => {
    fc.assert(
      fc.property(scenarioArb, ([base, mine, theirs]) => {
        expect(mergeText(base, mine.text, base).text).toBe(mine.text);
        expect(mergeText(base, base, theirs.text).text).toBe(theirs.text);
        const merged = mergeText(base, mine.text, theirs.text);
        expect(hasConflictMarkers(merged.text)).toBe(merged.conflicts > 0);
      }),
      { numRuns: 300 },
    );
  });

  it('copes with long notes without freezing (the diff falls back to one block)', () => {
    const big = Array.from({ length: 4000 }, (_, index) => `line ${index}`);
    const mine = big.map((line, index) => (index % 2 === 0 ? `${line} mine` : line)).join('\n');
    const theirs = big.map((line, index) => (index % 3 === 0 ? `${line} theirs` : line)).join('\n');
    const started = performance.now();
    const merged = mergeText(big.join('\n'), mine, theirs);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(merged.text).toContain('line 2 mine');
    expect(merged.text).toContain('line 3 theirs');
  });
});
