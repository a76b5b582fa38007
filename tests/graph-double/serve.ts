// Starts the Graph double on 127.0.0.1 with a seeded LSCB team and site, for Playwright or manual use:
//   npx tsx tests/graph-double/serve.ts --port 5174 [--seed 1] [--latency 0]
import { createGraphDouble } from './engine/double';
import { startGraphDoubleServer } from './front-ends/node-server';
import { LSCB_USERS, seedLscbTenant } from './lscb-fixture';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

const double = createGraphDouble({ seed: option('seed', 1) });
double.setLatency(option('latency', 0));
const tenant = seedLscbTenant(double);
const server = await startGraphDoubleServer(double, { port: option('port', 5174) });

console.log(`Graph double listening on ${server.url}`);
console.log(JSON.stringify({ url: server.url, teamId: tenant.teamId, siteId: tenant.siteId, driveId: tenant.driveId, generalChannelId: tenant.generalChannelId, reviewer: LSCB_USERS.reviewer, reviewerToken: tenant.reviewerToken }));

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
