import { z } from 'zod';
import { issuesFromZod, type Failure, type FieldIssue } from '../failures';
import { findFactor } from '../method/factor-framework';
import { CalendarDateSchema } from '../primitives';
import { err, ok, type Result } from '../result';
import { POOLED_FINDINGS_SCHEMA_VERSION, PooledReviewFindingsSchema, pooledRecordId, type PooledReviewFindings } from './pooled-findings';

/**
 * The regional and national exchange format for pooled findings (ADR 1405): a JSON file with its JSON Schema in
 * schema/pooled-findings.schema.json, and a CSV in long form (one row per finding) documented in docs/collation.md.
 */
export const POOLED_FILE_FORMAT = 'learning-together-pooled-findings' as const;

export const PooledFindingsFileSchema = z.strictObject({
  format: z.literal(POOLED_FILE_FORMAT),
  schemaVersion: z.literal(POOLED_FINDINGS_SCHEMA_VERSION),
  exportedOn: CalendarDateSchema,
  records: z.array(PooledReviewFindingsSchema),
});
export type PooledFindingsFile = z.infer<typeof PooledFindingsFileSchema>;

export function pooledFindingsFile(records: readonly PooledReviewFindings[], exportedOn: string): PooledFindingsFile {
  return { format: POOLED_FILE_FORMAT, schemaVersion: POOLED_FINDINGS_SCHEMA_VERSION, exportedOn, records: [...records] };
}

export const serialisePooledFindings = (file: PooledFindingsFile): string => `${JSON.stringify(file, null, 2)}\n`;

/** Is this parsed JSON meant to be a pooled findings file (rather than a review bundle)? */
export const looksLikePooledFile = (json: unknown): boolean =>
  json !== null && typeof json === 'object' && (json as { format?: unknown }).format === POOLED_FILE_FORMAT;

export interface PooledImport {
  readonly records: readonly PooledReviewFindings[];
  /** Records left out, each named by its place in the file. */
  readonly rejected: readonly FieldIssue[];
}

/**
 * Reads a pooled findings file. A file of the wrong format or version is refused whole; a record that does not
 * validate is left out and named, so one bad record from a region does not hold up the rest.
 */
export function parsePooledFindings(text: string, what = 'Pooled findings file'): Result<PooledImport, Failure> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ kind: 'invalid', what, issues: [{ path: '', message: 'not JSON' }] });
  }
  const envelope = z
    .strictObject({ format: z.literal(POOLED_FILE_FORMAT), schemaVersion: z.number(), exportedOn: CalendarDateSchema, records: z.array(z.unknown()) })
    .safeParse(json);
  if (!envelope.success) return err({ kind: 'invalid', what, issues: issuesFromZod(envelope.error) });
  if (envelope.data.schemaVersion !== POOLED_FINDINGS_SCHEMA_VERSION) {
    return err({ kind: 'unsupportedVersion', what, found: envelope.data.schemaVersion, supported: [POOLED_FINDINGS_SCHEMA_VERSION] });
  }
  const records: PooledReviewFindings[] = [];
  const rejected: FieldIssue[] = [];
  envelope.data.records.forEach((raw, index) => {
    const parsed = PooledReviewFindingsSchema.safeParse(raw);
    if (parsed.success) records.push(parsed.data);
    else
      for (const issue of issuesFromZod(parsed.error))
        rejected.push({ path: `records[${index}]${issue.path ? `.${issue.path}` : ''}`, message: issue.message });
  });
  return ok({ records: dedupe(records), rejected });
}

/** One record per source and review: of two, the later pooled one (then the later in the list) wins. */
export function dedupe(records: readonly PooledReviewFindings[]): PooledReviewFindings[] {
  const byId = new Map<string, PooledReviewFindings>();
  for (const record of records) {
    const id = pooledRecordId(record);
    const held = byId.get(id);
    if (held === undefined || held.pooledOn <= record.pooledOn) byId.set(id, record);
  }
  return [...byId.values()];
}

/** Records held plus records imported: an imported record replaces the one held for the same source and review. */
export const mergePooled = (held: readonly PooledReviewFindings[], incoming: readonly PooledReviewFindings[]): PooledReviewFindings[] =>
  dedupe([...held, ...incoming]);

// ---------------------------------------------------------------- CSV

export const POOLED_CSV_COLUMNS = [
  'schema_version',
  'source',
  'review_key',
  'pooled_on',
  'trigger',
  'year',
  'fictional',
  'agency_types',
  'entry',
  'entry_index',
  'category',
  'sub_pattern',
  'influence',
  'widespread',
  'contemporary_relevance',
  'rank',
  'selected',
  'episode_count',
  'judgement',
  'factor_id',
  'factor_type',
  'factor_level',
  'recommendation_kind',
  'recommendation_level',
  'status',
  'owner_type',
  'made_in',
  'completed_in',
  'terms',
] as const;
type CsvColumn = (typeof POOLED_CSV_COLUMNS)[number];
type CsvRow = Partial<Record<CsvColumn, string | number | boolean | null>>;

const csvCell = (value: string | number | boolean | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The CSV: one `review` row per review, then one row per pattern, per episode's factor (an episode without factors
 * has one row with an empty factor) and per recommendation. Multi-valued cells are joined with ';'.
 */
export function pooledFindingsCsv(records: readonly PooledReviewFindings[]): string {
  const lines = [POOLED_CSV_COLUMNS.join(',')];
  const push = (row: CsvRow) => lines.push(POOLED_CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  for (const record of records) {
    const base: CsvRow = {
      schema_version: record.schemaVersion,
      source: record.source,
      review_key: record.reviewKey,
      pooled_on: record.pooledOn,
      trigger: record.trigger,
      year: record.year,
      fictional: record.fictional,
      agency_types: record.agencyTypes.join(';'),
    };
    push({ ...base, entry: 'review' });
    record.patterns.forEach((pattern, index) =>
      push({
        ...base,
        entry: 'pattern',
        entry_index: index,
        category: pattern.category,
        sub_pattern: pattern.subPatternId ?? 'own',
        influence: pattern.influence,
        widespread: pattern.widespread,
        contemporary_relevance: pattern.contemporaryRelevance,
        rank: pattern.rank,
        selected: pattern.selected,
        episode_count: pattern.episodeCount,
      }),
    );
    record.episodes.forEach((episode, index) => {
      const factorIds = episode.factorIds.length > 0 ? episode.factorIds : [null];
      for (const factorId of factorIds) {
        const path = factorId === null ? undefined : findFactor(factorId);
        push({
          ...base,
          entry: 'episodeFactor',
          entry_index: index,
          judgement: episode.judgement,
          factor_id: factorId,
          factor_type: path?.type.id,
          factor_level: path?.level.id,
        });
      }
    });
    record.recommendations.forEach((recommendation, index) =>
      push({
        ...base,
        entry: 'recommendation',
        entry_index: index,
        category: recommendation.patternCategories.join(';'),
        sub_pattern: recommendation.subPatternIds.join(';'),
        recommendation_kind: recommendation.kind,
        recommendation_level: recommendation.level,
        status: recommendation.status,
        owner_type: recommendation.ownerType,
        made_in: recommendation.madeIn,
        completed_in: recommendation.completedIn,
        terms: recommendation.terms.join(';'),
      }),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
