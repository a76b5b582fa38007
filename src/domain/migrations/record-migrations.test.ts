import { describe, expect, it } from 'vitest';
import { migrateRecord, RECORD_MIGRATIONS, type RecordMigrations } from './record-migrations';

const none = {
  review: {},
  teamMember: {},
  participant: {},
  document: {},
  conversation: {},
  stepNote: {},
  narrativeEntry: {},
  episode: {},
  pattern: {},
  recommendation: {},
  reportStage: {},
  comment: {},
  audit: {},
  meeting: {},
  identifier: {},
  languageDismissal: {},
};

/** A made-up history: v1 had `fullName`, v2 split it, v3 added `pronouns`. */
const history: RecordMigrations = {
  ...none,
  teamMember: {
    1: ({ fullName, ...rest }) => ({ ...rest, name: fullName }),
    2: (record) => ({ ...record, pronouns: '' }),
  },
};

describe('record-level migrations', () => {
  it('has a step table for every record kind, lifting version 1 to 2', () => {
    expect(Object.keys(RECORD_MIGRATIONS).sort()).toEqual(Object.keys(none).sort());
    expect(migrateRecord('participant', { schemaVersion: 1, id: 'par-1' })).toEqual({ ok: true, value: { schemaVersion: 2, id: 'par-1' } });
    expect(migrateRecord('participant', { schemaVersion: 2, id: 'par-1' })).toEqual({ ok: true, value: { schemaVersion: 2, id: 'par-1' } });
  });

  it('applies each step in turn and stamps the new version', () => {
    expect(migrateRecord('teamMember', { schemaVersion: 1, fullName: 'Ada (fictional)' }, history, 3)).toEqual({
      ok: true,
      value: { schemaVersion: 3, name: 'Ada (fictional)', pronouns: '' },
    });
    expect(migrateRecord('teamMember', { schemaVersion: 2, name: 'Ada (fictional)' }, history, 3)).toEqual({
      ok: true,
      value: { schemaVersion: 3, name: 'Ada (fictional)', pronouns: '' },
    });
  });

  it('refuses a record newer than this app, and a gap in the history', () => {
    expect(migrateRecord('teamMember', { schemaVersion: 4 }, history, 3)).toEqual({ ok: false, error: { kind: 'newerThanSupported', found: 4, supported: 3 } });
    expect(migrateRecord('participant', { schemaVersion: 1 }, history, 3)).toEqual({ ok: false, error: { kind: 'noMigration', from: 1 } });
  });

  it('leaves anything without a usable version for validation to name', () => {
    for (const record of [null, 'text', [], { schemaVersion: 'one' }, { schemaVersion: 1.5 }, { schemaVersion: -1 }, {}]) {
      expect(migrateRecord('teamMember', record, history, 3)).toEqual({ ok: true, value: record });
    }
  });
});
