import { Button, Field, Link, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { addToSession } from '../../../app/review-service';
import { commentWindowOpen, mayReadNotes, readableDrafts, type Actor } from '../../../domain/access';
import { CONVERSATION_STEPS } from '../../../domain/method/conversation-steps';
import { REPORT_STAGES } from '../../../domain/method/report-stages';
import type { ReportStage } from '../../../domain/model';
import { Notice, ScreenTitle } from '../../components/workspace/FormParts';
import { formatDate, formatInstant, londonToday } from '../../london-format';
import { useReview } from '../../review-context';

const stageTitle = (stage: ReportStage): string => REPORT_STAGES.find((candidate) => candidate.id === stage.stage)?.title ?? stage.stage;
const stepTitle = (step: string): string => {
  const found = CONVERSATION_STEPS.find((candidate) => candidate.id === step);
  return found ? `Step ${found.number}: ${found.title}` : `Step ${step}`;
};

/**
 * What a participant (a practitioner, manager or family member) sees of a review: the drafts shared with them, the
 * notes of their own conversations (their words only: the facilitators' own comments are never shown), and their own
 * comments, which they can add while a draft's comment window is open.
 */
export function ParticipantView({ actor }: { actor: Extract<Actor, { kind: 'participant' }> }) {
  const { snapshot } = useReview();
  const drafts = readableDrafts(
    actor,
    [...snapshot.reportStages].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '')),
  );
  const conversations = snapshot.conversations.filter((conversation) => mayReadNotes(actor, conversation));
  return (
    <section aria-labelledby="screen-title" data-testid="participant-view" style={{ display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '60rem' }}>
      <ScreenTitle title={`Shared with you: ${snapshot.review.codename}`}>
        <Text>
          You are taking part in this review as {actor.name}. You see the drafts the review team has shared with you and the notes of your own conversations;
          you can comment on a draft while its comment window is open.
        </Text>
      </ScreenTitle>

      <section aria-labelledby="shared-drafts" style={{ display: 'grid', gap: tokens.spacingVerticalM }}>
        <h2 id="shared-drafts" style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>
          Drafts shared with you
        </h2>
        {drafts.length === 0 ? (
          <Text>No draft has been shared with you yet.</Text>
        ) : (
          drafts.map((stage) => <SharedDraft key={stage.id} stage={stage} actor={actor} />)
        )}
      </section>

      <section aria-labelledby="own-conversations" style={{ display: 'grid', gap: tokens.spacingVerticalM }}>
        <h2 id="own-conversations" style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>
          Notes of your conversations
        </h2>
        {conversations.length === 0 ? (
          <Text>There are no notes of a conversation with you yet.</Text>
        ) : (
          conversations.map((conversation) => {
            const notes = snapshot.stepNotes
              .filter((note) => note.conversationId === conversation.id && note.text.trim() !== '')
              .sort((a, b) => CONVERSATION_STEPS.findIndex((step) => step.id === a.step) - CONVERSATION_STEPS.findIndex((step) => step.id === b.step));
            return (
              <article key={conversation.id} data-testid="own-conversation" style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
                <h3 style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
                  Conversation {conversation.scheduledStart ? `of ${formatInstant(conversation.scheduledStart)}` : ''}
                </h3>
                {notes.length === 0 ? <Text>No notes yet.</Text> : null}
                {notes.map((note) => (
                  <div key={note.id}>
                    <Text weight="semibold" block>
                      {stepTitle(note.step)}
                    </Text>
                    <Text block style={{ whiteSpace: 'pre-wrap' }} data-testid="own-step-note">
                      {note.text}
                    </Text>
                  </div>
                ))}
              </article>
            );
          })
        )}
      </section>
    </section>
  );
}

function SharedDraft({ stage, actor }: { stage: ReportStage; actor: Extract<Actor, { kind: 'participant' }> }) {
  const { snapshot, session } = useReview();
  const today = londonToday();
  const open = commentWindowOpen(stage, today);
  const mine = snapshot.comments.filter((comment) => comment.reportStageId === stage.id && comment.participantId === actor.participantId);
  const [text, setText] = useState('');
  const [commentId, setCommentId] = useState(() => session.newId('com'));
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    const added = await addToSession(session, 'comment', { reportStageId: stage.id, participantId: actor.participantId, text } as never, commentId);
    setSending(false);
    if (!added.ok) return setProblem(describeFailure(added.error));
    setProblem(null);
    setText('');
    setCommentId(session.newId('com'));
  };
  const window = stage.commentWindow;
  return (
    <article
      data-testid="shared-draft"
      style={{ display: 'grid', gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS }}
    >
      <h3 style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
        {stageTitle(stage)}, draft {stage.draftNumber}
      </h3>
      <Text>
        Shared on {formatInstant(stage.publishedAt)}.{' '}
        {window ? `Comments from ${formatDate(window.opensOn)} to ${formatDate(window.closesOn)}.` : 'No comment window has been set.'}
      </Text>
      {/^https?:\/\//.test(stage.publishedLocation) ? (
        <Link href={stage.publishedLocation} target="_blank" rel="noreferrer">
          Open the draft
        </Link>
      ) : null}
      {mine.length > 0 ? (
        <ul aria-label="Your comments" style={{ margin: 0 }}>
          {mine.map((comment) => (
            <li key={comment.id} data-testid="own-comment">
              {comment.text}
              {comment.response ? (
                <Text block size={200}>
                  Response: {comment.response}
                </Text>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
          style={{ display: 'grid', gap: tokens.spacingVerticalS }}
        >
          <Field label="Your comment on this draft" required>
            <Textarea value={text} onChange={(_, data) => setText(data.value)} resize="vertical" />
          </Field>
          <div>
            <Button type="submit" appearance="primary" disabled={sending || text.trim() === ''}>
              Send comment
            </Button>
          </div>
        </form>
      ) : (
        <Text data-testid="comment-window-closed">The comment window is not open, so comments cannot be added now.</Text>
      )}
      {problem ? (
        <Notice intent="error" testId="comment-problem">
          {problem}
        </Notice>
      ) : null}
    </article>
  );
}
