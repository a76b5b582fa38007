// FICTIONAL test data: every name, place, agency and event here is invented for testing. No real case.
import type { Page } from 'playwright-core';
import { CHILD_RECORD_SCHEMAS, RECORD_SCHEMA_VERSION, type ChildRecordKind, type ReviewSnapshot } from '../../../src/domain/model';
import { analysisBaseSnapshot } from './seed-analysis';

const STAMP_AT = '2026-02-03T10:00:00.000Z';
const ACTOR = 'Fixture builder (fictional)';

export const SEEDED_EPISODES = {
  homeVisit: { id: 'epi-home-visit', title: 'Home visit after the school’s concern (fictional)' },
  strategy: { id: 'epi-strategy', title: 'Strategy discussion (fictional)' },
} as const;

export const SEEDED_DRAFT = { id: 'rps-interim-1', article: 'Interim report, draft 1' } as const;

function record(kind: ChildRecordKind, reviewId: string, fields: Record<string, unknown>) {
  const parsed = CHILD_RECORD_SCHEMAS[kind].safeParse({
    ...fields,
    reviewId,
    schemaVersion: RECORD_SCHEMA_VERSION,
    version: 1,
    createdAt: STAMP_AT,
    updatedAt: STAMP_AT,
    createdBy: ACTOR,
    updatedBy: ACTOR,
  });
  if (!parsed.success) throw new Error(`Fixture ${kind} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * The analysis base (participants, documents, conversations; Team manager has no conversation yet, so is "to
 * arrange", and so is the class teacher here) plus two key practice episodes with no factors and an interim draft shared with participants: enough
 * for every add button on every screen to have something to add to.
 */
export function writePathSnapshot(reviewId: string, codename = 'Wren (fictional)'): ReviewSnapshot {
  const snapshot = analysisBaseSnapshot(reviewId, codename);
  const episodes = [
    {
      ...SEEDED_EPISODES.homeVisit,
      period: { from: '2025-03-12', to: '2025-03-12' },
      description: 'The social worker visited the home after hearing of the school’s worry (fictional).',
    },
    {
      ...SEEDED_EPISODES.strategy,
      period: { from: '2025-04-02', to: '2025-04-02' },
      description: 'Agencies met and shared what each knew; joint visits were agreed (fictional).',
    },
  ];
  const withEpisodes = {
    ...snapshot,
    // The class teacher and the team manager have no conversation yet: two "to arrange" rows.
    conversations: snapshot.conversations.filter((conversation) => conversation.id !== 'con-ct'),
    episodes: episodes.map((episode) => record('episode', reviewId, episode)),
    reportStages: [record('reportStage', reviewId, { id: SEEDED_DRAFT.id, stage: 'interim', draftNumber: 1 })],
  };
  return withEpisodes as ReviewSnapshot;
}

/** Unique review ids, so every test has a review of its own even when run again in the same browser profile. */
export const uniqueReviewId = (prefix: string): string => `rev-${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** How many records of a kind this browser's IndexedDB holds for a review (standalone mode's store, read directly). */
export async function storedCount(page: Page, reviewId: string, kind: ChildRecordKind, where?: { field: string; equals: string }): Promise<number> {
  return page.evaluate(
    async ({ reviewId: id, kind: wanted, where: filter }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('learning-together');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const rows = await new Promise<Array<{ kind: string; record: Record<string, unknown> }>>((resolve, reject) => {
          const request = db.transaction('records', 'readonly').objectStore('records').index('reviewId').getAll(id);
          request.onsuccess = () => resolve(request.result as Array<{ kind: string; record: Record<string, unknown> }>);
          request.onerror = () => reject(request.error);
        });
        return rows.filter((row) => row.kind === wanted && (!filter || String(row.record[filter.field]) === filter.equals)).length;
      } finally {
        db.close();
      }
    },
    { reviewId, kind, where: where ?? null },
  );
}

/** The stored record's field (standalone), or null when there is no such record. */
export async function storedField(page: Page, reviewId: string, kind: ChildRecordKind, recordId: string, field: string): Promise<unknown> {
  return page.evaluate(
    async ({ reviewId: id, kind: wanted, recordId: rid, field: name }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('learning-together');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const row = await new Promise<{ record: Record<string, unknown> } | undefined>((resolve, reject) => {
          const request = db.transaction('records', 'readonly').objectStore('records').get([id, wanted, rid]);
          request.onsuccess = () => resolve(request.result as { record: Record<string, unknown> } | undefined);
          request.onerror = () => reject(request.error);
        });
        return row ? (row.record[name] ?? null) : null;
      } finally {
        db.close();
      }
    },
    { reviewId, kind, recordId, field },
  );
}
