import { ADEQUACY_LABELS } from '../labels';
import { findFactor } from '../method/factor-framework';
import { RECOMMENDATION_KINDS } from '../method/recommendation-kinds';
import { REPORT_STAGES, type ReportStageKind } from '../method/report-stages';
import { SCIE_SOURCE } from '../method/source';
import { findSubPattern, TYPOLOGY } from '../method/typology';
import type { Episode, NarrativeEntry, Pattern, ReportStage, ReviewSnapshot } from '../model';
import type { CalendarDate } from '../primitives';
import { formatCalendarDate } from '../time';
import { DRAFT_HEADER_TEXT, type EpisodeRow, type ReportBlock, type ReportRun, type ReportSection, type ReportViewModel } from './view-model';

export interface BuildReportOptions {
  readonly stage: ReportStageKind;
  /** The recorded draft this document is, for its number and comment window; null for an unrecorded preview. */
  readonly draft?: ReportStage | null;
  /**
   * Every text of the public report goes through this (the identifier register's replacement of each identifier by
   * its label). Drafts keep the text as written: they stay with the team and participants.
   */
  readonly anonymise?: (text: string) => string;
}

const PRIORITY_WORDS = { low: 'low', medium: 'medium', high: 'high' } as const;

/** The report for one stage, built from the review as it stands. */
export function buildReport(snapshot: ReviewSnapshot, options: BuildReportOptions): ReportViewModel {
  const stageInfo = REPORT_STAGES.find((candidate) => candidate.id === options.stage) ?? REPORT_STAGES[0];
  const audience = stageInfo.audience === 'public' ? 'public' : 'restricted';
  const identity = (text: string): string => text;
  const clean = audience === 'public' ? (options.anonymise ?? identity) : identity;
  const ctx = new ReportContext(snapshot, clean);
  const draft = options.draft ?? null;
  const preface: string[] = [ctx.periodLine()];
  if (draft?.commentWindow && audience === 'restricted') {
    preface.push(`Please send your comments by ${formatCalendarDate(draft.commentWindow.closesOn)}.`);
  }
  const sections: ReportSection[] = [
    questionsSection(ctx),
    methodSection(ctx, audience),
    perspectivesSection(ctx),
    gapsSection(ctx),
    judgementsSection(ctx),
    episodesSection(ctx),
    wentWellSection(ctx),
    patternsSection(ctx),
    recommendationsSection(ctx),
  ];
  return {
    stage: stageInfo.id,
    audience,
    stageTitle: stageInfo.title,
    title: `${clean(snapshot.review.codename)}: ${stageInfo.title.toLowerCase()}`,
    draftLabel: draft ? `${audience === 'public' ? 'Version' : 'Draft'} ${draft.draftNumber}` : '',
    confidentialityHeader: audience === 'restricted' ? DRAFT_HEADER_TEXT : null,
    preface,
    sections,
  };
}

/** Lookups and wording shared by the sections; every case text passes through `clean`. */
class ReportContext {
  private readonly participantLabels: Map<string, string>;
  private readonly agencyNames: Map<string, string>;
  private readonly conversationParticipant: Map<string, string>;
  private readonly documents: Map<string, { title: string; agencyId: string }>;
  readonly episodeTitles: Map<string, string>;
  readonly patternStatements: Map<string, string>;

  constructor(
    readonly snapshot: ReviewSnapshot,
    readonly clean: (text: string) => string,
  ) {
    this.participantLabels = new Map(snapshot.participants.map((participant) => [participant.id as string, participant.reportLabel]));
    this.agencyNames = new Map(snapshot.review.agencies.map((agency) => [agency.id as string, agency.name]));
    this.conversationParticipant = new Map(snapshot.conversations.map((conversation) => [conversation.id as string, conversation.participantId as string]));
    this.documents = new Map(snapshot.documents.map((document) => [document.id as string, { title: document.title, agencyId: document.agencyId }]));
    this.episodeTitles = new Map(snapshot.episodes.map((episode) => [episode.id as string, episode.title]));
    this.patternStatements = new Map(snapshot.patterns.map((pattern) => [pattern.id as string, pattern.statement]));
  }

  participant(id: string): string {
    return this.clean(this.participantLabels.get(id) ?? 'a participant');
  }

  agency(id: string): string {
    return this.clean(this.agencyNames.get(id) ?? 'an agency');
  }

