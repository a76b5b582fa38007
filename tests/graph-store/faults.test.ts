// The scripted review, cleanly and with faults injected: the same review must come out, with nothing lost
// or duplicated, and every retry must have waited at least its Retry-After.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runFaultScenario, SCRIPTED_FAULTS } from './fault-scenario';
import { setupServer } from './harness';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('stores the same review with and without throttling, dropped connections and a concurrent writer', { timeout: 120_000 }, async () => {
  const report = await runFaultScenario(server, {
    rates: { throttle: 0.05, unavailable: 0.05, drop: 0.02, errorAfterCommit: 0.03, retryAfterSeconds: { min: 0.01, max: 0.05 } },
    scripted: SCRIPTED_FAULTS,
    // The review's channel site is "not ready yet" for a moment, as in a tenant.
    double: { channelSiteDelayMs: 1500 },
    sizes: { participants: 4, narrativePerParticipant: 2, episodes: 5, factorsPerEpisode: 3, patterns: 3, recommendations: 2 },
  });
  expect(report.differences).toEqual([]);
  expect(report.identical).toBe(true);
  expect(report.clean.duplicates).toEqual([]);
  expect(report.faulted.duplicates).toEqual([]);
  expect(report.faulted.snapshot.participants.find((participant) => participant.id === 'par-1')).toMatchObject({
    roleTitle: 'Senior social worker',
    significanceNote: 'Raised by the panel chair (fictional).',
  });
  // Conflicts are now merged inside the review session (issue 8), so the script rarely sees one; what matters is that
  // every kind of fault was met and nothing was lost or written twice.
  expect(report.clean.stats.conflictsResolved).toBe(0);
  expect(Object.keys(report.clean.faults)).toEqual([]);
  for (const kind of [
    'throttle',
    'throttle (in a batch)',
    'unavailable (in a batch)',
    'dropAfterCommit',
    'errorAfterCommit',
    'saveConflict',
    'preconditionFailed',
  ]) {
    expect(report.faulted.faults[kind] ?? 0, kind).toBeGreaterThan(0);
  }
  // The long note is kept in a file and read back through the download redirect (ADR 0904), with and without faults.
  for (const run of [report.clean, report.faulted]) expect(run.snapshot.stepNotes.find((note) => note.id === 'note-1-1')?.text).toHaveLength(59_500);
  expect(report.faulted.retryAfterChecks).toBeGreaterThan(5);
  expect(report.faulted.retryAfterViolations).toEqual([]);
});
