// FICTIONAL test data: the app's own fictional training case (Brook Lane).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { runCli } from '../../src/cli/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'lt-render-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (text: string) => out.push(text),
      stderr: (text: string) => err.push(text),
      cwd: dir,
      clock: steppingClock('2026-03-01T09:00:00.000Z'),
      ids: sequentialIds('c'),
      defaultActor: 'Test (fictional)',
    },
  };
}

describe('npm run cli -- render', () => {
  it('writes the final draft as Word from a bundle, and refuses an unknown stage', async () => {
    const first = io();
    expect(await runCli(['training-case', '--out', 'training.json'], first.io)).toBe(0);
    const rendered = io();
    expect(await runCli(['render', 'training.json', '--stage', 'finalDraft', '--out', 'out/final-draft.docx'], rendered.io)).toBe(0);
    expect(rendered.out.join('')).toMatch(/SHA-256 [0-9a-f]{64}/u);
    const text = (await mammoth.extractRawText({ buffer: readFileSync(join(dir, 'out/final-draft.docx')) })).value;
    expect(text).toContain('Key practice episodes');
    const wrong = io();
    expect(await runCli(['render', 'training.json', '--stage', 'final', '--out', 'x.docx'], wrong.io)).toBe(2);
    expect(wrong.err.join('')).toContain('--stage must be one of');
  });
});
