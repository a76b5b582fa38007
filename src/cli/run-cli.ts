import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FileReviewStore, failureFromFileError, writeFileAtomically } from '../adapters/file/file-review-store';
import { mulberry32 } from '../domain/fixtures/prng';
import { generateLargeFixture } from '../domain/fixtures/large-fixture';
import { BundleService } from '../app/bundles';
import { describeFailure } from '../app/failure-messages';
import {
  countSnapshot,
  createBundle,
  describeCounts,
  parseBundle,
  parseBundleText,
  reviewBundleJsonSchemaText,
  serialiseBundle,
  CURRENT_BUNDLE_FORMAT_VERSION,
} from '../domain/bundle';
import type { Failure, FieldIssue } from '../domain/failures';
import { asId, type ReviewId } from '../domain/ids';
import { formatLondonDateTime } from '../domain/time';
import type { Clock } from '../ports/clock';
import type { IdSource } from '../ports/id-source';
import { PROVISION_OPTIONS, PROVISION_USAGE, provisionCommand } from './provision-command';
import { RENDER_USAGE, renderCommand } from './render-command';
import { CHECK_USAGE, checkCommand } from './check-command';
import { COLLATE_OPTIONS, COLLATE_USAGE, collateCommand, pooledSchemaCommand } from './collate-command';

/** Where the CLI writes and what it is told about its surroundings: injected so tests run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Who is acting when --as is not given, for the audit trail. */
  readonly defaultActor: string;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
const PRODUCER = 'Learning Together for Teams (command line)';
/** Enough issues to act on without flooding a terminal; the count of the rest is given. */
const MAX_ISSUES_SHOWN = 200;

export const USAGE = `Learning Together review bundles: command line

Usage: npm run cli -- <command> [options]

Commands:
  validate <file>                                   Check a review bundle. Prints a summary, or each problem as "path: message".
  export --review <id> --store <folder> --out <file>  Write one review from a store folder to a bundle ("--out -" for stdout).
  import <file> --store <folder> [--replace]        Read a bundle into a store folder (created if missing).
  list --store <folder>                             List the reviews in a store folder.
  schema --out <file> [--check]                     Write the bundle JSON Schema, or check that the file is up to date.
  training-case --out <file>                        Write the fictional training case (Brook Lane) as a bundle.
  large-fixture --out <file> [--seed <n>] [--scale <n>]  Write the generated large fixture (fictional) as a bundle.
${PROVISION_USAGE}${RENDER_USAGE}${CHECK_USAGE}${COLLATE_USAGE}
Options:
  --as <name>   Who is acting, for the audit trail (default: the signed-in user name).
  --help        Show this help.

Exit codes: 0 done, 1 the input or store had a problem (explained), 2 the command was not understood.
`;

type Options = NonNullable<ParseArgsConfig['options']>;
const common: Options = { as: { type: 'string' }, help: { type: 'boolean' } };
const COMMANDS: Record<string, { options: Options; positionals: number }> = {
  validate: { options: {}, positionals: 1 },
  export: { options: { review: { type: 'string' }, store: { type: 'string' }, out: { type: 'string' } }, positionals: 0 },
  import: { options: { store: { type: 'string' }, replace: { type: 'boolean' } }, positionals: 1 },
  list: { options: { store: { type: 'string' } }, positionals: 0 },
  schema: { options: { out: { type: 'string' }, check: { type: 'boolean' } }, positionals: 0 },
  'training-case': { options: { out: { type: 'string' } }, positionals: 0 },
  'large-fixture': { options: { out: { type: 'string' }, seed: { type: 'string' }, scale: { type: 'string' } }, positionals: 0 },
  provision: { options: PROVISION_OPTIONS, positionals: 0 },
  render: { options: { stage: { type: 'string' }, out: { type: 'string' } }, positionals: 1 },
  check: { options: {}, positionals: 1 },
  collate: { options: COLLATE_OPTIONS, positionals: 1 },
  'pooled-schema': { options: { out: { type: 'string' }, check: { type: 'boolean' } }, positionals: 0 },
};

type Values = Record<string, string | boolean | undefined>;

class UsageError extends Error {}

