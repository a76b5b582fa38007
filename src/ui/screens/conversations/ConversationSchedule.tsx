import { Badge, Button, Checkbox, Field, Input, Link, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import { cancelMeeting, meetingFile, scheduleMeeting, suggestTimes } from '../../../app/scheduling/scheduling';
import { asId, type MeetingId } from '../../../domain/ids';
import type { Conversation, Meeting, MeetingAttendee } from '../../../domain/model';
import { instantFromLondonWallTime, londonWallTimeOf } from '../../../domain/rules/london-time';
import { meetingTitle, whenAndWhere } from '../../../domain/scheduling/invitation-text';
import type { MeetingDraft } from '../../../domain/scheduling/meeting-changes';
import { meetingIssues } from '../../../domain/scheduling/meeting-rules';
import { conversationLetter } from '../../../domain/scheduling/letters';
import { nextDate, type Slot } from '../../../domain/scheduling/slots';
import type { MeetingCalendar } from '../../../ports/calendar';
import { useAppServices } from '../../app-services';
import { Notice } from '../../components/workspace/FormParts';
import { useWorkspaceStyles } from '../../components/workspace/RecordParts';
import { DateInput } from '../../kit/DateInput';
import { formatInstant } from '../../london-format';
import { useReview } from '../../review-context';
import { downloadText } from './download';

const MINUTE_MS = 60_000;

/** The meeting that holds this conversation now: the latest one still scheduled, else the latest cancelled. */
export function meetingOf(meetings: readonly Meeting[], conversationId: string): Meeting | undefined {
  const mine = meetings
    .filter((meeting) => meeting.conversationId === conversationId && meeting.purpose === 'conversation')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return mine.find((meeting) => meeting.status === 'scheduled') ?? mine[0];
}

function useCalendar(): { calendar: MeetingCalendar | null; problem: string | null } {
  const { meetingCalendar } = useAppServices();
  const [calendar, setCalendar] = useState<MeetingCalendar | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (meetingCalendar === undefined) return;
    meetingCalendar().then(
      (loaded) => live && setCalendar(loaded),
      () => live && setProblem('The calendar could not be loaded; reload the page to try again.'),
    );
    return () => {
      live = false;
    };
  }, [meetingCalendar]);
  return { calendar, problem };
}

/**
 * Scheduling a conversation: find a time when the facilitators are free (participants' calendars are usually
 * unknown and said so), then put it in the calendar (a Teams meeting in Outlook, or an .ics file), move it or
 * cancel it. What is typed stays when the calendar or a rule refuses.
 */