  /** A date as the review chose to show it: calendar, or "month 3" of the period under review. */
  date(date: CalendarDate): string {
    if (this.snapshot.review.reportDates === 'relativeToPeriod') return monthOfPeriod(this.snapshot.review.periodUnderReview.from, date);
    return formatCalendarDate(date);
  }

  period(period: { from: CalendarDate; to: CalendarDate | null }): string {
    if (period.to === null) return `from ${this.date(period.from)}`;
    if (period.to === period.from) return this.date(period.from);
    const from = this.date(period.from);
    const to = this.date(period.to);
    return from === to ? from : `${from} to ${to}`;
  }

  periodLine(): string {
    const period = this.snapshot.review.periodUnderReview;
    return `Period under review: ${this.period(period)}.`;
  }

  perspective(entry: NarrativeEntry): string {
    if (entry.perspective.of === 'participant') return this.participant(entry.perspective.participantId);
    if (entry.perspective.of === 'agency') return `${this.agency(entry.perspective.agencyId)} records`;
    return 'The review team';
  }

  source(entry: NarrativeEntry): string {
    if (entry.source.kind === 'conversation') {
      const participantId = this.conversationParticipant.get(entry.source.conversationId);
      return participantId ? `conversation with ${this.participant(participantId)}` : 'a conversation';
    }
    if (entry.source.kind === 'document') {
      const document = this.documents.get(entry.source.documentId);
      return document ? `${this.clean(document.title)} (${this.agency(document.agencyId)})` : 'a document';
    }
    return "the review team's analysis";
  }
}

/** "month 3": the month of the period under review a date falls in, counting the first month as 1. */
export function monthOfPeriod(start: CalendarDate, date: CalendarDate): string {
  const [startYear, startMonth] = start.split('-').map(Number) as [number, number];
  const [year, month] = date.split('-').map(Number) as [number, number];
  const months = (year - startYear) * 12 + (month - startMonth);
  return months >= 0 ? `month ${months + 1}` : `${-months} month${months === -1 ? '' : 's'} before the period`;
}

const paragraph = (...runs: ReportRun[]): ReportBlock => ({ kind: 'paragraph', runs });
const labelled = (label: string, text: string): ReportRun[] => [{ text: `${label}: `, label: true }, { text }];
const note = (text: string): ReportBlock => ({ kind: 'paragraph', runs: [{ text }], tone: 'note' });

function questionsSection(ctx: ReportContext): ReportSection {
  return {
    id: 'questions',
    title: 'The questions for the review',
    blocks: [{ kind: 'list', items: ctx.snapshot.review.questions.map(ctx.clean) }],
  };
}

