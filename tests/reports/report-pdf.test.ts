// FICTIONAL test data: the app's own fictional training case (Brook Lane).
// Word documents as people will see them: LibreOffice (installed by .ci/run) converts them to PDF, poppler reads the
// pages back. Page numbers, headings and the header line only exist once a layout engine has laid the pages out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportDocx } from '../../src/adapters/docx/report-docx';
import { buildReport } from '../../src/domain/report/build-report';
import { DRAFT_HEADER_TEXT } from '../../src/domain/report/view-model';
import { trainingCaseSnapshot } from './training-case';

const workDir = mkdtempSync(join(tmpdir(), 'lt-report-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function toPdf(name: string, bytes: Uint8Array): Promise<{ pages: string[]; pageCount: number }> {
  const docxPath = join(workDir, `${name}.docx`);
  writeFileSync(docxPath, bytes);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(workDir, 'profile')}`, '--convert-to', 'pdf', '--outdir', workDir, docxPath], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdfPath = join(workDir, `${name}.pdf`);
  const info = execFileSync('pdfinfo', [pdfPath]).toString();
  const pageCount = Number(/Pages:\s+(\d+)/u.exec(info)?.[1] ?? '0');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  if (process.env.REPORT_PNG_DIR) execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(process.env.REPORT_PNG_DIR, name)]);
  return { pages: text.split('\f').filter((page) => page.trim() !== ''), pageCount: readFileSync(pdfPath).length > 0 ? pageCount : 0 };
}

describe('the training case reports laid out as pages', () => {
  it('puts the confidentiality line and a page number on every page of a draft, with the headings in order', async () => {
    const snapshot = trainingCaseSnapshot();
    const { pages, pageCount } = await toPdf('final-draft', await renderReportDocx(buildReport(snapshot, { stage: 'finalDraft' })));
    expect(pageCount).toBeGreaterThan(2);
    expect(pages).toHaveLength(pageCount);
    pages.forEach((page, index) => {
      expect(page.replace(/\s+/gu, ' ')).toContain(DRAFT_HEADER_TEXT);
      expect(page).toContain(`Page ${index + 1} of ${pageCount}`);
    });
    const all = pages.join('\n');
    const headings = ['The questions for the review', 'How the review was carried out', 'Key practice episodes', 'Underlying patterns', 'Recommendations'];
    const positions = headings.map((heading) => all.indexOf(heading));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  }, 180_000);

  it('prints the public report without the confidentiality line and without the anonymised words', async () => {
    const snapshot = trainingCaseSnapshot();
    const model = buildReport(snapshot, { stage: 'finalPublic', anonymise: (text) => text.replaceAll('Brook Lane', 'the street') });
    const { pages, pageCount } = await toPdf('final-public', await renderReportDocx(model));
    expect(pageCount).toBeGreaterThan(2);
    const all = pages.join('\n');
    expect(all).not.toContain('Confidential to the participants');
    expect(all).not.toContain('Brook Lane');
    expect(all).toContain('Key practice episodes');
    expect(all).toContain(`Page ${pageCount} of ${pageCount}`);
  }, 180_000);
});
