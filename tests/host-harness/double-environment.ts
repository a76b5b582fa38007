// Microsoft 365 mode without Microsoft 365: the Graph double on 127.0.0.1 with a seeded LSCB team and site, its
// lists provisioned through the app's own provisioner, and the Vite variables that point the m365-double build
// at it. Used by `npm run dev:m365` (scripts/dev-m365.ts) and the browser tests' global setup.
import { createGraphWorkspaceProvisioner } from '../../src/adapters/graph';
import { GRAPH_SCOPE_NAMES } from '../../src/host/auth/scopes';
import { createGraphDouble, LSCB_USERS, seedLscbTenant, startGraphDoubleServer, type GraphDouble, type GraphDoubleServer } from '../graph-double';

export interface DoubleEnvironment {
  readonly double: GraphDouble;
  readonly server: GraphDoubleServer;
  readonly teamId: string;
  readonly siteId: string;
  /** The fictional users of the seeded LSCB; the reviewer owns the team. */
  readonly users: typeof LSCB_USERS;
  /** The double's token endpoint, which the test sign-in calls. */
  readonly tokenUrl: string;
  /** VITE_* variables for a build or dev server in the `m365-double` mode. */
  readonly viteEnv: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export async function startDoubleEnvironment(options: { port?: number; seed?: number; log?: (line: string) => void } = {}): Promise<DoubleEnvironment> {
  const double = createGraphDouble({ seed: options.seed ?? 1 });
  const tenant = seedLscbTenant(double);
  const server = await startGraphDoubleServer(double, { port: options.port ?? 0, host: '127.0.0.1' });
  const tokenUrl = `${server.origin}/_double/token`;

  // The LSCB site's lists, set up as a coordinator would from the app, with exactly the app's delegated scopes:
  // if the app asked for too little, this fails here rather than in front of a person.
  const token = double.issueToken({ upn: LSCB_USERS.reviewer, scopes: GRAPH_SCOPE_NAMES });
  const provisioner = createGraphWorkspaceProvisioner({
    graphBaseUrl: server.url,
    getAccessToken: () => Promise.resolve(token),
    registerSiteId: tenant.siteId,
  });
  const provisioned = await provisioner.provision((progress) => options.log?.(`  provisioning: ${progress.message}`));
  if (!provisioned.ok) {
    await server.close();
    throw new Error(`Provisioning the double's LSCB site failed: ${JSON.stringify(provisioned.error)}`);
  }

  const tenantConfig = {
    // Fictional ids: the double accepts any client, and the test sign-in never reaches Entra ID.
    clientId: '00000000-0000-4000-8000-00000000d0b1',
    authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
    teamId: tenant.teamId,
    registerSiteId: tenant.siteId,
    graphBaseUrl: server.url,
  };
  return {
    double,
    server,
    teamId: tenant.teamId,
    siteId: tenant.siteId,
    users: LSCB_USERS,
    tokenUrl,
    viteEnv: {
      VITE_TENANT_CONFIG: JSON.stringify(tenantConfig),
      VITE_TEST_TOKEN_URL: tokenUrl,
      VITE_TEST_USER: LSCB_USERS.reviewer,
    },
    close: () => server.close(),
  };
}

/** Runs `work` with extra process variables (Vite's loadEnv reads process.env), then puts them back. */
export async function withProcessEnv<T>(variables: Readonly<Record<string, string>>, work: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return await work();
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
