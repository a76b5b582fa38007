import { describe, expect, it } from 'vitest';
import { decodeItem, encodeRecord, type StoredItem } from '../../src/adapters/graph/mapping/item-mapper';
import { CURRENT_SCHEMA_VERSION, COMMON_COLUMNS, recordListSpec, type RecordListKey } from '../../src/adapters/graph/schema';
import { describeFailure } from '../../src/app/failure-messages';
import { CHILD_RECORD_KINDS, COLLECTION_OF_KIND } from '../../src/domain/model';
import { sampleSnapshot } from './sample-review';

/** What SharePoint hands back for written fields: empty values left out. */
function asStored(fields: Record<string, unknown>, payload: string, itemId = '7'): StoredItem {
  const kept = Object.fromEntries(Object.entries({ ...fields, payload }).filter(([, value]) => value !== null && value !== ''));
  return { itemId, eTag: '"{A},1"', fields: kept };
}

function roundTrip(key: RecordListKey, record: Record<string, unknown>, reviewId: string) {
  const spec = recordListSpec(key);
  const encoded = encodeRecord(spec, record, { reviewKey: reviewId, schemaVersion: CURRENT_SCHEMA_VERSION });
  return decodeItem(spec, asStored(encoded.fields, encoded.payload), { reviewId });
}

