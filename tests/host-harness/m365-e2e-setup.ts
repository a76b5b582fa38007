// The browser tests' Microsoft 365 environment: the Graph double on 127.0.0.1 (provisioned LSCB site), the app
// built in the m365-double mode with the host harness as an extra page, served on 127.0.0.1 under the app's CSP.
// Called from tests/e2e/support/global-setup.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { startDoubleEnvironment, withProcessEnv, type DoubleEnvironment } from './double-environment';

export interface M365TestEnvironment {
  /** The m365-double build, e.g. http://127.0.0.1:41234/ */
  readonly appUrl: string;
  /** The host harness page on the same origin. */
  readonly harnessUrl: string;
  readonly graph: { readonly url: string; readonly origin: string; readonly teamId: string; readonly siteId: string; readonly reviewer: string };
  close(): Promise<void>;
}

export async function startM365TestEnvironment(): Promise<M365TestEnvironment> {
  const environment: DoubleEnvironment = await startDoubleEnvironment();
  // Each run gets its own output folder: the build bakes in this run's double address, and two runs at once
  // (several people share the machine) must not serve each other's files.
  const outDir = mkdtempSync(join(tmpdir(), 'lt-e2e-m365-'));
  let server: PreviewServer | undefined;
  try {
    server = await withProcessEnv(environment.viteEnv, async () => {
      await build({
        mode: 'm365-double',
        logLevel: 'error',
        build: {
          outDir,
          emptyOutDir: true,
          sourcemap: false,
          rolldownOptions: { input: { harness: resolve(import.meta.dirname, 'index.html') } },
        },
      });
      return preview({ mode: 'm365-double', logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
    });
  } catch (error) {
    await environment.close();
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The m365 preview server has no address');
  const appUrl = `http://127.0.0.1:${address.port}/`;
  return {
    appUrl,
    harnessUrl: `${appUrl}tests/host-harness/index.html`,
    graph: { url: environment.server.url, origin: environment.server.origin, teamId: environment.teamId, siteId: environment.siteId, reviewer: environment.users.reviewer },
    async close() {
      await new Promise<void>((resolveClose) => server?.httpServer.close(() => resolveClose()));
      await environment.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
