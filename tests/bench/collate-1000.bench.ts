// collate-1000 (DESIGN §6): collate the pooled findings of 1,000 generated (FICTIONAL) reviews in 1 s or less, and
// linearly: 2,000 reviews in at most 2.2× the time of 1,000, measured in the same run.
import { generatePooledFindings } from '../../src/domain/fixtures/pooled-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import { collate } from '../../src/domain/pooling/collate';
import { median, registerBench, timeRuns } from './benches';

const BUDGET_MS = 1000;
const LINEAR_RATIO_BUDGET = 2.2;

registerBench({
  name: 'collate-1000',
  description:
    'collate() over the pooled findings of 1,000 generated reviews (every frequency, open recommendations, similar recommendations), and 2,000 against 1,000',
  async run({ quick, log }) {
    const runs = quick ? 3 : 9;
    log('generating 2,000 reviews’ pooled findings');
    const two = generatePooledFindings({ random: mulberry32(1000), reviews: 2000, sources: ['north-lscb', 'south-lscb', 'east-lscb'] });
    const one = two.slice(0, 1000);
    const asOf = '2026-03-29';
    const thousand = median(await timeRuns(() => collate(one, {}, asOf), { warmup: 2, runs }));
    const twoThousand = median(await timeRuns(() => collate(two, {}, asOf), { warmup: 2, runs }));
    const notes = [
      `median of ${runs} runs; ${one.reduce((sum, record) => sum + record.recommendations.length, 0)} recommendations compared for similarity at 1,000`,
    ];
    return [
      { name: 'collate-1000', value: thousand, unit: 'ms', budget: { on: 'value', max: BUDGET_MS }, notes },
      {
        name: 'collate-2000',
        value: twoThousand,
        unit: 'ms',
        baseline: { name: 'collate-1000', value: thousand },
        budget: { on: 'ratio', max: LINEAR_RATIO_BUDGET },
      },
    ];
  },
});
