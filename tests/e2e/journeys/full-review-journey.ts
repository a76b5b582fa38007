// One whole review, from nothing to three recommendations, through the screens only. Run in standalone mode and in
// Microsoft 365 mode against the Graph double. FICTIONAL data throughout: every name, agency and event is invented.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from '../support/browser';
import { ConversationsPage } from '../pages/ConversationsPage';
import { DocumentsPage } from '../pages/DocumentsPage';
import { EpisodesPage } from '../pages/EpisodesPage';
import { NarrativePage } from '../pages/NarrativePage';
import { NewReviewPage } from '../pages/NewReviewPage';
import { ParticipantsPage } from '../pages/ParticipantsPage';
import { PatternsPage } from '../pages/PatternsPage';
import { RecommendationsPage } from '../pages/RecommendationsPage';
import { TeamPage } from '../pages/TeamPage';
import { reviewIdIn } from '../pages/workspace-base';

export const JOURNEY = {
  codename: 'Heron',
  socialCare: 'Children’s Social Care (fictional)',
  health: 'Health Visiting (fictional)',
  school: 'Oakfield Primary School (fictional)',
  document: 'Social care case file (fictional)',
  episodes: ['Home visit after the school’s concern (fictional)', 'Strategy discussion (fictional)', 'Child protection conference (fictional)'],
  sharingPattern: 'What and how much should be shared?',
  supervisionPattern: 'Supervision',
} as const;

export interface JourneyResult {
  readonly reviewId: string;
  readonly conversationId: string;
}

/** Reloads the page and waits for the app to be ready again on the same screen. */
async function reloadAndWait(page: Page): Promise<void> {
  await page.reload();
  await page.getByTestId('mode-badge').waitFor({ timeout: 30_000 });
}

export async function createReviewThroughTheScreens(page: Page): Promise<JourneyResult> {
  await page.getByRole('button', { name: 'New review' }).click();
  const newReview = new NewReviewPage(page);
  await newReview.create({
    codename: JOURNEY.codename,
    questions: ['How did agencies share what they knew about the family? (fictional)'],
    trigger: 'Routine practice',
    from: '2025-01-01',
    to: '2025-11-11',
    agencies: [JOURNEY.socialCare, JOURNEY.health, JOURNEY.school],
  });
  const reviewId = reviewIdIn(page);

  const team = new TeamPage(page);
  await team.goto(reviewId);
  await team.addMember({ name: 'Robin Ashdown (fictional)', role: 'Lead reviewer' });
  await team.addMember({ name: 'Sam Okafor (fictional)', role: 'Facilitator' });
  await team.addMember({ name: 'Lee Carver (fictional)', role: 'Facilitator' });
  await team.addMember({ name: 'Morgan Pryce (fictional)', role: 'LSCB coordinator' });

  const participants = new ParticipantsPage(page);
  await participants.goto(reviewId);
  await participants.addParticipant({ kind: 'Family member', roleTitle: 'Mother', realName: 'Dana Holloway (fictional)', reportLabel: 'Ms A' });
  await participants.addParticipant({ kind: 'Child or young person', realName: 'Kit Holloway (fictional)', reportLabel: 'Child B' });
  await participants.addParticipant({ kind: 'Carer', roleTitle: 'Grandmother', realName: 'Iris Holloway (fictional)', reportLabel: 'Grandmother' });
  await participants.addParticipant({ kind: 'Practitioner', agency: JOURNEY.socialCare, roleTitle: 'Social worker', realName: 'Alex Fenwick (fictional)', reportLabel: 'Social worker 1' });
  await participants.addParticipant({ kind: 'Practitioner', agency: JOURNEY.health, roleTitle: 'Health visitor', realName: 'Jo Marsh (fictional)', reportLabel: 'Health visitor 1' });
  await participants.addParticipant({ kind: 'First-line manager', agency: JOURNEY.school, roleTitle: 'Class teacher', realName: 'Chris Dunmore (fictional)', reportLabel: 'Class teacher' });
  await expect.poll(() => participants.count()).toBe(6);

  const documents = new DocumentsPage(page);
  await documents.goto(reviewId);
  await documents.addDocument({ agency: JOURNEY.socialCare, title: JOURNEY.document, recordType: 'Case file', from: '2025-01-01', to: '2025-10-31' });
  await documents.waitForSaved(documents.editor);

  const conversations = new ConversationsPage(page);
  await conversations.goto(reviewId);
  const conversationId = await conversations.arrange('Social worker 1', { questioner: 'Sam Okafor (fictional)', noteTaker: 'Lee Carver (fictional)' });
  await conversations.schedule('2025-10-30', '10:30');
  await conversations.setStatus('Held');
  await conversations.waitForSaved(conversations.editor.locator('> div').first());
  await conversations.writeStepNote('2', 'Described the referral and the first home visit (fictional).');
  await conversations.writeStepNote('3b', 'Was worried about the size of the caseload at the time (fictional).');
  await conversations.addWentWell('Joint visits with health visiting (fictional)');
  await conversations.pasteWrittenRecord('Agreed notes of the conversation (fictional).');
  await conversations.waitForSaved(conversations.editor.locator('> div').first());
  await expectAccessible(page, 'conversation record');
  return { reviewId, conversationId };
}

