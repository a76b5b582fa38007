/**
 * The report view model as a Word document. `docx` is loaded on first use (its own chunk), so the first screen never
 * pays for it. Real heading styles (Word's navigation pane), Appendix 4's table with its header row repeated on every
 * page, page numbers, and on a draft the confidentiality line in the header of every page.
 */
import type * as Docx from 'docx';
import type { Letter } from '../../domain/report/letters';
import { EPISODE_TABLE_COLUMNS, type ReportBlock, type ReportRun, type ReportViewModel } from '../../domain/report/view-model';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PRODUCER = 'Learning Together for Teams';

type DocxModule = typeof Docx;
let loading: Promise<DocxModule> | null = null;
/** The `docx` library, loaded once. */
export function loadDocx(): Promise<DocxModule> {
  loading ??= import('docx');
  return loading;
}

/** Yields between sections so a page stays responsive while a large report is built; the caller shows progress. */
export type Progress = (done: number, total: number) => void | Promise<void>;

/** Builds the Word document for a report and returns its bytes. */
export async function renderReportDocx(model: ReportViewModel, onProgress?: Progress): Promise<Uint8Array> {
  const docx = await loadDocx();
  const children: Docx.FileChild[] = [new docx.Paragraph({ heading: docx.HeadingLevel.TITLE, children: [new docx.TextRun(model.title)] })];
  if (model.draftLabel) children.push(new docx.Paragraph({ children: [new docx.TextRun({ text: model.draftLabel, bold: true })] }));
  for (const line of model.preface) children.push(new docx.Paragraph({ children: [new docx.TextRun(line)] }));
  const total = model.sections.length;
  for (const [index, section] of model.sections.entries()) {
    children.push(new docx.Paragraph({ heading: docx.HeadingLevel.HEADING_1, children: [new docx.TextRun(section.title)] }));
    for (const block of section.blocks) children.push(...blockElements(docx, block));
    await onProgress?.(index + 1, total + 1);
  }
  const header = model.confidentialityHeader;
  const document = new docx.Document({
    title: model.title,
    subject: model.stageTitle,
    creator: PRODUCER,
    lastModifiedBy: PRODUCER,
    description: model.confidentialityHeader ?? '',
    styles: {
      default: { document: { run: { font: 'Arial', size: 22 } } },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        headers: {
          default: new docx.Header({
            children: [
              new docx.Paragraph({
                alignment: docx.AlignmentType.CENTER,
                children: [new docx.TextRun({ text: header ?? model.title, bold: header !== null, size: 18 })],
              }),
            ],
          }),
        },
        footers: {
          default: new docx.Footer({
            children: [
              new docx.Paragraph({
                alignment: docx.AlignmentType.CENTER,
                children: [new docx.TextRun({ size: 18, children: ['Page ', docx.PageNumber.CURRENT, ' of ', docx.PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const bytes = new Uint8Array(await docx.Packer.toArrayBuffer(document));
  await onProgress?.(total + 1, total + 1);
  return bytes;
}

function runsOf(docx: DocxModule, runs: readonly ReportRun[], options: { italics?: boolean; size?: number } = {}): Docx.TextRun[] {
  return runs.map((run) => new docx.TextRun({ text: run.text, bold: run.label === true, ...options }));
}

function blockElements(docx: DocxModule, block: ReportBlock): Docx.FileChild[] {
  switch (block.kind) {
    case 'paragraph':
      return [
        new docx.Paragraph({
          spacing: { after: block.tone === 'source' ? 160 : 80 },
          children: runsOf(docx, block.runs, block.tone === 'note' ? { italics: true } : block.tone === 'source' ? { size: 18 } : {}),
        }),
      ];
    case 'subheading':
      return [new docx.Paragraph({ heading: docx.HeadingLevel.HEADING_2, children: [new docx.TextRun(block.text)] })];
    case 'list':
      return block.items.map((item) => new docx.Paragraph({ bullet: { level: 0 }, children: [new docx.TextRun(item)] }));
    case 'episodeTable':
      return [episodeTable(docx, block)];
    default:
      return [];
  }
}

function cell(docx: DocxModule, paragraphs: readonly (readonly ReportRun[])[], header = false): Docx.TableCell {
  return new docx.TableCell({
    shading: header ? { type: docx.ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: paragraphs.map((runs) => new docx.Paragraph({ spacing: { after: 60 }, children: runsOf(docx, runs, { size: 18 }) })),
  });
}

function episodeTable(docx: DocxModule, block: Extract<ReportBlock, { kind: 'episodeTable' }>): Docx.Table {
  const headerRow = new docx.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: EPISODE_TABLE_COLUMNS.map((title) => cell(docx, [[{ text: title, label: true }]], true)),
  });
  const rows = block.rows.map((row) => new docx.TableRow({ children: [cell(docx, row.description), cell(docx, row.judgement), cell(docx, row.factors)] }));
  return new docx.Table({
    width: { size: 100, type: docx.WidthType.PERCENTAGE },
    columnWidths: [3500, 2600, 3500],
    rows: [headerRow, ...rows],
  });
}

/** The renderer port over this module. */
export const docxReportRenderer = {
  render: (model: ReportViewModel, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> => renderReportDocx(model, onProgress),
};

/** One letter (Appendix 1 or 2) as a Word document. */
export async function renderLetterDocx(letter: Letter, dated: string): Promise<Uint8Array> {
  const docx = await loadDocx();
  const paragraph = (text: string) => new docx.Paragraph({ spacing: { after: 160 }, children: [new docx.TextRun(text)] });
  const children: Docx.FileChild[] = [
    new docx.Paragraph({ heading: docx.HeadingLevel.TITLE, children: [new docx.TextRun(letter.title)] }),
    paragraph(dated),
    paragraph(letter.salutation),
  ];
  for (const section of letter.sections) {
    if (section.heading) children.push(new docx.Paragraph({ heading: docx.HeadingLevel.HEADING_1, children: [new docx.TextRun(section.heading)] }));
    children.push(...section.paragraphs.map(paragraph));
  }
  children.push(...letter.signOff.map((line) => new docx.Paragraph({ children: [new docx.TextRun(line)] })));
  const document = new docx.Document({
    title: letter.title,
    creator: PRODUCER,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await docx.Packer.toArrayBuffer(document));
}

/**
 * Every participant's letters in one zip: one download for the person (browsers stop a page that starts dozens of
 * downloads), each letter its own Word file to send to its one recipient.
 */
export async function renderLettersZip(letters: readonly Letter[], dated: string, onProgress?: Progress): Promise<Uint8Array> {
  const { zipSync } = await import('fflate');
  const files: Record<string, Uint8Array> = {};
  for (const [index, letter] of letters.entries()) {
    files[letter.fileName] = await renderLetterDocx(letter, dated);
    await onProgress?.(index + 1, letters.length);
  }
  // Word files are already compressed; storing them is faster and no larger.
  return zipSync(files, { level: 0 });
}
