// The production build cannot sign in with the test sign-in, carries a CSP for Teams, and keeps Microsoft 365
// code (MSAL, teams-js) off the standalone first screen. Builds the app twice (production and m365-double).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SIGN_IN_MARKER } from '../../src/host/auth/test-sign-in';
import { FRAME_ANCESTORS } from '../../src/host/csp';
import { buildApp, firstLoad } from '../bench/first-load';
import { withProcessEnv } from '../host-harness/double-environment';

const BUILD_TIMEOUT_MS = 300_000;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Output files (relative paths) whose text contains `needle`. */
function filesContaining(folder: string, needle: string, only?: readonly string[]): string[] {
  const candidates = only ? only.map((file) => join(folder, file)) : filesUnder(folder).filter((file) => /\.(js|html|json)$/.test(file));
  return candidates.filter((file) => readFileSync(file, 'utf8').includes(needle)).map((file) => relative(folder, file));
}

describe('the production build', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lt-build-test-'));
  const production = join(folder, 'production');
  const testBuild = join(folder, 'm365-double');

  beforeAll(async () => {
    await buildApp({ outDir: production });
    await withProcessEnv(
      {
        VITE_TENANT_CONFIG: JSON.stringify({ clientId: 'c', authority: 'https://login.microsoftonline.com/t', teamId: 't', registerSiteId: 's', graphBaseUrl: 'http://127.0.0.1:9/v1.0' }),
        VITE_TEST_TOKEN_URL: 'http://127.0.0.1:9/_double/token',
      },
      () => buildApp({ outDir: testBuild, mode: 'm365-double' }),
    );
  }, BUILD_TIMEOUT_MS);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('does not contain the test sign-in, which the m365-double build does', () => {
    expect(filesContaining(production, TEST_SIGN_IN_MARKER)).toEqual([]);
    // The same search finds it in the test build, so an empty answer above means something.
    expect(filesContaining(testBuild, TEST_SIGN_IN_MARKER).length).toBeGreaterThan(0);
    // Nor the double's token endpoint path.
    expect(filesContaining(production, '/_double/token')).toEqual([]);
  });

  it('keeps MSAL and teams-js off the standalone first screen, loading them only when needed', () => {
    const first = firstLoad(production).files;
    expect(first.length).toBeGreaterThan(0);
    for (const library of ['@azure/msal-browser', 'res.cdn.office.net/teams-js']) {
      expect(filesContaining(production, library, first), `${library} on the first screen`).toEqual([]);
      expect(filesContaining(production, library).length, `${library} somewhere in the build`).toBeGreaterThan(0);
    }
  });

  it('ships the Content-Security-Policy for static hosts, with Teams and Microsoft 365 as the only framers', () => {
    const swa = JSON.parse(readFileSync(join(production, 'staticwebapp.config.json'), 'utf8')) as { globalHeaders: Record<string, string> };
    const csp = swa.globalHeaders['Content-Security-Policy'] ?? '';
    const frameAncestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ');
    expect(frameAncestors).toEqual([...FRAME_ANCESTORS]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('127.0.0.1');
    expect(readFileSync(join(production, '_headers'), 'utf8')).toContain(`Content-Security-Policy: ${csp}`);
    // The test build may call the double on this machine.
    expect(readFileSync(join(testBuild, 'staticwebapp.config.json'), 'utf8')).toContain('http://127.0.0.1:9');
  });

  it('has the MSAL redirect bridge page and a standalone config.json', () => {
    const bridge = readFileSync(join(production, 'redirect.html'), 'utf8');
    expect(bridge).toMatch(/<script type="module"[^>]+src="\/assets\/redirect-[^"]+\.js"/);
    const config = JSON.parse(readFileSync(join(production, 'config.json'), 'utf8')) as { tenant: unknown };
    expect(config.tenant).toBeNull();
  });
});