describe('item mapper', () => {
  const snapshot = sampleSnapshot();

  it('round-trips the review and every kind of record exactly', () => {
    expect(roundTrip('review', snapshot.review, snapshot.review.id)).toEqual({ ok: true, value: snapshot.review });
    for (const kind of CHILD_RECORD_KINDS) {
      const records = snapshot[COLLECTION_OF_KIND[kind]] as unknown as Record<string, unknown>[];
      expect(records.length, kind).toBeGreaterThan(0);
      for (const record of records) {
        expect(roundTrip(kind, record, snapshot.review.id), `${kind} ${String(record.id)}`).toEqual({ ok: true, value: record });
      }
    }
  });

  it('keeps each field in one place: columns for what SharePoint shows, the payload for the rest', () => {
    const participant = snapshot.participants[0]!;
    const encoded = encodeRecord(recordListSpec('participant'), participant, { reviewKey: 'rev-sample', schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(encoded.fields).toMatchObject({ realName: 'Jo Fictional', significance: 'key', letterSentOn: '2025-06-30T00:00:00Z', recordVersion: 1 });
    const payload = JSON.parse(encoded.payload) as Record<string, unknown>;
    expect(payload).toEqual({ createdAt: participant.createdAt, updatedAt: participant.updatedAt, significanceNote: '', otherIdentifiers: ['JF'] });
  });

  it('writes null for an emptied column so that a PATCH clears it', () => {
    const participant = { ...snapshot.participants[0]!, agencyId: null, roleTitle: '' };
    const encoded = encodeRecord(recordListSpec('participant'), participant, { reviewKey: 'k', schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(encoded.fields.agencyId).toBeNull();
    expect(encoded.fields.roleTitle).toBeNull();
  });

  it('reads a date-only column as the Europe/London date, even when SharePoint answers in UTC', () => {
    const participant = snapshot.participants[0]!;
    const spec = recordListSpec('participant');
    const encoded = encodeRecord(spec, participant, { reviewKey: 'k', schemaVersion: CURRENT_SCHEMA_VERSION });
    const stored = asStored({ ...encoded.fields, letterSentOn: '2025-06-29T23:00:00Z' }, encoded.payload);
    const decoded = decodeItem<typeof participant>(spec, stored, { reviewId: participant.reviewId });
    expect(decoded.ok && decoded.value.introductionLetter.on).toBe('2025-06-30');
    const winter = decodeItem<typeof participant>(spec, asStored({ ...encoded.fields, letterSentOn: '2025-01-15T23:30:00Z' }, encoded.payload), {
      reviewId: participant.reviewId,
    });
    expect(winter.ok && winter.value.introductionLetter.on).toBe('2025-01-15');
  });

  it('names the list, the item and the field when an item holds a value the record cannot', () => {
    const spec = recordListSpec('participant');
    const encoded = encodeRecord(spec, snapshot.participants[0]!, { reviewKey: 'k', schemaVersion: CURRENT_SCHEMA_VERSION });
    const decoded = decodeItem(spec, asStored({ ...encoded.fields, significance: 'enormous' }, encoded.payload, '12'), { reviewId: 'rev-sample' });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error).toMatchObject({ kind: 'damaged', what: 'Item 12 in SharePoint list LtParticipants' });
    expect(decoded.error.kind === 'damaged' && decoded.error.issues).toEqual([
      { path: 'significance', message: 'expected one of "notYetKnown", "peripheral", "significant", "key" (column significance)' },
    ]);
    expect(describeFailure(decoded.error)).toContain('Item 12 in SharePoint list LtParticipants');
  });

  it('names a column holding the wrong type of value', () => {
    const spec = recordListSpec('conversation');
    const encoded = encodeRecord(spec, snapshot.conversations[0]!, { reviewKey: 'k', schemaVersion: CURRENT_SCHEMA_VERSION });
    const decoded = decodeItem(spec, asStored({ ...encoded.fields, durationMinutes: 'ninety' }, encoded.payload, '3'), { reviewId: 'rev-sample' });
    expect(!decoded.ok && decoded.error.kind === 'damaged' && decoded.error.issues).toEqual([
      { path: 'durationMinutes', message: 'column durationMinutes holds "ninety", expected a number' },
    ]);
  });

  it('names a required field left empty in SharePoint', () => {
    const spec = recordListSpec('teamMember');
    const encoded = encodeRecord(spec, snapshot.teamMembers[0]!, { reviewKey: 'k', schemaVersion: CURRENT_SCHEMA_VERSION });
    const decoded = decodeItem(spec, asStored({ ...encoded.fields, memberName: null }, encoded.payload, '4'), { reviewId: 'rev-sample' });
    expect(!decoded.ok && decoded.error.kind === 'damaged' && decoded.error.issues[0]?.path).toBe('name');
  });

  it('names a damaged details column', () => {
    const spec = recordListSpec('episode');
    const encoded = encodeRecord(spec, snapshot.episodes[0]!, { reviewKey: 'k', schemaVersion: CURRENT_SCHEMA_VERSION });
    const decoded = decodeItem(spec, asStored(encoded.fields, '{"factors": [', '9'), { reviewId: 'rev-sample' });
    expect(!decoded.ok && decoded.error.kind === 'damaged' && decoded.error.issues).toEqual([
      { path: COMMON_COLUMNS.payload.name, message: 'the details column is not valid JSON' },
    ]);
  });

  it('reads a field from an older item’s payload when its column (added later) is still empty', () => {
    const spec = recordListSpec('teamMember');
    const member = snapshot.teamMembers[0]!;
    const encoded = encodeRecord(spec, member, { reviewKey: 'k', schemaVersion: CURRENT_SCHEMA_VERSION });
    const olderPayload = JSON.stringify({ ...JSON.parse(encoded.payload), profession: 'Nurse (fictional)' });
    const decoded = decodeItem<typeof member>(spec, asStored({ ...encoded.fields, profession: null }, olderPayload), { reviewId: member.reviewId });
    expect(decoded.ok && decoded.value.profession).toBe('Nurse (fictional)');
  });

  it('leaves a schema-2 projection out when writing for a schema-1 site', () => {
    const spec = recordListSpec('conversation');
    const v1 = encodeRecord(spec, snapshot.conversations[0]!, { reviewKey: 'k', schemaVersion: 1 });
    const v2 = encodeRecord(spec, snapshot.conversations[0]!, { reviewKey: 'k', schemaVersion: 2 });
    expect(v1.fields).not.toHaveProperty('scheduledStartAt');
    expect(v2.fields.scheduledStartAt).toBe('2026-04-02T08:30:00Z');
  });
});
