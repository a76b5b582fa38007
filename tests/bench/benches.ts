/**
 * The bench registry. Each bench module (tests/bench/**\/*.bench.ts) calls registerBench at import;
 * `npm run bench` finds and runs them all. Budgets (DESIGN §6) are reported here, not asserted in unit tests.
 */

export interface Budget {
  /** What the budget is on: the measured value itself, or its ratio to the baseline. */
  readonly on: 'value' | 'ratio';
  readonly max?: number;
  readonly min?: number;
}

export interface BenchResult {
  /** e.g. "open-review-local". */
  readonly name: string;
  readonly value: number;
  /** e.g. "ms", "MB", "round trips". */
  readonly unit: string;
  /** Measured in the same run, on the same machine, so the ratio means something on any hardware. */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** Several budgets (e.g. on the value and on the ratio) must all be met. */
  readonly budget?: Budget | readonly Budget[];
  /** Extra lines worth reading (run counts, sizes), printed indented under the result. */
  readonly notes?: readonly string[];
}

export interface BenchContext {
  /** Fewer runs, for a smoke test of the bench itself. */
  readonly quick: boolean;
  /** Progress for the person watching; not part of the results. */
  readonly log: (line: string) => void;
}

export interface Bench {
  /** Used to pick benches on the command line: `npm run bench -- open-review`. */
  readonly name: string;
  readonly description: string;
  run(context: BenchContext): Promise<BenchResult[]>;
}

const registry: Bench[] = [];

export function registerBench(bench: Bench): void {
  if (registry.some((existing) => existing.name === bench.name)) throw new Error(`A bench called ${bench.name} is already registered`);
  registry.push(bench);
}

export function registeredBenches(): readonly Bench[] {
  return registry;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs `work` a few times to warm up, then `runs` times, returning each run's milliseconds. */
export async function timeRuns(work: () => unknown, options: { warmup: number; runs: number }): Promise<number[]> {
  for (let index = 0; index < options.warmup; index++) await work();
  const times: number[] = [];
  for (let index = 0; index < options.runs; index++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

const round = (value: number): string => (Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2));

const budgetsOf = (result: BenchResult): readonly Budget[] => (result.budget === undefined ? [] : Array.isArray(result.budget) ? result.budget : [result.budget as Budget]);

export function budgetMet(result: BenchResult): boolean | null {
  const budgets = budgetsOf(result);
  if (budgets.length === 0) return null;
  return budgets.every((budget) => {
    const measured = budget.on === 'ratio' ? ratioOf(result) : result.value;
    if (measured === null) return false;
    return (budget.max === undefined || measured <= budget.max) && (budget.min === undefined || measured >= budget.min);
  });
}

const ratioOf = (result: BenchResult): number | null => (result.baseline && result.baseline.value > 0 ? result.value / result.baseline.value : null);

/** "open-review-local: 42.1 ms (baseline raw-indexeddb-getall 20.3 ms, ratio 2.07); budget ≤ 150 ms: met" */
export function formatResult(result: BenchResult): string {
  let line = `${result.name}: ${round(result.value)} ${result.unit}`;
  const ratio = ratioOf(result);
  if (result.baseline) line += ` (baseline ${result.baseline.name} ${round(result.baseline.value)} ${result.unit}, ratio ${ratio === null ? 'n/a' : ratio.toFixed(2)})`;
  const budgets = budgetsOf(result);
  if (budgets.length > 0) {
    const limits = budgets
      .flatMap((budget) => {
        const unit = budget.on === 'ratio' ? '× baseline' : ` ${result.unit}`;
        return [budget.max !== undefined ? `≤ ${budget.max}${unit}` : '', budget.min !== undefined ? `≥ ${budget.min}${unit}` : ''];
      })
      .filter(Boolean)
      .join(' and ');
    line += `; budget ${limits}: ${budgetMet(result) ? 'met' : 'MISSED'}`;
  }
  return [line, ...(result.notes ?? []).map((note) => `    ${note}`)].join('\n');
}
