import { recordLabel } from '../labels';
import type { ChildRecordKind, ReviewSnapshot, TextLocation } from '../model';

/**
 * Every piece of the review team's own writing, each with where it lives. Participants' own words (their step notes,
 * written records, comments on drafts) are left out: they are kept as said, and the check is about how the team writes.
 */
export interface ReviewText {
  readonly location: TextLocation;
  /** Where, in a reviewer's words: "Key practice episode “…”: description". */
  readonly where: string;
  readonly text: string;
  /** Appendix 4's first column asks for significance with hindsight: hindsight wording is expected there. */
  readonly hindsightExpected: boolean;
}

export function reviewTexts(snapshot: ReviewSnapshot): ReviewText[] {
  const texts: ReviewText[] = [];
  const add = (
    kind: ChildRecordKind | 'review',
    recordId: string,
    name: string,
    field: string,
    fieldWords: string,
    text: string,
    hindsightExpected = false,
  ) => {
    if (text.trim() === '') return;
    texts.push({
      location: { kind, recordId, field },
      where: `${recordLabel(kind)}${name === '' ? '' : ` “${name}”`}: ${fieldWords}`,
      text,
      hindsightExpected,
    });
  };
  const review = snapshot.review;
  review.questions.forEach((question, index) => add('review', review.id, '', `questions.${index}`, `question for review ${index + 1}`, question));
  add('review', review.id, '', 'triggerNote', 'trigger note', review.triggerNote);
  for (const participant of snapshot.participants)
    add('participant', participant.id, participant.reportLabel, 'significanceNote', 'significance note', participant.significanceNote);
  for (const document of snapshot.documents) add('document', document.id, document.title, 'notes', 'notes', document.notes);
  for (const conversation of snapshot.conversations) {
    const name = snapshot.participants.find((participant) => participant.id === conversation.participantId)?.reportLabel ?? '';
    add('conversation', conversation.id, name, 'followUpNote', 'follow-up note', conversation.followUpNote);
    conversation.factorsRaised.forEach((factor) =>
      add('conversation', conversation.id, name, `factorsRaised.${factor.factorId}`, 'note on a factor raised', factor.note),
    );
  }
  for (const note of snapshot.stepNotes) add('stepNote', note.id, `step ${note.step}`, 'comments', 'your own comments', note.comments);
  for (const entry of snapshot.narrative) add('narrativeEntry', entry.id, '', 'text', 'text', entry.text);
  for (const episode of snapshot.episodes) {
    add('episode', episode.id, episode.title, 'title', 'title', episode.title);
    add('episode', episode.id, episode.title, 'description', 'description', episode.description);
    add('episode', episode.id, episode.title, 'significance', 'significance with hindsight', episode.significance, true);
    add('episode', episode.id, episode.title, 'judgementBreakdown', 'breakdown of the judgement', episode.judgementBreakdown);
    episode.factors.forEach((tag) =>
      add('episode', episode.id, episode.title, `factors.${tag.id}.whyItMadeSense`, 'why it made sense at the time', tag.whyItMadeSense),
    );
  }
  for (const pattern of snapshot.patterns) {
    add('pattern', pattern.id, pattern.newSubPatternTitle, 'statement', 'statement', pattern.statement);
    add('pattern', pattern.id, pattern.newSubPatternTitle, 'prioritisation.rationale', 'rationale', pattern.prioritisation.rationale);
  }
  for (const recommendation of snapshot.recommendations)
    add('recommendation', recommendation.id, recommendation.addressee, 'text', 'text', recommendation.text);
  for (const stage of snapshot.reportStages)
    add('reportStage', stage.id, `${stage.stage} v${stage.draftNumber}`, 'groupMeeting.notes', 'group meeting notes', stage.groupMeeting.notes);
  for (const comment of snapshot.comments) add('comment', comment.id, comment.section, 'response', 'the team’s response', comment.response);
  return texts;
}
