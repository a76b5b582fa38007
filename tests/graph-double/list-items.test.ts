import { describe, expect, it } from 'vitest';
import { MULTI_LINE_TEXT_MAX_LENGTH, SINGLE_LINE_TEXT_MAX_LENGTH } from './engine/columns';
import { HONOR_NON_INDEXED } from './engine/list-items';
import { REVIEW_COLUMNS, asRecord, call, errorCode, installGraphDouble, valueOf, type Harness } from './test-support';

const harness = installGraphDouble();

async function createReviewsList({ token, tenant }: Harness): Promise<string> {
  const result = await call('POST', `/sites/${tenant.siteId}/lists`, {
    token,
    body: { displayName: 'Case Reviews', columns: REVIEW_COLUMNS, list: { template: 'genericList' } },
  });
  expect(result.status).toBe(201);
  return String(asRecord(result.body).id);
}

describe('lists and columns', () => {
  it('creates a genericList (201), refuses a duplicate displayName with 409 nameAlreadyExists', async () => {
    const h = harness();
    const listId = await createReviewsList(h);
    expect(listId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await call('POST', `/sites/${h.tenant.siteId}/lists`, { token: h.token, body: { displayName: 'case reviews' } });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('nameAlreadyExists');
  });

  it('addresses a list by id or display name, and expands its columns', async () => {
    const h = harness();
    const listId = await createReviewsList(h);
    const byName = await call('GET', `/sites/${h.tenant.siteId}/lists/Case Reviews?expand=columns`, { token: h.token });
    expect(asRecord(byName.body).id).toBe(listId);
    const columns = asRecord(byName.body).columns as Array<Record<string, unknown>>;
    expect(columns.find((column) => column.name === 'Notes')?.text).toMatchObject({ allowMultipleLines: true, maxLength: MULTI_LINE_TEXT_MAX_LENGTH });
    expect(columns.find((column) => column.name === 'CaseRef')?.indexed).toBe(true);
  });

  it('adds a column and indexes it later with PATCH; multi-line text cannot be indexed', async () => {
    const h = harness();
    const listId = await createReviewsList(h);
    const added = await call('POST', `/sites/${h.tenant.siteId}/lists/${listId}/columns`, { token: h.token, body: { name: 'Panel', text: {} } });
    expect(added.status).toBe(201);
    expect(asRecord(added.body).indexed).toBe(false);
    const patched = await call('PATCH', `/sites/${h.tenant.siteId}/lists/${listId}/columns/${String(asRecord(added.body).id)}`, { token: h.token, body: { indexed: true } });
    expect(patched.status).toBe(200);
    expect(asRecord(patched.body).indexed).toBe(true);
    const notes = await call('PATCH', `/sites/${h.tenant.siteId}/lists/${listId}/columns/Notes`, { token: h.token, body: { indexed: true } });
    expect(notes.status).toBe(400);
    const duplicate = await call('POST', `/sites/${h.tenant.siteId}/lists/${listId}/columns`, { token: h.token, body: { name: 'panel', number: {} } });
    expect(duplicate.status).toBe(409);
  });
});

describe('list item CRUD', () => {
  it('creates (201, integer ids, eTag), reads with expand=fields(select=…), patches (200 full fieldValueSet) and deletes (204, no body)', async () => {
    const h = harness();
    const listId = await createReviewsList(h);
    const base = `/sites/${h.tenant.siteId}/lists/${listId}/items`;
    const first = await call('POST', base, { token: h.token, body: { fields: { Title: 'Review A', CaseRef: 'CR-1', Status: 'Open', Score: 3 } } });
    const second = await call('POST', base, { token: h.token, body: { fields: { Title: 'Review B' } } });
    expect(first.status).toBe(201);
    expect(asRecord(first.body).id).toBe('1');
    expect(asRecord(second.body).id).toBe('2');
    const eTag = String(asRecord(first.body).eTag);
    expect(eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(first.headers.get('etag')).toBe(eTag);

    const narrowed = await call('GET', `${base}/1?$expand=fields($select=CaseRef,Score)`, { token: h.token });
    expect(asRecord(narrowed.body).fields).toEqual({ '@odata.etag': eTag, CaseRef: 'CR-1', Score: 3 });
    const narrowedNoDollar = await call('GET', `${base}/1?expand=fields(select=Status)`, { token: h.token });
    expect(asRecord(narrowedNoDollar.body).fields).toEqual({ '@odata.etag': eTag, Status: 'Open' });

    const patched = await call('PATCH', `${base}/1/fields`, { token: h.token, body: { Score: 5 } });
    expect(patched.status).toBe(200);
    expect(asRecord(patched.body)).toMatchObject({ Title: 'Review A', CaseRef: 'CR-1', Status: 'Open', Score: 5, id: '1', _UIVersionString: '2.0' });
    expect(patched.headers.get('etag')).toMatch(/,2"$/);

    const deleted = await call('DELETE', `${base}/2`, { token: h.token });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expect((await call('GET', `${base}/2`, { token: h.token })).status).toBe(404);
    expect(h.double.listItems(h.tenant.siteId, 'Case Reviews').map((item) => item.id)).toEqual(['1']);
  });

  it('refuses unknown field names, wrong types, bad choices and over-long text with 400', async () => {
    const h = harness();
    const listId = await createReviewsList(h);
    const base = `/sites/${h.tenant.siteId}/lists/${listId}/items`;
    const unknown = await call('POST', base, { token: h.token, body: { fields: { Colour: 'Blue' } } });
    expect(unknown.status).toBe(400);
    expect(asRecord(asRecord(unknown.body).error).message).toBe("Field 'Colour' is not recognized");
    expect((await call('POST', base, { token: h.token, body: { fields: { Score: 'three' } } })).status).toBe(400);
    expect((await call('POST', base, { token: h.token, body: { fields: { Status: 'Pending' } } })).status).toBe(400);
    expect((await call('POST', base, { token: h.token, body: { fields: { Title: 'x'.repeat(SINGLE_LINE_TEXT_MAX_LENGTH + 1) } } })).status).toBe(400);
    expect((await call('POST', base, { token: h.token, body: { fields: { CaseRef: 'x'.repeat(21) } } })).status).toBe(400);
    expect((await call('POST', base, { token: h.token, body: { fields: { Notes: 'n'.repeat(MULTI_LINE_TEXT_MAX_LENGTH + 1) } } })).status).toBe(400);
    expect((await call('POST', base, { token: h.token, body: { fields: { Notes: 'n'.repeat(MULTI_LINE_TEXT_MAX_LENGTH) } } })).status).toBe(201);
    expect(h.double.listItems(h.tenant.siteId, listId)).toHaveLength(1);
  });

  it('412 resourceModified on a stale If-Match leaves the item unchanged; If-Match: * and the current eTag succeed', async () => {
    const h = harness();
    const listId = await createReviewsList(h);
    const base = `/sites/${h.tenant.siteId}/lists/${listId}/items`;
    const created = await call('POST', base, { token: h.token, body: { fields: { Title: 'Original', Score: 1 } } });
    const staleETag = String(asRecord(created.body).eTag);
    await call('PATCH', `${base}/1/fields`, { token: h.token, body: { Score: 2 } });
    const before = h.double.listItems(h.tenant.siteId, listId);

    const conflict = await call('PATCH', `${base}/1/fields`, { token: h.token, headers: { 'if-match': staleETag }, body: { Title: 'Overwritten', Score: 99 } });
    expect(conflict.status).toBe(412);
    const error = asRecord(asRecord(conflict.body).error);
    expect(error.code).toBe('resourceModified');
    expect(asRecord(error.innerError).code).toBe('entityTagDoesNotMatch');
    const staleDelete = await call('DELETE', `${base}/1`, { token: h.token, headers: { 'if-match': staleETag } });
    expect(staleDelete.status).toBe(412);
    expect(h.double.listItems(h.tenant.siteId, listId)).toEqual(before);

    const current = h.double.listItems(h.tenant.siteId, listId)[0]?.eTag ?? '';
    expect((await call('PATCH', `${base}/1/fields`, { token: h.token, headers: { 'if-match': current }, body: { Score: 3 } })).status).toBe(200);
    expect((await call('PATCH', `${base}/1/fields`, { token: h.token, headers: { 'if-match': '*' }, body: { Score: 4 } })).status).toBe(200);
    expect(h.double.listItems(h.tenant.siteId, listId)[0]?.fields.Score).toBe(4);
  });
});

describe('filtering', () => {
  async function seeded(h: Harness): Promise<string> {
    const listId = await createReviewsList(h);
    const rows = [
      { Title: 'Alpha', CaseRef: 'CR-1', Status: 'Open', Agency: 'Police', Score: 10, DueDate: '2026-01-10T00:00:00Z', Urgent: true },
      { Title: 'Beta', CaseRef: 'CR-2', Status: 'Closed', Agency: 'Health', Score: 20, DueDate: '2026-02-10T00:00:00Z', Urgent: false },
      { Title: "O'Neil", CaseRef: 'AB-3', Status: 'Open', Agency: 'Education', Score: 30, DueDate: '2026-03-10T00:00:00Z', Urgent: false },
    ];
    for (const fields of rows) h.double.seedListItem(h.tenant.siteId, listId, fields);
    return `/sites/${h.tenant.siteId}/lists/${listId}/items?expand=fields`;
  }

  it('supports eq/ne/lt/gt/le/ge, and/or, startswith, booleans, dates and quotes on indexed columns', async () => {
    const h = harness();
    const base = await seeded(h);
    const titles = async (filter: string) =>
      valueOf(await call('GET', `${base}&$filter=${encodeURIComponent(filter)}`, { token: h.token })).map((item) => asRecord(item.fields).Title);
    expect(await titles("fields/Status eq 'Open'")).toEqual(['Alpha', "O'Neil"]);
    expect(await titles("fields/Status ne 'Open'")).toEqual(['Beta']);
    expect(await titles('fields/Score gt 10 and fields/Score le 30')).toEqual(['Beta', "O'Neil"]);
    expect(await titles('fields/Score lt 15 or fields/Score ge 30')).toEqual(['Alpha', "O'Neil"]);
    expect(await titles("startswith(fields/CaseRef,'CR-')")).toEqual(['Alpha', 'Beta']);
    expect(await titles('fields/Urgent eq true')).toEqual(['Alpha']);
    expect(await titles("fields/DueDate ge '2026-02-01T00:00:00Z'")).toEqual(['Beta', "O'Neil"]);
    expect(await titles("fields/CaseRef eq 'ab-3'")).toEqual(["O'Neil"]);
  });

  it('refuses a non-indexed column with 400 invalidRequest unless Prefer: HonorNonIndexedQueriesWarningMayFailRandomly is sent', async () => {
    const h = harness();
    const base = await seeded(h);
    const url = `${base}&$filter=${encodeURIComponent("fields/Agency eq 'Police'")}`;
    const refused = await call('GET', url, { token: h.token });
    expect(refused.status).toBe(400);
    expect(errorCode(refused)).toBe('invalidRequest');
    expect(asRecord(asRecord(refused.body).error).message).toContain("Field 'Agency' cannot be referenced in filter or orderby as it is not indexed");
    const allowed = await call('GET', url, { token: h.token, headers: { prefer: HONOR_NON_INDEXED } });
    expect(allowed.status).toBe(200);
    expect(valueOf(allowed).map((item) => asRecord(item.fields).Title)).toEqual(['Alpha']);
    const orderBy = await call('GET', `${base}&$orderby=fields/Agency desc`, { token: h.token });
    expect(orderBy.status).toBe(400);
  });

  it('refuses malformed filters, unknown columns and type mismatches with 400', async () => {
    const h = harness();
    const base = await seeded(h);
    for (const filter of ["fields/Status eq 'Open", 'fields/Missing eq 1', "fields/Score eq 'ten'", "contains(fields/CaseRef,'CR')", "Status eq 'Open'"]) {
      const result = await call('GET', `${base}&$filter=${encodeURIComponent(filter)}`, { token: h.token });
      expect(result.status, filter).toBe(400);
    }
  });
});

describe('paging', () => {
  it('pages by $top with an opaque @odata.nextLink that is followed verbatim to completion', async () => {
    const h = harness();
    const listId = await createReviewsList(h);
    for (let index = 0; index < 45; index += 1) h.double.seedListItem(h.tenant.siteId, listId, { Title: `Item ${index}`, Score: index });
    let next: string | undefined = `/sites/${h.tenant.siteId}/lists/${listId}/items?expand=fields(select=Score)&$filter=fields/Score ge 5&$top=10`;
    const seen: number[] = [];
    let pages = 0;
    while (next !== undefined) {
      const page = await call('GET', next, { token: h.token });
      expect(page.status).toBe(200);
      pages += 1;
      for (const item of valueOf(page)) seen.push(Number(asRecord(item.fields).Score));
      const link = asRecord(page.body)['@odata.nextLink'];
      if (link !== undefined) expect(String(link)).toContain('$skiptoken=');
      next = link === undefined ? undefined : String(link);
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, index) => index + 5));
  });

  it('uses 200 items per page by default and rejects an invented skiptoken', async () => {
    const h = harness();
    const listId = await createReviewsList(h);
    for (let index = 0; index < 201; index += 1) h.double.seedListItem(h.tenant.siteId, listId, { Score: index });
    const first = await call('GET', `/sites/${h.tenant.siteId}/lists/${listId}/items`, { token: h.token });
    expect(valueOf(first)).toHaveLength(200);
    expect(asRecord(first.body)['@odata.nextLink']).toBeDefined();
    const forged = await call('GET', `/sites/${h.tenant.siteId}/lists/${listId}/items?$skiptoken=abc`, { token: h.token });
    expect(forged.status).toBe(400);
  });
});

describe('empty pages', () => {
  it('can start with an empty page that only carries a nextLink; following it still yields every item', async () => {
    const h = harness({ emptyFirstPage: true });
    const listId = await createReviewsList(h);
    for (let index = 0; index < 3; index += 1) h.double.seedListItem(h.tenant.siteId, listId, { Score: index });
    const first = await call('GET', `/sites/${h.tenant.siteId}/lists/${listId}/items`, { token: h.token });
    expect(valueOf(first)).toEqual([]);
    const second = await call('GET', String(asRecord(first.body)['@odata.nextLink']), { token: h.token });
    expect(valueOf(second).map((item) => item.id)).toEqual(['1', '2', '3']);
    expect(asRecord(second.body)['@odata.nextLink']).toBeUndefined();
  });
});

describe('page size cap', () => {
  it('caps $top at the maximum page size rather than refusing it', async () => {
    const h = harness({ maxPageSize: 7 });
    const listId = await createReviewsList(h);
    for (let index = 0; index < 10; index += 1) h.double.seedListItem(h.tenant.siteId, listId, { Score: index });
    const page = await call('GET', `/sites/${h.tenant.siteId}/lists/${listId}/items?$top=9999`, { token: h.token });
    expect(valueOf(page)).toHaveLength(7);
  });
});
