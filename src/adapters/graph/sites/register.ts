// The review register on the LSCB team site: one item per review with nothing identifying in it
// (codename, phase, trigger, dates) and where the review's own lists live.
import { z } from 'zod';
import type { Failure } from '../../../domain/failures';
import { issuesFromZod } from '../../../domain/failures';
import { REVIEW_PHASES, REVIEW_TRIGGERS, type Review } from '../../../domain/model';
import type { ReviewSummary } from '../../../domain/review-summary';
import { CalendarDateSchema, InstantSchema } from '../../../domain/primitives';
import { err, ok, type Result } from '../../../domain/result';
import { failureFromOutcome, responseOf } from '../http/failures';
import { readCollections } from '../http/paging';
import { itemQueryUrl, itemUrl, itemsUrl, selectedColumns } from '../http/urls';
import { decodeColumnValue, type StoredItem } from '../mapping/item-mapper';
import { REGISTER_LIST, REGISTER_STATES, CURRENT_SCHEMA_VERSION, type RegisterState } from '../schema/lists';
import { odataString, type GraphContext } from '../options';

export interface RegisterEntry {
  readonly itemId: string;
  readonly reviewId: string;
  readonly state: RegisterState;
  /** Null while a review is still being set up and its summary is incomplete. */
  readonly summary: ReviewSummary | null;
  readonly channelId: string | null;
  readonly siteId: string | null;
  /** The value of `reviewKey` on the review's items (changes when an import replaces the review). */
  readonly storageKey: string;
  readonly siteSchema: number | null;
  /** When a coordinator archived the review (ADR 0908), or null. */
  readonly archivedAt: string | null;
  /** When the archived review's private channel was removed, or null. */
  readonly channelRemovedAt: string | null;
}

const EntrySchema = z.object({
  reviewId: z.string().min(1),
  state: z.enum(REGISTER_STATES),
  storageKey: z.string().min(1),
  channelId: z.string().nullable(),
  siteId: z.string().nullable(),
  siteSchema: z.number().int().nullable(),
  archivedAt: InstantSchema.nullable().default(null),
  channelRemovedAt: InstantSchema.nullable().default(null),
});

const SummarySchema = z.object({
  codename: z.string().min(1),
  phase: z.enum(REVIEW_PHASES),
  trigger: z.enum(REVIEW_TRIGGERS),
  periodFrom: CalendarDateSchema,
  periodTo: CalendarDateSchema,
  updatedAt: InstantSchema,
  fictional: z.boolean(),
});

const WHAT = `SharePoint list ${REGISTER_LIST.listName}`;

/** Column values from an item, decoded by column kind; empty values are null. */
function plainFields(item: StoredItem): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of REGISTER_LIST.columns) {
    const raw = item.fields[column.name];
    out[column.name] = raw === undefined || raw === null || raw === '' ? (column.kind === 'boolean' ? false : null) : decodeColumnValue(column, raw);
  }
  return out;
}

export function decodeRegisterItem(item: StoredItem): Result<RegisterEntry, Failure> {
  const fields = plainFields(item);
  const entry = EntrySchema.safeParse(fields);
  if (!entry.success) return err({ kind: 'damaged', what: `Item ${item.itemId} in ${WHAT}`, issues: issuesFromZod(entry.error) });
  const summary = SummarySchema.safeParse(fields);
  return ok({
    itemId: item.itemId,
    ...entry.data,
    summary: summary.success
      ? {
          id: entry.data.reviewId as ReviewSummary['id'],
          codename: summary.data.codename,
          trigger: summary.data.trigger,
          phase: summary.data.phase,
          periodUnderReview: { from: summary.data.periodFrom, to: summary.data.periodTo },
          updatedAt: summary.data.updatedAt,
          fictional: summary.data.fictional,
        }
      : null,
  });
}

