import type { Failure } from '../domain/failures';
import type { Result } from '../domain/result';
import type { TenantConfig } from './tenant-config';

/**
 * How the app decides its mode at start:
 * 1. inside a Microsoft 365 host (teams-js `app.initialize()` answers in time) → Microsoft 365 mode;
 * 2. otherwise, with a tenant configured → Microsoft 365 mode after MSAL sign-in;
 * 3. otherwise → standalone (IndexedDB in this browser).
 */
export type ModeDecision<Host> =
  | { readonly mode: 'microsoft365'; readonly via: 'host'; readonly host: Host; readonly tenant: TenantConfig }
  | { readonly mode: 'microsoft365'; readonly via: 'signIn'; readonly tenant: TenantConfig }
  | { readonly mode: 'standalone'; readonly hostCheck: HostCheck }
  /** Start-up cannot go on; `host` is set when a host is waiting to hear that it failed. */
  | { readonly mode: 'problem'; readonly failure: Failure; readonly host: Host | null };

/** What the host check found, kept for the start-up log and the tests. */
export type HostCheck = 'notFramed' | 'rejected' | 'timedOut';

export interface ModeSelectionDeps<Host> {
  /**
   * Whether a host could be there at all: a parent frame, an opener or a mobile webview bridge. When not,
   * teams-js is not even loaded (it would reject at once, and loading it fetches a list from a CDN).
   */
  readonly mayBeHosted: boolean;
  /** Loads teams-js and calls `app.initialize()`; resolves with a session when a host answered. */
  readonly initializeHost: () => Promise<Host>;
  /** A non-host parent never answers, so the wait is bounded. */
  readonly hostTimeoutMs: number;
  readonly loadTenantConfig: () => Promise<Result<TenantConfig | null, Failure>>;
}

type HostOutcome<Host> = { readonly found: true; readonly host: Host } | { readonly found: false; readonly check: HostCheck };

/** Races the host's answer against a timer; a rejection or silence both mean "no host". */
export async function detectHost<Host>(initializeHost: () => Promise<Host>, timeoutMs: number): Promise<HostOutcome<Host>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<HostOutcome<Host>>((resolve) => {
    timer = setTimeout(() => resolve({ found: false, check: 'timedOut' }), timeoutMs);
  });
  const answered = Promise.resolve()
    .then(initializeHost)
    .then(
      (host): HostOutcome<Host> => ({ found: true, host }),
      (): HostOutcome<Host> => ({ found: false, check: 'rejected' }),
    );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export async function selectMode<Host>(deps: ModeSelectionDeps<Host>): Promise<ModeDecision<Host>> {
  const hostOutcome: Promise<HostOutcome<Host>> = deps.mayBeHosted
    ? detectHost(deps.initializeHost, deps.hostTimeoutMs)
    : Promise.resolve({ found: false, check: 'notFramed' });
  // Both checks run at once: the config file's round trip overlaps the host's handshake.
  const [outcome, tenant] = await Promise.all([hostOutcome, deps.loadTenantConfig()]);

  const foundHost = outcome.found ? outcome.host : null;
  if (!tenant.ok) return { mode: 'problem', failure: tenant.error, host: foundHost };
  if (outcome.found) {
    if (tenant.value === null) {
      return {
        mode: 'problem',
        host: outcome.host,
        failure: {
          kind: 'blocked',
          what: 'Microsoft 365 mode',
          reasons: [
            'this app is running inside Microsoft 365 but this deployment names no tenant: set "tenant" in config.json (see docs/host-and-teams.md)',
          ],
        },
      };
    }
    return { mode: 'microsoft365', via: 'host', host: outcome.host, tenant: tenant.value };
  }
  if (tenant.value !== null) return { mode: 'microsoft365', via: 'signIn', tenant: tenant.value };
  return { mode: 'standalone', hostCheck: outcome.check };
}

/** Whether this window could be hosted by Teams/Microsoft 365 at all (see teams-js `initializeCommunication`). */
export function mayBeHosted(win: Pick<Window, 'parent' | 'self' | 'opener'> & { nativeInterface?: unknown }): boolean {
  return win.parent !== win.self || Boolean(win.opener) || win.nativeInterface !== undefined;
}
