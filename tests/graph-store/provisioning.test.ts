// Provisioning from the schema: idempotent (a second run sends no writes), and the v1 → v2 migration
// adds a column and an index and backfills, without losing or changing any record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphWorkspaceProvisioner } from '../../src/adapters/graph';
import { decodeItem, encodeRecord } from '../../src/adapters/graph/mapping/item-mapper';
import { createGraphContext } from '../../src/adapters/graph/options';
import { describeAction, planProvisioning, provisionSite, type ProvisioningProgress } from '../../src/adapters/graph/provisioning';
import { CURRENT_SCHEMA_VERSION, childListSpec, columnDefinitionBody, migrationSteps, SCHEMA_INFO_LIST } from '../../src/adapters/graph/schema';
import type { Conversation } from '../../src/domain/model';
import { createGraphWorld, GRAPH_BASE_URL, setupServer, type GraphWorld } from './harness';
import { sampleSnapshot } from './sample-review';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const writesIn = (world: GraphWorld) => world.double.requests.filter((entry) => WRITES.has(entry.method));

describe('provisioning', () => {
  it('sets up the LSCB team site, reporting progress, and changes nothing when run again', async () => {
    const world = await createGraphWorld(server);
    const lists = [...world.double.state.sites.get(world.registerSiteId)!.lists.values()].map((list) => list.displayName);
    expect(lists).toEqual(expect.arrayContaining(['LtReviewRegister', 'LtPooledLearning', 'LtSchema']));
    const register = world.double.getList(world.registerSiteId, 'LtReviewRegister');
    expect(
      register.columns
        .filter((column) => column.indexed)
        .map((column) => column.name)
        .sort(),
    ).toEqual(['id', 'reviewId', 'state']);

    world.double.clearRequestLog();
    const progress: ProvisioningProgress[] = [];
    const again = await createGraphWorkspaceProvisioner(world.options()).provision((step) => progress.push(step));
    expect(again).toEqual({ ok: true, value: { schemaVersion: CURRENT_SCHEMA_VERSION, changes: 0, reviewsUpgraded: 0, notes: [] } });
    expect(writesIn(world)).toEqual([]);
    expect(world.double.requests.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ step: 'done', message: 'Everything was already in place' });
  });

  it('reports each step of a first run', async () => {
    const world = await createGraphWorld(server);
    const site = world.double.seedSite({ path: '/sites/fresh' });
    const progress: ProvisioningProgress[] = [];
    const context = createGraphContext(world.options());
    const report = await provisionSite(context, site.id, 'lscb', (step) => progress.push(step));
    // Register, pooled learning, the meeting index (issue 9) and the schema list, then the version.
    expect(report.ok && report.value.applied).toBe(5);
    expect(progress.map((step) => `${step.step} ${step.done}/${step.total}`)).toEqual([
      'inspect 0/0',
      'createList 1/5',
      'createList 2/5',
      'createList 3/5',
      'createList 4/5',
      'recordVersion 5/5',
      'done 5/5',
    ]);
    expect(progress[1]?.message).toBe('Create list LtReviewRegister');
  });

  it('migrates a review site from schema 1 to 2: adds and indexes, backfills, keeps every record', async () => {
    const world = await createGraphWorld(server);
    const site = world.double.seedSite({ path: '/sites/older-review' });
    const context = createGraphContext(world.options());
    const v1 = await provisionSite(context, site.id, 'review', () => undefined, 1);
    expect(v1.ok && v1.value.toVersion).toBe(1);
    const conversations = world.double.getList(site.id, 'LtConversations');
    expect(conversations.columns.some((column) => column.name === 'scheduledStartAt')).toBe(false);
    expect(conversations.columns.find((column) => column.name === 'participantId')?.indexed).toBe(false);

    // Records written by a schema-1 build.
    const spec = childListSpec('conversation');
    const records = sampleSnapshot().conversations;
    for (const record of records) {
      const encoded = encodeRecord(spec, record, { reviewKey: record.reviewId, schemaVersion: 1 });
      const created = await fetch(`${GRAPH_BASE_URL}/sites/${site.id}/lists/LtConversations/items`, {
        method: 'POST',
        headers: { authorization: `Bearer ${world.reviewerToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { ...encoded.fields, payload: encoded.payload } }),
      });
      expect(created.status).toBe(201);
    }
    const before = world.double.listItems(site.id, 'LtConversations');

    const plan = await planProvisioning(context, site.id, 'review', 2);
    expect(plan.ok && plan.value.fromVersion).toBe(1);
    expect(plan.ok && plan.value.actions.map(describeAction)).toEqual([
      'Index column participantId in LtConversations',
      'Add column scheduledStartAt to LtConversations',
      'Fill scheduledStartAt on the existing items of LtConversations',
      'Record schema version 2',
    ]);
    expect(migrationSteps('review', 1, 2).map((step) => `${step.kind} ${step.listName}.${step.column.name}`)).toEqual([
      'indexColumn LtConversations.participantId',
      'addColumn LtConversations.scheduledStartAt',
      'backfill LtConversations.scheduledStartAt',
    ]);

    const v2 = await provisionSite(context, site.id, 'review', () => undefined, 2);
    expect(v2.ok && v2.value).toMatchObject({ fromVersion: 1, toVersion: 2, applied: 4, warnings: [] });
    expect(conversations.columns.find((column) => column.name === 'scheduledStartAt')?.indexed).toBe(true);
    expect(conversations.columns.find((column) => column.name === 'participantId')?.indexed).toBe(true);
    const after = world.double.listItems(site.id, 'LtConversations');
    expect(after).toHaveLength(before.length);
    for (const item of after) {
      const original = before.find((candidate) => candidate.id === item.id)!;
      const { scheduledStartAt, ...rest } = item.fields;
      expect(rest).toEqual(original.fields);
      const record = records.find((candidate) => candidate.id === item.fields.recordId)!;
      expect(scheduledStartAt ?? null).toBe(record.scheduledStart === null ? null : new Date(record.scheduledStart).toISOString().replace('.000', ''));
      const decoded = decodeItem<Conversation>(spec, { itemId: item.id, eTag: item.eTag, fields: item.fields }, { reviewId: record.reviewId });
      expect(decoded).toEqual({ ok: true, value: record });
    }
    expect(world.double.listItems(site.id, SCHEMA_INFO_LIST.listName)[0]?.fields).toMatchObject({ Title: 'schema', schemaVersion: 2, layout: 'review' });

    world.double.clearRequestLog();
    const third = await provisionSite(context, site.id, 'review', () => undefined, 2);
    expect(third.ok && third.value.applied).toBe(0);
    expect(writesIn(world)).toEqual([]);
  });

  it('finishes a migration that was interrupted after the column was added', async () => {
    const world = await createGraphWorld(server);
    const site = world.double.seedSite({ path: '/sites/interrupted' });
    const context = createGraphContext(world.options());
    await provisionSite(context, site.id, 'review', () => undefined, 1);
    const spec = childListSpec('conversation');
    const record = sampleSnapshot().conversations[0]!;
    const encoded = encodeRecord(spec, record, { reviewKey: record.reviewId, schemaVersion: 1 });
    world.double.seedListItem(site.id, 'LtConversations', { ...encoded.fields, payload: encoded.payload });
    // The column arrived but the run stopped before filling it or recording the version.
    const added = await fetch(`${GRAPH_BASE_URL}/sites/${site.id}/lists/LtConversations/columns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.reviewerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(columnDefinitionBody(spec.projections[0]!.column, 1)),
    });
    expect(added.status).toBe(201);
    const plan = await planProvisioning(context, site.id, 'review', 2);
    expect(plan.ok && plan.value.actions.map(describeAction)).toEqual([
      'Index column participantId in LtConversations',
      'Index column scheduledStartAt in LtConversations',
      'Fill scheduledStartAt on the existing items of LtConversations',
      'Record schema version 2',
    ]);
    const finished = await provisionSite(context, site.id, 'review', () => undefined, 2);
    expect(finished.ok).toBe(true);
    expect(world.double.listItems(site.id, 'LtConversations')[0]?.fields.scheduledStartAt).toBe('2026-04-02T08:30:00Z');
  });

  it('brings an older review workspace up to date from the setup run, and the store reads it', async () => {
    const world = await createGraphWorld(server);
    const store = world.store();
    const snapshot = sampleSnapshot();
    expect((await store.importSnapshot(snapshot, { replace: false })).ok).toBe(true);
    // Make the review's site look like a schema-1 site: no projection column, version 1 recorded.
    const entry = world.double.listItems(world.registerSiteId, 'LtReviewRegister')[0]!;
    const siteId = entry.fields.siteId as string;
    const conversations = world.double.getList(siteId, 'LtConversations');
    conversations.columns.splice(
      conversations.columns.findIndex((column) => column.name === 'scheduledStartAt'),
      1,
    );
    for (const item of conversations.items.values()) delete item.fields.scheduledStartAt;
    world.double.getList(world.registerSiteId, 'LtReviewRegister').items.get(Number(entry.id))!.fields.siteSchema = 1;
    world.double.getList(siteId, 'LtSchema').items.values().next().value!.fields.schemaVersion = 1;

    const report = await createGraphWorkspaceProvisioner(world.options()).provision(() => undefined);
    expect(report.ok && report.value).toMatchObject({ reviewsUpgraded: 1, notes: [] });
    expect(conversations.columns.some((column) => column.name === 'scheduledStartAt')).toBe(true);
    expect([...conversations.items.values()].find((item) => item.fields.recordId === 'con-1')?.fields.scheduledStartAt).toBe('2026-04-02T08:30:00Z');
    const loaded = await world.store().loadReview(snapshot.review.id);
    expect(loaded.ok && loaded.value.conversations).toHaveLength(2);
  });
});
