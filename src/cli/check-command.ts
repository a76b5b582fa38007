// `check <bundle>`: the respectful-language report over the review's texts, and the leak scan of its public report.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderReportDocx } from '../adapters/docx/report-docx';
import { describeFailure } from '../app/failure-messages';
import { scanDocx } from '../app/reports/leak-scan';
import { renderDocument } from '../app/reports/publish-report';
import { parseBundleText } from '../domain/bundle';
import { buildIdentifierRegister } from '../domain/identifiers/register';
import { redactText } from '../domain/identifiers/redact';
import { languageFindings } from '../domain/language';
import { buildReport } from '../domain/report/build-report';
import { latestDraft } from '../domain/report/dialogue';

export const CHECK_USAGE = `  check <bundle>                                      Report wording that blames or judges with hindsight (a warning), and leak-scan the
                                                    final public report's Word document against the identifier register: exit 1 on any leak.
`;

export interface CheckIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

/** Exit code 0 no leak (language flags are warnings only), 1 a leak or an unreadable bundle. */
export async function checkCommand(bundlePath: string, io: CheckIo): Promise<number> {
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

  const findings = languageFindings(snapshot);
  const open = findings.filter((finding) => finding.dismissal === null);
  io.stdout(`Language: ${open.length} wording${open.length === 1 ? '' : 's'} to look at, ${findings.length - open.length} kept with a reason.\n`);
  for (const finding of open) {
    io.stdout(`  ${finding.text.where}: “${finding.flag.found}” (${finding.flag.concern}). Try: ${finding.flag.suggestion}.\n    ${finding.context}\n`);
  }

  const register = buildIdentifierRegister(snapshot);
  const model = buildReport(snapshot, { stage: 'finalPublic', draft: latestDraft(snapshot, 'finalPublic'), anonymise: (value) => redactText(value, register) });
  const document = await renderDocument(model, 1, { render: (report) => renderReportDocx(report) });
  const hits = await scanDocx(document.bytes, register);
  if (hits.length > 0) {
    io.stdout(`Leak scan of the public report: ${hits.length} registered identifier${hits.length === 1 ? '' : 's'} found. Do not publish.\n`);
    for (const hit of hits) io.stdout(`  ${hit.location}: “${hit.found}” (${hit.entryId}) ${hit.context}\n`);
    return 1;
  }
  io.stdout(`Leak scan of the public report: no registered identifier found (${register.length} in the register).\n`);
  return 0;
}
