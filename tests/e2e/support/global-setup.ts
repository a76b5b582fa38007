import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { startM365TestEnvironment, type M365TestEnvironment } from '../../host-harness/m365-e2e-setup';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Microsoft 365 mode against the Graph double (tests/host-harness/m365-e2e-setup.ts). */
    m365: { appUrl: string; harnessUrl: string; graph: M365TestEnvironment['graph'] };
  }
}

let server: PreviewServer | undefined;

/** Builds the real app once and serves it on 127.0.0.1 for every browser test. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // E2E_OUT_DIR lets two engineers run browser tests at once in one checkout without emptying each other's build.
  const outDir = process.env.E2E_OUT_DIR ?? 'dist-e2e';
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
  server = await preview({ logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no address');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  const m365 = await startM365TestEnvironment();
  project.provide('m365', { appUrl: m365.appUrl, harnessUrl: m365.harnessUrl, graph: m365.graph });
  return async () => {
    await m365.close();
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  };
}
