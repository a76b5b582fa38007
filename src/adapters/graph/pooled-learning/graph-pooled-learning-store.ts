// Microsoft 365 mode's pooled learning: the LSCB team site's LtPooledLearning list (provisioned with the register),
// one item per source and review, its record as JSON in `findings` and its identity in the indexed `reviewRef`
// (ADR 1401). Every call goes through the one Graph client.
import { issuesFromZod, type Failure } from '../../../domain/failures';
import { PooledReviewFindingsSchema, pooledRecordId, type PooledReviewFindings } from '../../../domain/pooling/pooled-findings';
import { err, ok, type Result } from '../../../domain/result';
import type { PooledLearningStore } from '../../../ports/pooled-learning-store';
import { failureFromOutcome, responseOf } from '../http/failures';
import { readCollections } from '../http/paging';
import type { GraphTransport } from '../http/transport';
import { itemQueryUrl, itemUrl, itemsUrl } from '../http/urls';
import { odataString } from '../options';
import { POOLED_LEARNING_LIST } from '../schema/lists';
import { asStoredItem } from '../sites/register';

const WHAT = 'The pooled learning list';
const COLUMNS = ['reviewRef', 'pooledOn', 'findings'] as const;

interface PooledItem {
  readonly itemId: string;
  readonly reviewRef: string;
  readonly findings: unknown;
}

export interface GraphPooledLearningOptions {
  readonly transport: GraphTransport;
  /** The LSCB team site's id (the register's site). */
  readonly siteId: () => Promise<Result<string, Failure>>;
  readonly pageSize?: number;
}

function itemOf(raw: unknown): PooledItem | undefined {
  const item = asStoredItem(raw);
  if (item === undefined) return undefined;
  const reviewRef = item.fields.reviewRef;
  const text = item.fields.findings;
  if (typeof reviewRef !== 'string') return undefined;
  let findings: unknown = null;
  if (typeof text === 'string') {
    try {
      findings = JSON.parse(text);
    } catch {
      findings = null;
    }
  }
  return { itemId: item.itemId, reviewRef, findings };
}

function decode(item: PooledItem): Result<PooledReviewFindings, Failure> {
  const parsed = PooledReviewFindingsSchema.safeParse(item.findings);
  return parsed.success ? ok(parsed.data) : err({ kind: 'damaged', what: `Item ${item.itemId} in ${WHAT}`, issues: issuesFromZod(parsed.error) });
}

export class GraphPooledLearningStore implements PooledLearningStore {
  constructor(private readonly options: GraphPooledLearningOptions) {}

  private async items(siteId: string, reviewRef?: string): Promise<Result<PooledItem[], Failure>> {
    const url = itemQueryUrl(siteId, POOLED_LEARNING_LIST, {
      filter: reviewRef === undefined ? undefined : `fields/reviewRef eq ${odataString(reviewRef)}`,
      columns: COLUMNS,
      top: this.options.pageSize ?? 1000,
    });
    const read = await readCollections(this.options.transport, [{ key: 'pooled', url }]);
    if (!read.ok) return err(failureFromOutcome(read.outcome, WHAT));
    return ok((read.values.get('pooled') ?? []).flatMap((raw) => itemOf(raw) ?? []));
  }

