// `render <bundle> --stage <stage> --out <file.docx>`: one stage's report as a Word document, from a review bundle.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { renderReportDocx } from '../adapters/docx/report-docx';
import { describeFailure } from '../app/failure-messages';
import { registerChecks } from '../app/reports/public-report-checks';
import { renderDocument } from '../app/reports/publish-report';
import { parseBundleText } from '../domain/bundle';
import { REPORT_STAGE_KINDS, type ReportStageKind } from '../domain/method/report-stages';
import { buildReport } from '../domain/report/build-report';
import { latestDraft } from '../domain/report/dialogue';

export const RENDER_USAGE = `  render <bundle> --stage <stage> --out <file.docx>  Write one stage's report as a Word document (${REPORT_STAGE_KINDS.join(', ')}).
                                                    The final public report is anonymised through the identifier register and leak-scanned: exit 1 if the scan finds any identifier.
`;

export interface RenderIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

/** Exit code 0 written, 1 a problem with the bundle or (public report) identifiers found, 2 usage. */
export async function renderCommand(bundlePath: string, options: { stage: string | undefined; out: string | undefined }, io: RenderIo): Promise<number> {
  const stage = options.stage as ReportStageKind | undefined;
  if (!stage || !REPORT_STAGE_KINDS.includes(stage)) {
    io.stderr(`--stage must be one of ${REPORT_STAGE_KINDS.join(', ')}\n`);
    return 2;
  }
  if (!options.out) {
    io.stderr('--out is required (the .docx file to write)\n');
    return 2;
  }
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, bundlePath), 'utf8');
  } catch (error) {
    io.stderr(`${bundlePath} could not be read (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
  const parsed = parseBundleText(text);
  if (!parsed.ok) {
    io.stderr(`${bundlePath} is not a valid review bundle: ${describeFailure(parsed.error)}\n`);
    return 1;
  }
  const snapshot = parsed.value.snapshot;
  const draft = latestDraft(snapshot, stage);
  const model = buildReport(snapshot, { stage, draft, ...(stage === 'finalPublic' ? { anonymise: registerChecks.anonymiserFor(snapshot) } : {}) });
  const document = await renderDocument(model, draft?.draftNumber ?? 1, { render: (report) => renderReportDocx(report) });
  const outPath = resolve(io.cwd, options.out);
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, document.bytes);
  io.stdout(`Wrote ${model.stageTitle.toLowerCase()} to ${outPath} (${document.bytes.length} bytes, SHA-256 ${document.sha256}).\n`);
  if (model.audience === 'public') {
    const leaks = await registerChecks.findLeaks(snapshot, document.bytes);
    if (leaks.length > 0) {
      io.stderr(
        `The leak scan found ${leaks.length} registered identifier${leaks.length === 1 ? '' : 's'}; do not publish this file:\n${leaks.map((leak) => `  ${leak.describe}`).join('\n')}\n`,
      );
      return 1;
    }
    io.stdout('Leak scan: no registered identifier found.\n');
  }
  return 0;
}
