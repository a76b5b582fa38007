import { describe, expect, it } from 'vitest';
import { budgetMet, formatResult, median, timeRuns } from './benches';

describe('bench results', () => {
  it('prints "name: value (baseline, ratio)" and the budget verdict', () => {
    expect(formatResult({ name: 'open-review-local-node', value: 38.2, unit: 'ms', baseline: { name: 'json-parse', value: 12.1 } })).toBe(
      'open-review-local-node: 38.2 ms (baseline json-parse 12.1 ms, ratio 3.16)',
    );
    expect(formatResult({ name: 'open-review-local', value: 151, unit: 'ms', budget: { on: 'value', max: 150 } })).toBe(
      'open-review-local: 151 ms; budget ≤ 150 ms: MISSED',
    );
    expect(formatResult({ name: 'open-review-graph', value: 40, unit: 'ms', baseline: { name: 'naive', value: 400 }, budget: { on: 'ratio', max: 0.2 }, notes: ['3 round trips'] })).toBe(
      'open-review-graph: 40.0 ms (baseline naive 400 ms, ratio 0.10); budget ≤ 0.2× baseline: met\n    3 round trips',
    );
  });

  it('judges budgets on the value or on the ratio', () => {
    expect(budgetMet({ name: 'a', value: 150, unit: 'ms', budget: { on: 'value', max: 150 } })).toBe(true);
    expect(budgetMet({ name: 'a', value: 10, unit: 'ms', baseline: { name: 'b', value: 4 }, budget: { on: 'ratio', max: 2.3 } })).toBe(false);
    expect(budgetMet({ name: 'a', value: 10, unit: 'ms', budget: { on: 'ratio', max: 2 } })).toBe(false);
    expect(budgetMet({ name: 'a', value: 10, unit: 'ms' })).toBeNull();
    const both = [{ on: 'value', max: 150 }, { on: 'ratio', max: 1.3 }] as const;
    expect(budgetMet({ name: 'a', value: 120, unit: 'ms', baseline: { name: 'b', value: 100 }, budget: both })).toBe(true);
    expect(budgetMet({ name: 'a', value: 140, unit: 'ms', baseline: { name: 'b', value: 100 }, budget: both })).toBe(false);
    expect(budgetMet({ name: 'a', value: 160, unit: 'ms', baseline: { name: 'b', value: 150 }, budget: both })).toBe(false);
    expect(formatResult({ name: 'a', value: 120, unit: 'ms', baseline: { name: 'b', value: 100 }, budget: both })).toBe(
      'a: 120 ms (baseline b 100 ms, ratio 1.20); budget ≤ 150 ms and ≤ 1.3× baseline: met',
    );
  });

  it('takes the median of the timed runs', async () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    let calls = 0;
    const times = await timeRuns(() => calls++, { warmup: 2, runs: 5 });
    expect(times).toHaveLength(5);
    expect(calls).toBe(7);
  });
});
