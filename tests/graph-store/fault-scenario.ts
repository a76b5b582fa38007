// Runs the scripted review twice over the Graph double, cleanly and with faults (429/503 inside and outside
// batches, dropped connections, a lost answer to a commit, a 412 and a real concurrent writer), and reports
// whether the stored reviews match, whether anything was lost or duplicated, and whether every retry waited
// at least as long as Graph's Retry-After asked.
import { createGraphReviewStore, type GraphTrafficEvent } from '../../src/adapters/graph';
import type { ReviewSnapshot } from '../../src/domain/model';
import type { FaultRates, GraphDoubleOptions, ScriptedFault } from '../graph-double';
import { createGraphWorld, type GraphWorld, type MswServer } from './harness';
import { normalise, runReviewScript, SCRIPT_REVIEW_ID, type ScriptSizes, type ScriptStats } from './review-script';

export interface FaultScenarioOptions {
  readonly rates: FaultRates;
  readonly scripted: readonly ScriptedFault[];
  readonly sizes?: ScriptSizes;
  /** The double for the faulted run, e.g. a channel site that is "not ready yet" for a while. */
  readonly double?: GraphDoubleOptions;
}

export interface RunReport {
  readonly snapshot: ReviewSnapshot;
  readonly stats: ScriptStats;
  /** Requests the double saw, batch parts included. */
  readonly requests: number;
  readonly faults: Readonly<Record<string, number>>;
  readonly retries: Readonly<Record<string, number>>;
  /** Items per record id in the review's lists, and register entries and channels for the review. */
  readonly duplicates: readonly string[];
  readonly retryAfterChecks: number;
  readonly retryAfterViolations: readonly string[];
}

export interface ScenarioReport {
  readonly clean: RunReport;
  readonly faulted: RunReport;
  readonly identical: boolean;
  readonly differences: readonly string[];
}

/**
 * A fetch that remembers each throttled answer's Retry-After (for whole requests and for batch parts) and checks,
 * when the same request is sent again, that at least that long has passed.
 */
