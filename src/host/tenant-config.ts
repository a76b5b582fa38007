import { z } from 'zod';
import type { Failure } from '../domain/failures';
import { issuesFromZod } from '../domain/failures';
import { err, ok, type Result } from '../domain/result';
import { TENANT_CONFIG_VERSION, readTenantConfig, type TenantConfigSources } from './tenant-config-source';

// Start-up reads the sources without zod (tenant-config-source.ts) and loads this module only to check them.
export { configFileReader, type TenantConfigSources } from './tenant-config-source';

/**
 * Where a deployment says which Microsoft 365 tenant it belongs to. It comes from the build-time variable
 * `VITE_TENANT_CONFIG` (JSON) or from `config.json` beside index.html, so one build can be deployed to many
 * tenants by editing one file. `{ "tenant": null }` means standalone.
 */
export { TENANT_CONFIG_VERSION };

const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

export const TenantConfigSchema = z
  .object({
    /** The Entra ID app registration (SPA) this app signs in with. */
    clientId: z.string().trim().min(1, 'required: the app registration (client) id'),
    /** e.g. https://login.microsoftonline.com/<tenant id> */
    authority: z.url('a web address such as https://login.microsoftonline.com/<tenant id>'),
    /** The LSCB's team (Microsoft 365 group id) that holds a private channel per review. */
    teamId: z.string().trim().min(1, "required: the LSCB team's group id"),
    /** The team's main SharePoint site, which holds the review register and pooled learning. */
    registerSiteId: z.string().trim().min(1, "required: the team site's id"),
    /** Any Graph-compatible endpoint; Microsoft Graph itself unless told otherwise. */
    graphBaseUrl: z
      .url('a web address such as https://graph.microsoft.com/v1.0')
      .default(GRAPH_V1)
      .transform((url) => url.replace(/\/+$/, '')),
  })
  .strict();
export type TenantConfig = z.infer<typeof TenantConfigSchema>;

const ConfigFileSchema = z
  .object({
    schemaVersion: z.literal(TENANT_CONFIG_VERSION).default(TENANT_CONFIG_VERSION),
    $comment: z.string().optional(),
    tenant: TenantConfigSchema.nullable(),
  })
  .strict();

/** A bad configuration is named field by field, so an administrator can mend it. */
function configProblem(source: string, error: z.ZodError): Failure {
  return {
    kind: 'blocked',
    what: 'Microsoft 365 mode',
    reasons: issuesFromZod(error).map((issue) => `${source} ${issue.path || '(whole file)'}: ${issue.message}`),
  };
}

/** Parses a config file's text: `null` tenant means "run standalone". */
export function parseConfigFile(text: string, source: string): Result<TenantConfig | null, Failure> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ kind: 'blocked', what: 'Microsoft 365 mode', reasons: [`${source} is not valid JSON`] });
  }
  const parsed = ConfigFileSchema.safeParse(json);
  return parsed.success ? ok(parsed.data.tenant) : err(configProblem(source, parsed.error));
}

/** The build-time variable holds the tenant object itself (no wrapper). */
export function parseTenantVariable(text: string, source: string): Result<TenantConfig, Failure> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err({ kind: 'blocked', what: 'Microsoft 365 mode', reasons: [`${source} is not valid JSON`] });
  }
  const parsed = TenantConfigSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : err(configProblem(source, parsed.error));
}

/** The build variable wins; otherwise config.json; otherwise no tenant (see tenant-config-source.ts). */
export function loadTenantConfig(sources: TenantConfigSources): Promise<Result<TenantConfig | null, Failure>> {
  return readTenantConfig(sources, () => Promise.resolve({ parseTenantVariable, parseConfigFile }));
}
