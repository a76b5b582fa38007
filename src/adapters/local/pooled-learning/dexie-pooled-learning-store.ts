/**
 * Standalone mode's pooled learning: de-identified findings in a database of their own (ADR 1401), so the review
 * store's schema versions never change for it. Rows are checked on the way in and on the way out.
 */
import Dexie, { type Table } from 'dexie';
import { issuesFromZod, type Failure } from '../../../domain/failures';
import { PooledReviewFindingsSchema, pooledRecordId, type PooledReviewFindings } from '../../../domain/pooling/pooled-findings';
import { err, ok, type Result } from '../../../domain/result';
import type { PooledLearningStore } from '../../../ports/pooled-learning-store';

interface PooledRow {
  readonly id: string;
  readonly source: string;
  readonly record: unknown;
}

class PooledLearningDatabase extends Dexie {
  pooled!: Table<PooledRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ pooled: 'id, source' });
  }
}

export const POOLED_LEARNING_DATABASE = 'learning-together-pooled-learning';
const WHAT = "This browser's pooled learning";

const unavailable = (error: unknown): Failure => ({
  kind: 'unavailable',
  what: WHAT,
  detail: error instanceof Error ? error.message : String(error),
  retryable: true,
});

function checked(record: PooledReviewFindings): Result<PooledRow, Failure> {
  const parsed = PooledReviewFindingsSchema.safeParse(record);
  if (!parsed.success) return err({ kind: 'invalid', what: 'Pooled findings', issues: issuesFromZod(parsed.error) });
  return ok({ id: pooledRecordId(parsed.data), source: parsed.data.source, record: parsed.data });
}

function read(row: PooledRow): Result<PooledReviewFindings, Failure> {
  const parsed = PooledReviewFindingsSchema.safeParse(row.record);
  return parsed.success ? ok(parsed.data) : err({ kind: 'damaged', what: `${WHAT}: ${row.id}`, issues: issuesFromZod(parsed.error) });
}

export class DexiePooledLearningStore implements PooledLearningStore {
  private readonly db: PooledLearningDatabase;

  constructor(databaseName: string = POOLED_LEARNING_DATABASE) {
    this.db = new PooledLearningDatabase(databaseName);
  }

  close(): void {
    this.db.close();
  }

  async put(record: PooledReviewFindings): Promise<Result<void, Failure>> {
    const row = checked(record);
    if (!row.ok) return row;
    try {
      await this.db.pooled.put(row.value);
      return ok(undefined);
    } catch (error) {
      return err(unavailable(error));
    }
  }

  async putMany(records: readonly PooledReviewFindings[]): Promise<Result<number, Failure>> {
    const rows: PooledRow[] = [];
    for (const record of records) {
      const row = checked(record);
      if (!row.ok) return row;
      rows.push(row.value);
    }
    try {
      await this.db.pooled.bulkPut(rows);
      return ok(rows.length);
    } catch (error) {
      return err(unavailable(error));
    }
  }

  async withdraw(source: string, reviewKey: string): Promise<Result<boolean, Failure>> {
    const id = pooledRecordId({ source, reviewKey });
    try {
      return ok(
        await this.db.transaction('rw', this.db.pooled, async () => {
          const held = await this.db.pooled.get(id);
          if (held === undefined) return false;
          await this.db.pooled.delete(id);
          return true;
        }),
      );
    } catch (error) {
      return err(unavailable(error));
    }
  }

  async get(source: string, reviewKey: string): Promise<Result<PooledReviewFindings | null, Failure>> {
    try {
      const row = await this.db.pooled.get(pooledRecordId({ source, reviewKey }));
      return row === undefined ? ok(null) : read(row);
    } catch (error) {
      return err(unavailable(error));
    }
  }

  async list(): Promise<Result<readonly PooledReviewFindings[], Failure>> {
    try {
      const rows = await this.db.pooled.toArray();
      const records: PooledReviewFindings[] = [];
      for (const row of rows) {
        const record = read(row);
        if (!record.ok) return record;
        records.push(record.value);
      }
      return ok(records);
    } catch (error) {
      return err(unavailable(error));
    }
  }
}