/** Midway: after a reload, everything entered so far is still there. */
export async function checkNothingLostAfterReload(page: Page, journey: JourneyResult): Promise<void> {
  await reloadAndWait(page);
  const participants = new ParticipantsPage(page);
  await participants.goto(journey.reviewId);
  await expect.poll(() => participants.count(), { timeout: 30_000 }).toBe(6);
  const conversations = new ConversationsPage(page);
  await conversations.goto(journey.reviewId, journey.conversationId);
  await conversations.editor.waitFor();
  await expect.poll(() => conversations.step('3b').getByTestId('step-notes-3b').inputValue(), { timeout: 30_000 }).toBe(
    'Was worried about the size of the caseload at the time (fictional).',
  );
}

export async function analyseThroughTheScreens(page: Page, journey: JourneyResult): Promise<void> {
  const narrative = new NarrativePage(page);
  await narrative.goto(journey.reviewId);
  await narrative.addEntry({
    kind: 'Account',
    perspective: JOURNEY.socialCare,
    source: `Document: ${JOURNEY.document}`,
    from: '2025-03-12',
    to: '2025-03-12',
    text: 'The case file records a home visit with no immediate concern (fictional).',
  });
  await narrative.addEntry({
    kind: 'Account',
    perspective: 'Social worker 1',
    source: 'Conversation with Social worker 1',
    from: '2025-03-10',
    to: '2025-04-20',
    text: 'The school’s concern reached me as a general worry, not as a referral (fictional).',
  });
  await narrative.addEntry({
    kind: 'Gap',
    perspective: JOURNEY.school,
    source: 'Conversation with Social worker 1',
    from: '2025-03-05',
    text: 'No written record of the school’s March concern has been found (fictional).',
  });
  await narrative.addEntry({
    kind: 'Discrepancy',
    perspective: 'Social worker 1',
    source: 'Conversation with Social worker 1',
    from: '2025-03-12',
    to: '2025-03-12',
    text: 'The social worker recalls asking the school for its view; the case file does not show it (fictional).',
  });
  await narrative.addEntry({
    kind: "Reviewers' judgement",
    from: '2025-03-01',
    to: '2025-04-30',
    text: 'Each agency saw the family at different moments; none had the whole picture (fictional).',
  });
  expect(await narrative.countText()).toBe('5 entries');
  await expectAccessible(page, 'narrative');

  const episodes = new EpisodesPage(page);
  await episodes.goto(journey.reviewId);
  const [homeVisit, strategy, conference] = JOURNEY.episodes;
  await episodes.addEpisode({
    title: homeVisit,
    from: '2025-03-12',
    description: 'The social worker visited the home after hearing of the school’s worry and found no immediate concern (fictional).',
    significance: 'With hindsight, the visit set the view that the family was coping (fictional).',
  });
  await episodes.setJudgement('Problematic practice', 'The visit was prompt; the school’s view was not sought (fictional).');
  await episodes.addFactorByClicking('workload', 'Workload', /Conditions of work/);
  await episodes.setWhy('Workload', 'Three other visits were due that day; a short visit seemed proportionate (fictional).');
  await episodes.addFactorByClicking('information', 'Information sharing');
  await episodes.setWhy('Information sharing', 'The worry came by telephone, not as a referral, so it was not logged (fictional).');
  await episodes.waitForSaved(episodes.editor);
  await episodes.closeEditor();
  await episodes.addEpisode({ title: strategy, from: '2025-04-02', to: '2025-04-02', description: 'Agencies met and shared what each knew; a plan for joint visits was agreed (fictional).' });
  await episodes.setJudgement('Good practice');
  await episodes.addFactorByKeyboard('information sharing');
  await episodes.factorTag('Information sharing').waitFor();
  await episodes.addFactorByClicking('workload', 'Workload', /Conditions of work/);
  await episodes.waitForSaved(episodes.editor);
  await episodes.closeEditor();
  await episodes.addEpisode({ title: conference, from: '2025-06-18', description: 'The conference heard from every agency; the plan was reviewed (fictional).' });
  await episodes.setJudgement('Mixed: good and problematic');
  await episodes.addFactorByClicking('supervision', 'Supervision');
  await episodes.waitForSaved(episodes.editor);
  await episodes.closeEditor();
  expect(await episodes.rowTitles()).toEqual([...JOURNEY.episodes]);
  await expectAccessible(page, 'episodes');

  const patterns = new PatternsPage(page);
  await patterns.goto(journey.reviewId);
  await patterns.chooseEpisodes([homeVisit, strategy]);
  await patterns.createPattern({
    category: 4,
    subPattern: JOURNEY.sharingPattern,
    statement: 'Worries passed on informally are not treated as information to record, so no agency holds the whole picture.',
    influence: 'Makes problematic practice more likely',
  });
  await patterns.prioritise({ widespread: 'High', relevance: 'High', rank: 1, rationale: 'Seen across agencies and likely to recur (fictional).', selected: true });
  await patterns.waitForSaved(patterns.editor);
  await patterns.closeEditor();
  await patterns.chooseEpisodes([conference]);
  await patterns.createPattern({
    category: 2,
    subPattern: JOURNEY.supervisionPattern,
    statement: 'Regular reflective supervision helps practitioners revisit plans when new information arrives.',
    influence: 'Supports good practice',
  });
  await patterns.waitForSaved(patterns.editor);
  await patterns.closeEditor();
  expect(await patterns.prioritisedIn(4)).toEqual([JOURNEY.sharingPattern]);
  expect(await patterns.recordedTitles()).toEqual([JOURNEY.supervisionPattern]);
  await expectAccessible(page, 'patterns');

  const recommendations = new RecommendationsPage(page);
  await recommendations.goto(journey.reviewId);
  await recommendations.add({
    kind: 'Clear-cut and local',
    level: 'Local',
    addressee: 'LSCB partner agencies (fictional)',
    text: 'Agree one rule across agencies for recording worries passed on by telephone (fictional).',
    patterns: [JOURNEY.sharingPattern],
  });
  await recommendations.add({
    kind: 'Needs judgement by senior management',
    level: 'Regional',
    addressee: 'Directors of children’s services (fictional)',
    text: 'Consider protected time for reflective supervision against other demands (fictional).',
    patterns: [JOURNEY.supervisionPattern],
  });
  await recommendations.add({
    kind: 'Needs research or national action',
    level: 'National',
    addressee: 'National research body (fictional)',
    text: 'Research how assessment forms capture informal worries (fictional).',
  });
  await expectAccessible(page, 'recommendations');
}

