// Reading and writing one review's records as list items in its site: encode/decode through the mapper,
// long details to files, If-Match eTags on every change, and recovery when an answer is lost.
import type { Failure } from '../../../domain/failures';
import { STAMP_FIELDS, stableJson } from '../../../domain/session/merge';
import type { AnyChildRecord, Review } from '../../../domain/model';
import { err, ok, type Result } from '../../../domain/result';
import { recordLabel } from '../../../domain/labels';
import { deletePayload, downloadPayloads, payloadPath, uploadPayload } from '../files/payload-files';
import { failureFromOutcome, responseOf } from '../http/failures';
import { readCollections } from '../http/paging';
import { itemQueryUrl, itemUrl, itemsUrl, selectedColumns } from '../http/urls';
import { decodeItem, encodeRecord, itemIdentity, type StoredItem } from '../mapping/item-mapper';
import { odataString, type GraphContext } from '../options';
import { MULTI_LINE_BUDGET } from '../schema/columns';
import { COMMON_COLUMNS, CURRENT_SCHEMA_VERSION, type RecordListSpec } from '../schema/lists';
import { asStoredItem } from '../sites/register';

export type StoredRecord = Review | AnyChildRecord;

/** Where a review's items are: its site and the reviewKey its items carry. */
export interface ReviewLocation {
  readonly reviewId: string;
  readonly siteId: string;
  readonly storageKey: string;
}

/** What this store last saw of an item: enough to write it with If-Match without reading it again. */
export interface ItemRef {
  readonly itemId: string;
  readonly eTag: string;
  readonly version: number;
  readonly payloadFile: string | null;
}

export class ItemRefCache {
  private readonly refs = new Map<string, ItemRef>();
  private key(location: ReviewLocation, spec: RecordListSpec, recordId: string): string {
    return `${location.siteId}|${location.storageKey}|${spec.listName}|${recordId}`;
  }
  get(location: ReviewLocation, spec: RecordListSpec, recordId: string): ItemRef | undefined {
    return this.refs.get(this.key(location, spec, recordId));
  }
  set(location: ReviewLocation, spec: RecordListSpec, recordId: string, ref: ItemRef): void {
    this.refs.set(this.key(location, spec, recordId), ref);
  }
  delete(location: ReviewLocation, spec: RecordListSpec, recordId: string): void {
    this.refs.delete(this.key(location, spec, recordId));
  }
  /** The record an item holds, from what this store has seen (delta reports a deletion by item id only). */
  recordIdOf(location: ReviewLocation, spec: RecordListSpec, itemId: string): string | undefined {
    const prefix = this.key(location, spec, '');
    for (const [key, ref] of this.refs) if (ref.itemId === itemId && key.startsWith(prefix)) return key.slice(prefix.length);
    return undefined;
  }
}

const fileOf = (item: StoredItem): string | null => {
  const file = item.fields[COMMON_COLUMNS.payloadFile.name];
  return typeof file === 'string' && file !== '' ? file : null;
};

export const refOf = (item: StoredItem): ItemRef | undefined => {
  const identity = itemIdentity(item.fields);
  return identity === undefined ? undefined : { itemId: item.itemId, eTag: item.eTag, version: identity.version, payloadFile: fileOf(item) };
};

const conflict = (spec: RecordListSpec, id: string, current: StoredRecord | null): Failure => ({ kind: 'conflict', recordKind: spec.key, id, current });

const lost = (what: string): Failure => ({ kind: 'unavailable', what, detail: 'the connection to Microsoft Graph was lost', retryable: true });

/** How many times a write whose answer was lost is looked for and tried again. */
const RECOVERY_ATTEMPTS = 3;

export class RecordItems {
  constructor(
    private readonly context: GraphContext,
    readonly refs: ItemRefCache,
  ) {}

  /** The query for every item of a review in one list (first page), for a $batch. */
  reviewItemsUrl(location: ReviewLocation, spec: RecordListSpec): string {
    return itemQueryUrl(location.siteId, spec, {
      filter: `fields/${COMMON_COLUMNS.reviewKey.name} eq ${odataString(location.storageKey)}`,
      columns: selectedColumns(spec, CURRENT_SCHEMA_VERSION),
      top: this.context.pageSize,
    });
  }

  /** Decodes items (fetching long details from their files, several at a time) and remembers their eTags. */
  async decodeAll<T extends StoredRecord>(location: ReviewLocation, spec: RecordListSpec, rawItems: readonly unknown[]): Promise<Result<T[], Failure>> {
    const items = rawItems.flatMap((raw) => {
      const item = asStoredItem(raw);
      return item === undefined ? [] : [item];
    });
    const downloaded = await downloadPayloads(
      this.context,
      location.siteId,
      items.flatMap((item) => fileOf(item) ?? []),
    );
    if (!downloaded.ok) return downloaded;
    const records: T[] = [];
    for (const item of items) {
      const file = fileOf(item);
      const decoded = decodeItem<T>(spec, item, { reviewId: location.reviewId, payloadText: file === null ? undefined : downloaded.value.get(file) });
      if (!decoded.ok) return decoded;
      records.push(decoded.value);
      const ref = refOf(item);
      if (ref !== undefined) this.refs.set(location, spec, decoded.value.id, ref);
    }
    return ok(records);
  }

