// Invariants of the one schema definition: SharePoint-valid names, indexes on every filtered column,
// nothing indexed that SharePoint cannot index, and migrations that only add.
import { describe, expect, it } from 'vitest';
import {
  COMMON_COLUMNS,
  CURRENT_SCHEMA_VERSION,
  LSCB_SITE_LISTS,
  REGISTER_LIST,
  REVIEW_SITE_LISTS,
  SCHEMA_VERSIONS,
  columnsAt,
  isRecordList,
  listCreationBody,
  listsAt,
  migrationSteps,
} from '../../src/adapters/graph/schema';
import { reviewChannelName } from '../../src/adapters/graph/sites/review-sites';
import { sampleSnapshot } from './sample-review';

const ALL_LISTS = [...REVIEW_SITE_LISTS, ...LSCB_SITE_LISTS];

describe('schema', () => {
  it('names lists and columns the way SharePoint and Graph paths accept', () => {
    const listNames = ALL_LISTS.map((spec) => spec.listName);
    for (const name of listNames) expect(name).toMatch(/^Lt[A-Za-z]+$/);
    expect(new Set(REVIEW_SITE_LISTS.map((spec) => spec.listName)).size).toBe(REVIEW_SITE_LISTS.length);
    for (const spec of ALL_LISTS) {
      const columns = columnsAt(spec, CURRENT_SCHEMA_VERSION);
      for (const column of columns) expect(column.spec.name, `${spec.listName}.${column.spec.name}`).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/);
      const names = columns.map((column) => column.spec.name.toLowerCase());
      expect(new Set(names).size, spec.listName).toBe(names.length);
      expect(names).not.toContain('title');
    }
  });

  it('indexes every column the store filters on, and no multi-line column', () => {
    for (const spec of ALL_LISTS.filter(isRecordList)) {
      const indexed = columnsAt(spec, CURRENT_SCHEMA_VERSION)
        .filter((column) => column.indexed)
        .map((column) => column.spec.name);
      expect(indexed, spec.listName).toEqual(expect.arrayContaining([COMMON_COLUMNS.reviewKey.name, COMMON_COLUMNS.recordId.name]));
    }
    const register = columnsAt(REGISTER_LIST, CURRENT_SCHEMA_VERSION)
      .filter((column) => column.indexed)
      .map((column) => column.spec.name);
    expect(register.sort()).toEqual(['reviewId', 'state']);
    for (const spec of ALL_LISTS) {
      for (const column of columnsAt(spec, CURRENT_SCHEMA_VERSION)) {
        if (column.spec.kind === 'multilineText') expect(column.indexed, `${spec.listName}.${column.spec.name}`).toBe(false);
      }
    }
  });

  it('creates each list with all its columns in one request', () => {
    for (const spec of ALL_LISTS) {
      const body = listCreationBody(spec, CURRENT_SCHEMA_VERSION) as { displayName: string; columns: Array<{ name: string; indexed: boolean }>; list: unknown };
      expect(body.displayName).toBe(spec.listName);
      expect(body.list).toEqual({ template: 'genericList' });
      expect(body.columns.map((column) => column.name)).toEqual(columnsAt(spec, CURRENT_SCHEMA_VERSION).map((column) => column.spec.name));
    }
  });

  it('only ever adds between versions', () => {
    expect(SCHEMA_VERSIONS).toEqual([1, 2, 3]);
    for (const layout of ['review', 'lscb'] as const) {
      for (let version = 2; version <= CURRENT_SCHEMA_VERSION; version += 1) {
        const before = listsAt(layout, version - 1);
        const after = listsAt(layout, version);
        for (const list of before) {
          const later = after.find((candidate) => candidate.spec.listName === list.spec.listName);
          expect(later, list.spec.listName).toBeDefined();
          for (const column of list.columns) {
            const kept = later?.columns.find((candidate) => candidate.spec.name === column.spec.name);
            expect(kept?.spec.kind, `${list.spec.listName}.${column.spec.name}`).toBe(column.spec.kind);
            if (column.indexed) expect(kept?.indexed).toBe(true);
          }
        }
      }
    }
    expect(migrationSteps('lscb', 1, 2)).toEqual([]);
  });

  it('names a review’s channel within Teams’ 50 characters, without punctuation the files API trips over', () => {
    const review = { ...sampleSnapshot().review, codename: 'Kestrel / “Harbour” & Sons: a very long codename indeed, over thirty characters' };
    const name = reviewChannelName(review);
    expect(name.length).toBeLessThanOrEqual(50);
    expect(name).toMatch(/^Review Kestrel Harbour Sons a very lo [0-9a-z]{7}$/);
    expect(reviewChannelName(review)).toBe(name);
    expect(reviewChannelName({ ...review, id: 'rev-other' as typeof review.id })).not.toBe(name);
  });
});
