// `collate <folder>`: the collation summary of a folder of review bundles and pooled findings files (the same tables as
// the collation view); `--json` for machines. `pooled-schema --out <file> [--check]`: the pooled findings JSON Schema.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseBundle } from '../domain/bundle';
import { collate, type CollationFilter } from '../domain/pooling/collate';
import { derivePooledFindings } from '../domain/pooling/derive';
import { collationAsText } from '../domain/pooling/describe';
import { dedupe, looksLikePooledFile, parsePooledFindings } from '../domain/pooling/exchange';
import { pooledFindingsJsonSchemaText } from '../domain/pooling/json-schema';
import { PooledSourceIdSchema, type PooledReviewFindings } from '../domain/pooling/pooled-findings';
import { AGENCY_TYPES, type AgencyType } from '../domain/pooling/agency-types';
import { REVIEW_TRIGGERS, type ReviewTrigger } from '../domain/model';
import { londonDateOf } from '../domain/time';

export const COLLATE_USAGE = `  collate <folder> [--json] [--source <code>] [--from-year <y>] [--to-year <y>] [--trigger <t>] [--agency-type <t>] [--no-fictional]
                                                    Collate the review bundles and pooled findings files (*.json) in a folder: the collation view's tables, or --json.
                                                    Bundles are pooled as --source (default "this-lscb"), whatever their phase.
  pooled-schema --out <file> [--check]              Write the pooled findings JSON Schema, or check that the file is up to date.
`;

export const COLLATE_OPTIONS = {
  json: { type: 'boolean' },
  source: { type: 'string' },
  'from-year': { type: 'string' },
  'to-year': { type: 'string' },
  trigger: { type: 'string' },
  'agency-type': { type: 'string' },
  'no-fictional': { type: 'boolean' },
} as const;

export interface CollateIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly now: () => string;
}

type Values = Record<string, string | boolean | undefined>;

const year = (value: string | boolean | undefined, name: string): number | null => {
  if (typeof value !== 'string') return null;
  if (!/^\d{4}$/.test(value)) throw new Error(`--${name} must be a year such as 2025`);
  return Number(value);
};

/** Exit 0 done, 1 a file could not be read or was not valid (named), 2 usage. */
export async function collateCommand(folder: string, values: Values, io: CollateIo): Promise<number> {
  let filter: CollationFilter;
  const source = typeof values.source === 'string' ? values.source : 'this-lscb';
  try {
    if (!PooledSourceIdSchema.safeParse(source).success) throw new Error('--source must be a short code of lower-case letters, digits and hyphens');
    const trigger = values.trigger;
    if (typeof trigger === 'string' && !(REVIEW_TRIGGERS as readonly string[]).includes(trigger))
      throw new Error(`--trigger must be one of ${REVIEW_TRIGGERS.join(', ')}`);
    const agencyType = values['agency-type'];
    if (typeof agencyType === 'string' && !(AGENCY_TYPES as readonly string[]).includes(agencyType))
      throw new Error(`--agency-type must be one of ${AGENCY_TYPES.join(', ')}`);
    filter = {
      fromYear: year(values['from-year'], 'from-year'),
      toYear: year(values['to-year'], 'to-year'),
      triggers: typeof trigger === 'string' ? [trigger as ReviewTrigger] : [],
      agencyTypes: typeof agencyType === 'string' ? [agencyType as AgencyType] : [],
      includeFictional: values['no-fictional'] !== true,
    };
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const today = londonDateOf(io.now()) ?? io.now().slice(0, 10);
  const directory = resolve(io.cwd, folder);
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    io.stderr(`${folder} could not be read (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
  const records: PooledReviewFindings[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const text = await readFile(join(directory, name), 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      problems.push(`${name}: not JSON`);
      continue;
    }
    if (looksLikePooledFile(json)) {
      const parsed = parsePooledFindings(text, name);
      if (!parsed.ok) problems.push(`${name}: not a valid pooled findings file (${parsed.error.kind})`);
      else {
        records.push(...parsed.value.records);
        for (const issue of parsed.value.rejected) problems.push(`${name} ${issue.path}: ${issue.message}`);
      }
      continue;
    }
    const bundle = parseBundle(json);
    if (!bundle.ok) {
      problems.push(`${name}: neither a pooled findings file nor a valid review bundle`);
      continue;
    }
    records.push(derivePooledFindings(bundle.value.snapshot, { source, pooledOn: today }));
  }
  for (const problem of problems) io.stderr(`${problem}\n`);
  const summary = collate(dedupe(records), filter, today);
  io.stdout(values.json === true ? `${JSON.stringify({ asOf: today, filter, summary }, null, 2)}\n` : `${collationAsText(summary)}\n`);
  return problems.length > 0 ? 1 : 0;
}

export async function pooledSchemaCommand(out: string | undefined, check: boolean, io: Omit<CollateIo, 'now'>): Promise<number> {
  if (!out) {
    io.stderr('--out is required (the schema file)\n');
    return 2;
  }
  const expected = pooledFindingsJsonSchemaText();
  const path = resolve(io.cwd, out);
  if (check) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current !== expected) {
      io.stderr(`${out} is out of date with the zod schemas. Run "npm run cli -- pooled-schema --out ${out}".\n`);
      return 1;
    }
    io.stdout(`${out} is up to date.\n`);
    return 0;
  }
  await writeFile(path, expected, 'utf8');
  io.stdout(`Wrote the pooled findings JSON Schema to ${out}.\n`);
  return 0;
}