/** At the end, after another reload: every screen still holds what was entered. */
export async function checkEverythingKept(page: Page, journey: JourneyResult): Promise<void> {
  await reloadAndWait(page);
  const narrative = new NarrativePage(page);
  await narrative.goto(journey.reviewId);
  await expect.poll(() => narrative.countText(), { timeout: 30_000 }).toBe('5 entries');
  const episodes = new EpisodesPage(page);
  await episodes.goto(journey.reviewId);
  await expect.poll(() => episodes.rowTitles(), { timeout: 30_000 }).toEqual([...JOURNEY.episodes]);
  await episodes.open(JOURNEY.episodes[0]);
  expect(await episodes.chosenFactors()).toEqual(['Workload', 'Information sharing']);
  await episodes.closeEditor();
  const patterns = new PatternsPage(page);
  await patterns.goto(journey.reviewId);
  await expect.poll(() => patterns.prioritisedIn(4), { timeout: 30_000 }).toEqual([JOURNEY.sharingPattern]);
  expect(await patterns.recordedTitles()).toEqual([JOURNEY.supervisionPattern]);
  const recommendations = new RecommendationsPage(page);
  await recommendations.goto(journey.reviewId);
  await expect.poll(() => recommendations.textsIn('Clear-cut and local'), { timeout: 30_000 }).toEqual([expect.stringContaining('one rule across agencies')]);
  expect(await recommendations.textsIn('Needs judgement by senior management')).toEqual([expect.stringContaining('protected time')]);
  expect(await recommendations.textsIn('Needs research or national action')).toEqual([expect.stringContaining('assessment forms')]);
}
