// FICTIONAL tenant ids. Start-up reads where a tenant may be configured without zod, and loads the zod-based
// checks (src/host/tenant-config.ts) only when there is something to check (src/host/tenant-config-source.ts).
import { describe, expect, it } from 'vitest';
import { ok } from '../../src/domain/result';
import * as checks from '../../src/host/tenant-config';
import type { TenantConfig } from '../../src/host/tenant-config';
import { readTenantConfig, type TenantConfigChecks } from '../../src/host/tenant-config-source';

const TENANT = {
  clientId: 'client-fictional',
  authority: 'https://login.microsoftonline.com/tenant-fictional',
  teamId: 'team-fictional',
  registerSiteId: 'site-fictional',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
};

/** Loads the real checks, counting how often they were asked for. */
function countedChecks() {
  let loads = 0;
  return {
    load: (): Promise<TenantConfigChecks<TenantConfig>> => {
      loads++;
      return Promise.resolve(checks);
    },
    loads: () => loads,
  };
}

describe('reading the tenant configuration at start-up', () => {
  it('never loads the checks when no tenant is configured (standalone)', async () => {
    const counted = countedChecks();
    const result = await readTenantConfig({ buildVariable: '  ', readConfigFile: () => Promise.resolve(null) }, counted.load);
    expect(result).toEqual(ok(null));
    expect(counted.loads()).toBe(0);
  });

  it('loads the checks for a config file and reports its problems field by field', async () => {
    const counted = countedChecks();
    const text = JSON.stringify({ tenant: { ...TENANT, clientId: '' } });
    const result = await readTenantConfig({ buildVariable: undefined, readConfigFile: () => Promise.resolve(text) }, counted.load);
    expect(counted.loads()).toBe(1);
    if (result.ok || result.error.kind !== 'blocked') throw new Error('expected a blocked failure');
    expect(result.error.reasons.some((reason) => reason.startsWith('config.json tenant.clientId'))).toBe(true);
  });

  it('checks the build variable, which wins over config.json', async () => {
    const counted = countedChecks();
    const result = await readTenantConfig(
      { buildVariable: JSON.stringify(TENANT), readConfigFile: () => Promise.reject(new Error('must not be read')) },
      counted.load,
    );
    expect(result).toEqual(ok(TENANT));
  });

  it('reports checks that cannot be loaded as a failure, rather than throwing', async () => {
    const result = await readTenantConfig(
      { buildVariable: undefined, readConfigFile: () => Promise.resolve('{"tenant": null}') },
      (): Promise<TenantConfigChecks<TenantConfig>> => Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'unavailable',
        what: 'Microsoft 365 mode',
        detail: 'the configuration check could not be loaded: Failed to fetch dynamically imported module',
        retryable: false,
      },
    });
  });
});
