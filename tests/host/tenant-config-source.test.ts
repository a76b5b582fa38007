// FICTIONAL tenant ids. Start-up reads where a tenant may be configured without zod, and loads the zod-based
// checks (src/host/tenant-config.ts) only when there is something to check (src/host/tenant-config-source.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ok } from '../../src/domain/result';
import * as checks from '../../src/host/tenant-config';
import type { TenantConfig } from '../../src/host/tenant-config';
import { isPlainStandaloneConfig, readTenantConfig, type TenantConfigChecks } from '../../src/host/tenant-config-source';

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

  it('decides standalone from the shipped config.json (tenant null) without loading the checks', async () => {
    const shipped = readFileSync('public/config.json', 'utf8');
    for (const text of [shipped, '{"tenant": null}', '{"schemaVersion": 1, "tenant": null}']) {
      const counted = countedChecks();
      const result = await readTenantConfig({ buildVariable: undefined, readConfigFile: () => Promise.resolve(text) }, counted.load);
      expect(result).toEqual(ok(null));
      expect(result).toEqual(checks.parseConfigFile(text, 'config.json'));
      expect(counted.loads(), text).toBe(0);
    }
  });

  it('leaves every near miss of a standalone config to the checks, which give the same answer as ever', async () => {
    const nearMisses = [
      '{"tenant": null, "extra": true}',
      '{"schemaVersion": 2, "tenant": null}',
      '{"schemaVersion": "1", "tenant": null}',
      '{"$comment": 3, "tenant": null}',
      '{"tenant": {}}',
      '{}',
      '[null]',
      'null',
      '{"tenant": null',
      JSON.stringify({ tenant: TENANT }),
    ];
    for (const text of nearMisses) {
      expect(isPlainStandaloneConfig(text), text).toBe(false);
      const counted = countedChecks();
      const result = await readTenantConfig({ buildVariable: undefined, readConfigFile: () => Promise.resolve(text) }, counted.load);
      expect(counted.loads(), text).toBe(1);
      expect(result, text).toEqual(checks.parseConfigFile(text, 'config.json'));
    }
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
      { buildVariable: undefined, readConfigFile: () => Promise.resolve(JSON.stringify({ tenant: TENANT })) },
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