/** Runs one CLI command. Returns the exit code; never throws for bad input, and never prints a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const spec = COMMANDS[command];
  if (!spec) {
    io.stderr(`Unknown command "${command}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...rest], options: { ...common, ...spec.options }, allowPositionals: true, strict: true }) as {
      values: Values;
      positionals: string[];
    });
    if (values.help) {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    if (positionals.length !== spec.positionals) {
      throw new UsageError(
        spec.positionals === 0 ? `"${command}" takes no file argument (got ${positionals.join(' ')})` : `"${command}" needs exactly one file`,
      );
    }
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\nRun "npm run cli -- --help" for usage.\n`);
    return EXIT.usage;
  }

  const context = new CommandContext(io, values);
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(context, positionals[0] as string);
      case 'export':
        return await exportCommand(context);
      case 'import':
        return await importCommand(context, positionals[0] as string);
      case 'list':
        return await listCommand(context);
      case 'schema':
        return await schemaCommand(context);
      case 'training-case':
        return await trainingCaseCommand(context);
      case 'large-fixture':
        return await largeFixtureCommand(context);
      case 'provision':
        return await provisionCommand(
          {
            site: context.optional('site'),
            graphBaseUrl: context.optional('graph-base-url'),
            token: context.optional('token'),
            lscbOnly: context.flag('lscb-only'),
          },
          { stdout: io.stdout, stderr: io.stderr, environmentToken: process.env.GRAPH_TOKEN },
        );
      case 'render':
        return await renderCommand(
          positionals[0] as string,
          { stage: context.optional('stage'), out: context.optional('out') },
          { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd },
        );
      case 'check':
        return await checkCommand(positionals[0] as string, { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
      case 'collate':
        return await collateCommand(positionals[0] as string, values, { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd, now: () => io.clock.now() });
      case 'pooled-schema':
        return await pooledSchemaCommand(context.optional('out'), context.flag('check'), { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
      default:
        io.stderr(`Unknown command "${command}".\n`);
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\nRun "npm run cli -- --help" for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof ReportedFailure) return EXIT.failed;
    // Unexpected: still one plain line, never a stack trace.
    io.stderr(`Unexpected problem: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}

/** Already explained to the person; just stop with exit code 1. */
class ReportedFailure extends Error {}

class CommandContext {
  constructor(
    readonly io: CliIo,
    private readonly values: Values,
  ) {}

  required(name: string): string {
    const value = this.values[name];
    if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
    return value;
  }

  optional(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  path(value: string): string {
    return resolve(this.io.cwd, value);
  }

  actor(): string {
    return this.optional('as')?.trim() || this.io.defaultActor;
  }

  bundles(storeDirectory: string): BundleService {
    return new BundleService({
      store: new FileReviewStore(storeDirectory),
      clock: this.io.clock,
      ids: this.io.ids,
      actor: () => this.actor(),
      producer: PRODUCER,
    });
  }

  /** Prints a failure the way people read it: issues one per line as "path: message". */
  fail(failure: Failure, heading?: string): never {
    if (failure.kind === 'invalid') {
      this.io.stderr(`${heading ?? `${failure.what} is not valid`}: ${failure.issues.length} ${failure.issues.length === 1 ? 'problem' : 'problems'}.\n`);
      this.io.stderr(formatIssues(failure.issues));
    } else {
      this.io.stderr(`${heading ? `${heading}. ` : ''}${describeFailure(failure)}\n`);
    }
    throw new ReportedFailure();
  }

  async readText(file: string): Promise<string> {
    const path = this.path(file);
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
      return await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'there is no such file'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : code === 'EACCES'
              ? 'permission was refused'
              : (error as Error).message;
      this.io.stderr(`Cannot read ${file}: ${why}.\n`);
      throw new ReportedFailure();
    }
  }

  async writeText(file: string, text: string, what: string): Promise<void> {
    if (file === '-') {
      this.io.stdout(text);
      return;
    }
    try {
      await writeFileAtomically(this.path(file), text);
    } catch (error) {
      this.fail(failureFromFileError(what, error), `Cannot write ${file}`);
    }
  }

  /** For reading commands: a store folder that does not exist is a mistake in the path, not an empty store. */
  async existingStore(): Promise<string> {
    const folder = this.required('store');
    const path = this.path(folder);
    const info = await stat(path).catch(() => null);
    if (!info || !info.isDirectory()) {
      this.io.stderr(`The store folder ${folder} does not exist (or is not a folder).\n`);
      throw new ReportedFailure();
    }
    return path;
  }
}

export function formatIssues(issues: readonly FieldIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => `  ${issue.path === '' ? '(whole file)' : issue.path}: ${issue.message}\n`);
  const more = issues.length > MAX_ISSUES_SHOWN ? `  … and ${issues.length - MAX_ISSUES_SHOWN} more\n` : '';
  return shown.join('') + more;
}

