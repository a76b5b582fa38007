import { describe, expect, it } from 'vitest';
import { ok } from '../domain/result';
import { mayBeHosted, selectMode, type ModeSelectionDeps } from './mode-selection';
import { loadTenantConfig, parseConfigFile, type TenantConfig } from './tenant-config';

const TENANT: TenantConfig = {
  clientId: '00000000-0000-0000-0000-000000000001',
  authority: 'https://login.microsoftonline.com/contoso.example',
  teamId: 'team-lscb',
  registerSiteId: 'site-register',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
};

interface FakeHost {
  readonly name: string;
}

function deps(overrides: Partial<ModeSelectionDeps<FakeHost>>): ModeSelectionDeps<FakeHost> {
  return {
    mayBeHosted: true,
    initializeHost: () => Promise.resolve({ name: 'Teams' }),
    hostTimeoutMs: 200,
    loadTenantConfig: () => Promise.resolve(ok(TENANT)),
    ...overrides,
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('mode selection at start', () => {
  it('chooses Microsoft 365 through the host when initialize resolves, without waiting for the timeout', async () => {
    const { value, ms } = await timed(() => selectMode(deps({ hostTimeoutMs: 5_000 })));
    expect(value).toEqual({ mode: 'microsoft365', via: 'host', host: { name: 'Teams' }, tenant: TENANT });
    expect(ms).toBeLessThan(1_000);
  });

  it('falls back to sign-in with a tenant when initialize rejects (no parent window), at once', async () => {
    const { value, ms } = await timed(() =>
      selectMode(deps({ initializeHost: () => Promise.reject(new Error('Initialization Failed. No Parent window found.')), hostTimeoutMs: 5_000 })),
    );
    expect(value).toEqual({ mode: 'microsoft365', via: 'signIn', tenant: TENANT });
    expect(ms).toBeLessThan(1_000);
  });

  it('gives up on a parent that never answers once the timeout passes, and runs standalone without a tenant', async () => {
    const hanging = () => new Promise<FakeHost>(() => undefined);
    const { value, ms } = await timed(() => selectMode(deps({ initializeHost: hanging, hostTimeoutMs: 150, loadTenantConfig: () => Promise.resolve(ok(null)) })));
    expect(value).toEqual({ mode: 'standalone', hostCheck: 'timedOut' });
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(1_500);
  });

  it('treats a host whose initialize throws synchronously as no host', async () => {
    const throwing = (): Promise<FakeHost> => {
      throw new Error('teams-js failed to load');
    };
    const value = await selectMode(deps({ initializeHost: throwing, loadTenantConfig: () => Promise.resolve(ok(null)) }));
    expect(value).toEqual({ mode: 'standalone', hostCheck: 'rejected' });
  });

  it('does not even try the host when the window is not framed', async () => {
    let called = false;
    const value = await selectMode(
      deps({
        mayBeHosted: false,
        initializeHost: () => {
          called = true;
          return Promise.resolve({ name: 'Teams' });
        },
        loadTenantConfig: () => Promise.resolve(ok(null)),
      }),
    );
    expect(value).toEqual({ mode: 'standalone', hostCheck: 'notFramed' });
    expect(called).toBe(false);
  });

  it('refuses to run standalone inside a host when no tenant is configured, and says how to mend it', async () => {
    const value = await selectMode(deps({ loadTenantConfig: () => Promise.resolve(ok(null)) }));
    expect(value.mode).toBe('problem');
    if (value.mode !== 'problem') return;
    expect(value.failure.kind).toBe('blocked');
    expect(JSON.stringify(value.failure)).toContain('config.json');
  });

  it('reports a bad config file field by field instead of silently running standalone', async () => {
    const value = await selectMode(
      deps({
        mayBeHosted: false,
        loadTenantConfig: () =>
          loadTenantConfig({
            buildVariable: undefined,
            readConfigFile: () => Promise.resolve(JSON.stringify({ tenant: { clientId: '', authority: 'not a url', teamId: 't', registerSiteId: 's' } })),
          }),
      }),
    );
    expect(value.mode).toBe('problem');
    if (value.mode !== 'problem' || value.failure.kind !== 'blocked') throw new Error('expected a blocked failure');
    expect(value.failure.reasons.some((reason) => reason.startsWith('config.json tenant.clientId'))).toBe(true);
    expect(value.failure.reasons.some((reason) => reason.startsWith('config.json tenant.authority'))).toBe(true);
  });
});

describe('tenant configuration', () => {
  it('reads "tenant": null as standalone and fills in the Graph endpoint by default', () => {
    expect(parseConfigFile('{"tenant": null}', 'config.json')).toEqual(ok(null));
    const { graphBaseUrl: _default, ...withoutGraph } = TENANT;
    const parsed = parseConfigFile(JSON.stringify({ tenant: withoutGraph }), 'config.json');
    expect(parsed).toEqual(ok(TENANT));
  });

  it('prefers the build variable and trims a trailing slash from the Graph base URL', async () => {
    const result = await loadTenantConfig({
      buildVariable: JSON.stringify({ ...TENANT, graphBaseUrl: 'http://127.0.0.1:5174/v1.0/' }),
      readConfigFile: () => Promise.reject(new Error('must not be read')),
    });
    expect(result).toEqual(ok({ ...TENANT, graphBaseUrl: 'http://127.0.0.1:5174/v1.0' }));
  });

  it('rejects unknown fields, so a misspelt key is not silently ignored', () => {
    const result = parseConfigFile(JSON.stringify({ tenant: { ...TENANT, teamID: 'x' } }), 'config.json');
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('teamID');
  });
});

describe('whether a host could be there', () => {
  const top = { parent: null as unknown, self: null as unknown, opener: null };
  it('is false for a top-level window with no opener or native bridge', () => {
    const win = { ...top };
    win.parent = win;
    win.self = win;
    expect(mayBeHosted(win as unknown as Window)).toBe(false);
  });
  it('is true when framed or given a mobile bridge', () => {
    const win = { ...top, parent: {}, self: {} };
    expect(mayBeHosted(win as unknown as Window)).toBe(true);
    const mobile = { ...top, nativeInterface: {} };
    mobile.parent = mobile;
    mobile.self = mobile;
    expect(mayBeHosted(mobile as unknown as Window)).toBe(true);
  });
});
