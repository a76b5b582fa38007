import { Field, MessageBar, MessageBarBody, Select, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { Failure } from '../../../domain/failures';
import { asId, type ReviewId } from '../../../domain/ids';
import type { ReviewSnapshot } from '../../../domain/model';
import type { ReviewSummary } from '../../../domain/review-summary';
import { useAppServices, type TabConfigPort } from '../../app-services';

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });

/**
 * The configurable tab's set-up page (`#/config`, Teams frame context "settings"). The person chooses the review
 * (and, in a meeting, the conversation); Teams' own Save button then stores the tab's address.
 */
export function TabConfigScreen() {
  const { tabConfig } = useAppServices();
  if (!tabConfig) {
    return (
      <section aria-labelledby="screen-title">
        <Title2 as="h1" id="screen-title">
          Tab set-up
        </Title2>
        <Text block>This page is used by Microsoft Teams when the app is added as a tab. There is nothing to set up here.</Text>
      </section>
    );
  }
  if (tabConfig.purpose === 'remove') {
    return (
      <section aria-labelledby="screen-title">
        <Title2 as="h1" id="screen-title">
          Remove this tab
        </Title2>
        <Text block>Removing the tab removes only the tab. The review and everything in it stay in SharePoint.</Text>
      </section>
    );
  }
  return <ChooseTarget port={tabConfig} />;
}

function ChooseTarget({ port }: { port: TabConfigPort }) {
  const { service } = useAppServices();
  const [reviews, setReviews] = useState<ReviewSummary[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [reviewId, setReviewId] = useState('');
  const [conversationId, setConversationId] = useState('');
  const [snapshot, setSnapshot] = useState<ReviewSnapshot | null>(null);

  useEffect(() => {
    let live = true;
    void service.listReviews().then((listed) => {
      if (!live) return;
      if (listed.ok) setReviews(listed.value);
      else setFailure(listed.error);
    });
    // In a meeting, preselect the conversation this meeting was scheduled for, if it can be found.
    void port.suggest?.().then((suggested) => {
      if (!live || !suggested.ok || !suggested.value) return;
      setReviewId(suggested.value.reviewId);
      setConversationId(suggested.value.conversationId);
    });
    return () => {
      live = false;
    };
  }, [service, port]);

  useEffect(() => {
    if (!port.inMeeting || reviewId === '') {
      setSnapshot(null);
      return;
    }
    let live = true;
    void service.loadReview(asId<ReviewId>(reviewId)).then((loaded) => {
      if (!live) return;
      if (loaded.ok) setSnapshot(loaded.value);
      else setFailure(loaded.error);
    });
    return () => {
      live = false;
    };
  }, [service, port.inMeeting, reviewId]);

  const review = reviews?.find((candidate) => candidate.id === reviewId);
  const conversations = useMemo(() => {
    if (!snapshot) return [];
    const labels = new Map(snapshot.participants.map((participant) => [participant.id, participant.reportLabel]));
    return snapshot.conversations
      .filter((conversation) => conversation.status !== 'cancelled')
      .map((conversation) => ({
        id: conversation.id,
        label: `${labels.get(conversation.participantId) ?? 'Participant'}${conversation.scheduledStart ? `, ${dateFormat.format(new Date(conversation.scheduledStart))}` : ''}`,
      }));
  }, [snapshot]);

  useEffect(() => {
    if (!review) return port.choose(null);
    if (port.inMeeting) {
      const conversation = conversations.find((candidate) => candidate.id === conversationId);
      if (!conversation) return port.choose(null);
      return port.choose({ reviewId: review.id, conversationId: conversation.id, displayName: `${review.codename}: conversation` });
    }
    port.choose({ reviewId: review.id, displayName: review.codename });
  }, [port, review, conversations, conversationId]);

  return (
    <section aria-labelledby="screen-title" style={{ display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '36rem' }}>
      <Title2 as="h1" id="screen-title">
        Set up this tab
      </Title2>
      <Text block>
        {port.inMeeting
          ? 'Choose the review and the conversation this meeting is for. In the meeting, the side panel then opens the facilitators’ guide and the stage shows the participant’s view.'
          : 'Choose the review this tab opens. Only people who can see the review’s private channel can open it.'}
      </Text>
      {failure ? (
        <MessageBar intent="error">
          <MessageBarBody>{describeFailure(failure)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {reviews === null && !failure ? <Spinner label="Finding your reviews…" /> : null}
      {reviews !== null ? (
        <Field label="Review" hint={reviews.length === 0 ? 'You cannot see any reviews yet.' : undefined}>
          <Select
            data-testid="config-review"
            value={reviewId}
            onChange={(_, data) => {
              setReviewId(data.value);
              setConversationId('');
            }}
          >
            <option value="">Choose a review</option>
            {reviews.map((summary) => (
              <option key={summary.id} value={summary.id}>
                {summary.codename}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {port.inMeeting && reviewId !== '' ? (
        <Field label="Conversation" hint={snapshot && conversations.length === 0 ? 'This review has no conversations yet.' : undefined}>
          <Select data-testid="config-conversation" value={conversationId} onChange={(_, data) => setConversationId(data.value)}>
            <option value="">Choose a conversation</option>
            {conversations.map((conversation) => (
              <option key={conversation.id} value={conversation.id}>
                {conversation.label}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
    </section>
  );
}
