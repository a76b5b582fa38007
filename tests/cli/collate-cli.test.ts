// `collate` over a folder of FICTIONAL bundles and pooled files; `pooled-schema --check` on the published schema.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { runCli } from '../../src/cli/run-cli';
import { createBundle, parseBundle, serialiseBundle } from '../../src/domain/bundle';
import { generatePooledFindings } from '../../src/domain/fixtures/pooled-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import { pooledFindingsFile, serialisePooledFindings } from '../../src/domain/pooling/exchange';
import { trainingCaseBundle } from '../../src/domain/training-case';

let workDir: string;
async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    cwd: workDir,
    clock: steppingClock('2026-03-29T00:30:00.000Z', 60_000),
    ids: sequentialIds('cli'),
    defaultActor: 'Test operator (fictional)',
  });
  return { code, out, err };
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'lt-collate-'));
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('training case');
  writeFileSync(join(workDir, 'training.json'), serialiseBundle(createBundle(parsed.value.snapshot, parsed.value.meta)));
  const regional = generatePooledFindings({ random: mulberry32(3), reviews: 4, sources: ['wrenfold-lscb'] });
  writeFileSync(join(workDir, 'regional.json'), serialisePooledFindings(pooledFindingsFile(regional, '2026-03-01')));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('cli collate', () => {
  it('prints the collation view’s tables for bundles and pooled files together', async () => {
    const run = await cli('collate', '.', '--source', 'fenshire-lscb');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^5 reviews from 2 sources/);
    for (const title of ['Patterns by typology category', 'Contributory factors by level', 'Open recommendations by owner and age'])
      expect(run.out).toContain(title);
    // Nothing of the training case's own words: its codename and a family name stay out.
    expect(run.out).not.toMatch(/Brook Lane|Tallon/);
  });

  it('answers JSON for machines, filtered', async () => {
    const run = await cli('collate', '.', '--json', '--from-year', '2025', '--to-year', '2025', '--trigger', 'seriousHarm');
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.out);
    expect(parsed.asOf).toBe('2026-03-29');
    expect(parsed.summary.reviews).toBeGreaterThanOrEqual(0);
    expect(parsed.summary.patternCategories).toHaveLength(6);
  });

  it('names a file that is neither a bundle nor pooled findings, and refuses a bad filter', async () => {
    writeFileSync(join(workDir, 'zz-other.json'), '{"hello": 1}');
    const run = await cli('collate', '.');
    expect(run.code).toBe(1);
    expect(run.err).toContain('zz-other.json: neither a pooled findings file nor a valid review bundle');
    rmSync(join(workDir, 'zz-other.json'));
    expect((await cli('collate', '.', '--trigger', 'nonsense')).code).toBe(2);
  });

  it('the published pooled findings schema is up to date', async () => {
    const run = await cli('pooled-schema', '--out', join(process.cwd(), 'schema/pooled-findings.schema.json'), '--check');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });
});
