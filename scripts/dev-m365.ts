// `npm run dev:m365`: the app in Microsoft 365 mode in the browser, against the Graph double on this machine.
// Starts the double (seeded LSCB team and site, lists provisioned) and the Vite dev server in the m365-double mode
// (test sign-in, no Microsoft 365 account needed), and prints both addresses.
import { createServer } from 'vite';
import { startDoubleEnvironment, withProcessEnv } from '../tests/host-harness/double-environment';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a port number`);
  return value;
}

const environment = await startDoubleEnvironment({ port: option('double-port', 5174), log: (line) => console.log(line) });
const vite = await withProcessEnv(environment.viteEnv, async () => {
  const server = await createServer({ mode: 'm365-double', server: { port: option('port', 5173), host: '127.0.0.1', strictPort: true } });
  await server.listen();
  return server;
});
const appUrl = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';

console.log('');
console.log(`Graph double:  ${environment.server.url}  (LSCB team ${environment.teamId})`);
console.log(`App (Microsoft 365 mode, test sign-in):  ${appUrl}`);
console.log(`Host harness (the app framed as a Teams tab):  ${appUrl}tests/host-harness/index.html?frameContext=content`);
console.log(`Sign in as ${environment.users.reviewer} (or ${environment.users.panelChair}, ${environment.users.practitioner}). Press Ctrl+C to stop.`);

const stop = (): void => {
  void Promise.all([vite.close(), environment.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
