// Property tests over FICTIONAL data: the training case, mutated at random, and random JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssuePath } from '../failures';
import { trainingCaseBundle } from '../training-case';
import { createBundle, serialiseBundle } from './format';
import { parseBundle, parseBundleText } from './parse';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

function canonicalTrainingCase(): { [key: string]: Json } {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('the training case should be valid');
  return JSON.parse(serialiseBundle(createBundle(parsed.value.snapshot, parsed.value.meta))) as { [key: string]: Json };
}
const TRAINING = canonicalTrainingCase();
const TRAINING_TEXT = JSON.stringify(TRAINING);
const fresh = () => JSON.parse(TRAINING_TEXT) as { [key: string]: Json };

/** Every path to a value inside the document (not the root). */
function allPaths(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...allPaths(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...allPaths(item, [...prefix, key])]);
  }
  return [];
}
const PATHS = allPaths(TRAINING);

function parentOf(document: Json, path: Path): { parent: Json[] | { [key: string]: Json }; key: string | number } {
  let node: Json = document;
  for (const segment of path.slice(0, -1)) node = (node as Record<string | number, Json>)[segment] as Json;
  return { parent: node as Json[] | { [key: string]: Json }, key: path.at(-1) as string | number };
}

/** The outcome every input must have: a value, or a failure that explains itself. */
function expectExplainedOutcome(result: ReturnType<typeof parseBundle>): void {
  if (result.ok) return;
  const failure = result.error;
  if (failure.kind === 'unsupportedVersion') {
    expect(failure.supported.length).toBeGreaterThan(0);
    return;
  }
  expect(failure.kind).toBe('invalid');
  if (failure.kind !== 'invalid') return;
  expect(failure.issues.length).toBeGreaterThanOrEqual(1);
  for (const issue of failure.issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.message.trim().length).toBeGreaterThan(0);
  }
}

const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string(),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.constant('x'.repeat(70_000)),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(PATHS.length - 1) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(PATHS.length - 1), value: wrongValue }),
  fc.record({ kind: fc.constant('addField' as const), at: fc.nat(PATHS.length - 1), name: fc.string({ minLength: 1, maxLength: 12 }), value: wrongValue }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function applyMutation(document: { [key: string]: Json }, change: Mutation): void {
  const path = PATHS[change.at] as Path;
  const { parent, key } = parentOf(document, path);
  if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (change.kind === 'replace') {
    (parent as Record<string | number, Json>)[key] = change.value;
  } else {
    const target = (parent as Record<string | number, Json>)[key];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[change.name] = change.value;
  }
}

/** Where a reference lives in the training case, and what kind of id it holds. */
const REFERENCE_SITES: Path[] = PATHS.filter((path) => {
  const last = path.at(-1);
  const holder = path.at(-2);
  return (
    (typeof last === 'string' && /^(participantId|agencyId|conversationId|documentId|reportStageId|leadQuestionerId|leadNoteTakerId|raisedInConversationId|teamMemberId)$/.test(last)) ||
    (typeof last === 'number' && typeof holder === 'string' && /^(narrativeEntryIds|participantIds|episodeIds|patternIds|relatedEntryIds|involvesParticipantIds)$/.test(holder))
  );
}).filter((path) => {
  const { parent, key } = parentOf(TRAINING, path);
  return typeof (parent as Record<string | number, Json>)[key] === 'string';
});

const COLLECTIONS = ['teamMembers', 'participants', 'documents', 'conversations', 'stepNotes', 'narrative', 'episodes', 'patterns', 'recommendations', 'comments', 'audit'];

describe('parseBundle under random and mutated input', () => {
  it('never throws on random JSON, and explains every refusal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectExplainedOutcome(parseBundle(value));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random envelopes around random snapshots', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 4 }), fc.dictionary(fc.constantFrom(...COLLECTIONS, 'review'), fc.jsonValue()), (formatVersion, snapshot) => {
        expectExplainedOutcome(parseBundle({ format: 'learning-together/review-bundle', formatVersion, exportedAt: '2026-01-01T00:00:00Z', exportedBy: 'x', snapshot }));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant(TRAINING_TEXT.slice(0, 5000))), (text) => {
        expectExplainedOutcome(parseBundleText(text));
      }),
      { numRuns: 200 },
    );
  });

  it('explains every mutation of the training case it refuses', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        const document = fresh();
        for (const change of changes) {
          try {
            applyMutation(document, change);
          } catch {
            // An earlier change removed this path; the document is still worth parsing.
          }
        }
        expectExplainedOutcome(parseBundle(document));
      }),
      { numRuns: 300 },
    );
  });

  it('reports a broken reference at the exact path of the reference', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REFERENCE_SITES), (site) => {
        const document = fresh();
        const { parent, key } = parentOf(document, site);
        (parent as Record<string | number, Json>)[key] = 'id-that-does-not-exist';
        const result = parseBundle(document);
        expect(result.ok).toBe(false);
        if (result.ok || result.error.kind !== 'invalid') return;
        expect(result.error.issues.map((issue) => issue.path)).toContain(formatIssuePath(site));
      }),
      { numRuns: 150 },
    );
  });

  it('reports a duplicate id at the repeated record', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COLLECTIONS), fc.nat(), fc.nat(), (collection, first, second) => {
        const document = fresh();
        const records = (document.snapshot as Record<string, Json>)[collection] as Array<{ [key: string]: Json }>;
        fc.pre(records.length >= 2);
        const from = first % records.length;
        const to = second % records.length;
        fc.pre(from !== to);
        (records[to] as { id: Json }).id = (records[from] as { id: Json }).id;
        const result = parseBundle(document);
        expect(result.ok).toBe(false);
        if (result.ok || result.error.kind !== 'invalid') return;
        const repeated = Math.max(from, to);
        expect(result.error.issues.map((issue) => issue.path)).toContain(`snapshot.${collection}[${repeated}].id`);
      }),
      { numRuns: 100 },
    );
  });
});

describe('round trips', () => {
  it('a valid bundle parses and exports to the identical text', () => {
    const parsed = parseBundle(fresh());
    if (!parsed.ok) throw new Error('valid');
    expect(JSON.stringify(createBundle(parsed.value.snapshot, parsed.value.meta))).toBe(TRAINING_TEXT);
  });

  it('exports the same text whatever order a store returns records in', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COLLECTIONS), fc.integer(), (collection, seed) => {
        const document = fresh();
        const records = (document.snapshot as Record<string, Json[]>)[collection] as Json[];
        // A seeded shuffle, so a failure can be replayed.
        let state = seed;
        for (let index = records.length - 1; index > 0; index--) {
          state = (state * 1103515245 + 12345) | 0;
          const other = Math.abs(state) % (index + 1);
          [records[index], records[other]] = [records[other] as Json, records[index] as Json];
        }
        const parsed = parseBundle(document);
        if (!parsed.ok) throw new Error('a reordered bundle is still valid');
        expect(JSON.stringify(createBundle(parsed.value.snapshot, parsed.value.meta))).toBe(TRAINING_TEXT);
      }),
      { numRuns: 40 },
    );
  });
});
