// open-review-graph (DESIGN §6): load the large fixture over the Graph double with 50 ms of latency per
// request: at most 3 sequential round trips, and at least 5× faster than naive per-list sequential paging
// measured in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createGraphReviewStore, createGraphWorkspaceProvisioner, type GraphStoreOptions } from '../../src/adapters/graph';
import { decodeItem, type StoredItem } from '../../src/adapters/graph/mapping/item-mapper';
import { CURRENT_SCHEMA_VERSION, REVIEW_DETAILS_LIST, childListSpec, type RecordListSpec } from '../../src/adapters/graph/schema';
import { CHILD_RECORD_KINDS, COLLECTION_OF_KIND, ReviewSnapshotSchema } from '../../src/domain/model';
import { generateLargeFixture } from '../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import { LSCB_USERS } from '../graph-double';
import { median, registerBench, type BenchResult } from './benches';

/**
 * The double in its own process, behind its 127.0.0.1 front-end (tests/graph-double/serve.ts), so the bench measures
 * round trips and the store's own work, not the double's CPU time competing with the client on one thread.
 */
async function startOutOfProcessDouble(): Promise<{ url: string; teamId: string; siteId: string; token: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/graph-double/serve.ts', '--port', '0', '--seed', '7'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (!line.startsWith('{')) continue;
    const info = JSON.parse(line) as { url: string; teamId: string; siteId: string; reviewerToken: string };
    return { url: info.url, teamId: info.teamId, siteId: info.siteId, token: info.reviewerToken, child };
  }
  throw new Error('the Graph double did not start');
}

async function control(url: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${new URL(url).origin}/_double/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.status === 204 ? null : response.json();
}

const LATENCY_MS = 50;
const MAX_ROUND_TRIPS = 3;
const MIN_SPEED_UP = 5;

/**
 * A fetch that works out how many round trips had to happen one after another: each request's depth is one
 * more than the deepest request that had finished before it started.
 */
function roundTripCounter() {
  const finished: number[] = [];
  let deepest = 0;
  const counting: typeof fetch = async (input, init) => {
    const depth = 1 + Math.max(0, ...finished);
    try {
      return await fetch(input, init);
    } finally {
      finished.push(depth);
      deepest = Math.max(deepest, depth);
    }
  };
  return {
    fetch: counting,
    get depth() {
      return deepest;
    },
    reset() {
      finished.length = 0;
      deepest = 0;
    },
  };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What a straightforward client does: each list in turn, page after page, then the same decoding. */
async function naiveLoad(base: string, token: string, registerSiteId: string, reviewId: string): Promise<number> {
  const get = async (url: string): Promise<{ value: StoredItemLike[]; '@odata.nextLink'?: string }> => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`naive GET ${response.status} ${url}`);
    return (await response.json()) as { value: StoredItemLike[]; '@odata.nextLink'?: string };
  };
  const register = await get(
    `${base}/sites/${registerSiteId}/lists/LtReviewRegister/items?expand=fields&$filter=${encodeURIComponent(`fields/reviewId eq '${reviewId}'`)}`,
  );
  const siteId = str(register.value[0]?.fields.siteId);
  let records = 0;
  for (const spec of [REVIEW_DETAILS_LIST, ...CHILD_RECORD_KINDS.map(childListSpec)] as RecordListSpec[]) {
    let url: string | undefined = `${base}/sites/${siteId}/lists/${spec.listName}/items?expand=fields`;
    while (url !== undefined) {
      const page = await get(url);
      for (const raw of page.value) {
        const item: StoredItem = { itemId: raw.id, eTag: str(raw.eTag), fields: raw.fields };
        const decoded = decodeItem(spec, item, { reviewId });
        if (!decoded.ok) throw new Error(`naive decode failed: ${JSON.stringify(decoded.error)}`);
        records += 1;
      }
      url = page['@odata.nextLink'];
    }
  }
  return records;
}

interface StoredItemLike {
  readonly id: string;
  readonly eTag?: string;
  readonly fields: Record<string, unknown>;
}

const SCALES = [1, 4] as const;

/** Records in a snapshot: the review and every child record (collections a generator leaves out count as empty). */
function recordCount(snapshot: Partial<Record<string, unknown>>): number {
  return 1 + CHILD_RECORD_KINDS.reduce((sum, kind) => sum + ((snapshot[COLLECTION_OF_KIND[kind]] as unknown[] | undefined)?.length ?? 0), 0);
}

