import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, headersFile, originOf, staticWebAppConfig } from './src/host/csp.js';

/**
 * Modes: `production` (default for `vite build`), `development` (`npm start`), `m365-double`: Microsoft 365
 * mode against the Graph double with the test sign-in (`npm run dev:m365`, the browser tests; only that mode
 * compiles the test sign-in in, see src/host/microsoft365.tsx), and `teams-local`: a real Teams client against a
 * real tenant over https (`npm run dev:teams`, after `atk provision/deploy --env local`).
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), ['VITE_', 'SSL_']);
  const csp = contentSecurityPolicy({ extraConnectSources: connectSourcesFrom(env) });
  // `npm run dev:teams` (mode teams-local): Teams needs https; the Agents Toolkit writes a trusted dev certificate.
  const https = env.SSL_CRT_FILE && env.SSL_KEY_FILE ? { cert: readFileSync(env.SSL_CRT_FILE), key: readFileSync(env.SSL_KEY_FILE) } : undefined;
  return {
    plugins: [react(), securityHeaders(csp)],
    server: https ? { port: 53000, strictPort: true, host: 'localhost', https } : { port: 5173, strictPort: true, host: '127.0.0.1' },
    preview: { port: 5173, strictPort: true, host: '127.0.0.1' },
    build: {
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: {
        // redirect.html is msal-browser v5's redirect bridge for sign-in popups.
        input: { main: resolve(import.meta.dirname, 'index.html'), redirect: resolve(import.meta.dirname, 'redirect.html') },
      },
    },
  };
});

/** The tenant's Graph endpoint and sign-in authority, and the double's token endpoint in the test build. */
function connectSourcesFrom(env: Record<string, string>): string[] {
  const sources: string[] = [];
  if (env.VITE_TENANT_CONFIG) {
    try {
      const tenant = JSON.parse(env.VITE_TENANT_CONFIG) as { graphBaseUrl?: string; authority?: string };
      sources.push(...originOf(tenant.graphBaseUrl), ...originOf(tenant.authority));
    } catch {
      // An unreadable variable is reported by the app at start-up, field by field.
    }
  }
  sources.push(...originOf(env.VITE_TEST_TOKEN_URL));
  return sources;
}

/** Emits the CSP for static hosts and sends it from `vite preview`, so browser tests run under it. */
function securityHeaders(csp: string): Plugin {
  return {
    name: 'learning-together-security-headers',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'staticwebapp.config.json', source: `${JSON.stringify(staticWebAppConfig(csp), null, 2)}\n` });
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(csp) });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', csp);
        next();
      });
    },
  };
}