/** The register columns that summarise a review (written on create, update and import). */
export function summaryFields(review: Review): Record<string, unknown> {
  return {
    Title: review.codename,
    codename: review.codename,
    phase: review.phase,
    trigger: review.trigger,
    periodFrom: `${review.periodUnderReview.from}T00:00:00Z`,
    periodTo: `${review.periodUnderReview.to}T00:00:00Z`,
    updatedAt: review.updatedAt,
    updated: new Date(Date.parse(review.updatedAt)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    fictional: review.fictional,
  };
}

export const summaryMatches = (summary: ReviewSummary | null, review: Review): boolean =>
  summary !== null &&
  summary.codename === review.codename &&
  summary.phase === review.phase &&
  summary.trigger === review.trigger &&
  summary.updatedAt === review.updatedAt &&
  summary.fictional === review.fictional &&
  summary.periodUnderReview.from === review.periodUnderReview.from &&
  summary.periodUnderReview.to === review.periodUnderReview.to;

export const asStoredItem = (value: unknown): StoredItem | undefined => {
  if (value === null || typeof value !== 'object') return undefined;
  const raw = value as { id?: unknown; eTag?: unknown; '@odata.etag'?: unknown; fields?: unknown };
  if (typeof raw.id !== 'string' || raw.fields === null || typeof raw.fields !== 'object') return undefined;
  const eTag = typeof raw.eTag === 'string' ? raw.eTag : typeof raw['@odata.etag'] === 'string' ? raw['@odata.etag'] : '';
  return { itemId: raw.id, eTag, fields: raw.fields as Record<string, unknown> };
};

export class ReviewRegister {
  constructor(
    private readonly context: GraphContext,
    private readonly siteId: () => Promise<Result<string, Failure>>,
  ) {}

  /** Query URL for a review's entry, usable inside a $batch. */
  lookupUrl(siteId: string, reviewId: string): string {
    return itemQueryUrl(siteId, REGISTER_LIST, {
      filter: `fields/reviewId eq ${odataString(reviewId)}`,
      columns: selectedColumns(REGISTER_LIST, CURRENT_SCHEMA_VERSION),
      top: 10,
    });
  }

  /** The entry for a review from a page of register items: active first, then the newest. */
  static pickEntry(items: readonly unknown[]): Result<RegisterEntry | null, Failure> {
    const entries: RegisterEntry[] = [];
    for (const raw of items) {
      const item = asStoredItem(raw);
      if (item === undefined) continue;
      const decoded = decodeRegisterItem(item);
      if (!decoded.ok) return decoded;
      entries.push(decoded.value);
    }
    entries.sort((a, b) => Number(b.state === 'active') - Number(a.state === 'active') || Number(b.itemId) - Number(a.itemId));
    return ok(entries[0] ?? null);
  }

  async find(reviewId: string): Promise<Result<RegisterEntry | null, Failure>> {
    const site = await this.siteId();
    if (!site.ok) return site;
    const read = await readCollections(this.context.transport, [{ key: 'register', url: this.lookupUrl(site.value, reviewId) }]);
    if (!read.ok) return err(failureFromOutcome(read.outcome, 'The review register'));
    return ReviewRegister.pickEntry(read.values.get('register') ?? []);
  }

  async listActive(): Promise<Result<RegisterEntry[], Failure>> {
    return this.listByState('active');
  }

  async listByState(state: RegisterState): Promise<Result<RegisterEntry[], Failure>> {
    const site = await this.siteId();
    if (!site.ok) return site;
    const url = itemQueryUrl(site.value, REGISTER_LIST, {
      filter: `fields/state eq ${odataString(state)}`,
      columns: selectedColumns(REGISTER_LIST, CURRENT_SCHEMA_VERSION),
      top: this.context.pageSize,
    });
    const read = await readCollections(this.context.transport, [{ key: 'register', url }]);
    if (!read.ok) return err(failureFromOutcome(read.outcome, 'The review register'));
    const entries: RegisterEntry[] = [];
    for (const raw of read.values.get('register') ?? []) {
      const item = asStoredItem(raw);
      if (item === undefined) continue;
      const decoded = decodeRegisterItem(item);
      if (!decoded.ok) return decoded;
      entries.push(decoded.value);
    }
    return ok(entries);
  }

  /**
   * Adds an entry. A create whose answer was lost is looked for before being sent again, so a dropped
   * connection never leaves two entries for one review.
   */
  async create(fields: Record<string, unknown> & { reviewId: string }): Promise<Result<RegisterEntry, Failure>> {
    const site = await this.siteId();
    if (!site.ok) return site;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const sent = await this.context.transport.send({ method: 'POST', url: itemsUrl(site.value, REGISTER_LIST), json: { fields } });
      const response = responseOf(sent);
      if (response?.status === 201) {
        const item = asStoredItem(response.body);
        if (item === undefined) return err({ kind: 'unavailable', what: 'The review register', detail: 'an unreadable answer', retryable: true });
        return decodeRegisterItem(item);
      }
      if (sent.kind !== 'dropped') return err(failureFromOutcome(sent, 'The review register'));
      const found = await this.find(fields.reviewId);
      if (!found.ok) return found;
      if (found.value !== null) return ok(found.value);
    }
    return err({ kind: 'unavailable', what: 'The review register', detail: 'the connection to Microsoft Graph was lost', retryable: true });
  }

  /** Changes some columns of an entry. The register is a summary, so the last write wins. */
  async update(entry: RegisterEntry, fields: Record<string, unknown>): Promise<Result<void, Failure>> {
    const site = await this.siteId();
    if (!site.ok) return site;
    const sent = await this.context.transport.send({
      method: 'PATCH',
      url: `${itemUrl(site.value, REGISTER_LIST, entry.itemId)}/fields`,
      json: fields,
      // Setting the same values twice is harmless.
      idempotent: true,
    });
    const response = responseOf(sent);
    if (response?.status === 200) return ok(undefined);
    if (response?.status === 404) return err({ kind: 'notFound', what: 'Review', id: entry.reviewId });
    return err(failureFromOutcome(sent, 'The review register'));
  }

  async remove(entry: RegisterEntry): Promise<Result<void, Failure>> {
    const site = await this.siteId();
    if (!site.ok) return site;
    const sent = await this.context.transport.send({ method: 'DELETE', url: itemUrl(site.value, REGISTER_LIST, entry.itemId) });
    const response = responseOf(sent);
    // A 404 after a retried delete means the first attempt worked.
    if (response?.status === 204 || response?.status === 404) return ok(undefined);
    return err(failureFromOutcome(sent, 'The review register'));
  }
}
