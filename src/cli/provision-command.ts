// `npm run cli -- provision --site <siteId or hostname:/path> --graph-base-url <url> [--token <t>]`:
// sets up (or upgrades) the SharePoint lists of an LSCB team site, as the setup screen does. Safe to repeat.
import { describeFailure } from '../app/failure-messages';

/** Graph's service root unless --graph-base-url names another Graph-compatible endpoint. */
const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export const PROVISION_USAGE =
  '  provision --site <siteId or hostname:/path> [--graph-base-url <url>] [--token <t>] [--lscb-only]\n' +
  '                                                    Create or upgrade the SharePoint lists (token: --token or GRAPH_TOKEN).\n';

export const PROVISION_OPTIONS = {
  site: { type: 'string' },
  'graph-base-url': { type: 'string' },
  token: { type: 'string' },
  'lscb-only': { type: 'boolean' },
} as const;

export interface ProvisionIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** GRAPH_TOKEN, when --token is not given (so the token stays out of the shell history). */
  readonly environmentToken?: string;
  readonly fetch?: typeof fetch;
}

export interface ProvisionValues {
  readonly site?: string;
  readonly graphBaseUrl?: string;
  readonly token?: string;
  readonly lscbOnly?: boolean;
}

/** Returns the exit code: 0 done, 1 Graph refused or failed (explained), 2 the command was not complete. */
export async function provisionCommand(values: ProvisionValues, io: ProvisionIo): Promise<number> {
  const site = values.site?.trim();
  if (site === undefined || site === '') {
    io.stderr('--site is required: the LSCB team site id, or hostname:/sites/path.\n');
    return 2;
  }
  const token = values.token ?? io.environmentToken;
  if (token === undefined || token.trim() === '') {
    io.stderr('A Graph access token is needed: pass --token, or set GRAPH_TOKEN. It needs Sites.Manage.All (delegated).\n');
    return 2;
  }
  const graphBaseUrl = values.graphBaseUrl ?? DEFAULT_GRAPH_BASE_URL;
  io.stdout(`Setting up the SharePoint lists of ${site} through ${graphBaseUrl}\n`);
  // Loaded only for this command, so the bundle commands start as quickly as before.
  const { createGraphWorkspaceProvisioner } = await import('../adapters/graph/workspace-provisioner');
  const provisioner = createGraphWorkspaceProvisioner({
    graphBaseUrl,
    registerSiteId: site,
    getAccessToken: async () => token.trim(),
    fetch: io.fetch,
    includeReviewSites: values.lscbOnly !== true,
  });
  const result = await provisioner.provision((progress) => {
    if (progress.step === 'inspect' || progress.step === 'done') return;
    io.stdout(`  [${progress.done}/${progress.total}] ${progress.message}\n`);
  });
  if (!result.ok) {
    io.stderr(`${describeFailure(result.error)}\n`);
    return 1;
  }
  const { changes, schemaVersion, reviewsUpgraded, notes } = result.value;
  for (const note of notes) io.stdout(`  Note: ${note}\n`);
  io.stdout(
    changes === 0
      ? `Nothing to change: everything was already in place (schema version ${schemaVersion}).\n`
      : `Done: ${changes} ${changes === 1 ? 'change' : 'changes'}, schema version ${schemaVersion}${reviewsUpgraded > 0 ? `, ${reviewsUpgraded} review workspace(s) upgraded` : ''}.\n`,
  );
  return 0;
}
