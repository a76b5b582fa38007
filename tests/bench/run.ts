// `npm run bench [-- <name prefix>…] [--quick] [--strict]`: finds every tests/bench/**/*.bench.ts, runs the
// benches they register, one after another, and prints each result as "name: value (baseline, ratio)".
// Exit code 1 if a bench fails to run, or with --strict if a budget is missed.
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { budgetMet, formatResult, registeredBenches } from './benches';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const strict = args.includes('--strict');
const wanted = args.filter((arg) => !arg.startsWith('--'));

function benchFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : benchFiles(path);
    return entry.name.endsWith('.bench.ts') ? [path] : [];
  });
}

for (const file of benchFiles(here).sort()) await import(pathToFileURL(file).href);

const selected = registeredBenches().filter((bench) => wanted.length === 0 || wanted.some((prefix) => bench.name.startsWith(prefix)));
if (selected.length === 0) {
  console.error(`No bench matches ${wanted.join(', ')}. Registered: ${registeredBenches().map((bench) => bench.name).join(', ')}`);
  process.exit(1);
}

let failed = 0;
let missed = 0;
console.log(`Running ${selected.length} bench${selected.length === 1 ? '' : 'es'}${quick ? ' (quick)' : ''} from ${relative(process.cwd(), here)}`);
for (const bench of selected) {
  try {
    const results = await bench.run({ quick, log: (line) => console.error(`  … ${line}`) });
    for (const result of results) {
      console.log(formatResult(result));
      if (budgetMet(result) === false) missed++;
    }
  } catch (error) {
    failed++;
    console.log(`${bench.name}: FAILED (${error instanceof Error ? error.message : String(error)})`);
  }
}
if (missed > 0) console.log(`${missed} budget${missed === 1 ? '' : 's'} missed.`);
process.exit(failed > 0 || (strict && missed > 0) ? 1 : 0);
