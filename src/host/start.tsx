import { createRoot } from 'react-dom/client';
import { App } from '../ui/App';
import { render, storedTheme } from './render';
import { mayBeHosted, selectMode, type ModeDecision } from './mode-selection';
import { standaloneServices, startQuickListRead } from './standalone';
import { opensReviewsList } from './standalone-database';
import { configFileReader, readTenantConfig } from './tenant-config-source';
import type { TeamsSession } from './teams/teams-host';

/**
 * How long to wait for a Teams / Microsoft 365 host to answer app.initialize(). A real host answers well within
 * this; a page that frames the app without being a host never answers (teams-js waits for 60 s).
 */
export const HOST_TIMEOUT_MS = 4_000;

export type StartDecision = ModeDecision<TeamsSession>;

/** Decides the mode, then renders. Microsoft 365 code (teams-js, MSAL, Graph) is loaded only when needed. */
export async function start(rootElement: HTMLElement): Promise<void> {
  const root = createRoot(rootElement);
  const hosted = mayBeHosted(window);
  // With no host that could answer, standalone is the likely mode: its data layer starts downloading now, alongside
  // the config.json round trip, and standalone.ts picks up the same module (ADR 0851). Not on the reviews list, whose
  // rows are read with Dexie alone before the data layer runs (ADR 0852). Only a Microsoft 365 sign-in start (a
  // configured tenant, not framed) wastes it.
  const firstScreenIsList = opensReviewsList(window.location.hash);
  if (!hosted && !firstScreenIsList) void import('./standalone-data').catch(() => undefined);
  const quickList = !hosted && firstScreenIsList ? startQuickListRead() : null;
  const decision = await selectMode<TeamsSession>({
    mayBeHosted: hosted,
    initializeHost: async () => (await import('./teams/teams-host')).connectToTeams(),
    hostTimeoutMs: HOST_TIMEOUT_MS,
    loadTenantConfig: () =>
      readTenantConfig(
        { buildVariable: import.meta.env.VITE_TENANT_CONFIG, readConfigFile: configFileReader(document.baseURI) },
        () => import('./tenant-config'),
      ),
  });
  document.documentElement.dataset.mode = decision.mode;

  switch (decision.mode) {
    case 'standalone':
      render(root, <App services={standaloneServices({ quickList })} />);
      return;
    case 'problem': {
      decision.host?.notifyLoaded();
      decision.host?.notifyFailure(decision.failure.kind);
      // Rare, so not on the first screen: the problem screen is a chunk of its own.
      const { StartupProblemScreen } = await import('../ui/screens/host/StartupScreens');
      render(root, <StartupProblemScreen theme={decision.host?.theme ?? storedTheme()} failure={decision.failure} />);
      return;
    }
    case 'microsoft365': {
      const { startMicrosoft365 } = await import('./microsoft365');
      await startMicrosoft365(root, decision);
      return;
    }
  }
}
