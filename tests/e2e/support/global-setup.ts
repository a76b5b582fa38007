import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

/** Builds the real app once and serves it on 127.0.0.1 for every browser test. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = 'dist-e2e';
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
  server = await preview({ logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no address');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  };
}
