// FICTIONAL test data: the built-in training case and a small invented version 1 bundle.
import { describe, expect, it } from 'vitest';
import type { Failure } from '../failures';
import { trainingCaseBundle } from '../training-case';
import { createBundle, serialiseBundle } from './format';
import { parseBundle, parseBundleText } from './parse';
import v1Heron from './test-fixtures/v1-heron.bundle.json';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form JSON to mutate

/** The training case as a bundle file would hold it: plain JSON, safe to change. */
function validBundle(): Json {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('the training case should be valid');
  return JSON.parse(serialiseBundle(createBundle(parsed.value.snapshot, parsed.value.meta))) as Json;
}

function issuesOf(input: unknown): string[] {
  const result = parseBundle(input);
  if (result.ok) return [];
  if (result.error.kind !== 'invalid') throw new Error(`expected invalid, got ${result.error.kind}`);
  return result.error.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

function failureOf(input: unknown): Failure {
  const result = parseBundle(input);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('the envelope', () => {
  it('accepts the training case and reports what it says about itself', () => {
    const result = parseBundle(validBundle());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.meta).toEqual({
      exportedAt: '2026-01-20T09:00:00.000Z',
      exportedBy: 'Learning Together for Teams (built-in training case)',
      producer: 'Learning Together for Teams: fictional training case',
      fictional: true,
      readFromFormatVersion: 2,
    });
    expect(result.value.snapshot.review.codename).toBe('Training case: Brook Lane (fictional)');
  });

  it('refuses things that are not bundles, saying what was expected', () => {
    expect(issuesOf([1, 2])).toEqual([': expected a review bundle: a JSON object with format, formatVersion and snapshot']);
    expect(issuesOf(null)).toHaveLength(1);
    expect(issuesOf({ ...validBundle(), format: 'something-else' })).toEqual([
      'format: expected "learning-together/review-bundle" (found "something-else"): this is not a review bundle',
    ]);
    const { format: _format, ...withoutFormat } = validBundle();
    expect(issuesOf(withoutFormat)).toEqual(['format: expected "learning-together/review-bundle" (it is missing): this is not a review bundle']);
    expect(issuesOf({ ...validBundle(), formatVersion: '2' })).toEqual(['formatVersion: expected a whole number, one of 1, 2']);
  });

  it('refuses a format version from the future, or before the first', () => {
    expect(failureOf({ ...validBundle(), formatVersion: 3 })).toEqual({ kind: 'unsupportedVersion', what: 'Review bundle', found: 3, supported: [1, 2] });
    expect(failureOf({ ...validBundle(), formatVersion: 0 })).toMatchObject({ kind: 'unsupportedVersion', found: 0 });
  });

  it('names unexpected fields in the envelope and the snapshot', () => {
    expect(issuesOf({ ...validBundle(), comment: 'hello' })).toEqual([': unexpected field comment']);
    const bundle = validBundle();
    bundle.snapshot.stepnotes = [];
    expect(issuesOf(bundle)).toEqual(['snapshot: unexpected field stepnotes']);
  });

  it('requires `fictional`, when given, to agree with the review', () => {
    expect(issuesOf({ ...validBundle(), fictional: false })).toEqual([
      'fictional: the bundle says fictional is false but the review says true; they must agree',
    ]);
  });
});

describe('field problems, located by their path in the document', () => {
  it('names the record and field', () => {
    const bundle = validBundle();
    bundle.snapshot.participants[2].reportLabel = '';
    bundle.snapshot.conversations[1].status = 'postponed';
    delete bundle.snapshot.episodes[0].title;
    expect(issuesOf(bundle)).toEqual([
      'snapshot.participants[2].reportLabel: Report label is required',
      'snapshot.conversations[1].status: expected one of "toArrange", "scheduled", "held", "cancelled"',
      'snapshot.episodes[0].title: required (expected string)',
    ]);
  });

  it('names a missing collection', () => {
    const bundle = validBundle();
    delete bundle.snapshot.stepNotes;
    expect(issuesOf(bundle)).toEqual(['snapshot.stepNotes: required (expected array)']);
  });

  it('checks factor ids against the SCIE framework', () => {
    const bundle = validBundle();
    bundle.snapshot.episodes[1].factors[0].factorId = 'family.astrology';
    expect(issuesOf(bundle)).toEqual(['snapshot.episodes[1].factors[0].factorId: a factor from the SCIE framework']);
  });
});

describe('referential integrity', () => {
  it('finds references that do not resolve, wherever they are', () => {
    const bundle = validBundle();
    bundle.snapshot.conversations[0].participantId = 'par-nobody';
    bundle.snapshot.conversations[0].leadNoteTakerId = 'tm-nobody';
    bundle.snapshot.participants[0].agencyId = 'ag-nowhere';
    bundle.snapshot.narrative[2].source.documentId = 'doc-missing';
    bundle.snapshot.episodes[0].narrativeEntryIds[1] = 'nar-missing';
    bundle.snapshot.patterns[0].episodeIds[0] = 'kpe-missing';
    bundle.snapshot.recommendations[0].patternIds[0] = 'pat-missing';
    bundle.snapshot.comments[0].reportStageId = 'stage-missing';
    bundle.snapshot.stepNotes[0].conversationId = 'con-missing';
    expect(issuesOf(bundle)).toEqual([
      'snapshot.participants[0].agencyId: no agency with id ag-nowhere in this review',
      'snapshot.conversations[0].participantId: no participant with id par-nobody in this review',
      'snapshot.conversations[0].leadNoteTakerId: no team member with id tm-nobody in this review',
      'snapshot.stepNotes[0].conversationId: no conversation with id con-missing in this review',
      'snapshot.narrative[2].source.documentId: no document with id doc-missing in this review',
      'snapshot.episodes[0].narrativeEntryIds[1]: no narrative entry with id nar-missing in this review',
      'snapshot.patterns[0].episodeIds[0]: no key practice episode with id kpe-missing in this review',
      'snapshot.recommendations[0].patternIds[0]: no pattern with id pat-missing in this review',
      'snapshot.comments[0].reportStageId: no report stage with id stage-missing in this review',
    ]);
  });

  it('checks the transcript speaker map', () => {
    const bundle = validBundle();
    const transcript = bundle.snapshot.conversations.find((conversation: Json) => conversation.writtenRecord?.kind === 'transcript');
    transcript.writtenRecord.speakerMap['Gemma Fairlie'].participantId = 'par-ghost';
    const index = bundle.snapshot.conversations.indexOf(transcript);
    expect(issuesOf(bundle)).toEqual([
      `snapshot.conversations[${index}].writtenRecord.speakerMap.Gemma Fairlie.participantId: no participant with id par-ghost in this review`,
    ]);
  });

  it('finds duplicate ids per kind, pointing at the repeat and the first use', () => {
    const bundle = validBundle();
    bundle.snapshot.participants[3].id = bundle.snapshot.participants[1].id;
    bundle.snapshot.review.agencies[2].id = bundle.snapshot.review.agencies[0].id;
    const issues = issuesOf(bundle);
    expect(issues).toContain('snapshot.participants[3].id: duplicate participant id par-tm: also used by snapshot.participants[1]');
    expect(issues).toContain('snapshot.review.agencies[2].id: duplicate agency id ag-csc: also used by snapshot.review.agencies[0]');
  });

  it('allows the same id in two different kinds', () => {
    const bundle = validBundle();
    bundle.snapshot.audit[0].id = bundle.snapshot.comments[0].id;
    expect(issuesOf(bundle)).toEqual([]);
  });

  it('requires every record to belong to the review', () => {
    const bundle = validBundle();
    bundle.snapshot.documents[4].reviewId = 'rev-other';
    expect(issuesOf(bundle)).toEqual(["snapshot.documents[4].reviewId: expected the review's id rev-training-brook-lane, found rev-other"]);
  });

  it('allows only one set of notes per step of a conversation', () => {
    const bundle = validBundle();
    const copy = { ...bundle.snapshot.stepNotes[0], id: 'note-copy' };
    bundle.snapshot.stepNotes.push(copy);
    const index = bundle.snapshot.stepNotes.length - 1;
    expect(issuesOf(bundle)).toEqual([`snapshot.stepNotes[${index}].step: conversation con-sw already has notes for step 1 (stepNotes[0])`]);
  });

  it('keeps factor tag ids unique across the review', () => {
    const bundle = validBundle();
    bundle.snapshot.episodes[2].factors[0].id = bundle.snapshot.episodes[0].factors[0].id;
    expect(issuesOf(bundle)).toEqual(['snapshot.episodes[2].factors[0].id: factor tag id ft-1-1 is already used at snapshot.episodes[0].factors[0]']);
  });
});

describe('format version 1', () => {
  it('migrates step notes out of conversations and narrative sources into objects', () => {
    const result = parseBundle(structuredClone(v1Heron));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { snapshot, meta } = result.value;
    expect(meta.readFromFormatVersion).toBe(1);
    expect(snapshot.stepNotes.map((note) => [note.id, note.step, note.text])).toEqual([
      ['con-teacher.step-1', '1', 'Introduction covered (fictional).'],
      ['con-teacher.step-2', '2', 'Overview of the year (fictional).'],
      ['con-teacher.step-3a', '3a', 'The referral in March (fictional).'],
      ['con-teacher.step-9', '9', 'Found it helpful (fictional).'],
    ]);
    expect(snapshot.stepNotes[0]).toMatchObject({ conversationId: 'con-teacher', reviewId: 'rev-heron', createdAt: '2025-09-05T09:00:00.000Z', version: 1 });
    expect('notes' in (snapshot.conversations[0] ?? {})).toBe(false);
    expect(snapshot.narrative.map((entry) => entry.source)).toEqual([
      { kind: 'conversation', conversationId: 'con-teacher' },
      { kind: 'document', documentId: 'doc-log' },
      { kind: 'reviewTeam' },
    ]);
  });

  it('migrates the same way every time, and the result exports as version 2', () => {
    const first = parseBundle(structuredClone(v1Heron));
    const second = parseBundle(structuredClone(v1Heron));
    expect(first).toEqual(second);
    if (!first.ok) return;
    const exported = createBundle(first.value.snapshot, first.value.meta);
    expect(exported.formatVersion).toBe(2);
    expect(parseBundle(JSON.parse(serialiseBundle(exported)))).toMatchObject({ ok: true, value: { snapshot: first.value.snapshot } });
  });

  it('reports problems in the old shape with paths into the old file', () => {
    const bundle = structuredClone(v1Heron) as Json;
    bundle.snapshot.conversations[0].notes['3c'] = 'no such step';
    bundle.snapshot.conversations[0].notes['2'] = 42;
    bundle.snapshot.narrative[1].source = 'email:inbox';
    expect(issuesOf(bundle)).toEqual([
      'snapshot.conversations[0].notes.2: expected the step’s notes as text',
      'snapshot.conversations[0].notes.3c: expected one of the steps 1, 2, 3a, 3b, 4, 5, 6, 7, 8, 9',
      'snapshot.narrative[1].source: expected "conversation:<id>", "document:<id>" or "reviewTeam"',
    ]);
  });

  it('also checks the migrated review like any other', () => {
    const bundle = structuredClone(v1Heron) as Json;
    bundle.snapshot.narrative[0].source = 'conversation:con-gone';
    expect(issuesOf(bundle)).toEqual(['snapshot.narrative[0].source.conversationId: no conversation with id con-gone in this review']);
  });
});

describe('record schema versions', () => {
  it('refuses a record written by a newer version of the app', () => {
    const bundle = validBundle();
    bundle.snapshot.participants[4].schemaVersion = 3;
    expect(failureOf(bundle)).toEqual({
      kind: 'unsupportedVersion',
      what: 'Participant at snapshot.participants[4] (schemaVersion)',
      found: 3,
      supported: [2],
    });
  });

  it('applies record migrations, through the hook, before validation', () => {
    const bundle = validBundle();
    bundle.snapshot.teamMembers[0].schemaVersion = 0;
    bundle.snapshot.teamMembers[0].fullName = bundle.snapshot.teamMembers[0].name;
    delete bundle.snapshot.teamMembers[0].name;
    const renameFullName = (record: Readonly<Record<string, unknown>>) => {
      const { fullName, ...rest } = record;
      return { ...rest, name: fullName };
    };
    const withoutHook = parseBundle(bundle);
    expect(withoutHook.ok).toBe(false);
    const migrations = {
      review: {},
      teamMember: { 0: renameFullName, 1: (record: Readonly<Record<string, unknown>>) => record },
      participant: {},
      document: {},
      conversation: {},
      stepNote: {},
      narrativeEntry: {},
      episode: {},
      pattern: {},
      recommendation: {},
      reportStage: {},
      comment: {},
      audit: {},
      meeting: {},
      identifier: {},
      languageDismissal: {},
    };
    // Version 0 is below the first shape, so the real table has no step for it; a test table does.
    const result = parseBundle(bundle, { recordMigrations: migrations });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.snapshot.teamMembers[0]).toMatchObject({ name: 'Elaine Marsh', schemaVersion: 2 });
  });
});

describe('bundle text', () => {
  it('reports JSON syntax errors with line and column', () => {
    const result = parseBundleText('{\n  "format": "learning-together/review-bundle",\n  "formatVersion": 2,\n}\n');
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid', issues: [{ path: '', message: 'not valid JSON: line 4, column 1: expected a quoted property name after \',\', found "}"' }] },
    });
  });

  it('reads text with a byte-order mark', () => {
    expect(parseBundleText(`\uFEFF${serialiseBundle(validBundle() as never)}`).ok).toBe(true);
  });
});
