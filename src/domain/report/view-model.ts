/**
 * The report for one stage of the dialogue, as plain data: what the in-app preview shows and what the Word document
 * prints, so a reviewer previews exactly what is published. Built from the review alone (no clock, no IO).
 */
import type { ReportStageKind } from '../method/report-stages';

/** Who may read it: drafts stay with the review team and participants; the public report is anonymised. */
export type ReportAudience = 'restricted' | 'public';

/** One run of text; `label` runs print in bold ("Source:", "Significance with hindsight:"). */
export interface ReportRun {
  readonly text: string;
  readonly label?: boolean;
}

export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly runs: readonly ReportRun[]; readonly tone?: 'note' | 'source' }
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'episodeTable'; readonly rows: readonly EpisodeRow[] };

/** One row of Appendix 4's table: each cell is a few paragraphs. */
export interface EpisodeRow {
  readonly episodeId: string;
  readonly description: readonly (readonly ReportRun[])[];
  readonly judgement: readonly (readonly ReportRun[])[];
  readonly factors: readonly (readonly ReportRun[])[];
}

export interface ReportSection {
  /** Stable, for anchors, comments "on which section" and tests. */
  readonly id: ReportSectionId;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
}

export const REPORT_SECTION_IDS = [
  'questions',
  'method',
  'perspectives',
  'gapsAndDiscrepancies',
  'judgements',
  'episodes',
  'wentWell',
  'patterns',
  'recommendations',
] as const;
export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number];

/** Appendix 4's column titles, as the guide words them. */
export const EPISODE_TABLE_COLUMNS = [
  'Description of key practice episode and significance with hindsight',
  "Breakdown and reviewers' judgement of adequacy of practice",
  'Contributory factors (why did actions/decisions make sense at the time?)',
] as const;

export const DRAFT_HEADER_TEXT = 'Confidential to the participants of this review; do not share';

export interface ReportViewModel {
  readonly stage: ReportStageKind;
  readonly audience: ReportAudience;
  /** e.g. "Final draft report". */
  readonly stageTitle: string;
  /** The document's title: the review's codename and the stage. */
  readonly title: string;
  /** "Draft 2", or '' when not tied to a recorded draft. */
  readonly draftLabel: string;
  /** Printed in the header of every page of a draft; null for the public report. */
  readonly confidentialityHeader: string | null;
  /** Lines under the title: the comment deadline, the period under review. */
  readonly preface: readonly string[];
  readonly sections: readonly ReportSection[];
}

/** Every text of the report, in reading order: for the language check and for tests that look for a word anywhere. */
export function reportTexts(model: ReportViewModel): string[] {
  const runsText = (runs: readonly ReportRun[]): string => runs.map((run) => run.text).join('');
  const texts = [model.title, model.draftLabel, ...(model.confidentialityHeader ? [model.confidentialityHeader] : []), ...model.preface];
  for (const section of model.sections) {
    texts.push(section.title);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') texts.push(runsText(block.runs));
      else if (block.kind === 'subheading') texts.push(block.text);
      else if (block.kind === 'list') texts.push(...block.items);
      else for (const row of block.rows) texts.push(...[...row.description, ...row.judgement, ...row.factors].map(runsText));
    }
  }
  return texts.filter((text) => text !== '');
}
