// `npm run cli -- provision …` against the Graph double (msw intercepts the CLI's own fetch).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds, steppingClock } from '../../src/adapters/local/deterministic';
import { runCli } from '../../src/cli/run-cli';
import { ALL_SCOPES, GRAPH_BASE_URL, LSCB_USERS, createGraphDouble, graphDoubleHandlers, seedLscbTenant } from '../graph-double';
import { setupServer } from './harness';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    cwd: '/tmp',
    clock: steppingClock('2026-03-29T00:30:00.000Z', 60_000),
    ids: sequentialIds('cli'),
    defaultActor: 'Test operator (fictional)',
  });
  return { code, out, err };
}

describe('cli provision', () => {
  it('creates the lists once, and the second run changes nothing', async () => {
    const double = createGraphDouble({ seed: 3 });
    seedLscbTenant(double);
    server.resetHandlers(...graphDoubleHandlers(double));
    const token = double.issueToken({ upn: LSCB_USERS.reviewer, scopes: ['Sites.Manage.All'] });
    const site = 'contoso.sharepoint.com:/sites/LSCBCaseReviews';

    const first = await cli('provision', '--site', site, '--graph-base-url', GRAPH_BASE_URL, '--token', token);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('[1/5] LSCB team site: Create list LtReviewRegister');
    expect(first.out).toMatch(/Done: 5 changes, schema version 3\.\n$/);

    double.clearRequestLog();
    const second = await cli('provision', '--site', site, '--graph-base-url', GRAPH_BASE_URL, '--token', token);
    expect(second).toEqual({ code: 0, err: '', out: expect.stringContaining('Nothing to change: everything was already in place (schema version 3).') });
    expect(double.requests.filter((entry) => entry.method !== 'GET')).toEqual([]);
  });

  it('explains a token without the permission to create lists', async () => {
    const double = createGraphDouble({ seed: 3 });
    const tenant = seedLscbTenant(double);
    server.resetHandlers(...graphDoubleHandlers(double));
    const token = double.issueToken({ upn: LSCB_USERS.reviewer, scopes: ['Sites.ReadWrite.All'] });
    const run = await cli('provision', '--site', tenant.siteId, '--graph-base-url', GRAPH_BASE_URL, '--token', token);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^You do not have permission for Setting up SharePoint \(accessDenied: .*Sites\.Manage\.All.*\)\. Ask the LSCB coordinator for access\.\n$/);
    expect(ALL_SCOPES).toContain('Sites.Manage.All');
  });

  it('asks for the site and a token', async () => {
    expect(await cli('provision', '--graph-base-url', GRAPH_BASE_URL, '--token', 't')).toMatchObject({ code: 2, err: expect.stringContaining('--site is required') });
    const saved = process.env.GRAPH_TOKEN;
    delete process.env.GRAPH_TOKEN;
    try {
      expect(await cli('provision', '--site', 'x')).toMatchObject({ code: 2, err: expect.stringContaining('GRAPH_TOKEN') });
    } finally {
      if (saved !== undefined) process.env.GRAPH_TOKEN = saved;
    }
  });
});
