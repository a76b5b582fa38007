import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAPH_SCOPE_NAMES, PRE_DECLARED_SCOPES } from '../../src/host/auth/scopes';
import { DEFAULT_CONNECT_SOURCES, FRAME_ANCESTORS, contentSecurityPolicy } from '../../src/host/csp';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** A bicep string variable's value, with bicep's \' escapes undone. */
function bicepVariable(source: string, name: string): string {
  const match = new RegExp(`^var ${name} = (?:trim\\()?'((?:[^'\\\\]|\\\\.)*)'`, 'm').exec(source);
  if (!match?.[1]) throw new Error(`azure.bicep has no variable ${name}`);
  return match[1].replace(/\\'/g, "'");
}

describe('infrastructure', () => {
  const bicep = read('infra/azure.bicep');

  it('lets exactly the Teams and Microsoft 365 hosts frame the app, as the app build does', () => {
    const frameAncestors = bicepVariable(bicep, 'frameAncestors').split(' ');
    expect(frameAncestors).toEqual([...FRAME_ANCESTORS]);
    for (const host of [
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.office.com',
      'https://*.microsoft365.com',
      'https://outlook.office.com',
      'https://*.cloud.microsoft',
    ]) {
      expect(frameAncestors).toContain(host);
    }
  });

  it('sends the same policy from Front Door as the build writes for static hosts', () => {
    const connect = bicepVariable(bicep, 'connectSources').replace(' ${extraConnectSources}', '').split(' ');
    expect(connect).toEqual([...DEFAULT_CONNECT_SOURCES]);
    const template = bicepVariable(bicep, 'contentSecurityPolicy')
      .replace('${connectSources}', connect.join(' '))
      .replace('${frameAncestors}', FRAME_ANCESTORS.join(' '));
    expect(template).toBe(contentSecurityPolicy());
    expect(bicep).toContain("headerName: 'Content-Security-Policy'");
  });

  it('registers the SPA redirects for the popup bridge and nested app authentication, and the app’s scopes', () => {
    const aad = JSON.parse(read('aad.manifest.json')) as {
      replyUrlsWithType: Array<{ url: string; type: string }>;
      requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
    };
    const spa = aad.replyUrlsWithType.filter((reply) => reply.type === 'Spa').map((reply) => reply.url);
    expect(spa).toContain('brk-multihub://${{TAB_DOMAIN}}');
    expect(spa).toContain('${{TAB_ENDPOINT}}/redirect.html');
    const graph = aad.requiredResourceAccess.find((resource) => resource.resourceAppId === 'Microsoft Graph');
    // Only what must be known ahead of use is declared; the rest is asked for when first used (ADR 0906).
    expect(graph?.resourceAccess.map((access) => access.id).sort()).toEqual([...PRE_DECLARED_SCOPES].sort());
    for (const access of graph?.resourceAccess ?? []) expect(GRAPH_SCOPE_NAMES).toContain(access.id);
    expect(graph?.resourceAccess.every((access) => access.type === 'Scope')).toBe(true);
  });

  it('keeps secrets out of the committed environment files', () => {
    for (const file of ['env/.env.dev', 'env/.env.local']) {
      const assignments = read(file)
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
      for (const line of assignments) {
        const [name, ...value] = line.split('=');
        expect(name?.startsWith('SECRET_'), `${file}: ${name}`).toBe(false);
        if (/SECRET|PASSWORD|TOKEN|KEY/i.test(name ?? '')) expect(value.join('=')).toBe('');
      }
    }
  });

  it('points the Agents Toolkit at files that exist', () => {
    for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
      const yml = read(file);
      const paths = [...yml.matchAll(/(?:manifestPath|path|parameters): \.?\/?([\w./-]+\.(?:json|bicep))$/gm)].map((match) => match[1] ?? '');
      expect(paths.length).toBeGreaterThan(1);
      for (const path of paths) expect(existsSync(join(ROOT, path)), `${file} → ${path}`).toBe(true);
    }
  });
});