  /** The item holding a record now, read fresh, or null when there is none. */
  async fetchCurrent<T extends StoredRecord>(location: ReviewLocation, spec: RecordListSpec, recordId: string): Promise<Result<{ ref: ItemRef; record: T } | null, Failure>> {
    const url = itemQueryUrl(location.siteId, spec, {
      filter: `fields/${COMMON_COLUMNS.recordId.name} eq ${odataString(recordId)}`,
      columns: selectedColumns(spec, CURRENT_SCHEMA_VERSION),
      top: 50,
    });
    const read = await readCollections(this.context.transport, [{ key: 'current', url }]);
    if (!read.ok) return err(failureFromOutcome(read.outcome, recordLabel(spec.key)));
    // Record ids are unique within a review; other reviews (or an earlier import) in the same site are skipped.
    const mine = (read.values.get('current') ?? []).filter(
      (raw) => asStoredItem(raw)?.fields[COMMON_COLUMNS.reviewKey.name] === location.storageKey,
    );
    if (mine.length === 0) {
      this.refs.delete(location, spec, recordId);
      return ok(null);
    }
    const decoded = await this.decodeAll<T>(location, spec, mine.slice(0, 1));
    if (!decoded.ok) return decoded;
    const record = decoded.value[0];
    const ref = this.refs.get(location, spec, recordId);
    return record === undefined || ref === undefined ? ok(null) : ok({ ref, record });
  }

  /** Column values for a record, with its details in the item or, when too long, in a file. */
  private async fieldsFor(location: ReviewLocation, spec: RecordListSpec, record: StoredRecord): Promise<Result<{ fields: Record<string, unknown>; file: string | null }, Failure>> {
    const encoded = encodeRecord(spec, record, { reviewKey: location.storageKey, schemaVersion: CURRENT_SCHEMA_VERSION });
    if (encoded.payload.length <= MULTI_LINE_BUDGET) {
      return ok({ fields: { ...encoded.fields, [COMMON_COLUMNS.payload.name]: encoded.payload, [COMMON_COLUMNS.payloadFile.name]: null }, file: null });
    }
    const uploaded = await uploadPayload(this.context, location.siteId, payloadPath(spec.listName, record.id, record.version), encoded.payload);
    if (!uploaded.ok) return uploaded;
    return ok({ fields: { ...encoded.fields, [COMMON_COLUMNS.payload.name]: null, [COMMON_COLUMNS.payloadFile.name]: uploaded.value }, file: uploaded.value });
  }

  /**
   * Adds a record's item. The record id is ours, so an item whose creation answer was lost is found by it
   * and never made twice. A record already there is `alreadyExists`.
   */
  async create<T extends StoredRecord>(location: ReviewLocation, spec: RecordListSpec, record: T): Promise<Result<T, Failure>> {
    const what = recordLabel(spec.key);
    const existing = await this.fetchCurrent(location, spec, record.id);
    if (!existing.ok) return existing;
    if (existing.value !== null) return err({ kind: 'alreadyExists', what, id: record.id });
    const stored = { ...record, version: 1 } as T;
    const write = await this.fieldsFor(location, spec, stored);
    if (!write.ok) return write;
    for (let attempt = 0; attempt < RECOVERY_ATTEMPTS; attempt += 1) {
      const sent = await this.context.transport.send({ method: 'POST', url: itemsUrl(location.siteId, spec), json: { fields: write.value.fields } });
      const response = responseOf(sent);
      if (response?.status === 201) {
        const item = asStoredItem(response.body);
        if (item !== undefined) this.refs.set(location, spec, record.id, { itemId: item.itemId, eTag: item.eTag, version: 1, payloadFile: write.value.file });
        return ok(stored);
      }
      if (sent.kind !== 'dropped') return err(failureFromOutcome(sent, what));
      const found = await this.fetchCurrent(location, spec, record.id);
      if (!found.ok) return found;
      if (found.value !== null) return ok(stored);
    }
    return err(lost(what));
  }

