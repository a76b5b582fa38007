// The WorkspaceProvisioner port over SharePoint: the LSCB team site's lists (register, pooled learning),
// then every review site the register lists that is behind the current schema.
import type { Failure } from '../../domain/failures';
import { err, ok, type Result } from '../../domain/result';
import type { ProvisioningProgress, WorkspaceProvisioner, WorkspaceSetupReport } from '../../ports/workspace-provisioner';
import { failureFromOutcome, responseOf } from './http/failures';
import { queryString } from './http/urls';
import { createGraphContext, type GraphContext, type GraphStoreOptions } from './options';
import { provisionSite } from './provisioning';
import { CURRENT_SCHEMA_VERSION } from './schema/lists';
import { ReviewRegister } from './sites/register';

export type GraphProvisionerOptions = Pick<
  GraphStoreOptions,
  'graphBaseUrl' | 'getAccessToken' | 'registerSiteId' | 'fetch' | 'sleep' | 'now' | 'retry' | 'pageSize' | 'batchConcurrency' | 'requestTimeoutMs' | 'onEvent' | 'client'
> & {
  /** Also upgrade each review's own site (default true). */
  readonly includeReviewSites?: boolean;
};

async function resolveSite(context: GraphContext, given: string): Promise<Result<string, Failure>> {
  if (!given.includes(':/')) return ok(given);
  const sent = await context.transport.send({ method: 'GET', url: `/sites/${given}${queryString([['$select', 'id']])}` });
  const response = responseOf(sent);
  const id = (response?.body as { id?: unknown } | null)?.id;
  return response?.status === 200 && typeof id === 'string' ? ok(id) : err(failureFromOutcome(sent, 'The LSCB team site'));
}

export function createGraphWorkspaceProvisioner(options: GraphProvisionerOptions): WorkspaceProvisioner {
  const context = createGraphContext({ ...options, teamId: '' });
  return {
    async provision(onProgress: (progress: ProvisioningProgress) => void): Promise<Result<WorkspaceSetupReport, Failure>> {
      const site = await resolveSite(context, options.registerSiteId);
      if (!site.ok) return site;
      const main = await provisionSite(context, site.value, 'lscb', (progress) =>
        onProgress({ ...progress, message: `LSCB team site: ${progress.message}` }),
      );
      if (!main.ok) return main;
      let changes = main.value.applied;
      const notes = [...main.value.warnings];
      let reviewsUpgraded = 0;
      if (options.includeReviewSites !== false) {
        const register = new ReviewRegister(context, async () => ok(site.value));
        const entries = await register.listActive();
        if (!entries.ok) return entries;
        const behind = entries.value.filter((entry) => entry.siteId !== null && (entry.siteSchema ?? 0) < CURRENT_SCHEMA_VERSION);
        for (const [index, entry] of behind.entries()) {
          const codename = entry.summary?.codename ?? entry.reviewId;
          onProgress({ step: 'reviewSite', done: index, total: behind.length, message: `Review ${codename}: checking its lists` });
          const upgraded = await provisionSite(context, entry.siteId ?? '', 'review', (progress) =>
            onProgress({ ...progress, message: `Review ${codename}: ${progress.message}` }),
          );
          if (!upgraded.ok) {
            // A coordinator who is not a member of a review's channel cannot reach its site; the review's own team can.
            notes.push(`Review ${codename} could not be brought up to date (${upgraded.error.kind}); a member of its channel can open it to finish.`);
            continue;
          }
          changes += upgraded.value.applied;
          notes.push(...upgraded.value.warnings);
          const recorded = await register.update(entry, { siteSchema: CURRENT_SCHEMA_VERSION });
          if (recorded.ok) reviewsUpgraded += 1;
        }
      }
      onProgress({ step: 'done', done: 1, total: 1, message: changes === 0 ? 'Everything was already in place' : 'Set-up finished' });
      return ok({ schemaVersion: CURRENT_SCHEMA_VERSION, changes, reviewsUpgraded, notes });
    },
  };
}
