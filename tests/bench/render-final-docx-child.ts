// Run by render-final-docx.bench.ts in a process of its own, so peak RSS is this work's alone.
// FICTIONAL data: the generated large fixture. Prints one JSON line: each run's milliseconds and the peak RSS.
import { renderReportDocx } from '../../src/adapters/docx/report-docx';
import { registerChecks } from '../../src/app/reports/public-report-checks';
import { generateLargeFixture } from '../../src/domain/fixtures/large-fixture';
import { mulberry32 } from '../../src/domain/fixtures/prng';
import { buildReport } from '../../src/domain/report/build-report';

const scale = Number(process.argv[2] ?? '1');
const runs = Number(process.argv[3] ?? '5');
const snapshot = generateLargeFixture({ random: mulberry32(42), scale });
const render = async (): Promise<number> => {
  const start = performance.now();
  const model = buildReport(snapshot, { stage: 'finalPublic', anonymise: registerChecks.anonymiserFor(snapshot) });
  const bytes = await renderReportDocx(model);
  if (bytes.length === 0) throw new Error('empty document');
  return performance.now() - start;
};
await render(); // warm-up: loads docx and compiles
const times: number[] = [];
for (let index = 0; index < runs; index++) times.push(await render());
process.stdout.write(`${JSON.stringify({ times, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