registerBench({
  name: 'open-review-graph',
  description:
    'loadReview of the large fixture (scales 1 and 4) over the Graph double out of process (50 ms per request), against naive sequential per-list paging',
  async run({ quick, log }) {
    const runs = quick ? 2 : 5;
    const double = await startOutOfProcessDouble();
    try {
      const world = {
        reviewerToken: double.token,
        registerSiteId: double.siteId,
        options: (extra: Partial<GraphStoreOptions> = {}): GraphStoreOptions => ({
          graphBaseUrl: double.url,
          getAccessToken: async () => double.token,
          teamId: double.teamId,
          registerSiteId: double.siteId,
          channelMembers: () => [LSCB_USERS.panelChair],
          sleep: async () => undefined,
          ...extra,
        }),
        store: () => createGraphReviewStore(world.options()),
      };
      const provisioned = await createGraphWorkspaceProvisioner(world.options()).provision(() => undefined);
      if (!provisioned.ok) throw new Error(`provisioning failed: ${JSON.stringify(provisioned.error)}`);
      const results: BenchResult[] = [];
      for (const scale of SCALES) {
        results.push(...(await measureScale(scale)));
      }
      return results;

      async function measureScale(scale: number): Promise<BenchResult[]> {
        // Parsed, so that record kinds the generator does not fill yet are present (empty) as the store expects.
        const snapshot = ReviewSnapshotSchema.parse(generateLargeFixture({ random: mulberry32(20260329), scale }));
        const expectedRecords = recordCount(snapshot);
        await control(double.url, 'latency', { ms: 0 });
        log(`importing the large fixture at scale ${scale} (${expectedRecords} records) into the double`);
        const imported = await world.store().importSnapshot(snapshot, { replace: false });
        if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported.error)}`);
        await control(double.url, 'latency', { ms: LATENCY_MS });

        const counter = roundTripCounter();
        /** Opens the review as the app does (the reviews list first, untimed), or cold from a fresh store. */
        const open = async (afterList: boolean) => {
          const store = createGraphReviewStore(world.options({ fetch: counter.fetch }));
          if (afterList && !(await store.listReviews()).ok) throw new Error('listing reviews failed');
          counter.reset();
          const start = performance.now();
          const loaded = await store.loadReview(snapshot.review.id);
          const elapsed = performance.now() - start;
          if (!loaded.ok) throw new Error(`load failed: ${JSON.stringify(loaded.error)}`);
          const count = recordCount(loaded.value);
          if (count !== expectedRecords) throw new Error(`loaded ${count} records, expected ${expectedRecords}`);
          return { elapsed, trips: counter.depth };
        };
        // One unmeasured run each first, so that every approach is timed with compiled code.
        await open(true);
        await naiveLoad(double.url, world.reviewerToken, world.registerSiteId, snapshot.review.id);
        const opened: Array<{ elapsed: number; trips: number }> = [];
        const cold: Array<{ elapsed: number; trips: number }> = [];
        const naiveTimes: number[] = [];
        let naiveRequests = 0;
        // Interleaved, so that a slow moment of the shared machine falls on both sides alike.
        for (let run = 0; run < runs; run += 1) {
          opened.push(await open(true));
          cold.push(await open(false));
          const before = ((await control(double.url, 'requests', undefined)) as { requests: unknown[] }).requests.length;
          const start = performance.now();
          const count = await naiveLoad(double.url, world.reviewerToken, world.registerSiteId, snapshot.review.id);
          naiveTimes.push(performance.now() - start);
          naiveRequests = ((await control(double.url, 'requests', undefined)) as { requests: unknown[] }).requests.length - before;
          if (count !== expectedRecords) throw new Error(`naive loaded ${count} records, expected ${expectedRecords}`);
        }
        const batched = median(opened.map((run) => run.elapsed));
        const naive = median(naiveTimes);
        const trips = Math.max(...[...opened, ...cold].map((run) => run.trips));
        const coldMedian = median(cold.map((run) => run.elapsed));
        const openedTrips = Math.max(...opened.map((run) => run.trips));
        const suffix = scale === 1 ? '' : `-x${scale}`;
        return [
          {
            name: `open-review-graph${suffix}`,
            value: batched,
            unit: 'ms',
            baseline: { name: 'naive-sequential-paging', value: naive },
            budget: { on: 'ratio', max: 1 / MIN_SPEED_UP },
            notes: [
              `scale ${scale}: ${batched.toFixed(0)} ms, ${openedTrips} round ${openedTrips === 1 ? 'trip' : 'trips'} (baseline naive ${naive.toFixed(0)} ms, ratio ${(naive / batched).toFixed(1)})`,
              `measured as the app opens a review: after the reviews list (untimed), so its site is known; cold from a fresh store: ${coldMedian.toFixed(0)} ms, ${Math.max(...cold.map((run) => run.trips))} round trips (ratio ${(naive / coldMedian).toFixed(1)})`,
              `${expectedRecords} records; the double out of process on 127.0.0.1; ${LATENCY_MS} ms latency per request; median of ${runs} interleaved runs after one warm-up each; naive makes ${naiveRequests} requests; schema v${CURRENT_SCHEMA_VERSION}`,
              `budget: at least ${MIN_SPEED_UP}× faster than naive, i.e. ratio ≤ ${(1 / MIN_SPEED_UP).toFixed(2)}`,
            ],
          },
          {
            name: `open-review-graph-round-trips${suffix}`,
            value: trips,
            unit: 'round trips',
            budget: { on: 'value', max: MAX_ROUND_TRIPS },
            notes: [
              `the most sequential round trips of any load at scale ${scale}: cold is the register lookup, then the lists in one round of $batch; from the list, that round alone`,
            ],
          },
        ];
      }
    } finally {
      double.child.kill('SIGTERM');
    }
  },
});