  /** Saves a record read at `record.version`: stale → conflict with what is stored now; nothing is overwritten. */
  async update<T extends StoredRecord>(location: ReviewLocation, spec: RecordListSpec, record: T): Promise<Result<T, Failure>> {
    const what = recordLabel(spec.key);
    let ref = this.refs.get(location, spec, record.id);
    if (ref === undefined || ref.version !== record.version) {
      const current = await this.fetchCurrent<T>(location, spec, record.id);
      if (!current.ok) return current;
      if (current.value === null) return err({ kind: 'notFound', what, id: record.id });
      if (current.value.ref.version !== record.version) return err(conflict(spec, record.id, current.value.record));
      ref = current.value.ref;
    }
    const stored = { ...record, version: record.version + 1 } as T;
    const write = await this.fieldsFor(location, spec, stored);
    if (!write.ok) return write;
    for (let attempt = 0; attempt < RECOVERY_ATTEMPTS; attempt += 1) {
      const sent = await this.context.transport.send({
        method: 'PATCH',
        url: `${itemUrl(location.siteId, spec, ref.itemId)}/fields`,
        headers: { 'if-match': ref.eTag },
        json: write.value.fields,
      });
      const response = responseOf(sent);
      if (response?.status === 200) {
        const eTag = (response.body as { '@odata.etag'?: unknown } | null)?.['@odata.etag'] ?? response.headers.etag;
        this.refs.set(location, spec, record.id, { itemId: ref.itemId, eTag: typeof eTag === 'string' ? eTag : '', version: stored.version, payloadFile: write.value.file });
        if (ref.payloadFile !== null && ref.payloadFile !== write.value.file) await deletePayload(this.context, location.siteId, ref.payloadFile);
        return ok(stored);
      }
      // 409 resourceModified is SharePoint's save conflict: it can come even when the eTag still matched.
      if (response?.status === 412 || response?.status === 409 || response?.status === 404 || sent.kind === 'dropped') {
        const current = await this.fetchCurrent<T>(location, spec, record.id);
        if (!current.ok) return current;
        if (current.value === null) return err({ kind: 'notFound', what, id: record.id });
        // Versions alone cannot tell: a colleague's save makes the same next version. The content must be ours too.
        if (sent.kind === 'dropped' && current.value.ref.version === stored.version && current.value.ref.payloadFile === write.value.file && sameContent(current.value.record, stored)) {
          // Our change landed; only the answer was lost (or was a 5xx after the change was made).
          this.refs.set(location, spec, record.id, current.value.ref);
          return ok(stored);
        }
        const untouched = current.value.ref.version === record.version && current.value.ref.eTag === ref.eTag;
        if ((sent.kind === 'dropped' || response?.status === 409) && untouched) {
          await this.context.transport.sleep(this.context.transport.policy.baseBackoffMs * (attempt + 1));
          continue;
        }
        if (write.value.file !== null) await deletePayload(this.context, location.siteId, write.value.file);
        return err(conflict(spec, record.id, current.value.record));
      }
      if (write.value.file !== null) await deletePayload(this.context, location.siteId, write.value.file);
      return err(failureFromOutcome(sent, what));
    }
    return err(lost(what));
  }

  /** Removes a record's item if it is still at `expectedVersion`. */
  async remove(location: ReviewLocation, spec: RecordListSpec, recordId: string, expectedVersion: number): Promise<Result<void, Failure>> {
    const what = recordLabel(spec.key);
    let ref = this.refs.get(location, spec, recordId);
    if (ref === undefined || ref.version !== expectedVersion) {
      const current = await this.fetchCurrent(location, spec, recordId);
      if (!current.ok) return current;
      if (current.value === null) return err({ kind: 'notFound', what, id: recordId });
      if (current.value.ref.version !== expectedVersion) return err(conflict(spec, recordId, current.value.record));
      ref = current.value.ref;
    }
    for (let attempt = 0; attempt < RECOVERY_ATTEMPTS; attempt += 1) {
      const sent = await this.context.transport.send({
        method: 'DELETE',
        url: itemUrl(location.siteId, spec, ref.itemId),
        headers: { 'if-match': ref.eTag },
        // Not repeated blindly: a repeat after a lost answer would meet a 404 and look like someone else's delete.
        idempotent: false,
      });
      const status = responseOf(sent)?.status;
      if (status === 204 || status === 200) {
        this.refs.delete(location, spec, recordId);
        if (ref.payloadFile !== null) await deletePayload(this.context, location.siteId, ref.payloadFile);
        return ok(undefined);
      }
      if (status === 412 || status === 404 || sent.kind === 'dropped') {
        const current = await this.fetchCurrent(location, spec, recordId);
        if (!current.ok) return current;
        if (current.value === null) {
          if (sent.kind === 'dropped') {
            if (ref.payloadFile !== null) await deletePayload(this.context, location.siteId, ref.payloadFile);
            return ok(undefined);
          }
          return err({ kind: 'notFound', what, id: recordId });
        }
        if (sent.kind === 'dropped' && current.value.ref.eTag === ref.eTag) continue;
        return err(conflict(spec, recordId, current.value.record));
      }
      return err(failureFromOutcome(sent, what));
    }
    return err(lost(what));
  }
}

/** Two versions of a record with the same content, the stamps aside (who saved it and when is the store's). */
function sameContent(a: StoredRecord, b: StoredRecord): boolean {
  const content = (record: StoredRecord) => stableJson(Object.fromEntries(Object.entries(record).filter(([key]) => !STAMP_FIELDS.has(key))));
  return content(a) === content(b);
}
