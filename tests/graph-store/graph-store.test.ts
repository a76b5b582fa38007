// The SharePoint store's Graph behaviour over the double: batching, paging, eTags, throttling inside
// batches, delta re-sync, long records as files, damaged items and permissions.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGraphReviewStore } from '../../src/adapters/graph';
import { describeFailure } from '../../src/app/failure-messages';
import { asId, type ReviewId } from '../../src/domain/ids';
import { CHILD_RECORD_KINDS, type NarrativeEntry, type Participant, type ReviewSnapshot } from '../../src/domain/model';
import { createGraphWorld, GRAPH_BASE_URL, LSCB_USERS, setupServer, type GraphWorld } from './harness';
import { sampleSnapshot } from './sample-review';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function importSample(world: GraphWorld, snapshot: ReviewSnapshot = sampleSnapshot()) {
  const store = world.store();
  const imported = await store.importSnapshot(snapshot, { replace: false });
  if (!imported.ok) throw new Error(JSON.stringify(imported.error));
  return { store, snapshot };
}

/** A fetch that notes every $batch body on its way to the double. */
function batchRecorder() {
  const batches: Array<Array<{ method: string; url: string }>> = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    if (String(input).endsWith('/$batch') && typeof init?.body === 'string') {
      batches.push((JSON.parse(init.body) as { requests: Array<{ method: string; url: string }> }).requests);
    }
    return fetch(input, init);
  };
  return { batches, fetch: recordingFetch };
}

const byId = <T extends { id: string }>(records: readonly T[]): T[] => [...records].sort((a, b) => a.id.localeCompare(b.id));

