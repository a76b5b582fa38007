// Fictional names only.
import { Document, Footer, Header, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { scanDocx } from '../../src/app/reports/leak-scan';
import type { IdentifierEntry } from '../../src/domain/identifiers/register';

const register: IdentifierEntry[] = ['Hannah Crosby', 'Wrenfold', 'Orchard Rise', 'Tally', 'Kestonbury'].map((text, index) => ({
  id: `e${index}`,
  category: index === 0 || index === 3 ? 'professional' : 'place',
  text,
  otherForms: [],
  label: 'x',
  origin: 'added',
  placeKind: null,
  recordId: null,
  source: { of: 'added' },
}));

describe('scanDocx', () => {
  it('reads the body, tables, headers, footers and document properties of the finished file', async () => {
    const document = new Document({
      title: 'Review of Orchard Rise',
      creator: 'Tally',
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('Confidential: Kestonbury')] }) },
          footers: { default: new Footer({ children: [new Paragraph('Wrenfold surgery')] }) },
          children: [
            new Paragraph({ children: [new TextRun('Hann'), new TextRun({ text: 'ah Cros', bold: true }), new TextRun('by’s visit.')] }),
            new Table({
              rows: [
                new TableRow({
                  children: [new TableCell({ children: [new Paragraph('nothing')] }), new TableCell({ children: [new Paragraph('At KESTONBURY')] })],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    const hits = await scanDocx(bytes, register);
    const byEntry = (id: string) => hits.filter((hit) => hit.entryId === id).map((hit) => hit.location);
    expect(byEntry('e0')).toEqual(['Body, paragraph 1']);
    expect(byEntry('e4')).toEqual(expect.arrayContaining(['Body, table 1, paragraph 3', expect.stringMatching(/^Header/)]));
    expect(byEntry('e1')).toEqual([expect.stringMatching(/^Footer/)]);
    expect(byEntry('e2')).toEqual([expect.stringMatching(/^Document properties \(core\.xml: title\)/)]);
    expect(byEntry('e3')).toEqual(expect.arrayContaining([expect.stringMatching(/^Document properties \(core\.xml: creator\)/)]));
  });
});
