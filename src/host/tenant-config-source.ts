import type { Failure } from '../domain/failures';
import { err, ok, type Result } from '../domain/result';

// Reading where a tenant may be configured needs no zod; checking what is found does. So start-up reads the
// sources here and loads the zod-based checks (tenant-config.ts, a chunk of its own) only when there is something
// to check: a standalone start, with no config or with the shipped `"tenant": null` config, never fetches them
// (DESIGN §6, first-load-js and first-screen).

export interface TenantConfigSources {
  /** `import.meta.env.VITE_TENANT_CONFIG`, if the build set it. */
  readonly buildVariable: string | undefined;
  /** Reads config.json beside index.html; `null` when there is none. */
  readonly readConfigFile: () => Promise<string | null>;
}

/** The checks in tenant-config.ts (that module itself fits), generic so this module need not import it. */
export interface TenantConfigChecks<Config> {
  /** The build variable holds the tenant object itself. */
  parseTenantVariable(text: string, source: string): Result<Config, Failure>;
  /** config.json: `{ "tenant": null }` means standalone. */
  parseConfigFile(text: string, source: string): Result<Config | null, Failure>;
}

/** The config file's `schemaVersion` (tenant-config.ts re-exports it). */
export const TENANT_CONFIG_VERSION = 1;

/**
 * Whether config.json's text says "standalone" in exactly the shape tenant-config.ts accepts: an object of
 * `tenant: null`, with at most `schemaVersion: 1` and a string `$comment` beside it. The shipped config.json is
 * this, so a standalone start decides at once, without fetching the zod checks (DESIGN §6, first-screen).
 * Anything else, even a near miss, goes to the checks, which accept it or say what is wrong with it.
 */
export function isPlainStandaloneConfig(text: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const fields = json as Record<string, unknown>;
  return (
    Object.hasOwn(fields, 'tenant') &&
    fields.tenant === null &&
    Object.keys(fields).every((key) => key === 'tenant' || key === 'schemaVersion' || key === '$comment') &&
    (fields.schemaVersion === undefined || fields.schemaVersion === TENANT_CONFIG_VERSION) &&
    (fields.$comment === undefined || typeof fields.$comment === 'string')
  );
}

/** The build variable wins; otherwise config.json; otherwise no tenant. */
export async function readTenantConfig<Config>(
  sources: TenantConfigSources,
  loadChecks: () => Promise<TenantConfigChecks<Config>>,
): Promise<Result<Config | null, Failure>> {
  const variable = sources.buildVariable !== undefined && sources.buildVariable.trim() !== '' ? sources.buildVariable : null;
  const text = variable ?? (await sources.readConfigFile());
  if (text === null) return ok(null);
  if (variable === null && isPlainStandaloneConfig(text)) return ok(null);
  let checks: TenantConfigChecks<Config>;
  try {
    checks = await loadChecks();
  } catch (error) {
    const detail = `the configuration check could not be loaded${error instanceof Error && error.message ? `: ${error.message}` : ''}`;
    return err({ kind: 'unavailable', what: 'Microsoft 365 mode', detail, retryable: false });
  }
  return variable !== null ? checks.parseTenantVariable(variable, 'VITE_TENANT_CONFIG') : checks.parseConfigFile(text, 'config.json');
}

/** Fetches config.json next to the page. A missing file is "no tenant"; the server being down is too. */
export function configFileReader(baseUrl: string, fetchImpl: typeof fetch = fetch): () => Promise<string | null> {
  return async () => {
    try {
      const response = await fetchImpl(new URL('config.json', baseUrl), { cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok) return null;
      const type = response.headers.get('content-type') ?? '';
      // A single-page-app fallback may answer any path with index.html: that is not a config file.
      if (type.includes('text/html')) return null;
      return await response.text();
    } catch {
      return null;
    }
  };
}
