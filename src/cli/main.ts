#!/usr/bin/env node
// The CLI's entry point: wires the real clock, ids and terminal to runCli. Run with `npm run cli -- <command>`.
import { randomIds, systemClock } from '../adapters/local/system';
import { runCli } from './run-cli';

const user = process.env.USER ?? process.env.USERNAME ?? '';
const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  clock: systemClock,
  ids: randomIds,
  defaultActor: user ? `${user} (command line)` : 'Command line user',
});
process.exitCode = exitCode;