  async put(record: PooledReviewFindings): Promise<Result<void, Failure>> {
    const parsed = PooledReviewFindingsSchema.safeParse(record);
    if (!parsed.success) return err({ kind: 'invalid', what: 'Pooled findings', issues: issuesFromZod(parsed.error) });
    const site = await this.options.siteId();
    if (!site.ok) return site;
    const reviewRef = pooledRecordId(parsed.data);
    const fields = { Title: parsed.data.reviewKey, reviewRef, pooledOn: parsed.data.pooledOn, findings: JSON.stringify(parsed.data) };
    const held = await this.items(site.value, reviewRef);
    if (!held.ok) return held;
    const [first, ...extra] = held.value.sort((a, b) => Number(a.itemId) - Number(b.itemId));
    if (first !== undefined) {
      const sent = await this.options.transport.send({
        method: 'PATCH',
        url: `${itemUrl(site.value, POOLED_LEARNING_LIST, first.itemId)}/fields`,
        json: fields,
        // The same findings written twice are the same item: replacing is safe to repeat.
        idempotent: true,
      });
      if (responseOf(sent)?.status !== 200) return err(failureFromOutcome(sent, WHAT));
      // Two writers racing can leave a second item; the older one stays, the rest go.
      for (const item of extra) {
        const removed = await this.remove(site.value, item.itemId);
        if (!removed.ok) return removed;
      }
      return ok(undefined);
    }
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const sent = await this.options.transport.send({ method: 'POST', url: itemsUrl(site.value, POOLED_LEARNING_LIST), json: { fields } });
      if (responseOf(sent)?.status === 201) return ok(undefined);
      if (sent.kind !== 'dropped') return err(failureFromOutcome(sent, WHAT));
      // A lost answer: look before sending again, so one review never has two items.
      const found = await this.items(site.value, reviewRef);
      if (!found.ok) return found;
      if (found.value.length > 0) return ok(undefined);
    }
    return err({ kind: 'unavailable', what: WHAT, detail: 'the connection to Microsoft Graph was lost', retryable: true });
  }

  async putMany(records: readonly PooledReviewFindings[]): Promise<Result<number, Failure>> {
    let written = 0;
    for (const record of records) {
      const put = await this.put(record);
      if (!put.ok) return put;
      written += 1;
    }
    return ok(written);
  }

  private async remove(siteId: string, itemId: string): Promise<Result<void, Failure>> {
    const sent = await this.options.transport.send({ method: 'DELETE', url: itemUrl(siteId, POOLED_LEARNING_LIST, itemId) });
    const status = responseOf(sent)?.status;
    // A 404 after a retried delete means the first attempt worked.
    return status === 204 || status === 404 ? ok(undefined) : err(failureFromOutcome(sent, WHAT));
  }

  async withdraw(source: string, reviewKey: string): Promise<Result<boolean, Failure>> {
    const site = await this.options.siteId();
    if (!site.ok) return site;
    const held = await this.items(site.value, pooledRecordId({ source, reviewKey }));
    if (!held.ok) return held;
    for (const item of held.value) {
      const removed = await this.remove(site.value, item.itemId);
      if (!removed.ok) return removed;
    }
    return ok(held.value.length > 0);
  }

  async get(source: string, reviewKey: string): Promise<Result<PooledReviewFindings | null, Failure>> {
    const site = await this.options.siteId();
    if (!site.ok) return site;
    const held = await this.items(site.value, pooledRecordId({ source, reviewKey }));
    if (!held.ok) return held;
    const first = held.value.sort((a, b) => Number(a.itemId) - Number(b.itemId))[0];
    return first === undefined ? ok(null) : decode(first);
  }

  async list(): Promise<Result<readonly PooledReviewFindings[], Failure>> {
    const site = await this.options.siteId();
    if (!site.ok) return site;
    const held = await this.items(site.value);
    if (!held.ok) return held;
    const byRef = new Map<string, PooledReviewFindings>();
    for (const item of held.value.sort((a, b) => Number(b.itemId) - Number(a.itemId))) {
      const record = decode(item);
      if (!record.ok) return record;
      byRef.set(item.reviewRef, record.value);
    }
    return ok([...byRef.values()]);
  }
}

/** The pooled learning store over the one Graph client, on the LSCB team site (an id or hostname:/path, resolved once). */
export function createGraphPooledLearningStore(transport: GraphTransport, registerSiteId: string, pageSize?: number): GraphPooledLearningStore {
  let site: string | undefined;
  const siteId = async (): Promise<Result<string, Failure>> => {
    if (site !== undefined) return ok(site);
    if (!registerSiteId.includes(':/')) return ok((site = registerSiteId));
    const sent = await transport.send({ method: 'GET', url: `/sites/${registerSiteId}?$select=id` });
    const id = (responseOf(sent)?.body as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return err(failureFromOutcome(sent, 'The LSCB team site'));
    return ok((site = id));
  };
  return new GraphPooledLearningStore({ transport, siteId, pageSize });
}