function methodSection(ctx: ReportContext, audience: 'restricted' | 'public'): ReportSection {
  const { snapshot } = ctx;
  const participants = snapshot.participants.length;
  const held = snapshot.conversations.filter((conversation) => conversation.status === 'held').length;
  const agencies = snapshot.review.agencies.length;
  const documents = snapshot.documents.length;
  const blocks: ReportBlock[] = [
    paragraph({
      text:
        'This review used the systems approach to case reviews (Learning together to safeguard children, SCIE). It does not look for ' +
        'someone to blame. It asks why people acted as they did, what made their actions make sense to them at the time, and which ' +
        'patterns in the wider system support good practice or make problematic practice more likely.',
    }),
    paragraph({
      text:
        `The review team held ${plural(held, 'one-to-one conversation')} with the ${plural(participants, 'participant')} from ` +
        `${plural(agencies, 'agency', 'agencies')} and read ${plural(documents, 'agency document')}. The accounts were put together into a ` +
        'multi-agency narrative, key practice episodes were identified and analysed with their contributory factors, and the ' +
        'underlying patterns were identified and prioritised with participants in three stages of dialogue.',
    }),
  ];
  if (audience === 'public') {
    blocks.push(note('Professionals are referred to by their role and the family by pseudonyms. Places are not named.'));
  }
  blocks.push(note(`Method: ${SCIE_SOURCE.title}.`));
  return { id: 'method', title: 'How the review was carried out', blocks };
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

const byPeriod = (a: { period: { from: string } }, b: { period: { from: string } }): number => a.period.from.localeCompare(b.period.from);

function narrativeBlocks(ctx: ReportContext, entries: readonly NarrativeEntry[]): ReportBlock[] {
  return [...entries]
    .sort(byPeriod)
    .flatMap((entry): ReportBlock[] => [
      paragraph(...labelled(`${ctx.period(entry.period)}, ${ctx.perspective(entry)}`, ctx.clean(entry.text))),
      { kind: 'paragraph', runs: labelled('Source', ctx.source(entry)), tone: 'source' },
    ]);
}

function perspectivesSection(ctx: ReportContext): ReportSection {
  const accounts = ctx.snapshot.narrative.filter((entry) => entry.kind === 'account');
  return {
    id: 'perspectives',
    title: 'The multi-agency perspectives',
    blocks: accounts.length > 0 ? narrativeBlocks(ctx, accounts) : [note('No accounts are recorded yet.')],
  };
}

function gapsSection(ctx: ReportContext): ReportSection {
  const gaps = ctx.snapshot.narrative.filter((entry) => entry.kind === 'gap');
  const discrepancies = ctx.snapshot.narrative.filter((entry) => entry.kind === 'discrepancy');
  const blocks: ReportBlock[] = [];
  if (gaps.length > 0) blocks.push({ kind: 'subheading', text: 'Gaps' }, ...narrativeBlocks(ctx, gaps));
  if (discrepancies.length > 0) blocks.push({ kind: 'subheading', text: 'Discrepancies between accounts' }, ...narrativeBlocks(ctx, discrepancies));
  if (blocks.length === 0) blocks.push(note('No gaps or discrepancies are recorded.'));
  return { id: 'gapsAndDiscrepancies', title: 'Gaps and discrepancies', blocks };
}

function judgementsSection(ctx: ReportContext): ReportSection {
  const judgements = [...ctx.snapshot.narrative.filter((entry) => entry.kind === 'reviewersJudgement')].sort(byPeriod);
  return {
    id: 'judgements',
    title: "The reviewers' judgements",
    blocks: [
      note("These are the review team's own judgements, kept apart from the participants' accounts and the agencies' records."),
      ...judgements.map((entry) => paragraph(...labelled(ctx.period(entry.period), ctx.clean(entry.text)))),
    ],
  };
}

function episodeRow(ctx: ReportContext, episode: Episode): EpisodeRow {
  const description: ReportRun[][] = [
    [{ text: ctx.clean(episode.title), label: true }],
    [{ text: ctx.period(episode.period) }],
    [{ text: ctx.clean(episode.description) }],
  ];
  if (episode.significance.trim() !== '') description.push(labelled('Significance with hindsight', ctx.clean(episode.significance)));
  const judgement: ReportRun[][] = [[{ text: episode.judgement ? ADEQUACY_LABELS[episode.judgement] : 'Not yet judged', label: true }]];
  if (episode.judgementBreakdown.trim() !== '') judgement.push([{ text: ctx.clean(episode.judgementBreakdown) }]);
  const factors: ReportRun[][] = episode.factors.map((tag) => {
    const found = findFactor(tag.factorId);
    const name = found ? `${found.type.title}: ${found.factor.label}` : tag.factorId;
    return tag.whyItMadeSense.trim() === '' ? [{ text: name, label: true }] : labelled(name, ctx.clean(tag.whyItMadeSense));
  });
  if (factors.length === 0) factors.push([{ text: 'No contributory factors recorded yet.' }]);
  return { episodeId: episode.id, description, judgement, factors };
}

function episodesSection(ctx: ReportContext): ReportSection {
  const episodes = [...ctx.snapshot.episodes].sort(byPeriod);
  return {
    id: 'episodes',
    title: 'Key practice episodes',
    blocks:
      episodes.length > 0
        ? [
            note(
              'Each episode with the reviewers’ judgement of the adequacy of practice and the factors that made actions make sense at the time (Appendix 4).',
            ),
            { kind: 'episodeTable', rows: episodes.map((episode) => episodeRow(ctx, episode)) },
          ]
        : [note('No key practice episodes are recorded yet.')],
  };
}

function wentWellSection(ctx: ReportContext): ReportSection {
  const good = [...ctx.snapshot.episodes.filter((episode) => episode.judgement === 'good')].sort(byPeriod);
  const said = ctx.snapshot.conversations.flatMap((conversation) => conversation.wentWell.map((item) => ctx.clean(item.text)));
  const blocks: ReportBlock[] = [];
  if (good.length > 0) {
    blocks.push({ kind: 'subheading', text: 'Episodes of good practice' });
    blocks.push({ kind: 'list', items: good.map((episode) => `${ctx.clean(episode.title)} (${ctx.period(episode.period)})`) });
  }
  if (said.length > 0) {
    blocks.push({ kind: 'subheading', text: 'What participants said went well' });
    blocks.push({ kind: 'list', items: said });
  }
  if (blocks.length === 0) blocks.push(note('Nothing is recorded here yet.'));
  return { id: 'wentWell', title: 'What went well', blocks };
}

const byRank = (a: Pattern, b: Pattern): number =>
  (a.prioritisation.rank ?? Number.MAX_SAFE_INTEGER) - (b.prioritisation.rank ?? Number.MAX_SAFE_INTEGER) || a.id.localeCompare(b.id);

function patternBlocks(ctx: ReportContext, pattern: Pattern): ReportBlock[] {
  const sub = pattern.subPatternId ? findSubPattern(pattern.subPatternId)?.subPattern.title : pattern.newSubPatternTitle;
  const influence = pattern.influence === 'supportsGoodPractice' ? 'Supports good practice' : 'Makes problematic practice more likely';
  const priority = pattern.prioritisation;
  const blocks: ReportBlock[] = [
    paragraph({ text: ctx.clean(pattern.statement) }),
    paragraph(...labelled('Influence', influence), ...(sub ? [{ text: '. ' }, ...labelled('Sub-pattern', ctx.clean(sub))] : [])),
  ];
  const levels = [
    priority.rank !== null ? `rank ${priority.rank}` : '',
    priority.widespread ? `how widespread beyond this case: ${PRIORITY_WORDS[priority.widespread]}` : '',
    priority.contemporaryRelevance ? `relevance now: ${PRIORITY_WORDS[priority.contemporaryRelevance]}` : '',
  ].filter((part) => part !== '');
  if (levels.length > 0) blocks.push(paragraph(...labelled('Prioritisation', levels.join('; '))));
  if (priority.rationale.trim() !== '') blocks.push(paragraph(...labelled('Rationale', ctx.clean(priority.rationale))));
  const episodes = pattern.episodeIds.map((id) => ctx.episodeTitles.get(id)).filter((title): title is string => title !== undefined);
  if (episodes.length > 0) blocks.push({ kind: 'paragraph', runs: labelled('Seen in', episodes.map(ctx.clean).join('; ')), tone: 'source' });
  return blocks;
}

function patternsSection(ctx: ReportContext): ReportSection {
  const blocks: ReportBlock[] = [
    note('Patterns are stated in language that is not specific to this case. Every pattern found stays recorded; those prioritised come first.'),
  ];
  for (const category of TYPOLOGY) {
    const patterns = ctx.snapshot.patterns.filter((pattern) => pattern.category === category.number);
    if (patterns.length === 0) continue;
    blocks.push({ kind: 'subheading', text: `${category.number}. ${category.title}` });
    const ordered = [
      ...patterns.filter((pattern) => pattern.prioritisation.selected).sort(byRank),
      ...patterns.filter((pattern) => !pattern.prioritisation.selected).sort(byRank),
    ];
    for (const pattern of ordered) blocks.push(...patternBlocks(ctx, pattern));
  }
  if (blocks.length === 1) blocks.push(note('No patterns are recorded yet.'));
  return { id: 'patterns', title: 'Underlying patterns', blocks };
}

function recommendationsSection(ctx: ReportContext): ReportSection {
  const blocks: ReportBlock[] = [];
  for (const kind of RECOMMENDATION_KINDS) {
    const recommendations = ctx.snapshot.recommendations.filter((recommendation) => recommendation.kind === kind.id);
    if (recommendations.length === 0) continue;
    blocks.push({ kind: 'subheading', text: `${kind.number}. ${kind.title}` });
    blocks.push(note(kind.description));
    recommendations.forEach((recommendation, index) => {
      blocks.push(paragraph(...labelled(`${kind.number}.${index + 1}`, ctx.clean(recommendation.text))));
      const patterns = recommendation.patternIds.map((id) => ctx.patternStatements.get(id)).filter((text): text is string => text !== undefined);
      const about = `For ${ctx.clean(recommendation.addressee)}, at ${recommendation.level} level`;
      blocks.push({
        kind: 'paragraph',
        runs: [{ text: patterns.length > 0 ? `${about}. From the pattern: ${patterns.map(ctx.clean).join('; ')}` : about }],
        tone: 'source',
      });
    });
  }
  if (blocks.length === 0) blocks.push(note('No recommendations are recorded yet.'));
  return { id: 'recommendations', title: 'Recommendations', blocks };
}
