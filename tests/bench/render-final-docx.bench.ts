// render-final-docx (DESIGN §6): the large fixture's final public report (anonymised through the identifier register,
// laid out as Word) in 2 s or less with peak RSS of 400 MB or less; twice the fixture takes at most 2.3× as long
// (the baseline is scale 1, measured in the same run). Each scale runs in its own Node process for a clean RSS.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median, registerBench } from './benches';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./render-final-docx-child.ts', import.meta.url));

async function measure(scale: number, runs: number): Promise<{ times: number[]; peakRssMb: number }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, String(scale), String(runs)], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { times: number[]; peakRssMb: number };
}

registerBench({
  name: 'render-final-docx',
  description: "the large fixture's final public report as a Word document (register, view model, docx), scale 1 and 2",
  async run({ quick, log }) {
    const runs = quick ? 2 : 7;
    log('scale 1');
    const one = await measure(1, runs);
    log('scale 2');
    const two = await measure(2, runs);
    const oneMs = median(one.times);
    return [
      { name: 'render-final-docx', value: oneMs, unit: 'ms', budget: { on: 'value', max: 2000 }, notes: [`${runs} runs after a warm-up`] },
      { name: 'render-final-docx-rss', value: one.peakRssMb, unit: 'MB', budget: { on: 'value', max: 400 } },
      {
        name: 'render-final-docx-x2',
        value: median(two.times),
        unit: 'ms',
        baseline: { name: 'render-final-docx (scale 1)', value: oneMs },
        budget: { on: 'ratio', max: 2.3 },
        notes: [`peak RSS ${two.peakRssMb.toFixed(0)} MB`],
      },
    ];
  },
});