describe('Graph store over the double', () => {
  it('imports and loads a whole review with every kind of record, exactly', async () => {
    const world = await createGraphWorld(server);
    const { snapshot } = await importSample(world);
    const loaded = await world.store().loadReview(snapshot.review.id);
    if (!loaded.ok) throw new Error(describeFailure(loaded.error));
    expect(loaded.value.review).toEqual(snapshot.review);
    for (const key of Object.keys(snapshot) as Array<keyof ReviewSnapshot>) {
      if (key === 'review') continue;
      expect(byId(loaded.value[key] as Array<{ id: string }>), key).toEqual(byId(snapshot[key] as Array<{ id: string }>));
    }
  });

  it('loads a review in one $batch of at most 20 requests, with $expand=fields, $select and an indexed $filter', async () => {
    const world = await createGraphWorld(server);
    const { snapshot } = await importSample(world);
    const recorder = batchRecorder();
    const store = world.store({ fetch: recorder.fetch });
    expect((await store.loadReview(snapshot.review.id)).ok).toBe(true);
    recorder.batches.length = 0;
    world.double.clearRequestLog();
    expect((await store.loadReview(snapshot.review.id)).ok).toBe(true);
    // Warm: one round trip, the register re-checked in the same batch.
    expect(world.double.requests.filter((entry) => !entry.inBatch).map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /$batch']);
    expect(recorder.batches).toHaveLength(1);
    const parts = recorder.batches[0] ?? [];
    expect(parts.length).toBeLessThanOrEqual(20);
    // The register, the review and one list per kind of record.
    expect(parts.length).toBe(2 + CHILD_RECORD_KINDS.length);
    for (const part of parts) {
      const query = decodeURIComponent(part.url.split('?')[1] ?? '');
      expect(query).toContain('$expand=fields($select=');
      expect(query).toContain('$select=id,eTag');
      expect(query).toMatch(/\$filter=fields\/(reviewKey|reviewId) eq '/);
    }
  });

  it('writes an import of more than 20 records in batches of at most 20', async () => {
    const world = await createGraphWorld(server);
    const base = sampleSnapshot();
    const participants = Array.from({ length: 45 }, (_, index) => ({
      ...base.participants[0]!,
      id: asId<Participant['id']>(`par-x${index}`),
      realName: `Person ${index} (fictional)`,
      reportLabel: `Practitioner ${index}`,
    }));
    const recorder = batchRecorder();
    const store = world.store({ fetch: recorder.fetch });
    const imported = await store.importSnapshot({ ...base, participants }, { replace: false });
    expect(imported.ok).toBe(true);
    const writeBatches = recorder.batches.filter((batch) => batch.some((part) => part.method === 'POST'));
    expect(writeBatches.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...recorder.batches.map((batch) => batch.length))).toBeLessThanOrEqual(20);
    const loaded = await store.loadReview(base.review.id);
    expect(loaded.ok && loaded.value.participants).toHaveLength(45);
  });

  it('follows @odata.nextLink to the end, batching the next pages too', async () => {
    const world = await createGraphWorld(server, { emptyFirstPage: true });
    const { snapshot } = await importSample(world);
    const recorder = batchRecorder();
    const store = world.store({ pageSize: 3, fetch: recorder.fetch });
    const loaded = await store.loadReview(snapshot.review.id);
    if (!loaded.ok) throw new Error(describeFailure(loaded.error));
    expect(loaded.value.stepNotes).toHaveLength(10);
    expect(byId(loaded.value.stepNotes)).toEqual(byId(snapshot.stepNotes));
    const pagedParts = recorder.batches.flat().filter((part) => part.url.includes('skiptoken'));
    expect(pagedParts.length).toBeGreaterThan(4);
    // Every page after the first went out in a $batch, several lists at a time.
    expect(recorder.batches.slice(1).some((batch) => batch.length > 1)).toBe(true);
  });

  it('turns a 412 into the same conflict as the local store, carrying the current record and overwriting nothing', async () => {
    const world = await createGraphWorld(server);
    const { snapshot } = await importSample(world);
    const mine = world.store();
    const loaded = await mine.loadReview(snapshot.review.id);
    if (!loaded.ok) throw new Error('load failed');
    const participant = loaded.value.participants.find((candidate) => candidate.id === 'par-1')!;
    // Someone edits the item in SharePoint itself: its eTag changes, the app's version does not.
    const items = world.double.listItems(await siteOf(world, snapshot.review.id), 'LtParticipants');
    const item = items.find((candidate) => candidate.fields.recordId === 'par-1')!;
    const site = await siteOf(world, snapshot.review.id);
    const edit = await fetch(`${GRAPH_BASE_URL}/sites/${site}/lists/LtParticipants/items/${item.id}/fields`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${world.chairToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roleTitle: 'Edited in SharePoint' }),
    });
    expect(edit.status).toBe(200);
    const saved = await mine.updateRecord('participant', { ...participant, roleTitle: 'Edited in the app' });
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.error.kind).toBe('conflict');
    expect(saved.error.kind === 'conflict' && (saved.error.current as Participant).roleTitle).toBe('Edited in SharePoint');
    const after = world.double.listItems(site, 'LtParticipants').find((candidate) => candidate.fields.recordId === 'par-1')!;
    expect(after.fields.roleTitle).toBe('Edited in SharePoint');
    expect(world.double.requests.some((entry) => entry.method === 'PATCH' && entry.status === 412)).toBe(true);
  });

  it('retries parts throttled inside a $batch after their Retry-After, which a recording sleep sees', async () => {
    const world = await createGraphWorld(server);
    const { snapshot } = await importSample(world);
    world.double.faults.script(
      { fault: { kind: 'throttle', retryAfterSeconds: 2.128 }, match: { method: 'GET', path: 'LtEpisodes/items', inBatch: true } },
      { fault: { kind: 'unavailable', retryAfterSeconds: 1 }, match: { method: 'GET', path: 'LtComments/items', inBatch: true } },
    );
    const waits: number[] = [];
    const store = world.store({ sleep: async (ms) => void waits.push(ms) });
    const loaded = await store.loadReview(snapshot.review.id);
    expect(loaded.ok && loaded.value.episodes).toHaveLength(1);
    expect(loaded.ok && loaded.value.comments).toHaveLength(1);
    expect(waits).toEqual([2128]);
    expect(
      world.double.requests
        .filter((entry) => entry.inBatch && entry.fault !== undefined)
        .map((entry) => entry.status)
        .sort(),
    ).toEqual([429, 503]);
  });

  it('gives up on a part that stays throttled with a clear unavailable failure', async () => {
    const world = await createGraphWorld(server);
    const { snapshot } = await importSample(world);
    world.double.faults.script({ fault: { kind: 'throttle', retryAfterSeconds: 1 }, match: { path: 'LtEpisodes/items', inBatch: true }, times: 50 });
    const store = world.store({ retry: { maxRetries: 2 } });
    const loaded = await store.loadReview(snapshot.review.id);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toMatchObject({ kind: 'unavailable', retryable: true });
    expect(describeFailure(loaded.error)).toContain('Microsoft Graph kept asking us to slow down (429) after 2 retries');
  });

  it('never duplicates a create whose answer was lost', async () => {
    const world = await createGraphWorld(server);
    const { snapshot, store } = await importSample(world);
    await store.loadReview(snapshot.review.id);
    world.double.faults.script({ fault: { kind: 'dropAfterCommit' }, match: { method: 'POST', path: 'LtAudit/items', inBatch: false } });
    const entry = { ...snapshot.audit[0]!, id: asId<(typeof snapshot.audit)[number]['id']>('aud-2') };
    const created = await store.createRecord('audit', entry);
    expect(created.ok).toBe(true);
    const site = await siteOf(world, snapshot.review.id);
    expect(world.double.listItems(site, 'LtAudit').filter((item) => item.fields.recordId === 'aud-2')).toHaveLength(1);
    expect(world.double.requests.some((entry) => entry.fault === 'dropAfterCommit')).toBe(true);
  });

  it('stores a record too long for a column as a file in the review’s library, and reads it back', async () => {
    const world = await createGraphWorld(server);
    const snapshot = sampleSnapshot({ longNarrativeLength: 60_000 });
    const { store } = await importSample(world, snapshot);
    const site = await siteOf(world, snapshot.review.id);
    const item = world.double.listItems(site, 'LtNarrative').find((candidate) => candidate.fields.recordId === 'nar-1')!;
    expect(item.fields.payload ?? null).toBeNull();
    expect(typeof item.fields.payloadFile).toBe('string');
    const loaded = await store.loadReview(snapshot.review.id);
    const entry = loaded.ok ? loaded.value.narrative.find((candidate) => candidate.id === 'nar-1') : undefined;
    expect(entry?.text).toHaveLength(60_000);
    expect(entry).toEqual(snapshot.narrative[0]);
    // A save writes the new version's file and removes the old one.
    const saved = await store.updateRecord('narrativeEntry', { ...(entry as NarrativeEntry), text: 'B'.repeat(60_000) });
    expect(saved.ok).toBe(true);
    const driveId = world.double.state.sites.get(site)!.driveId;
    const files = world.double.driveItems(driveId).filter((file) => !file.isFolder && file.path.includes('LtNarrative'));
    expect(files.map((file) => file.name)).toEqual([expect.stringMatching(/^nar-1-.*\.v2\.json$/)]);
    const reloaded = await store.loadReview(snapshot.review.id);
    expect(reloaded.ok && reloaded.value.narrative.find((candidate) => candidate.id === 'nar-1')?.text).toBe('B'.repeat(60_000));
  });

  it('uploads a transcript over 4 MB through an upload session', async () => {
    const world = await createGraphWorld(server);
    const { snapshot, store } = await importSample(world);
    const loaded = await store.loadReview(snapshot.review.id);
    if (!loaded.ok) throw new Error('load failed');
    const conversation = loaded.value.conversations.find((candidate) => candidate.id === 'con-1')!;
    const transcript = 'Facilitator: thank you for coming (fictional).\n'.repeat(100_000);
    const saved = await store.updateRecord('conversation', {
      ...conversation,
      writtenRecord: {
        kind: 'transcript',
        text: transcript,
        fileName: 'con-1.vtt',
        cues: [],
        speakerMap: {},
        importedAt: conversation.updatedAt,
        importedBy: 'Tester',
      },
    });
    expect(saved.ok).toBe(true);
    expect(world.double.requests.some((entry) => entry.path.includes('createUploadSession'))).toBe(true);
    const reloaded = await world.store().loadReview(snapshot.review.id);
    expect(reloaded.ok && reloaded.value.conversations.find((candidate) => candidate.id === 'con-1')?.writtenRecord?.text).toBe(transcript);
  });

  it('names the list, the item and the field when an item in SharePoint cannot be read as a record', async () => {
    const world = await createGraphWorld(server);
    const { snapshot } = await importSample(world);
    const site = await siteOf(world, snapshot.review.id);
    const item = world.double.listItems(site, 'LtEpisodes')[0]!;
    // An edit made outside the app leaves the details column unreadable.
    world.double.getList(site, 'LtEpisodes').items.get(Number(item.id))!.fields.payload = '{"factors": [';
    const loaded = await world.store().loadReview(snapshot.review.id);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toEqual({
      kind: 'damaged',
      what: `Item ${item.id} in SharePoint list LtEpisodes`,
      issues: [{ path: 'payload', message: 'the details column is not valid JSON' }],
    });
  });

  it('reports a missing permission as permissionDenied', async () => {
    const world = await createGraphWorld(server);
    const { snapshot } = await importSample(world);
    // Someone in the team but not in the review's private channel.
    const outsider = world.double.issueToken({ upn: LSCB_USERS.practitioner, scopes: ['Sites.Manage.All'] });
    const loaded = await world.store({ token: outsider }).loadReview(snapshot.review.id);
    expect(loaded.ok ? 'ok' : loaded.error.kind).toBe('permissionDenied');
    // A member whose token lacks the write scope.
    const readOnly = world.double.issueToken({ upn: LSCB_USERS.panelChair, scopes: ['Sites.Read.All'] });
    const store = world.store({ token: readOnly });
    const reloaded = await store.loadReview(snapshot.review.id);
    expect(reloaded.ok).toBe(true);
    const denied = await store.updateRecord('participant', snapshot.participants[0]!);
    expect(denied.ok ? 'ok' : denied.error.kind).toBe('permissionDenied');
    if (!denied.ok) expect(describeFailure(denied.error)).toContain('Ask the LSCB coordinator for access');
    // Working on an existing review needs Sites.ReadWrite.All only; Sites.Manage.All is for creating lists.
    const itemsOnly = world.store({ token: world.double.issueToken({ upn: LSCB_USERS.panelChair, scopes: ['Sites.ReadWrite.All'] }) });
    const loaded2 = await itemsOnly.loadReview(snapshot.review.id);
    if (!loaded2.ok) throw new Error(describeFailure(loaded2.error));
    const saved = await itemsOnly.updateRecord('participant', { ...loaded2.value.participants[0]!, roleTitle: 'Changed with items-only scope' });
    expect(saved.ok).toBe(true);
  });

  it('watches with delta queries and re-syncs fully after a 410', async () => {
    const world = await createGraphWorld(server);
    const { snapshot } = await importSample(world);
    const store = createGraphReviewStore(world.options({ watchIntervalMs: 20, sleep: undefined }));
    const writer = world.store({ token: world.chairToken });
    const changes = vi.fn();
    const stop = store.watchReview(snapshot.review.id, changes);
    try {
      await vi.waitFor(() => expect(world.double.requests.some((entry) => entry.query.includes('token=latest'))).toBe(true));
      const loaded = await writer.loadReview(snapshot.review.id);
      if (!loaded.ok) throw new Error('load failed');
      await writer.updateRecord('participant', { ...loaded.value.participants[0]!, roleTitle: 'Changed by the chair' });
      await vi.waitFor(() => expect(changes).toHaveBeenCalled(), { timeout: 2000 });
      changes.mockClear();
      world.double.expireDeltaTokens();
      await vi.waitFor(() => expect(world.double.requests.some((entry) => entry.path.endsWith('/items/delta') && entry.status === 410)).toBe(true), {
        timeout: 2000,
      });
      await vi.waitFor(() => expect(changes).toHaveBeenCalled(), { timeout: 2000 });
      // After the re-sync the watch carries on with fresh tokens.
      changes.mockClear();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(changes).not.toHaveBeenCalled();
      const again = await writer.loadReview(snapshot.review.id);
      if (!again.ok) throw new Error('load failed');
      await writer.updateRecord('episode', { ...again.value.episodes[0]!, title: 'Renamed (fictional)' });
      await vi.waitFor(() => expect(changes).toHaveBeenCalled(), { timeout: 2000 });
    } finally {
      stop();
    }
  });

  it('carries on with the same channel when creating a review is tried again after a failure or a lost answer', async () => {
    const world = await createGraphWorld(server);
    const store = world.store({ retry: { maxRetries: 1 } });
    const review = sampleSnapshot({ reviewId: 'rev-retried', codename: 'Kite: “retried”' }).review;
    world.double.faults.script(
      { fault: { kind: 'dropAfterCommit' }, match: { method: 'POST', path: '/channels', inBatch: false } },
      { fault: { kind: 'unavailable', retryAfterSeconds: 1 }, match: { path: 'filesFolder' }, times: 2 },
    );
    const first = await store.createReview(review);
    expect(first.ok ? 'ok' : first.error.kind).toBe('unavailable');
    expect((await store.listReviews()).ok && (await store.listReviews())).toEqual({ ok: true, value: [] });
    const second = await store.createReview(review);
    expect(second.ok).toBe(true);
    const channels = [...world.double.state.teams.get(world.teamId)!.channels.values()].filter((channel) => channel.membershipType === 'private');
    expect(channels.map((channel) => channel.displayName)).toEqual([expect.stringMatching(/^Review Kite retried [0-9a-z]{7}$/)]);
    expect(world.double.listItems(world.registerSiteId, 'LtReviewRegister')).toHaveLength(1);
    const listed = await store.listReviews();
    expect(listed.ok && listed.value.map((summary) => summary.codename)).toEqual(['Kite: “retried”']);
  });

  it('reports a review that is not in the register as notFound without touching any review site', async () => {
    const world = await createGraphWorld(server);
    world.double.clearRequestLog();
    const loaded = await world.store().loadReview(asId<ReviewId>('rev-nowhere'));
    expect(loaded.ok ? 'ok' : loaded.error.kind).toBe('notFound');
    expect(world.double.requests.every((entry) => entry.path.includes('LtReviewRegister') || entry.path === '/$batch')).toBe(true);
  });
});

/** The review's own site, from the register. */
async function siteOf(world: GraphWorld, reviewId: string): Promise<string> {
  const entry = world.double.listItems(world.registerSiteId, 'LtReviewRegister').find((item) => item.fields.reviewId === reviewId);
  if (typeof entry?.fields.siteId !== 'string') throw new Error(`No site for ${reviewId}`);
  return entry.fields.siteId;
}
