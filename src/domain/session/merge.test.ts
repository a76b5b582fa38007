import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { humaniseFieldPath, keepBothTexts, mergeThreeWay, withValueAt } from './merge';

const record = (changes: Record<string, unknown> = {}) => ({
  id: 'doc-1',
  version: 3,
  title: 'Case file (fictional)',
  notes: 'Seen in January.',
  coveredPeriod: { from: '2025-01-01', to: '2025-06-30' },
  tags: ['a', 'b'],
  items: [{ id: 'i1', text: 'one' }],
  ...changes,
});

describe('three-way merge', () => {
  it('combines changes to different fields without a conflict', () => {
    const base = record();
    const mine = record({ title: 'GP records (fictional)' });
    const theirs = record({ version: 4, notes: 'Seen in January and March.' });
    expect(mergeThreeWay(base, mine, theirs)).toEqual({
      merged: record({
        version: 4,
        title: 'GP records (fictional)',
        notes: 'Seen in January and March.',
      }),
      conflicts: [],
    });
  });

  it('merges nested objects field by field and reports the nested path that both changed', () => {
    const base = record();
    const mine = record({
      coveredPeriod: { from: '2025-02-01', to: '2025-05-31' },
    });
    const theirs = record({
      coveredPeriod: { from: '2025-01-01', to: '2025-04-30' },
    });
    const outcome = mergeThreeWay(base, mine, theirs);
    expect(outcome.conflicts).toEqual([['coveredPeriod', 'to']]);
    expect(outcome.merged.coveredPeriod).toEqual({
      from: '2025-02-01',
      to: '2025-05-31',
    });
  });

  it('keeps items added on both sides and honours a removal made on one side', () => {
    const base = record();
    const mine = record({
      tags: ['a', 'c'],
      items: [
        { id: 'i1', text: 'one' },
        { id: 'i2', text: 'two' },
      ],
    });
    const theirs = record({
      tags: ['a', 'b', 'd'],
      items: [
        { id: 'i1', text: 'one' },
        { id: 'i3', text: 'three' },
      ],
    });
    const outcome = mergeThreeWay(base, mine, theirs);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.merged.tags).toEqual(['a', 'd', 'c']);
    expect(outcome.merged.items).toEqual([
      { id: 'i1', text: 'one' },
      { id: 'i3', text: 'three' },
      { id: 'i2', text: 'two' },
    ]);
  });

  it('reports the same text changed differently on both sides', () => {
    const outcome = mergeThreeWay(record(), record({ notes: 'Mine' }), record({ notes: 'Theirs' }));
    expect(outcome.conflicts).toEqual([['notes']]);
  });

  it('never loses a field change from either side when the fields differ (property)', () => {
    const keys = ['title', 'notes', 'heldBy', 'recordType'] as const;
    fc.assert(
      fc.property(fc.subarray([...keys]), fc.subarray([...keys]), fc.string(), fc.string(), (mineKeys, theirKeys, mineText, theirText) => {
        const base = Object.fromEntries(keys.map((key) => [key, `base ${key}`]));
        const mine = {
          ...base,
          ...Object.fromEntries(mineKeys.map((key) => [key, `mine ${mineText}`])),
        };
        const theirs = {
          ...base,
          ...Object.fromEntries(theirKeys.map((key) => [key, `theirs ${theirText}`])),
        };
        const { merged, conflicts } = mergeThreeWay(base, mine, theirs);
        const conflicted = new Set(conflicts.map((path) => path[0]));
        return keys.every((key) => {
          if (conflicted.has(key)) return mineKeys.includes(key) && theirKeys.includes(key);
          if (mineKeys.includes(key) && !theirKeys.includes(key)) return merged[key] === mine[key];
          if (theirKeys.includes(key) && !mineKeys.includes(key)) return merged[key] === theirs[key];
          return true;
        });
      }),
    );
  });
});

describe('conflict helpers', () => {
  it('keeps both texts, without repeating one that already holds the other', () => {
    expect(keepBothTexts('Mine.', 'Theirs.')).toBe('Theirs.\n\nMine.');
    expect(keepBothTexts('Base. Mine.', 'Base.')).toBe('Base. Mine.');
  });

  it('sets a nested value without touching the original', () => {
    const original = record();
    const changed = withValueAt(original, ['coveredPeriod', 'to'], '2025-03-31');
    expect(changed.coveredPeriod).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
    });
    expect(original.coveredPeriod.to).toBe('2025-06-30');
  });

  it('names fields in words', () => {
    expect(humaniseFieldPath(['coveredPeriod', 'to'])).toBe('Covered period: to');
    expect(humaniseFieldPath(['realName'])).toBe('Real name');
  });
});
