// FICTIONAL test data: the app's own fictional training case (Brook Lane).
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { renderReportDocx } from '../../src/adapters/docx/report-docx';
import { buildReport } from '../../src/domain/report/build-report';
import { DRAFT_HEADER_TEXT, EPISODE_TABLE_COLUMNS } from '../../src/domain/report/view-model';
import { trainingCaseSnapshot as trainingCase } from './training-case';

const textOf = async (bytes: Uint8Array): Promise<string> => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
const partsOf = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

describe('the report as a Word document', () => {
  it('prints the draft with its sections, the episode table and its participants named as written', async () => {
    const snapshot = trainingCase();
    const bytes = await renderReportDocx(buildReport(snapshot, { stage: 'finalDraft' }));
    const text = await textOf(bytes);
    expect(text).toContain('Key practice episodes');
    for (const column of EPISODE_TABLE_COLUMNS) expect(text).toContain(column);
    expect(text).toContain(snapshot.review.questions[0]);
    expect(text).toContain(snapshot.episodes[0]!.title);
    const parts = partsOf(bytes);
    const headers = Object.entries(parts).filter(([name]) => /word\/header\d*\.xml/u.test(name));
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.every(([, xml]) => xml.includes(DRAFT_HEADER_TEXT))).toBe(true);
    // The table's first row repeats on each page, and headings use Word's own styles.
    expect(parts['word/document.xml']).toContain('<w:tblHeader');
    expect(parts['word/document.xml']).toContain('w:val="Heading1"');
    expect(Object.values(parts).some((xml) => xml.includes('PAGE'))).toBe(true);
  });

  it('runs every text of the public report through the anonymiser and drops the confidentiality header', async () => {
    const snapshot = trainingCase();
    const codename = snapshot.review.codename;
    const anonymise = (text: string): string => text.replaceAll('Brook Lane', '[a street]');
    const model = buildReport(snapshot, { stage: 'finalPublic', anonymise });
    expect(model.confidentialityHeader).toBeNull();
    const bytes = await renderReportDocx(model);
    const text = await textOf(bytes);
    expect(codename).toContain('Brook Lane');
    expect(text).not.toContain('Brook Lane');
    expect(text).toContain('[a street]');
    const parts = partsOf(bytes);
    expect(Object.values(parts).some((xml) => xml.includes(DRAFT_HEADER_TEXT))).toBe(false);
    expect(parts['docProps/core.xml']).not.toContain('Brook Lane');
  });
});
