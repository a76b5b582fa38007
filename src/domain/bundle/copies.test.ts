// FICTIONAL test data: the app's own fictional training case.
import { describe, expect, it } from 'vitest';
import { trainingCaseBundle } from '../training-case';
import { parseBundle } from './parse';
import { asCopy, compareCopies, copyCodename, lastChangedAt } from './copies';
import { checkIntegrity } from './integrity';

const snapshot = () => {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('the training case does not parse');
  return parsed.value.snapshot;
};

describe('two copies of one review', () => {
  it('says which copy was changed last and what differs in counts', () => {
    const here = snapshot();
    const later = new Date(Date.parse(lastChangedAt(here)) + 60_000).toISOString();
    const incoming = { ...here, narrative: [...here.narrative, { ...here.narrative[0]!, id: here.narrative[0]!.id + '-more', updatedAt: later } as (typeof here.narrative)[number]] };
    const compared = compareCopies(here, incoming);
    expect(compared.newer).toBe('incoming');
    expect(compared.incomingChangedAt).toBe(later);
    expect(compared.differences).toEqual([{ key: 'narrativeEntries', what: 'narrative entries', here: here.narrative.length, incoming: here.narrative.length + 1 }]);
    expect(compareCopies(incoming, here).newer).toBe('here');
    expect(compareCopies(here, here)).toMatchObject({ newer: 'same', differences: [] });
  });

  it('makes a copy that holds together under a new id and codename', () => {
    const original = snapshot();
    const copy = asCopy(original, 'rev-copy-1', copyCodename(original.review.codename, new Set([original.review.codename])));
    expect(copy.review.id).toBe('rev-copy-1');
    expect(copy.review.codename).toBe(`${original.review.codename} (copy)`);
    expect(checkIntegrity(copy)).toEqual([]);
    expect(copy.participants.every((participant) => participant.reviewId === 'rev-copy-1')).toBe(true);
    expect(copyCodename('Kestrel', new Set(['kestrel (copy)']))).toBe('Kestrel (copy 2)');
  });
});
