import { Button, Field, Input, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { useSubmissionId } from '../../components/workspace/RecordPanes';
import { DateInput } from '../../kit/DateInput';
import { useState, type FormEvent } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { ParticipantId } from '../../../domain/ids';
import { REPORT_STAGES, type ReportStageKind } from '../../../domain/method/report-stages';
import { COMMENT_DISPOSITIONS, type Comment, type ReportStage } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { Notice, ScreenTitle } from '../../components/workspace/FormParts';
import { useAutosave } from '../../hooks/use-autosave';
import { instantFromLondonWallTime, londonWallTimeOf } from '../../london-format';
import { useReview } from '../../review-context';
import { CommentersOverview } from './CommentersOverview';
import { DraftPublishing } from './DraftPublishing';
import { LettersPanel } from './LettersPanel';
import { PublicReportSection } from './PublicReportSection';
import { issueFor, validationProps } from '../../kit/field-state';

const DISPOSITION_LABELS: Record<(typeof COMMENT_DISPOSITIONS)[number], string> = {
  pending: 'No response yet',
  accepted: 'Accepted',
  partlyAccepted: 'Partly accepted',
  notAccepted: 'Not accepted, with reasons',
  noted: 'Noted',
};

const DIALOGUE_STAGES = REPORT_STAGES.filter((stage) => stage.individualComment);

/**
 * The staged dialogue with participants (Section 3 of SCIE's guide): for each report, when the draft was shared,
 * the window for individual comments, the group meeting, and every comment with the team's response.
 * Each draft's Word document is previewed, downloaded and published from here (DraftPublishing).
 */
export function ReportsScreen(_props: { recordId?: string | undefined }) {
  const { snapshot } = useReview();
  return (
    <section aria-labelledby="screen-title" style={{ display: 'grid', gap: tokens.spacingVerticalL }}>
      <ScreenTitle title="Reports and the dialogue with participants" />
      <Text block>
        Each report goes to participants for individual comment and is then discussed at a group meeting. Drafts stay confidential to the review team and
        participants. Record here when each draft was shared, the meetings held and how each comment was answered.
      </Text>
      <LettersPanel />
      {DIALOGUE_STAGES.map((stage) => (
        <StageSection
          key={stage.id}
          stage={stage.id}
          title={stage.title}
          meeting={stage.meeting ?? 'Group meeting'}
          drafts={snapshot.reportStages.filter((draft) => draft.stage === stage.id).sort((a, b) => a.draftNumber - b.draftNumber)}
        />
      ))}
      <PublicReportSection />
    </section>
  );
}

function StageSection({ stage, title, meeting, drafts }: { stage: ReportStageKind; title: string; meeting: string; drafts: ReportStage[] }) {
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = `stage-${stage}-heading`;

  const draftId = useSubmissionId('reportStage');
  const addDraft = async () => {
    const added = await service.addRecord('reportStage', snapshot.review.id, { stage, draftNumber: drafts.length + 1 }, draftId.current(drafts.length));
    if (added.ok) draftId.done();
    setProblem(added.ok ? null : describeFailure(added.error));
  };

  return (
    <section
      aria-labelledby={headingId}
      data-testid={`report-stage-${stage}`}
      style={{
        display: 'grid',
        gap: tokens.spacingVerticalM,
        padding: tokens.spacingHorizontalL,
        background: tokens.colorNeutralBackground1,
        borderRadius: tokens.borderRadiusMedium,
      }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' }}>
        <h2 id={headingId} style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
          {title}
        </h2>
        <span style={{ flex: 1 }} />
        <Button onClick={() => void addDraft()}>{drafts.length === 0 ? `Record the ${title.toLowerCase()}` : 'Record another draft'}</Button>
      </div>
      {problem ? <Notice intent="error">{problem}</Notice> : null}
      {drafts.length === 0 ? <Text>Not yet shared with participants.</Text> : null}
      {drafts.map((draft) => (
        <DraftEditor key={draft.id} draft={draft} title={title} meeting={meeting} />
      ))}
    </section>
  );
}

function DraftEditor({ draft: stored, title, meeting }: { draft: ReportStage; title: string; meeting: string }) {
  const { snapshot } = useReview();
  const { draft, update, status, issues, message, conflict, resolve } = useAutosave('reportStage', stored);
  const sharedOn = draft.publishedAt ? (londonWallTimeOf(draft.publishedAt)?.date ?? '') : '';
  const comments = snapshot.comments.filter((comment) => comment.reportStageId === draft.id);
  const prefix = `draft-${draft.id}`;
  return (
    <article
      aria-label={`${title}, draft ${draft.draftNumber}`}
      style={{ display: 'grid', gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' }}>
        <h3 style={{ margin: 0, fontSize: tokens.fontSizeBase300 }}>Draft {draft.draftNumber}</h3>
        <SaveStatus status={status} message={message} />
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL }}>
        <Field label="Shared with participants on" {...validationProps(issueFor(issues, 'publishedAt'))}>
          <DateInput
            data-testid={`${prefix}-shared`}
            value={sharedOn}
            onChange={(value) => {
              // Only a whole date becomes an instant; half-typed text waits for the rest.
              if (value === '') update({ publishedAt: null });
              else if (/^\d{4}-\d{2}-\d{2}$/u.test(value)) update({ publishedAt: instantFromLondonWallTime(value, '09:00') });
            }}
          />
        </Field>
        <Field label="Comments invited from" {...validationProps(issueFor(issues, 'commentWindow'))}>
          <DateInput
            value={draft.commentWindow?.opensOn ?? ''}
            onChange={(value) => update({ commentWindow: value ? { opensOn: value, closesOn: draft.commentWindow?.closesOn ?? value } : null })}
          />
        </Field>
        <Field label="Comments close on" {...validationProps(issueFor(issues, 'commentWindow.closesOn'))}>
          <DateInput
            disabled={!draft.commentWindow}
            value={draft.commentWindow?.closesOn ?? ''}
            onChange={(value) => draft.commentWindow && update({ commentWindow: { ...draft.commentWindow, closesOn: value } })}
          />
        </Field>
        <Field label={`${meeting} held on`} {...validationProps(issueFor(issues, 'groupMeeting.heldOn'))}>
          <DateInput
            data-testid={`${prefix}-meeting`}
            value={draft.groupMeeting.heldOn ?? ''}
            onChange={(value) => update({ groupMeeting: { ...draft.groupMeeting, heldOn: value || null } })}
          />
        </Field>
      </div>
      <Field label={`Notes of the ${meeting.toLowerCase()}`}>
        <Textarea value={draft.groupMeeting.notes} onChange={(_, data) => update({ groupMeeting: { ...draft.groupMeeting, notes: data.value } })} />
      </Field>
      <DraftPublishing draft={draft} update={update} />
      <CommentersOverview reportStageId={draft.id} />
      <h4 style={{ margin: 0, fontSize: tokens.fontSizeBase300 }}>Individual comments ({comments.length})</h4>
      {comments.map((comment) => (
        <CommentEditor key={comment.id} comment={comment} />
      ))}
      <AddComment reportStageId={draft.id} />
      <ConflictDialog conflict={conflict} onResolve={resolve} />
    </article>
  );
}

function participantLabel(snapshotParticipants: ReadonlyArray<{ id: string; reportLabel: string }>, id: string): string {
  return snapshotParticipants.find((participant) => participant.id === id)?.reportLabel ?? 'A participant no longer in the review';
}

function CommentEditor({ comment: stored }: { comment: Comment }) {
  const { snapshot } = useReview();
  const { draft, update, status, message, conflict, resolve } = useAutosave('comment', stored);
  return (
    <div
      style={{ display: 'grid', gap: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalM, borderLeft: `3px solid ${tokens.colorNeutralStroke1}` }}
    >
      <Text weight="semibold">
        {participantLabel(snapshot.participants, draft.participantId)}
        {draft.section ? `, on ${draft.section}` : ''}
      </Text>
      <Text block>{draft.text}</Text>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' }}>
        <Field label="The team's response">
          <Select value={draft.disposition} onChange={(_, data) => update({ disposition: data.value as Comment['disposition'] })}>
            {COMMENT_DISPOSITIONS.map((disposition) => (
              <option key={disposition} value={disposition}>
                {DISPOSITION_LABELS[disposition]}
              </option>
            ))}
          </Select>
        </Field>
        <SaveStatus status={status} message={message} />
      </div>
      <Field label="What the team did, in words the participant will read">
        <Textarea value={draft.response} onChange={(_, data) => update({ response: data.value })} />
      </Field>
      <ConflictDialog conflict={conflict} onResolve={resolve} />
    </div>
  );
}

function AddComment({ reportStageId }: { reportStageId: ReportStage['id'] }) {
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const [participantId, setParticipantId] = useState('');
  const [section, setSection] = useState('');
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<{ participant?: string; text?: string; other?: string }>({});
  const commentId = useSubmissionId('comment');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (participantId === '') {
      setProblems({ participant: 'Choose whose comment this is' });
      return;
    }
    const added = await service.addRecord(
      'comment',
      snapshot.review.id,
      { reportStageId, participantId: participantId as ParticipantId, section, text },
      commentId.current([participantId, section, text]),
    );
    if (added.ok) {
      commentId.done();
      setSection('');
      setText('');
      setProblems({});
      return;
    }
    const failure = added.error;
    setProblems(failure.kind === 'invalid' ? { text: issueFor(failure.issues, 'text'), other: describeFailure(failure) } : { other: describeFailure(failure) });
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Add a participant's comment"
      style={{ display: 'grid', gap: tokens.spacingVerticalXS }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM }}>
        <Field label="Comment from" required {...validationProps(problems.participant)}>
          <Select value={participantId} onChange={(_, data) => setParticipantId(data.value)}>
            <option value="">Choose a participant</option>
            {snapshot.participants.map((participant) => (
              <option key={participant.id} value={participant.id}>
                {participant.reportLabel}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="On which section">
          <Input value={section} onChange={(_, data) => setSection(data.value)} />
        </Field>
      </div>
      <Field label="Comment" required {...validationProps(problems.text)}>
        <Textarea value={text} onChange={(_, data) => setText(data.value)} />
      </Field>
      {problems.other ? <Notice intent="error">{problems.other}</Notice> : null}
      <div>
        <Button type="submit">Add comment</Button>
      </div>
    </form>
  );
}
