// FICTIONAL data only: the built-in training case and the generated large fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createBundle, parseBundle, reviewBundleJsonSchemaText, serialiseBundle } from '../../src/domain/bundle';
import { generateLargeFixture } from '../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import { trainingCaseBundle } from '../../src/domain/training-case';

const SCHEMA_PATH = join(process.cwd(), 'schema', 'review-bundle.schema.json');
const committed = readFileSync(SCHEMA_PATH, 'utf8');

function compile() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(committed) as object);
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form JSON to break
const canonicalTraining = (): Json => {
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) throw new Error('valid');
  return JSON.parse(serialiseBundle(createBundle(parsed.value.snapshot, parsed.value.meta))) as Json;
};

describe('the published JSON Schema (schema/review-bundle.schema.json)', () => {
  it('is exactly what `npm run schema` generates from the zod schemas now', () => {
    // If this fails: run `npm run schema` and commit schema/review-bundle.schema.json.
    expect(committed).toBe(reviewBundleJsonSchemaText());
  });

  it('is a draft 2020-12 schema with an id, title and description', () => {
    const schema = JSON.parse(committed) as Json;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/review-bundle\.schema\.json$/);
    expect(schema.title).toBe('Learning Together review bundle');
    expect(schema.required).toEqual(['format', 'formatVersion', 'exportedAt', 'exportedBy', 'snapshot']);
  });

  it('accepts the training case, as written and as exported, and the large fixture', () => {
    const validate = compile();
    expect(validate(trainingCaseBundle()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(canonicalTraining()), JSON.stringify(validate.errors)).toBe(true);
    const large = createBundle(generateLargeFixture({ random: mulberry32(5) }), { exportedAt: '2026-01-01T00:00:00.000Z', exportedBy: 'test' });
    expect(validate(JSON.parse(JSON.stringify(large))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('rejects broken bundles, pointing at the field', () => {
    const validate = compile();
    const cases: Array<[string, (bundle: Json) => void, string]> = [
      ['an unknown participant kind', (bundle) => (bundle.snapshot.participants[2].kind = 'wizard'), '/snapshot/participants/2/kind'],
      ['a missing collection', (bundle) => delete bundle.snapshot.episodes, '/snapshot'],
      ['an unexpected envelope field', (bundle) => (bundle.extra = true), ''],
      ['an old format version', (bundle) => (bundle.formatVersion = 1), '/formatVersion'],
      ['a malformed date', (bundle) => (bundle.snapshot.review.periodUnderReview.from = '01/08/2024'), '/snapshot/review/periodUnderReview/from'],
      ['an empty report label', (bundle) => (bundle.snapshot.participants[0].reportLabel = ''), '/snapshot/participants/0/reportLabel'],
    ];
    for (const [what, breakIt, path] of cases) {
      const bundle = canonicalTraining();
      breakIt(bundle);
      expect(validate(bundle), what).toBe(false);
      expect(validate.errors?.map((error) => error.instancePath), what).toContain(path);
    }
  });
});
