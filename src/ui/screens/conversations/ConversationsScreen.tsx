import { Badge, Button, Checkbox, Field, Input, Link, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { ConversationId, ParticipantId, TeamMemberId } from '../../../domain/ids';
import { RECORDING_STATE_LABELS } from '../../../domain/labels';
import {
  CONVERSATION_MODES,
  CONVERSATION_STATUSES,
  RECORDING_STATES,
  type Conversation,
  type Participant,
  type RecordingState,
  type TeamMember,
} from '../../../domain/model';
import { conversationIssues } from '../../../domain/rules/conversations';
import { compareParticipants } from '../../../domain/rules/participants';
import { useAppServices } from '../../app-services';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { VirtualList } from '../../components/VirtualList';
import { Notice, ScreenTitle } from '../../components/workspace/FormParts';
import { useWorkspaceStyles } from '../../components/workspace/RecordParts';
import { useRecordNavigation } from '../../kit/use-record-navigation';
import { RemoveRecord } from '../../kit/RemoveRecord';
import { InlineAddForm, RecordDetailPane, useAddRecordSubmit } from '../../components/workspace/RecordPanes';
import { useAutosave } from '../../hooks/use-autosave';
import { formatInstant } from '../../london-format';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';
import { ConversationSchedule } from './ConversationSchedule';
import { StepNotes } from './StepNotes';
import { mayReadNotes } from '../../../domain/access';
import { useActor } from '../access/use-actor';
import { CapturedList } from './CapturedList';
import { ScheduleFields } from './ScheduleFields';
import { WrittenRecordPart } from './WrittenRecordPart';
import { issueFor, validationProps } from '../../kit/field-state';

export const STATUS_LABELS: Record<Conversation['status'], string> = {
  toArrange: 'To arrange',
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
};
const STATUS_COLOURS: Record<Conversation['status'], 'informative' | 'brand' | 'success' | 'subtle'> = {
  toArrange: 'informative',
  scheduled: 'brand',
  held: 'success',
  cancelled: 'subtle',
};
export const MODE_LABELS: Record<Conversation['mode'], string> = { video: 'Video call', faceToFace: 'Face to face', telephone: 'Telephone' };

type Row =
  | { readonly key: string; readonly kind: 'conversation'; readonly conversation: Conversation; readonly participant: Participant | undefined }
  | { readonly key: string; readonly kind: 'toArrange'; readonly participant: Participant };

const ARRANGE_PREFIX = 'arrange-';

function writtenRecordState(conversation: Conversation): string {
  if (conversation.writtenRecord === null) return 'No written record yet';
  return conversation.writtenRecord.kind === 'notes' ? 'Written record: notes' : 'Written record: transcript';
}

/** Every participant's conversation: who holds it, when, how, and what was said, step by step. */
export function ConversationsScreen({ recordId }: { recordId?: string | undefined }) {
  const styles = useWorkspaceStyles();
  const { snapshot } = useReview();
  const { open } = useRecordNavigation('conversations');
  const [adding, setAdding] = useState<ParticipantId | '' | null>(null);

  const rows = useMemo<Row[]>(() => {
    const byParticipant = new Map<string, Conversation[]>();
    for (const conversation of snapshot.conversations)
      byParticipant.set(conversation.participantId, [...(byParticipant.get(conversation.participantId) ?? []), conversation]);
    const result: Row[] = [];
    for (const participant of [...snapshot.participants].sort(compareParticipants)) {
      const conversations = byParticipant.get(participant.id) ?? [];
      if (conversations.length === 0) result.push({ key: `${ARRANGE_PREFIX}${participant.id}`, kind: 'toArrange', participant });
      for (const conversation of conversations) result.push({ key: conversation.id, kind: 'conversation', conversation, participant });
      byParticipant.delete(participant.id);
    }
    for (const orphans of byParticipant.values())
      for (const conversation of orphans) result.push({ key: conversation.id, kind: 'conversation', conversation, participant: undefined });
    return result;
  }, [snapshot.conversations, snapshot.participants]);

  const selected = recordId ? snapshot.conversations.find((conversation) => conversation.id === recordId) : undefined;
  const toArrange = rows.filter((row) => row.kind === 'toArrange').length;
  const facilitators = snapshot.teamMembers.filter((member) => member.role === 'facilitator');

  return (
    <section aria-labelledby="screen-title" style={{ display: 'grid', gap: tokens.spacingVerticalM }}>
      <ScreenTitle title="Conversations">
        <Button appearance="primary" onClick={() => setAdding('')} data-testid="add-conversation">
          Add a conversation
        </Button>
      </ScreenTitle>
      {facilitators.length !== 2 ? (
        <Notice intent="warning">
          The review team has{' '}
          {facilitators.length === 0 ? 'no facilitators' : facilitators.length === 1 ? 'one facilitator' : `${facilitators.length} facilitators`}; each
          conversation is held by two. <Link href={hrefOf(paths.section(snapshot.review.id, 'team'))}>Go to Review team</Link>
        </Notice>
      ) : null}
      <div className={styles.layout}>
        <div className={styles.listPane}>
          <Text size={200} role="status">
            {snapshot.conversations.length} {snapshot.conversations.length === 1 ? 'conversation' : 'conversations'}; {toArrange}{' '}
            {toArrange === 1 ? 'participant has' : 'participants have'} none yet (to arrange).
          </Text>
          <VirtualList
            items={rows}
            getKey={(row) => row.key}
            label="Conversations by participant"
            selectedKey={recordId ?? (adding ? `${ARRANGE_PREFIX}${adding}` : undefined)}
            onOpen={(row) => {
              if (row.kind === 'toArrange') setAdding(row.participant.id);
              else {
                setAdding(null);
                open(row.conversation.id);
              }
            }}
            emptyText="No participants yet: add participants first, then arrange a conversation with each."
            testId="conversation-list"
            renderItem={(row) => (
              <div style={{ display: 'grid', gap: tokens.spacingVerticalXXS }}>
                <Text weight="semibold">{row.participant?.reportLabel ?? 'A participant no longer in the review'}</Text>
                {row.kind === 'toArrange' ? (
                  <span>
                    <Badge appearance="outline" color="warning">
                      To arrange
                    </Badge>{' '}
                    <Text size={200}>No conversation yet</Text>
                  </span>
                ) : (
                  <>
                    <span>
                      <Badge appearance="tint" color={STATUS_COLOURS[row.conversation.status]}>
                        {STATUS_LABELS[row.conversation.status]}
                      </Badge>{' '}
                      <Text size={200}>{row.conversation.scheduledStart ? formatInstant(row.conversation.scheduledStart) : 'No date yet'}</Text>
                    </span>
                    <Text size={200}>
                      {writtenRecordState(row.conversation)} · {RECORDING_STATE_LABELS[row.conversation.recording.state]}
                    </Text>
                  </>
                )}
              </div>
            )}
          />
        </div>
        <RecordDetailPane
          adding={adding !== null}
          stopAdding={() => setAdding(null)}
          recordId={recordId}
          selected={selected}
          what="conversation"
          open={open}
          addForm={(done) => <AddConversationForm key={adding} participantId={adding ?? ''} {...done} />}
          editor={(conversation, onRemoved) => <ConversationEditor key={conversation.id} conversation={conversation} onRemoved={onRemoved} />}
        />
      </div>
    </section>
  );
}

function MemberSelect({
  value,
  members,
  onChange,
  testId,
}: {
  value: string | null;
  members: readonly TeamMember[];
  onChange: (memberId: TeamMemberId | null) => void;
  testId: string;
}) {
  const facilitators = members.filter((member) => member.role === 'facilitator');
  const current = value ? members.find((member) => member.id === value) : undefined;
  const options = current && current.role !== 'facilitator' ? [...facilitators, current] : facilitators;
  return (
    <Select value={value ?? ''} onChange={(_, data) => onChange(data.value === '' ? null : (data.value as TeamMemberId))} data-testid={testId}>
      <option value="">Not chosen yet</option>
      {options.map((member) => (
        <option key={member.id} value={member.id}>
          {member.name}
          {member.role !== 'facilitator' ? ' (not a facilitator)' : ''}
        </option>
      ))}
    </Select>
  );
}

function ParticipantSelect({ value, participants, onChange }: { value: string; participants: readonly Participant[]; onChange: (id: ParticipantId) => void }) {
  return (
    <Select value={value} onChange={(_, data) => onChange(data.value as ParticipantId)} data-testid="conversation-participant">
      <option value="">Choose a participant</option>
      {[...participants].sort(compareParticipants).map((participant) => (
        <option key={participant.id} value={participant.id}>
          {participant.reportLabel}
        </option>
      ))}
    </Select>
  );
}

function AddConversationForm({ participantId, onCancel, onAdded }: { participantId: ParticipantId | ''; onCancel: () => void; onAdded: (id: string) => void }) {
  const styles = useWorkspaceStyles();
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const facilitators = snapshot.teamMembers.filter((member) => member.role === 'facilitator');
  const [fields, setFields] = useState({
    participantId: participantId as string,
    leadQuestionerId: (facilitators[0]?.id ?? null) as TeamMemberId | null,
    leadNoteTakerId: (facilitators[1]?.id ?? null) as TeamMemberId | null,
  });
  const participant = snapshot.participants.find((candidate) => candidate.id === fields.participantId);
  const { issues, failure, submit } = useAddRecordSubmit({
    kind: 'conversation',
    signature: fields,
    add: (id) =>
      service.addRecord('conversation', snapshot.review.id, { ...fields, participantId: fields.participantId as ParticipantId, status: 'toArrange' }, id),
    friendlier: (issues) =>
      issues.map((issue) =>
        issue.path === 'participantId' && fields.participantId === '' ? { ...issue, message: 'choose who the conversation is with' } : issue,
      ),
    onAdded,
  });
  return (
    <InlineAddForm
      headingId="add-conversation-title"
      heading={participant ? `Arrange a conversation with ${participant.reportLabel}` : 'Arrange a conversation'}
      testId="add-conversation-form"
      issues={issues}
      failure={failure}
      submitLabel="Create the conversation record"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <Field label="Participant" required {...validationProps(issueFor(issues, 'participantId'))}>
        <ParticipantSelect value={fields.participantId} participants={snapshot.participants} onChange={(id) => setFields({ ...fields, participantId: id })} />
      </Field>
      <div className={styles.row}>
        <Field label="Lead questioner" className={styles.grow} {...validationProps(issueFor(issues, 'leadQuestionerId'))}>
          <MemberSelect
            value={fields.leadQuestionerId}
            members={snapshot.teamMembers}
            onChange={(id) => setFields({ ...fields, leadQuestionerId: id })}
            testId="conversation-questioner"
          />
        </Field>
        <Field label="Lead note-taker" className={styles.grow} {...validationProps(issueFor(issues, 'leadNoteTakerId'))}>
          <MemberSelect
            value={fields.leadNoteTakerId}
            members={snapshot.teamMembers}
            onChange={(id) => setFields({ ...fields, leadNoteTakerId: id })}
            testId="conversation-note-taker"
          />
        </Field>
      </div>
    </InlineAddForm>
  );
}

function ConversationEditor({ conversation, onRemoved }: { conversation: Conversation; onRemoved: () => void }) {
  const styles = useWorkspaceStyles();
  const { service, userName } = useAppServices();
  const { snapshot } = useReview();
  const actor = useActor();
  const { draft, update, status, issues, message, conflict, resolve, flush } = useAutosave('conversation', conversation);
  const participant = snapshot.participants.find((candidate) => candidate.id === draft.participantId);
  const { warnings } = conversationIssues(draft, {
    review: snapshot.review,
    participants: snapshot.participants,
    teamMembers: snapshot.teamMembers,
    now: new Date().toISOString(),
  });
  const notes = snapshot.stepNotes.filter((note) => note.conversationId === conversation.id);
  const [pasted, setPasted] = useState('');

  const setRecordingState = (state: RecordingState) => {
    const now = new Date().toISOString();
    update((current) => ({
      ...current,
      recording: {
        state,
        heldSince: state === 'none' ? null : (current.recording.heldSince ?? now),
        transcribedAt: state === 'transcribed' ? (current.recording.transcribedAt ?? now) : current.recording.transcribedAt,
        destroyed: state === 'destroyed' ? (current.recording.destroyed ?? { at: now, by: userName, how: '' }) : null,
      },
    }));
  };

  return (
    <div className={styles.form} data-testid="conversation-editor">
      <div className={styles.row} style={{ alignItems: 'center' }}>
        <h2 className={styles.heading}>Conversation with {participant?.reportLabel ?? 'a participant'}</h2>
        <span style={{ flex: 1 }} />
        <SaveStatus status={status} message={message} />
      </div>
      <div>
        <Link href={hrefOf(paths.guide(snapshot.review.id, conversation.id))} data-testid="open-guide">
          Open the live guide
        </Link>
        <Text size={200}> for the facilitators, during the conversation.</Text>
      </div>
      <div className={styles.form} onBlur={() => void flush()}>
        <Field label="Participant" required {...validationProps(issueFor(issues, 'participantId'))}>
          <ParticipantSelect value={draft.participantId} participants={snapshot.participants} onChange={(participantId) => update({ participantId })} />
        </Field>
        <div className={styles.row}>
          <Field
            label="Lead questioner"
            className={styles.grow}
            {...validationProps(issueFor(issues, 'leadQuestionerId'), issueFor(warnings, 'leadQuestionerId'))}
          >
            <MemberSelect
              value={draft.leadQuestionerId}
              members={snapshot.teamMembers}
              onChange={(leadQuestionerId) => update({ leadQuestionerId })}
              testId="conversation-questioner"
            />
          </Field>
          <Field
            label="Lead note-taker"
            className={styles.grow}
            {...validationProps(issueFor(issues, 'leadNoteTakerId'), issueFor(warnings, 'leadNoteTakerId'))}
          >
            <MemberSelect
              value={draft.leadNoteTakerId}
              members={snapshot.teamMembers}
              onChange={(leadNoteTakerId) => update({ leadNoteTakerId })}
              testId="conversation-note-taker"
            />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label="Status" className={styles.grow} {...validationProps(issueFor(issues, 'status'))}>
            <Select value={draft.status} onChange={(_, data) => update({ status: data.value as Conversation['status'] })} data-testid="conversation-status">
              {CONVERSATION_STATUSES.map((each) => (
                <option key={each} value={each}>
                  {STATUS_LABELS[each]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="How" className={styles.grow}>
            <Select value={draft.mode} onChange={(_, data) => update({ mode: data.value as Conversation['mode'] })} data-testid="conversation-mode">
              {CONVERSATION_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {MODE_LABELS[mode]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Length (minutes)" className={styles.grow} {...validationProps(issueFor(issues, 'durationMinutes'))}>
            <Input
              type="number"
              min={15}
              max={240}
              step={15}
              value={String(draft.durationMinutes)}
              onChange={(_, data) => update({ durationMinutes: Number(data.value) })}
            />
          </Field>
        </div>
        <ConversationSchedule conversation={conversation} />
        <ScheduleFields
          value={draft.scheduledStart}
          onChange={(scheduledStart) => update({ scheduledStart })}
          error={issueFor(issues, 'scheduledStart')}
          warning={issueFor(warnings, 'scheduledStart')}
        />
        <div className={styles.row}>
          <Field label="Meeting link" className={styles.grow} {...validationProps(issueFor(issues, 'meetingLink'))}>
            <Input type="url" value={draft.meetingLink} onChange={(_, data) => update({ meetingLink: data.value })} data-testid="conversation-link" />
          </Field>
          <Field label="Location" className={styles.grow} hint="For a face-to-face conversation." {...validationProps(issueFor(issues, 'location'))}>
            <Input value={draft.location} onChange={(_, data) => update({ location: data.value })} />
          </Field>
        </div>
        <h3 className={styles.subheading}>Recording and written record</h3>
        <Field
          label="Recording"
          hint="Participants are promised that recordings are destroyed once the written record is agreed."
          {...validationProps(issueFor(issues, 'recording'))}
        >
          <Select value={draft.recording.state} onChange={(_, data) => setRecordingState(data.value as RecordingState)} data-testid="conversation-recording">
            {RECORDING_STATES.map((state) => (
              <option key={state} value={state}>
                {RECORDING_STATE_LABELS[state]}
              </option>
            ))}
          </Select>
        </Field>
        {draft.recording.state === 'destroyed' && draft.recording.destroyed ? (
          <div className={styles.row}>
            <Field label="Destroyed by" className={styles.grow} {...validationProps(issueFor(issues, 'recording.destroyed.by'))}>
              <Input
                value={draft.recording.destroyed.by}
                onChange={(_, data) =>
                  update((current) => ({ ...current, recording: { ...current.recording, destroyed: { ...current.recording.destroyed!, by: data.value } } }))
                }
              />
            </Field>
            <Field label="How it was destroyed" required className={styles.grow} {...validationProps(issueFor(issues, 'recording.destroyed.how'))}>
              <Input
                value={draft.recording.destroyed.how}
                onChange={(_, data) =>
                  update((current) => ({ ...current, recording: { ...current.recording, destroyed: { ...current.recording.destroyed!, how: data.value } } }))
                }
                data-testid="conversation-destroyed-how"
              />
            </Field>
          </div>
        ) : null}
        <WrittenRecordPart draft={draft} pasted={pasted} setPasted={setPasted} userName={userName} update={update} issues={issues} />
        <h3 className={styles.subheading}>What the participant said about practice</h3>
        <CapturedList
          legend="Things that went well"
          items={draft.wentWell}
          onChange={(wentWell) => update({ wentWell })}
          addLabel="Add something that went well"
          testId="went-well"
        />
        <CapturedList
          legend="Suggested changes"
          items={draft.suggestedChanges}
          onChange={(suggestedChanges) => update({ suggestedChanges })}
          addLabel="Add a suggested change"
          testId="suggested-changes"
        />
        <Checkbox
          label="Follow-up needed"
          checked={draft.followUpNeeded}
          onChange={(_, data) => update({ followUpNeeded: data.checked === true })}
          data-testid="conversation-follow-up"
        />
        {draft.followUpNeeded ? (
          <Field label="What follow-up" {...validationProps(issueFor(issues, 'followUpNote'))}>
            <Textarea value={draft.followUpNote} onChange={(_, data) => update({ followUpNote: data.value })} resize="vertical" />
          </Field>
        ) : null}
      </div>
      <h3 className={styles.subheading}>Notes, step by step</h3>
      <Text size={200}>
        Each step’s prompts are guidance from the method’s conversation structure. Notes are saved as you type, step by step, so both facilitators can write at
        once.
      </Text>
      {mayReadNotes(actor, conversation) ? (
        <StepNotes reviewId={snapshot.review.id} conversationId={conversation.id as ConversationId} notes={notes} />
      ) : (
        <Text data-testid="notes-withheld">The conversation’s notes are for the review team’s lead reviewer, facilitators and reviewers only.</Text>
      )}
      <div>
        <RemoveRecord
          kind="conversation"
          record={conversation}
          what={`the conversation with ${participant?.reportLabel ?? 'this participant'}`}
          onRemoved={onRemoved}
          consequences={<Text block>Its step notes are removed with it. Consider marking it cancelled instead.</Text>}
          beforeRemove={async () => {
            for (const note of notes) {
              const removed = await service.removeRecord('stepNote', note);
              if (!removed.ok) return describeFailure(removed.error);
            }
            return null;
          }}
        />
      </div>
      <ConflictDialog conflict={conflict} onResolve={resolve} />
    </div>
  );
}
