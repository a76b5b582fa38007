import { Link, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { reconcileMeetings } from '../../../app/scheduling/scheduling';
import { whenAndWhere } from '../../../domain/scheduling/invitation-text';
import { summariseSchedule } from '../../../domain/scheduling/schedule-summary';
import { useAppServices } from '../../app-services';
import { Notice } from '../../components/workspace/FormParts';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';

/** Reviews whose meetings were checked against the calendar in this tab: once per opening is enough. */
const checkedReviews = new Set<string>();

/**
 * The overview's scheduling section: what is scheduled, what is not yet, and which participants have not been
 * offered a conversation. When the review opens, meetings moved or deleted in Outlook are brought in line and
 * the facilitator is told here.
 */
export function SchedulingOverview() {
  const { snapshot, session } = useReview();
  const { meetingCalendar } = useAppServices();
  const [notes, setNotes] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const reviewId = snapshot.review.id;

  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    // Once per review per tab, whatever re-renders meanwhile; what it found is shown while this section is mounted.
    if (meetingCalendar === undefined || checkedReviews.has(reviewId)) return;
    checkedReviews.add(reviewId);
    void meetingCalendar()
      .then((calendar) => reconcileMeetings(session, calendar))
      .then((result) => {
        if (!mounted.current) return;
        if (result.ok) setNotes(result.value);
        else setProblem(`The calendar could not be checked for moved meetings: ${describeFailure(result.error)}`);
      })
      .catch(() => undefined);
  }, [meetingCalendar, reviewId, session]);

  const summary = useMemo(() => summariseSchedule(snapshot, new Date().toISOString()), [snapshot]);
  const conversations = hrefOf(paths.section(reviewId, 'conversations'));

  return (
    <section aria-labelledby="scheduling-overview-title" data-testid="scheduling-overview" style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
      <h2 id="scheduling-overview-title" style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>
        Meetings
      </h2>
      {notes.map((note) => (
        <Notice key={note} intent="warning" testId="calendar-reconciled">
          {note}
        </Notice>
      ))}
      {problem ? <Notice intent="error">{problem}</Notice> : null}
      {summary.upcoming.length === 0 ? (
        <Text>No meetings scheduled yet.</Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL }} data-testid="upcoming-meetings">
          {summary.upcoming.map((meeting) => {
            const at = whenAndWhere(meeting);
            return (
              <li key={meeting.id}>
                {meeting.title}: {at.when} ({at.where})
              </li>
            );
          })}
        </ul>
      )}
      <Text data-testid="not-scheduled">
        {summary.conversationsNotScheduled.length === 0
          ? 'Every conversation to arrange has a time.'
          : `Conversations not yet scheduled: ${summary.conversationsNotScheduled.map((entry) => entry.participantLabel).join(', ')}.`}{' '}
        {summary.groupMeetingsNotScheduled.length > 0 ? `Group meetings not yet scheduled: ${summary.groupMeetingsNotScheduled.length}.` : ''}
      </Text>
      <Text data-testid="not-offered">
        {summary.participantsNotOffered.length === 0
          ? 'Every participant has been offered a conversation.'
          : `Not yet offered a conversation: ${summary.participantsNotOffered.map((entry) => entry.label).join(', ')}.`}{' '}
        <Link href={conversations}>Go to Conversations</Link>
      </Text>
    </section>
  );
}
