// FICTIONAL test data: every name, place, agency and event here is invented for testing. No real case.
import type { Page } from 'playwright-core';
import { asId, type AgencyId, type ReviewId } from '../../../src/domain/ids';
import {
  CHILD_RECORD_KINDS,
  CHILD_RECORD_SCHEMAS,
  COLLECTION_OF_KIND,
  RECORD_SCHEMA_VERSION,
  ReviewSchema,
  emptySnapshot,
  type AnyChildRecord,
  type ChildRecordKind,
  type ChildRecordOf,
  type ReviewSnapshot,
} from '../../../src/domain/model';

/**
 * Builds a small fictional review in Node and writes reviews into the browser's IndexedDB, so analysis tests start
 * from a review with participants, documents and conversations without any test-only code in the app.
 *
 * The rows mirror DexieReviewStore's stored layout (database "learning-together", rowFormat 2: each record checked
 * against the schemas as it is written, ADR 0850). If that layout changes, `seedSnapshot` fails loudly: the app
 * then cannot open the seeded review.
 */

const STAMP_AT = '2026-02-02T10:00:00.000Z';
const ACTOR = 'Fixture builder (fictional)';

let serial = 0;
function stamped<K extends ChildRecordKind>(kind: K, reviewId: ReviewId, id: string, fields: Record<string, unknown>): ChildRecordOf<K> {
  serial += 1;
  const at = new Date(Date.parse(STAMP_AT) + serial * 1000).toISOString();
  const candidate = { ...fields, id, reviewId, schemaVersion: RECORD_SCHEMA_VERSION, version: 1, createdAt: at, updatedAt: at, createdBy: ACTOR, updatedBy: ACTOR };
  const parsed = CHILD_RECORD_SCHEMAS[kind].safeParse(candidate);
  if (!parsed.success) throw new Error(`Fixture ${kind} ${id} is invalid: ${parsed.error.message}`);
  return parsed.data as ChildRecordOf<K>;
}

const AGENCIES = [
  { id: asId<AgencyId>('ag-social-care'), name: 'Children’s Social Care (fictional)' },
  { id: asId<AgencyId>('ag-health'), name: 'Health Visiting (fictional)' },
  { id: asId<AgencyId>('ag-school'), name: 'Oakfield Primary School (fictional)' },
  { id: asId<AgencyId>('ag-police'), name: 'Police (fictional)' },
];

function baseReview(id: string, codename: string) {
  const parsed = ReviewSchema.safeParse({
    id,
    schemaVersion: RECORD_SCHEMA_VERSION,
    version: 1,
    createdAt: STAMP_AT,
    updatedAt: STAMP_AT,
    createdBy: ACTOR,
    updatedBy: ACTOR,
    codename,
    questions: ['How did agencies understand the family’s needs over the year? (fictional)'],
    trigger: 'routinePractice',
    periodUnderReview: { from: '2025-01-01', to: '2025-12-31' },
    agencies: AGENCIES,
    phase: 'analysis',
    phaseHistory: [],
    fictional: true,
  });
  if (!parsed.success) throw new Error(`Fixture review is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** A small fictional review ready for analysis: people, records and conversations, and no analysis yet. */
export function analysisBaseSnapshot(reviewId = 'rev-analysis-e2e', codename = 'Heron (fictional)'): ReviewSnapshot {
  const review = baseReview(reviewId, codename);
  const id = review.id;
  const snapshot = emptySnapshot(review);
  const people = [
    { key: 'sw', kind: 'practitioner', agencyId: 'ag-social-care', roleTitle: 'Social worker', realName: 'Alex Invented', reportLabel: 'Social worker 1' },
    { key: 'tm', kind: 'firstLineManager', agencyId: 'ag-social-care', roleTitle: 'Team manager', realName: 'Bo Madeup', reportLabel: 'Team manager' },
    { key: 'hv', kind: 'practitioner', agencyId: 'ag-health', roleTitle: 'Health visitor', realName: 'Cal Notreal', reportLabel: 'Health visitor' },
    { key: 'ct', kind: 'practitioner', agencyId: 'ag-school', roleTitle: 'Class teacher', realName: 'Dee Pretend', reportLabel: 'Class teacher' },
    { key: 'mum', kind: 'familyMember', agencyId: null, roleTitle: 'Mother', realName: 'Erin Fictitious', reportLabel: 'Ms Rowan (pseudonym)' },
  ] as const;
  for (const person of people) {
    snapshot.participants.push(
      stamped('participant', id, `par-${person.key}`, {
        kind: person.kind,
        agencyId: person.agencyId,
        roleTitle: person.roleTitle,
        realName: person.realName,
        reportLabel: person.reportLabel,
        introductionLetter: { status: 'sent', on: '2026-01-05' },
      }),
    );
  }
  snapshot.documents.push(
    stamped('document', id, 'doc-hv-record', {
      agencyId: 'ag-health',
      title: 'Health visiting record (fictional)',
      recordType: 'Case notes',
      coveredPeriod: { from: '2025-01-01', to: '2025-12-31' },
    }),
    stamped('document', id, 'doc-sc-file', {
      agencyId: 'ag-social-care',
      title: 'Social care case file (fictional)',
      recordType: 'Case file',
      coveredPeriod: { from: '2025-02-01', to: '2025-12-31' },
    }),
  );
  for (const key of ['sw', 'hv', 'ct', 'mum']) {
    snapshot.conversations.push(
      stamped('conversation', id, `con-${key}`, { participantId: `par-${key}`, leadQuestionerId: null, leadNoteTakerId: null, status: 'held' }),
    );
  }
  return snapshot;
}

/** Rows as DexieReviewStore stores them: checked against the schemas first, as the store checks what it writes. */
function rowsOf(snapshot: ReviewSnapshot) {
  const records = CHILD_RECORD_KINDS.flatMap((kind) =>
    (snapshot[COLLECTION_OF_KIND[kind]] as AnyChildRecord[]).map((record) => ({
      reviewId: snapshot.review.id,
      kind,
      id: record.id,
      rowFormat: 2,
      record: CHILD_RECORD_SCHEMAS[kind].parse(record),
    })),
  );
  return { review: { id: snapshot.review.id, rowFormat: 2, review: ReviewSchema.parse(snapshot.review) }, records };
}

/**
 * Writes a review into this page's IndexedDB. Call after the app has loaded once (any page), so the origin is
 * right; the database is created with the app's own schema if the app has not opened it yet.
 */
export async function seedSnapshot(page: Page, snapshot: ReviewSnapshot): Promise<void> {
  // No named functions inside: the page gets this source as it is, without the test runner's helpers.
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      // Dexie's version(1) is IndexedDB version 10.
      const request = indexedDB.open('learning-together', 10);
      request.onupgradeneeded = () => {
        const upgrading = request.result;
        if (!upgrading.objectStoreNames.contains('reviews')) upgrading.createObjectStore('reviews', { keyPath: 'id' });
        if (!upgrading.objectStoreNames.contains('records')) {
          upgrading.createObjectStore('records', { keyPath: ['reviewId', 'kind', 'id'] }).createIndex('reviewId', 'reviewId');
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB upgrade blocked'));
    });
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(['reviews', 'records'], 'readwrite');
      transaction.objectStore('reviews').put(rows.review);
      const store = transaction.objectStore('records');
      for (const row of rows.records) store.put(row);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  }, rowsOf(snapshot));
}