function retryAfterWatch() {
  const waiting = new Map<string, { at: number; retryAfterMs: number }>();
  const violations: string[] = [];
  let checks = 0;
  const check = (key: string) => {
    const pending = waiting.get(key);
    if (pending === undefined) return;
    waiting.delete(key);
    checks += 1;
    const waited = performance.now() - pending.at;
    if (waited + 1 < pending.retryAfterMs) violations.push(`${key.slice(0, 100)}: waited ${waited.toFixed(0)} ms of ${pending.retryAfterMs} ms`);
  };
  const note = (key: string, status: number, retryAfter: string | undefined | null) => {
    if ((status === 429 || status === 503) && retryAfter != null) waiting.set(key, { at: performance.now(), retryAfterMs: Number(retryAfter) * 1000 });
  };
  const watching: typeof fetch = async (input, init) => {
    const url = String(input);
    const body = typeof init?.body === 'string' ? init.body : '';
    const outerKey = `${init?.method ?? 'GET'} ${url} ${body}`;
    const parts = url.endsWith('/$batch') && body !== '' ? (JSON.parse(body) as { requests: Array<Record<string, unknown>> }).requests : [];
    const partKey = (part: Record<string, unknown>) => `part ${String(part.method)} ${String(part.url)} ${JSON.stringify(part.body ?? null)}`;
    check(outerKey);
    for (const part of parts) check(partKey(part));
    const response = await fetch(input, init);
    note(outerKey, response.status, response.headers.get('retry-after'));
    if (parts.length > 0 && response.status === 200) {
      const answers = ((await response.clone().json()) as { responses: Array<{ id: string; status: number; headers?: Record<string, string> }> }).responses;
      for (const answer of answers) {
        const part = parts.find((candidate) => candidate.id === answer.id);
        const retryAfter = Object.entries(answer.headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
        if (part !== undefined) note(partKey(part), answer.status, retryAfter);
      }
    }
    return response;
  };
  return {
    fetch: watching,
    get checks() {
      return checks;
    },
    violations,
  };
}

function duplicatesIn(world: GraphWorld): string[] {
  const problems: string[] = [];
  const entries = world.double.listItems(world.registerSiteId, 'LtReviewRegister').filter((item) => item.fields.reviewId === SCRIPT_REVIEW_ID);
  if (entries.length !== 1) problems.push(`${entries.length} register entries for the review`);
  const siteId = String(entries[0]?.fields.siteId ?? '');
  const storageKey = String(entries[0]?.fields.storageKey ?? '');
  const channels = [...(world.double.state.teams.get(world.teamId)?.channels.values() ?? [])].filter((channel) => channel.membershipType === 'private');
  if (channels.length !== 1) problems.push(`${channels.length} private channels`);
  const site = world.double.state.sites.get(siteId);
  for (const list of site?.lists.values() ?? []) {
    const seen = new Map<string, number>();
    for (const item of list.items.values()) {
      if (item.fields.reviewKey !== storageKey) continue;
      const recordId = String(item.fields.recordId);
      seen.set(recordId, (seen.get(recordId) ?? 0) + 1);
    }
    for (const [recordId, count] of seen) if (count > 1) problems.push(`${count} items for ${recordId} in ${list.displayName}`);
  }
  return problems;
}

async function runOnce(server: MswServer, faults: FaultScenarioOptions | null, sizes: ScriptSizes | undefined): Promise<RunReport> {
  const world = await createGraphWorld(server, faults?.double ?? {});
  const retries: Record<string, number> = {};
  const onEvent = (event: GraphTrafficEvent) => {
    if (event.type !== 'retry') return;
    const key = `${event.scope === 'batchPart' ? 'batch part' : 'request'} ${event.reason}`;
    retries[key] = (retries[key] ?? 0) + 1;
  };
  const watch = retryAfterWatch();
  // Real waits, so that the check above measures what the store actually waited.
  const options = { fetch: watch.fetch, onEvent, sleep: undefined };
  const mine = createGraphReviewStore(world.options(options));
  const other = createGraphReviewStore(world.options({ ...options, token: world.chairToken }));
  world.double.clearRequestLog();
  if (faults !== null) {
    world.double.faults.setRates(faults.rates);
    world.double.faults.script(...faults.scripted);
  }
  const stats = await runReviewScript(mine, other, { interleaveOtherWriter: faults !== null, sizes });
  world.double.faults.clear();
  const faultCounts: Record<string, number> = {};
  for (const entry of world.double.requests) {
    if (entry.fault === undefined) continue;
    const key = `${entry.fault}${entry.inBatch ? ' (in a batch)' : ''}`;
    faultCounts[key] = (faultCounts[key] ?? 0) + 1;
  }
  const requests = world.double.requests.length;
  const loaded = await createGraphReviewStore(world.options()).loadReview(SCRIPT_REVIEW_ID);
  if (!loaded.ok) throw new Error(`the final load failed: ${JSON.stringify(loaded.error)}`);
  return {
    snapshot: loaded.value,
    stats,
    requests,
    faults: faultCounts,
    retries,
    duplicates: duplicatesIn(world),
    retryAfterChecks: watch.checks,
    retryAfterViolations: watch.violations,
  };
}

function differencesBetween(a: unknown, b: unknown, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return [`${path || 'value'}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) => differencesBetween((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
}

export async function runFaultScenario(server: MswServer, options: FaultScenarioOptions): Promise<ScenarioReport> {
  const clean = await runOnce(server, null, options.sizes);
  const faulted = await runOnce(server, options, options.sizes);
  const differences = differencesBetween(normalise(clean.snapshot), normalise(faulted.snapshot));
  return { clean, faulted, identical: differences.length === 0, differences };
}

/** The faults the bench and its test inject on top of the random ones: each kind of trouble at least once. */
export const SCRIPTED_FAULTS: readonly ScriptedFault[] = [
  // A create that happened, but whose answer never arrived.
  { fault: { kind: 'dropAfterCommit' }, match: { method: 'POST', path: 'LtNarrative/items', inBatch: false }, skip: 2 },
  // An update likewise.
  { fault: { kind: 'dropAfterCommit' }, match: { method: 'PATCH', path: 'LtParticipants/items', inBatch: false }, skip: 1 },
  // A create (and an update) that the server applied, then answered 504: looked for, never sent twice.
  { fault: { kind: 'errorAfterCommit', status: 504 }, match: { method: 'POST', path: 'LtEpisodes/items', inBatch: false } },
  { fault: { kind: 'errorAfterCommit', status: 503, retryAfterSeconds: 0.1 }, match: { method: 'PATCH', path: 'LtNarrative/items', inBatch: false } },
  // SharePoint's save conflict (409 resourceModified) on a fields PATCH.
  { fault: { kind: 'saveConflict' }, match: { method: 'PATCH', path: 'LtParticipants/items', inBatch: false }, skip: 2 },
  // SharePoint says the item changed under us (nothing did): a conflict the script resolves.
  { fault: { kind: 'preconditionFailed' }, match: { method: 'PATCH', path: 'LtEpisodes/items', inBatch: false } },
  // Parts throttled inside a load's batch.
  { fault: { kind: 'throttle', retryAfterSeconds: 0.3 }, match: { method: 'GET', path: 'LtStepNotes/items', inBatch: true } },
  { fault: { kind: 'unavailable', retryAfterSeconds: 0.2 }, match: { method: 'GET', path: 'LtPatterns/items', inBatch: true }, skip: 1 },
];
