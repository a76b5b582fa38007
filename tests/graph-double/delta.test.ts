import { describe, expect, it } from 'vitest';
import { asRecord, call, errorCode, installGraphDouble, valueOf, type Harness } from './test-support';

const harness = installGraphDouble();

function seedList(h: Harness, count: number): string {
  const list = h.double.seedList(h.tenant.siteId, { displayName: 'Actions', columns: [{ name: 'Score', number: {} }] });
  for (let index = 0; index < count; index += 1) h.double.seedListItem(h.tenant.siteId, list.id, { Title: `Action ${index}`, Score: index });
  return list.id;
}

/** Follows nextLinks to the deltaLink, checking no page carries both. */
async function drain(h: Harness, start: string): Promise<{ items: Array<Record<string, unknown>>; deltaLink: string; pages: number }> {
  const items: Array<Record<string, unknown>> = [];
  let url = start;
  for (let pages = 1; ; pages += 1) {
    const page = await call('GET', url, { token: h.token });
    expect(page.status).toBe(200);
    const body = asRecord(page.body);
    items.push(...valueOf(page));
    const next = body['@odata.nextLink'];
    const delta = body['@odata.deltaLink'];
    expect(next === undefined || delta === undefined).toBe(true);
    if (delta !== undefined) return { items, deltaLink: String(delta), pages };
    expect(next).toBeDefined();
    url = String(next);
  }
}

describe('list item delta', () => {
  it('enumerates current items over pages that end with a deltaLink (never both links on a page)', async () => {
    const h = harness();
    const listId = seedList(h, 25);
    const { items, deltaLink, pages } = await drain(h, `/sites/${h.tenant.siteId}/lists/${listId}/items/delta?$top=10&expand=fields`);
    expect(pages).toBe(3);
    expect(items.map((item) => item.id)).toEqual(Array.from({ length: 25 }, (_, index) => String(index + 1)));
    expect(asRecord(items[0]?.fields).Title).toBe('Action 0');
    expect(items[0]?.lastModifiedBy).toBeUndefined();
    expect(deltaLink).toMatch(/\/items\/delta\?token=/);
  });

  it('token=latest returns an empty value and a deltaLink that later reports changes and deletions', async () => {
    const h = harness();
    const listId = seedList(h, 3);
    const latest = await call('GET', `/sites/${h.tenant.siteId}/lists/${listId}/items/delta?token=latest`, { token: h.token });
    expect(valueOf(latest)).toEqual([]);
    const deltaLink = String(asRecord(latest.body)['@odata.deltaLink']);

    const base = `/sites/${h.tenant.siteId}/lists/${listId}/items`;
    await call('PATCH', `${base}/2/fields`, { token: h.token, body: { Score: 200 } });
    await call('DELETE', `${base}/3`, { token: h.token });
    await call('POST', base, { token: h.token, body: { fields: { Title: 'New' } } });

    const changes = await drain(h, deltaLink);
    expect(changes.items.map((item) => item.id)).toEqual(['2', '3', '4']);
    expect(changes.items[1]).toEqual({ id: '3', parentReference: { siteId: h.tenant.siteId }, deleted: { state: 'deleted' } });
    expect(changes.items[0]?.deleted).toBeUndefined();

    const nothingNew = await drain(h, changes.deltaLink);
    expect(nothingNew.items).toEqual([]);
  });

  it('answers 410 Gone with a Location and resyncChangesApplyDifferences for expired or unknown tokens', async () => {
    const h = harness();
    const listId = seedList(h, 2);
    const first = await drain(h, `/sites/${h.tenant.siteId}/lists/${listId}/items/delta`);
    h.double.expireDeltaTokens();
    const gone = await call('GET', first.deltaLink, { token: h.token });
    expect(gone.status).toBe(410);
    expect(errorCode(gone)).toBe('resyncChangesApplyDifferences');
    const location = gone.headers.get('location');
    expect(location).toBe(`https://graph.microsoft.com/v1.0/sites/${h.tenant.siteId}/lists/${listId}/items/delta`);
    const restart = await drain(h, location ?? '');
    expect(restart.items).toHaveLength(2);

    const unknown = await call('GET', `/sites/${h.tenant.siteId}/lists/${listId}/items/delta?token=made-up`, { token: h.token });
    expect(unknown.status).toBe(410);
  });

  it('costs one resource unit with a token and two for the first enumeration', async () => {
    const h = harness();
    const listId = seedList(h, 1);
    h.double.clearRequestLog();
    const first = await drain(h, `/sites/${h.tenant.siteId}/lists/${listId}/items/delta`);
    await drain(h, first.deltaLink);
    expect(h.double.requests.map((entry) => entry.resourceUnits)).toEqual([2, 1]);
    expect(h.double.resourceUnits).toBe(3);
  });
});
