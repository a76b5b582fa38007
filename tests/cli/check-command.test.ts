// Fictional training case only.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check-command';
import { trainingCaseBundle } from '../../src/domain/training-case';

async function run(bundle: unknown) {
  const dir = await mkdtemp(join(tmpdir(), 'lt-check-'));
  await writeFile(join(dir, 'review.json'), JSON.stringify(bundle));
  let out = '';
  const code = await checkCommand('review.json', { stdout: (text) => (out += text), stderr: (text) => (out += text), cwd: dir });
  return { code, out };
}

describe('cli check', () => {
  it('reports wording to look at and passes the training case’s public report', async () => {
    const { code, out } = await run(trainingCaseBundle());
    expect(out).toMatch(/Language: 1 wording to look at, 1 kept with a reason/);
    expect(out).toMatch(/“could have” \(hindsight\)/);
    expect(out).toMatch(/no registered identifier found/);
    expect(code).toBe(0);
  }, 60_000);

  it('exits 1 when the public report would still name someone', async () => {
    const bundle = trainingCaseBundle();
    // Two labels that are each other's real names: redaction cannot settle, so the file would name someone.
    const mother = bundle.snapshot.participants.find((participant) => participant.id === 'par-mother')!;
    const socialWorker = bundle.snapshot.participants.find((participant) => participant.id === 'par-sw')!;
    mother.reportLabel = 'Hannah';
    socialWorker.reportLabel = 'Kayleigh';
    const { code, out } = await run(bundle);
    expect(out).toMatch(/Leak scan of the public report: \d+ registered identifiers? found/);
    expect(out).toMatch(/“(Hannah|Kayleigh)”/);
    expect(code).toBe(1);
  }, 60_000);
});
