// FICTIONAL data only: the built-in training case, the invented v1 "Heron" bundle and generated fixtures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { runCli } from '../../src/cli/run-cli';

let workDir: string;
const TRAINING = 'training.json';
/** Shared across runs, as the ids of one person's successive commands would be. */
const ids = sequentialIds('cli');

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function cli(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    cwd: workDir,
    clock: steppingClock('2026-03-29T00:30:00.000Z', 60_000),
    ids,
    defaultActor: 'Test operator (fictional)',
  });
  // Whatever happens, no stack trace reaches the person.
  expect(`${out}${err}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { code, out, err };
}

const write = (name: string, text: string): string => {
  writeFileSync(join(workDir, name), text);
  return name;
};
const read = (name: string): string => readFileSync(join(workDir, name), 'utf8');
const json = (name: string) => JSON.parse(read(name)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- bundle JSON to break

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'lt-cli-'));
  expect((await cli('training-case', '--out', TRAINING)).code).toBe(0);
});
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('usage', () => {
  it('prints help, and refuses unknown commands and options with exit code 2', async () => {
    expect(await cli()).toMatchObject({ code: 2, err: expect.stringContaining('Usage: npm run cli -- <command>') });
    expect(await cli('--help')).toMatchObject({ code: 0, out: expect.stringContaining('validate <file>') });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown command "frobnicate"') });
    expect(await cli('validate', TRAINING, '--colour')).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--colour'") });
    expect(await cli('validate')).toMatchObject({ code: 2, err: expect.stringContaining('"validate" needs exactly one file') });
    expect(await cli('export', '--store', 'x', '--out', 'y')).toMatchObject({ code: 2, err: expect.stringContaining('--review is required') });
    expect(await cli('large-fixture', '--out', 'x.json', '--scale', '0')).toMatchObject({ code: 2, err: expect.stringContaining('--scale must be a whole number, at least 1') });
  });
});

describe('validate', () => {
  it('prints OK with a summary of counts', async () => {
    const run = await cli('validate', TRAINING);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`OK: ${TRAINING} is a valid review bundle.`);
    expect(run.out).toContain('Review: Training case: Brook Lane (fictional) (rev-training-brook-lane), phase preliminaryReport, FICTIONAL');
    expect(run.out).toContain('Exported 20 January 2026 at 09:00 GMT');
    expect(run.out).toContain('14 participants, 8 documents, 9 conversations, 58 step notes, 28 narrative entries');
  });

  it('says when it read and migrated an older format', async () => {
    const v1 = readFileSync(join(process.cwd(), 'src/domain/bundle/test-fixtures/v1-heron.bundle.json'), 'utf8');
    const run = await cli('validate', write('heron-v1.json', v1));
    expect(run.code).toBe(0);
    expect(run.out).toContain('Written in format version 1; read and migrated to version 2.');
  });

  it('lists each problem as "path: message" and exits 1', async () => {
    const bundle = json(TRAINING);
    bundle.snapshot.participants[2].reportLabel = '';
    bundle.snapshot.episodes[0].narrativeEntryIds[0] = 'nar-missing';
    const run = await cli('validate', write('broken.json', JSON.stringify(bundle)));
    expect(run.code).toBe(1);
    expect(run.err).toBe('broken.json is not a valid review bundle: 1 problem.\n  snapshot.participants[2].reportLabel: Report label is required\n');
    bundle.snapshot.participants[2].reportLabel = 'Head of safeguarding';
    const second = await cli('validate', write('broken.json', JSON.stringify(bundle)));
    expect(second.err).toContain('  snapshot.episodes[0].narrativeEntryIds[0]: no narrative entry with id nar-missing in this review\n');
  });

  it('reports text that is not JSON with its line and column', async () => {
    const run = await cli('validate', write('not-json.json', '{\n  "format": "learning-together/review-bundle",\n  "formatVersion": 2\n  "snapshot": {}\n}'));
    expect(run.code).toBe(1);
    expect(run.err).toContain("(whole file): not valid JSON: line 4, column 3: expected ',' or '}'");
  });

  it('explains a missing file, a folder, something else entirely and a future version', async () => {
    expect(await cli('validate', 'nowhere.json')).toMatchObject({ code: 1, err: 'Cannot read nowhere.json: there is no such file.\n' });
    mkdirSync(join(workDir, 'a-folder'), { recursive: true });
    expect(await cli('validate', 'a-folder')).toMatchObject({ code: 1, err: 'Cannot read a-folder: it is a folder, not a file.\n' });
    expect((await cli('validate', write('package.json', '{"name": "something"}'))).err).toContain(
      'format: expected "learning-together/review-bundle" (it is missing): this is not a review bundle',
    );
    const future = { ...json(TRAINING), formatVersion: 9 };
    expect(await cli('validate', write('future.json', JSON.stringify(future)))).toMatchObject({
      code: 1,
      err: expect.stringContaining('Review bundle has format version 9; this app reads versions 1, 2.'),
    });
  });

  it('never crashes on mutated bundles: exit 0 or 1, and always says something', async () => {
    const original = read(TRAINING);
    await fc.assert(
      fc.asyncProperty(fc.nat(original.length - 1), fc.nat(200), fc.string({ maxLength: 8 }), async (at, length, insert) => {
        const mutated = original.slice(0, at) + insert + original.slice(at + length);
        const run = await cli('validate', write('mutated.json', mutated));
        expect([0, 1]).toContain(run.code);
        expect((run.code === 0 ? run.out : run.err).length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a store folder: import, list, export', () => {
  it('imports into a new folder, lists, exports, and guards against overwriting', async () => {
    expect(await cli('list', '--store', 'store-a')).toMatchObject({ code: 1, err: 'The store folder store-a does not exist (or is not a folder).\n' });
    const imported = await cli('import', TRAINING, '--store', 'store-a', '--as', 'Lead reviewer (fictional)');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Imported Training case: Brook Lane (fictional) (rev-training-brook-lane) into store-a (FICTIONAL).');

    const listed = await cli('list', '--store', 'store-a');
    expect(listed.out).toBe('rev-training-brook-lane  Training case: Brook Lane (fictional)  preliminaryReport  12 January 2026 at 09:05 GMT  fictional\n');

    const again = await cli('import', TRAINING, '--store', 'store-a');
    expect(again).toMatchObject({ code: 1, err: 'Nothing was imported: the store already has review rev-training-brook-lane. Add --replace to overwrite it.\n' });
    expect((await cli('import', TRAINING, '--store', 'store-a', '--replace')).code).toBe(0);

    const exported = await cli('export', '--review', 'rev-training-brook-lane', '--store', 'store-a', '--out', 'exported.json');
    expect(exported.code).toBe(0);
    const bundle = json('exported.json');
    expect(bundle.exportedBy).toBe('Test operator (fictional)');
    expect(bundle.producer).toBe('Learning Together for Teams (command line)');
    expect(bundle.snapshot.audit.map((entry: { action: string; who: string }) => `${entry.action}:${entry.who}`).slice(-2)).toEqual([
      'import:Test operator (fictional)',
      'export:Test operator (fictional)',
    ]);
    expect((await cli('validate', 'exported.json')).code).toBe(0);

    const toStdout = await cli('export', '--review', 'rev-training-brook-lane', '--store', 'store-a', '--out', '-');
    expect(JSON.parse(toStdout.out)).toMatchObject({ format: 'learning-together/review-bundle' });
  });

  it('explains a review that is not there', async () => {
    mkdirSync(join(workDir, 'store-empty'), { recursive: true });
    expect(await cli('list', '--store', 'store-empty')).toMatchObject({ code: 0, out: 'No reviews in store-empty.\n' });
    const run = await cli('export', '--review', 'rev-nope', '--store', 'store-empty', '--out', 'nope.json');
    expect(run).toMatchObject({ code: 1, err: expect.stringContaining('Review rev-nope could not be found') });
    expect(existsSync(join(workDir, 'nope.json'))).toBe(false);
  });

  it('leaves the store exactly as it was when the bundle is bad', async () => {
    expect((await cli('import', TRAINING, '--store', 'store-b')).code).toBe(0);
    const snapshotOf = () => readdirSync(join(workDir, 'store-b')).map((name) => [name, read(join('store-b', name))]);
    const before = snapshotOf();
    const bundle = json(TRAINING);
    bundle.snapshot.comments[1].participantId = 'par-nobody';
    const run = await cli('import', write('bad.json', JSON.stringify(bundle)), '--store', 'store-b', '--replace');
    expect(run.code).toBe(1);
    expect(run.err).toContain('Nothing was imported: bad.json is not a valid review bundle: 1 problem.');
    expect(run.err).toContain('  snapshot.comments[1].participantId: no participant with id par-nobody in this review');
    expect(snapshotOf()).toEqual(before);
  });
});

describe('schema and fixtures', () => {
  it('writes the schema and checks it is up to date', async () => {
    expect((await cli('schema', '--out', 'schema.json')).code).toBe(0);
    expect(await cli('schema', '--out', 'schema.json', '--check')).toMatchObject({ code: 0, out: 'schema.json is up to date.\n' });
    write('schema.json', `${read('schema.json')} `);
    expect(await cli('schema', '--out', 'schema.json', '--check')).toMatchObject({ code: 1, err: expect.stringContaining('is out of date') });
    expect(read('schema.json').trimEnd()).toBe(readFileSync(join(process.cwd(), 'schema/review-bundle.schema.json'), 'utf8').trimEnd());
  });

  it('writes a large fixture that validates', async () => {
    const run = await cli('large-fixture', '--out', 'large.json', '--seed', '3');
    expect(run.code).toBe(0);
    expect(run.out).toContain('40 participants');
    expect((await cli('validate', 'large.json')).out).toContain('1500 contributory factors');
  });
});

describe('the real command', () => {
  it('runs as a separate process with exit codes and no stack traces', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: process.cwd(), encoding: 'utf8', timeout: 60_000 });
    const ok = run('validate', join(workDir, TRAINING));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('is a valid review bundle');
    const missing = run('validate', join(workDir, 'missing.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('there is no such file');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect(run('no-such-command').status).toBe(2);
  }, 90_000);
});