async function validateCommand(context: CommandContext, file: string): Promise<number> {
  const text = await context.readText(file);
  const parsed = parseBundleText(text);
  if (!parsed.ok) context.fail(parsed.error, `${file} is not a valid review bundle`);
  const { snapshot, meta } = parsed.value;
  const lines = [
    `OK: ${file} is a valid review bundle.`,
    `  Review: ${snapshot.review.codename} (${snapshot.review.id}), phase ${snapshot.review.phase}${meta.fictional ? ', FICTIONAL' : ''}`,
    `  Exported ${formatLondonDateTime(meta.exportedAt)} by ${meta.exportedBy}${meta.producer ? ` with ${meta.producer}` : ''}`,
    ...(meta.readFromFormatVersion !== CURRENT_BUNDLE_FORMAT_VERSION
      ? [`  Written in format version ${meta.readFromFormatVersion}; read and migrated to version ${CURRENT_BUNDLE_FORMAT_VERSION}.`]
      : []),
    `  Holds: ${describeCounts(countSnapshot(snapshot))}.`,
  ];
  context.io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

async function exportCommand(context: CommandContext): Promise<number> {
  const reviewId = asId<ReviewId>(context.required('review'));
  const out = context.required('out');
  const store = await context.existingStore();
  const exported = await context.bundles(store).exportBundle(reviewId);
  if (!exported.ok) context.fail(exported.error, `Review ${reviewId} was not exported`);
  await context.writeText(out, exported.value.text, 'Bundle file');
  if (out !== '-') {
    const counts = describeCounts(countSnapshot(exported.value.bundle.snapshot));
    context.io.stdout(`Exported ${exported.value.bundle.snapshot.review.codename} (${reviewId}) to ${out}.\n  Holds: ${counts}.\n`);
  }
  return EXIT.ok;
}

async function importCommand(context: CommandContext, file: string): Promise<number> {
  const store = context.path(context.required('store'));
  const text = await context.readText(file);
  const imported = await context.bundles(store).importBundle(text, { replace: context.flag('replace') });
  if (!imported.ok) {
    if (imported.error.kind === 'alreadyExists') {
      context.io.stderr(`Nothing was imported: the store already has review ${imported.error.id}. Add --replace to overwrite it.\n`);
      return EXIT.failed;
    }
    context.fail(imported.error, `Nothing was imported: ${file} is not a valid review bundle`);
  }
  const { summary, counts } = imported.value;
  context.io.stdout(
    `Imported ${summary.codename} (${summary.id}) into ${context.required('store')}${summary.fictional ? ' (FICTIONAL)' : ''}.\n  Holds: ${describeCounts(counts)}.\n`,
  );
  return EXIT.ok;
}

async function listCommand(context: CommandContext): Promise<number> {
  const store = await context.existingStore();
  const listed = await new FileReviewStore(store).listReviews();
  if (!listed.ok) context.fail(listed.error, 'The reviews could not be listed');
  if (listed.value.length === 0) {
    context.io.stdout(`No reviews in ${context.required('store')}.\n`);
    return EXIT.ok;
  }
  const rows = listed.value.map((summary) => [
    summary.id,
    summary.codename,
    summary.phase,
    formatLondonDateTime(summary.updatedAt),
    summary.fictional ? 'fictional' : '',
  ]);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const lines = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  context.io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

async function schemaCommand(context: CommandContext): Promise<number> {
  const out = context.required('out');
  const expected = reviewBundleJsonSchemaText();
  if (context.flag('check')) {
    const current = await context.readText(out);
    if (current !== expected) {
      context.io.stderr(`${out} is out of date with the zod schemas. Run "npm run schema" and commit the result.\n`);
      return EXIT.failed;
    }
    context.io.stdout(`${out} is up to date.\n`);
    return EXIT.ok;
  }
  await context.writeText(out, expected, 'Schema file');
  if (out !== '-') context.io.stdout(`Wrote the review bundle JSON Schema to ${out}.\n`);
  return EXIT.ok;
}

async function trainingCaseCommand(context: CommandContext): Promise<number> {
  const out = context.required('out');
  const { trainingCaseBundle } = await import('../domain/training-case');
  const parsed = parseBundle(trainingCaseBundle());
  if (!parsed.ok) context.fail(parsed.error, 'The built-in training case is not valid');
  const bundle = createBundle(parsed.value.snapshot, { ...parsed.value.meta });
  await context.writeText(out, serialiseBundle(bundle), 'Bundle file');
  if (out !== '-') context.io.stdout(`Wrote the fictional training case to ${out}.\n`);
  return EXIT.ok;
}

async function largeFixtureCommand(context: CommandContext): Promise<number> {
  const out = context.required('out');
  const seed = wholeNumber(context.optional('seed') ?? '1', '--seed', 0);
  const scale = wholeNumber(context.optional('scale') ?? '1', '--scale', 1);
  const snapshot = generateLargeFixture({ random: mulberry32(seed), scale });
  const bundle = createBundle(snapshot, { exportedAt: '2026-01-01T00:00:00.000Z', exportedBy: 'Large fixture generator', producer: PRODUCER });
  await context.writeText(out, serialiseBundle(bundle), 'Bundle file');
  if (out !== '-')
    context.io.stdout(`Wrote the large fixture (seed ${seed}, scale ${scale}, fictional) to ${out}.\n  Holds: ${describeCounts(countSnapshot(snapshot))}.\n`);
  return EXIT.ok;
}

function wholeNumber(text: string, name: string, min: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min)
    throw new UsageError(`${name} must be a whole number, at least ${min} (got "${text}")`);
  return value;
}
