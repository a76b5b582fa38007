// faults: a scripted full review run once cleanly and once with 25% injected 429 and 5% 503 (inside batches too),
// dropped connections, writes answered 5xx after they were applied, a 409 save conflict, a channel site that is not
// ready for a while, file reads through the download redirect, lost answers to commits and a concurrent writer's 412. The stored reviews must
// match, with no write lost or duplicated, and every retry must wait at least its Retry-After (real time).
import { runFaultScenario, SCRIPTED_FAULTS, type RunReport } from '../graph-store/fault-scenario';
import { setupServer } from '../graph-store/harness';
import { SCRIPT_SIZES } from '../graph-store/review-script';
import { registerBench } from './benches';

const list = (counts: Readonly<Record<string, number>>): string =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => `${key} ${count}`)
    .join(', ') || 'none';

const sum = (counts: Readonly<Record<string, number>>): number => Object.values(counts).reduce((total, count) => total + count, 0);

registerBench({
  name: 'faults',
  description: 'a scripted review with and without 10% throttling, dropped connections and a concurrent writer: same final state',
  async run({ quick, log }) {
    const server = setupServer();
    server.listen({ onUnhandledRequest: 'error' });
    try {
      log('running the scripted review cleanly, then with faults (real Retry-After waits of 0.05–0.4 s; the channel site not ready for 3 s)');
      const report = await runFaultScenario(server, {
        // The hard profile: 25% throttling (whole requests and $batch parts, and the batch envelope), 5% 503,
        // dropped connections, 3% of writes applied and then answered 504; files are read through their redirect.
        rates: { throttle: 0.25, unavailable: 0.05, drop: 0.02, errorAfterCommit: 0.03, retryAfterSeconds: { min: 0.05, max: 0.4 } },
        double: { channelSiteDelayMs: 3000 },
        scripted: SCRIPTED_FAULTS,
        sizes: quick ? { ...SCRIPT_SIZES, participants: 4, episodes: 5 } : SCRIPT_SIZES,
      });
      const describe = (run: RunReport) =>
        `${run.requests} requests; ${run.stats.operations} operations; faults: ${list(run.faults)}; retries: ${list(run.retries)}; conflicts resolved ${run.stats.conflictsResolved}; operations retried ${run.stats.operationRetries}`;
      const problems = [
        ...report.differences.map((difference) => `differs: ${difference}`),
        ...report.clean.duplicates.map((duplicate) => `clean run: ${duplicate}`),
        ...report.faulted.duplicates.map((duplicate) => `faulted run: ${duplicate}`),
        ...report.faulted.retryAfterViolations.map((violation) => `too early: ${violation}`),
      ];
      return [
        {
          name: 'faults',
          value: problems.length,
          unit: 'problems',
          budget: { on: 'value', max: 0 },
          notes: [
            `final state ${report.identical ? 'identical' : 'DIFFERENT'} (normalised snapshots); duplicates ${report.faulted.duplicates.length}; retries that waited less than Retry-After ${report.faulted.retryAfterViolations.length} of ${report.faulted.retryAfterChecks} checked`,
            `clean:   ${describe(report.clean)}`,
            `faulted: ${describe(report.faulted)}`,
            `faults injected ${sum(report.faulted.faults)}, retries ${sum(report.faulted.retries)}, conflicts resolved ${report.faulted.stats.conflictsResolved}`,
            ...problems.slice(0, 10),
          ],
        },
      ];
    } finally {
      server.close();
    }
  },
});
