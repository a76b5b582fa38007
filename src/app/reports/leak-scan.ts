import { strFromU8, unzipSync } from 'fflate';
import type { IdentifierEntry } from '../../domain/identifiers/register';
import { scanText, type LeakHit, type TextSegment } from '../../domain/identifiers/scan';

export type { LeakHit } from '../../domain/identifiers/scan';

/**
 * The leak scan of a finished Word document: reads ALL of its text (the body with its tables, headers, footers,
 * footnotes, endnotes, comments, link targets, image descriptions and the document properties) and reports each
 * registered identifier it finds, with where. Reads the file itself, not the model it was made from, so whatever
 * reached the file is what is checked.
 */
export async function scanDocx(bytes: Uint8Array, register: readonly IdentifierEntry[]): Promise<LeakHit[]> {
  return scanText(docxTextSegments(bytes), register);
}

const PART_NAMES: ReadonlyArray<readonly [RegExp, (match: RegExpMatchArray) => string]> = [
  [/^word\/document\.xml$/, () => 'Body'],
  [/^word\/header(\d*)\.xml$/, (match) => `Header ${match[1] ?? ''}`.trim()],
  [/^word\/footer(\d*)\.xml$/, (match) => `Footer ${match[1] ?? ''}`.trim()],
  [/^word\/footnotes\.xml$/, () => 'Footnotes'],
  [/^word\/endnotes\.xml$/, () => 'Endnotes'],
  [/^word\/comments\.xml$/, () => 'Comments'],
  [/^word\/glossary\/document\.xml$/, () => 'Building blocks'],
];

/** Every piece of text in a DOCX, each with where it sits. Throws if the bytes are not a zip (not a DOCX). */
export function docxTextSegments(bytes: Uint8Array): TextSegment[] {
  const files = unzipSync(bytes);
  const segments: TextSegment[] = [];
  const names = Object.keys(files).sort(partOrder);
  for (const name of names) {
    const data = files[name]!;
    const part = PART_NAMES.map(([pattern, label]) => {
      const match = name.match(pattern);
      return match ? label(match) : null;
    }).find((label) => label !== null);
    if (part) {
      segments.push(...wordPartSegments(strFromU8(data), part));
    } else if (name === 'docProps/core.xml' || name === 'docProps/app.xml' || name === 'docProps/custom.xml') {
      segments.push(...propertySegments(strFromU8(data), name));
    } else if (/^word\/_rels\/.*\.rels$/.test(name)) {
      segments.push(...linkSegments(strFromU8(data)));
    }
  }
  return segments;
}

const partOrder = (a: string, b: string): number => rank(a) - rank(b) || a.localeCompare(b);
const rank = (name: string): number =>
  name === 'word/document.xml' ? 0 : name.startsWith('word/header') ? 1 : name.startsWith('word/footer') ? 2 : name.startsWith('docProps') ? 4 : 3;

const PARAGRAPH = /<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g;
const TABLE = /<w:tbl>[\s\S]*?<\/w:tbl>/g;
const RUN_TEXT = /<w:(t|delText|instrText)(?:\s[^>]*)?>([\s\S]*?)<\/w:\1>|<w:(tab|br|cr)\b[^>]*\/>/g;
const DRAWING_TEXT = /<wp:docPr\b[^>]*?\b(?:descr|title)="([^"]*)"/g;

function wordPartSegments(xml: string, part: string): TextSegment[] {
  const tables = [...xml.matchAll(TABLE)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const segments: TextSegment[] = [];
  let paragraph = 0;
  for (const match of xml.matchAll(PARAGRAPH)) {
    paragraph += 1;
    const text = paragraphText(match[0]);
    if (text.trim() === '') continue;
    const table = tables.findIndex((range) => match.index >= range.start && match.index < range.end);
    segments.push({ location: `${part}, ${table >= 0 ? `table ${table + 1}, ` : ''}paragraph ${paragraph}`, text });
  }
  for (const match of xml.matchAll(DRAWING_TEXT)) {
    const text = decodeXml(match[1] ?? '');
    if (text.trim() !== '') segments.push({ location: `${part}, image description`, text });
  }
  return segments;
}

function paragraphText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(RUN_TEXT)) {
    if (match[3] === 'tab') text += '\t';
    else if (match[3] !== undefined) text += '\n';
    else text += decodeXml(match[2] ?? '');
  }
  return text;
}

const PROPERTY = /<([\w]+:)?([\w]+)(?:\s[^>]*)?>([^<]+)<\/\1?\2>/g;

function propertySegments(xml: string, name: string): TextSegment[] {
  const file = name.replace('docProps/', '');
  return [...xml.matchAll(PROPERTY)]
    .map((match) => ({ location: `Document properties (${file}: ${match[2]})`, text: decodeXml(match[3] ?? '') }))
    .filter((segment) => segment.text.trim() !== '');
}

const LINK_TARGET = /<Relationship\b[^>]*\bTargetMode="External"[^>]*>/g;

function linkSegments(xml: string): TextSegment[] {
  return [...xml.matchAll(LINK_TARGET)].flatMap((match) => {
    const target = /\bTarget="([^"]*)"/.exec(match[0])?.[1];
    return target ? [{ location: 'Link target', text: decodeURIComponentSafe(decodeXml(target)) }] : [];
  });
}

const decodeURIComponentSafe = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) =>
    entity.startsWith('#x')
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : ENTITIES[entity]!,
  );
}