export function ConversationSchedule({ conversation }: { conversation: Conversation }) {
  const styles = useWorkspaceStyles();
  const { snapshot, session } = useReview();
  const { calendar, problem } = useCalendar();
  const current = meetingOf(snapshot.meetings, conversation.id);
  const active = current?.status === 'scheduled' ? current : undefined;
  // A cancelled meeting keeps its UID; the next one is a new meeting with a new id.
  const [newId, setNewId] = useState(() => asId<MeetingId>(session.newId('mtg')));
  const wall = active ? londonWallTimeOf(active.start) : null;
  const [date, setDate] = useState(wall?.date ?? '');
  const [time, setTime] = useState(wall?.time ?? '');
  const [minutes, setMinutes] = useState(active ? String(Math.round((Date.parse(active.end) - Date.parse(active.start)) / MINUTE_MS)) : '90');
  const [online, setOnline] = useState(active?.online ?? true);
  const [place, setPlace] = useState(active?.place ?? '');
  const [cancelMessage, setCancelMessage] = useState('We need to find another time; we will be in touch.');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'error' | 'success' | 'info'; text: string } | null>(null);
  const [slots, setSlots] = useState<{ slots: Slot[]; unknownNames: string[] } | null>(null);

  const organiserId =
    conversation.leadQuestionerId ?? conversation.leadNoteTakerId ?? snapshot.teamMembers.find((member) => member.role === 'facilitator')?.id ?? null;
  const attendees = useMemo<MeetingAttendee[]>(() => {
    const team = [conversation.leadQuestionerId, conversation.leadNoteTakerId].filter((id): id is NonNullable<typeof id> => id !== null);
    const members: MeetingAttendee[] = [...new Set(team)].map((teamMemberId) => ({ as: 'teamMember', teamMemberId }));
    return [...members, { as: 'participant', participantId: conversation.participantId }];
  }, [conversation.leadQuestionerId, conversation.leadNoteTakerId, conversation.participantId]);

  const start = date && time ? instantFromLondonWallTime(date, time) : null;
  const length = Number(minutes);
  const inputProblem =
    date === '' || time === ''
      ? null
      : !/^\d{4}-\d{2}-\d{2}$/u.test(date)
        ? 'write the date as dd/mm/yyyy, such as 03/04/2026 for 3 April 2026'
        : start === null
          ? 'that time does not exist in London (the clocks go forward then)'
          : !Number.isInteger(length) || length <= 0
            ? 'the length is a whole number of minutes'
            : null;

  const draft: MeetingDraft | null =
    start === null || organiserId === null || inputProblem !== null
      ? null
      : {
          id: active?.id ?? newId,
          purpose: 'conversation',
          conversationId: conversation.id,
          reportStageId: null,
          title: meetingTitle('conversation', snapshot.review.codename),
          start,
          end: new Date(Date.parse(start) + length * MINUTE_MS).toISOString(),
          online,
          place: place.trim(),
          organiserId,
          attendees,
          status: 'scheduled',
          calendar: active?.calendar ?? null,
          offeredFileTo: active?.offeredFileTo ?? [],
          calendarNote: '',
        };
  const outcome = draft ? meetingIssues({ ...(draft as Meeting), reviewId: snapshot.review.id }, snapshot, new Date().toISOString()) : null;
  const participant = snapshot.participants.find((candidate) => candidate.id === conversation.participantId);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await action();
      if (done) setMessage({ intent: 'success', text: done });
    } finally {
      setBusy(false);
    }
  };

  const submit = () =>
    run(async () => {
      if (calendar === null || draft === null) return null;
      const placed = await scheduleMeeting(session, calendar, draft);
      if (!placed.ok) {
        setMessage({ intent: 'error', text: describeFailure(placed.error) });
        return null;
      }
      const what = `${active ? 'Moved' : 'Scheduled'}: ${formatInstant(placed.value.start)}.`;
      if (calendar.system === 'icalendar')
        return `${what} Download the invitation (.ics) below and send it to everyone invited, with the letter for the participant.`;
      const notInvited = placed.value.offeredFileTo.length;
      return `${what} The Teams meeting is in Outlook.${notInvited > 0 ? ' The participant has no Microsoft 365 account here: download the invitation (.ics) and the letter below and send them by email or post.' : ''}`;
    });

  const suggest = () =>
    run(async () => {
      if (calendar === null || organiserId === null) return null;
      const now = new Date().toISOString();
      const fromDate = date && /^\d{4}-\d{2}-\d{2}$/u.test(date) ? date : (londonWallTimeOf(now)?.date ?? '');
      let toDate = fromDate;
      for (let day = 0; day < 13; day += 1) toDate = nextDate(toDate);
      const found = await suggestTimes(
        calendar,
        snapshot,
        { organiserId, attendees },
        { fromDate, toDate, durationMinutes: Number.isInteger(length) && length > 0 ? length : 90, now },
      );
      if (!found.ok) {
        setMessage({ intent: 'error', text: describeFailure(found.error) });
        return null;
      }
      setSlots(found.value);
      return null;
    });

  const cancel = () =>
    run(async () => {
      if (calendar === null || active === undefined) return null;
      const cancelled = await cancelMeeting(session, calendar, active, cancelMessage);
      if (!cancelled.ok) {
        setMessage({ intent: 'error', text: describeFailure(cancelled.error) });
        return null;
      }
      setNewId(asId<MeetingId>(session.newId('mtg')));
      return 'Cancelled. Those invited by the calendar have been told; send the cancellation file to anyone who received the invitation by email or post.';
    });

  if (problem) return <Notice intent="error">{problem}</Notice>;
  const place_ = current ? whenAndWhere(current) : null;

  return (
    <section aria-labelledby="schedule-title" className={styles.form} data-testid="conversation-scheduling">
      <h3 id="schedule-title" className={styles.subheading}>
        Meeting
      </h3>
      {current && place_ ? (
        <div style={{ display: 'grid', gap: tokens.spacingVerticalXS }} data-testid="scheduled-meeting">
          <span>
            <Badge appearance="tint" color={current.status === 'scheduled' ? 'brand' : 'subtle'}>
              {current.status === 'scheduled' ? 'Scheduled' : 'Cancelled'}
            </Badge>{' '}
            <Text weight="semibold">{place_.when}</Text> <Text>· {place_.where}</Text>
          </span>
          <Text size={200}>
            {current.calendar?.system === 'microsoft365' ? 'A Teams meeting in Outlook' : 'An iCalendar invitation (.ics)'}
            {current.calendar ? ` · revision ${current.calendar.sequence}` : ''}
          </Text>
          {current.calendar?.joinUrl ? (
            <Link href={current.calendar.joinUrl} target="_blank" rel="noreferrer" data-testid="meeting-join-link">
              Join link (opens the meeting, where the guide tab opens this conversation)
            </Link>
          ) : null}
          {current.calendarNote ? <Notice intent="warning">{current.calendarNote}</Notice> : null}
          <div className={styles.row}>
            <Button
              disabled={calendar === null}
              onClick={() => {
                const file = calendar ? meetingFile(calendar, current, snapshot) : null;
                if (file) downloadText(file.fileName, file.text, 'text/calendar');
              }}
              data-testid="download-ics"
            >
              {current.status === 'cancelled' ? 'Download the cancellation (.ics)' : 'Download the invitation (.ics)'}
            </Button>
            {participant ? (
              <Button
                onClick={() =>
                  downloadText(
                    `letter-${snapshot.review.codename.replace(/[^A-Za-z0-9]+/gu, '-')}.txt`,
                    conversationLetter(snapshot, participant, current),
                    'text/plain',
                  )
                }
                data-testid="download-letter"
              >
                Download the letter (Appendix 2)
              </Button>
            ) : null}
          </div>
        </div>
      ) : (
        <Text size={200}>Not scheduled yet.</Text>
      )}
      <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalS }}>
        <legend style={{ fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS }}>
          {active ? 'Move to another time (UK time)' : 'Schedule (UK time)'}
        </legend>
        <div className={styles.row}>
          <Field
            label="Date"
            validationState={inputProblem || issue(outcome, 'start', 'blocking') ? 'error' : undefined}
            validationMessage={inputProblem ?? issue(outcome, 'start', 'blocking')}
          >
            <DateInput value={date} onChange={setDate} data-testid="meeting-date" />
          </Field>
          <Field label="Start time">
            <Input type="time" value={time} onChange={(_, data) => setTime(data.value)} data-testid="meeting-time" />
          </Field>
          <Field
            label="Length (minutes)"
            hint="Up to 90 for a one-to-one conversation."
            validationState={issue(outcome, 'end', 'blocking') ? 'error' : undefined}
            validationMessage={issue(outcome, 'end', 'blocking')}
          >
            <Input type="number" min={15} step={15} value={minutes} onChange={(_, data) => setMinutes(data.value)} data-testid="meeting-length" />
          </Field>
        </div>
        <div className={styles.row}>
          <Checkbox
            label="Online (a Teams meeting in Microsoft 365 mode)"
            checked={online}
            onChange={(_, data) => setOnline(data.checked === true)}
            data-testid="meeting-online"
          />
          <Field label="Place" className={styles.grow} hint="For a meeting in person, or where the participant will join from.">
            <Input value={place} onChange={(_, data) => setPlace(data.value)} data-testid="meeting-place" />
          </Field>
        </div>
        {outcome && outcome.warnings.length > 0 ? (
          <Notice intent="warning" testId="meeting-double-booking">
            {outcome.warnings.map((warning) => warning.message).join('; ')}
          </Notice>
        ) : null}
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabledFocusable={busy || calendar === null || draft === null || (outcome?.blocking.length ?? 0) > 0}
            onClick={() => void submit()}
            data-testid="meeting-schedule"
          >
            {active ? 'Move the meeting' : 'Schedule the meeting'}
          </Button>
          <Button disabledFocusable={busy || calendar === null} onClick={() => void suggest()} data-testid="meeting-suggest">
            Suggest times
          </Button>
        </div>
      </fieldset>
      {slots ? (
        <div data-testid="meeting-slots" style={{ display: 'grid', gap: tokens.spacingVerticalXS }}>
          {slots.unknownNames.length > 0 ? (
            <Text size={200}>Not known, so not counted as free: {slots.unknownNames.join(', ')}. Check with them before sending the invitation.</Text>
          ) : null}
          {slots.slots.length === 0 ? <Text>No free time in working hours over the next two weeks.</Text> : null}
          <div className={styles.row} style={{ flexWrap: 'wrap' }}>
            {slots.slots.map((slot) => (
              <Button
                key={slot.start}
                size="small"
                onClick={() => {
                  const wallTime = londonWallTimeOf(slot.start);
                  if (wallTime) {
                    setDate(wallTime.date);
                    setTime(wallTime.time);
                  }
                }}
              >
                {formatInstant(slot.start)}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
      {active ? (
        <div className={styles.row} style={{ alignItems: 'flex-end' }}>
          <Field label="Message with the cancellation" className={styles.grow}>
            <Input value={cancelMessage} onChange={(_, data) => setCancelMessage(data.value)} data-testid="meeting-cancel-message" />
          </Field>
          <Button disabledFocusable={busy || calendar === null} onClick={() => void cancel()} data-testid="meeting-cancel">
            Cancel the meeting
          </Button>
        </div>
      ) : null}
      {message ? (
        <Notice intent={message.intent} testId="meeting-message">
          {message.text}
        </Notice>
      ) : null}
    </section>
  );
}

function issue(outcome: ReturnType<typeof meetingIssues> | null, path: string, kind: 'blocking' | 'warnings'): string | undefined {
  return outcome?.[kind].find((candidate) => candidate.path === path)?.message;
}
