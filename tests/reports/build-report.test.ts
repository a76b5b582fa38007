// FICTIONAL test data: the app's own fictional training case (Brook Lane), and XSS strings typed into its fields.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildReport, monthOfPeriod } from '../../src/domain/report/build-report';
import { stageOpening, whoHasCommented } from '../../src/domain/report/dialogue';
import { reportTexts } from '../../src/domain/report/view-model';
import { ReportPreview } from '../../src/ui/screens/reports/ReportPreview';
import { trainingCaseSnapshot } from './training-case';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe('the report view model', () => {
  it("keeps the reviewers' judgements in a section of their own and gives every account its source", () => {
    const snapshot = trainingCaseSnapshot();
    const model = buildReport(snapshot, { stage: 'interim' });
    const judgements = model.sections.find((section) => section.id === 'judgements')!;
    const perspectives = model.sections.find((section) => section.id === 'perspectives')!;
    const judgementTexts = snapshot.narrative.filter((entry) => entry.kind === 'reviewersJudgement').map((entry) => entry.text);
    const inSection = (section: typeof judgements) => JSON.stringify(section.blocks);
    for (const text of judgementTexts) {
      expect(inSection(judgements)).toContain(JSON.stringify(text).slice(1, -1));
      expect(inSection(perspectives)).not.toContain(JSON.stringify(text).slice(1, -1));
    }
    const accounts = snapshot.narrative.filter((entry) => entry.kind === 'account').length;
    expect(perspectives.blocks.filter((block) => block.kind === 'paragraph' && block.tone === 'source')).toHaveLength(accounts);
    const table = model.sections.find((section) => section.id === 'episodes')!.blocks.find((block) => block.kind === 'episodeTable');
    expect(table?.kind === 'episodeTable' && table.rows).toHaveLength(snapshot.episodes.length);
  });

  it('shows dates relative to the period under review when the review chooses', () => {
    expect(monthOfPeriod('2024-08-01', '2024-08-31')).toBe('month 1');
    expect(monthOfPeriod('2024-08-01', '2025-03-10')).toBe('month 8');
    const snapshot = trainingCaseSnapshot();
    const relative = buildReport({ ...snapshot, review: { ...snapshot.review, reportDates: 'relativeToPeriod' } }, { stage: 'finalDraft' });
    expect(reportTexts(relative).some((text) => /month \d+/u.test(text))).toBe(true);
    expect(reportTexts(relative).join('\n')).not.toMatch(
      /^(from )?\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}(,| to )/mu,
    );
  });

  it('never turns typed markup into markup in the preview', () => {
    const snapshot = trainingCaseSnapshot();
    const poisoned = {
      ...snapshot,
      review: { ...snapshot.review, questions: [XSS] },
      episodes: snapshot.episodes.map((episode) => ({ ...episode, title: XSS, description: XSS, judgementBreakdown: XSS })),
      narrative: snapshot.narrative.map((entry) => ({ ...entry, text: XSS })),
    };
    const html = renderToStaticMarkup(createElement(ReportPreview, { model: buildReport(poisoned, { stage: 'finalDraft' }) }));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('opens the next stage when the window closes and says who has commented', () => {
    const snapshot = trainingCaseSnapshot();
    expect(stageOpening(snapshot, 'interim', '2026-01-20')).toEqual({ open: false, waitingFor: { title: 'Preliminary report', closesOn: '2026-01-30' } });
    expect(stageOpening(snapshot, 'interim', '2026-01-31').open).toBe(true);
    const statuses = whoHasCommented(snapshot, 'stage-preliminary-1');
    const commenters = new Set(snapshot.comments.filter((comment) => comment.reportStageId === 'stage-preliminary-1').map((comment) => comment.participantId));
    expect(
      statuses
        .filter((status) => status.comments > 0)
        .map((status) => status.participant.id)
        .sort(),
    ).toEqual([...commenters].sort());
    expect(statuses).toHaveLength(snapshot.participants.length);
  });
});
