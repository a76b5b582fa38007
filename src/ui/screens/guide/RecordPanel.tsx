import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useRef, useState, type FormEvent } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import {
  assignmentKey,
  awaitsDestruction,
  buildTranscriptRecord,
  cueTime,
  londonDateTimeText,
  recordingReminder,
  speakerCandidates,
  speakersOf,
  suggestSpeakerMap,
  type ParsedTranscript,
  type SpeakerAssignment,
  type SpeakerCandidate,
} from '../../../domain/guide';
import type { Failure } from '../../../domain/failures';
import { RECORDING_STATE_LABELS } from '../../../domain/labels';
import type { Conversation, Participant, ReviewSnapshot } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { readTranscript, readTranscriptFile } from './read-transcript';
import { useConversationGuide } from './use-conversation-guide';

const useStyles = makeStyles({
  panel: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  preview: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    maxHeight: '10rem',
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function RecordPanel({ conversation, participant, snapshot }: { conversation: Conversation; participant: Participant; snapshot: ReviewSnapshot }) {
  const styles = useStyles();
  return (
    <div className={styles.panel}>
      <RecordingControls conversation={conversation} participant={participant} />
      <TranscriptImport conversation={conversation} participant={participant} snapshot={snapshot} />
    </div>
  );
}

// ---------------------------------------------------------------- recording lifecycle

function RecordingControls({ conversation, participant }: { conversation: Conversation; participant: Participant }) {
  const styles = useStyles();
  const guide = useConversationGuide();
  const { userName } = useAppServices();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [destroying, setDestroying] = useState(false);
  const [by, setBy] = useState(userName);
  const [how, setHow] = useState('');
  const { recording } = conversation;
  const reminder = recordingReminder(conversation, participant.reportLabel);

  const move = async (transition: Parameters<typeof guide.moveRecording>[1]) => {
    const moved = await guide.moveRecording(conversation, transition, participant.reportLabel);
    setFailure(moved.ok ? null : moved.error);
    if (moved.ok) {
      setDestroying(false);
      setHow('');
    }
  };

  const destroy = (event: FormEvent) => {
    event.preventDefault();
    void move({ to: 'destroyed', at: new Date().toISOString(), by, how });
  };

  return (
    <section className={styles.section} aria-labelledby="recording-heading" data-testid="recording">
      <h2 id="recording-heading" className={styles.heading}>
        Recording
      </h2>
      {reminder ? (
        <MessageBar intent="warning" layout="multiline" data-testid="recording-reminder">
          <MessageBarBody>
            <MessageBarTitle>Recording still held</MessageBarTitle>
            {reminder.message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <dl className={styles.facts}>
        <dt className={styles.term}>State</dt>
        <dd style={{ margin: 0 }} data-testid="recording-state">
          {RECORDING_STATE_LABELS[recording.state]}
        </dd>
        {recording.heldSince ? (
          <>
            <dt className={styles.term}>Held since</dt>
            <dd style={{ margin: 0 }}>{londonDateTimeText(recording.heldSince)}</dd>
          </>
        ) : null}
        {recording.transcribedAt ? (
          <>
            <dt className={styles.term}>Transcribed</dt>
            <dd style={{ margin: 0 }}>{londonDateTimeText(recording.transcribedAt)}</dd>
          </>
        ) : null}
        {recording.destroyed ? (
          <>
            <dt className={styles.term}>Destroyed</dt>
            <dd style={{ margin: 0 }}>
              {londonDateTimeText(recording.destroyed.at)} by {recording.destroyed.by}: {recording.destroyed.how}
            </dd>
          </>
        ) : null}
      </dl>
      <div className={styles.actions}>
        {recording.state === 'none' ? <Button onClick={() => void move({ to: 'held', at: new Date().toISOString() })}>A recording is held</Button> : null}
        {recording.state === 'held' ? <Button onClick={() => void move({ to: 'transcribed', at: new Date().toISOString() })}>Mark as transcribed</Button> : null}
        {(recording.state === 'held' || recording.state === 'transcribed') && !destroying ? (
          <Button appearance={awaitsDestruction(conversation) ? 'primary' : 'secondary'} onClick={() => setDestroying(true)}>
            Record its destruction
          </Button>
        ) : null}
      </div>
      {destroying ? (
        <form noValidate className={styles.section} onSubmit={destroy} aria-label="Record the recording's destruction">
          <Field label="Destroyed by" required>
            <Input value={by} onChange={(_, data) => setBy(data.value)} />
          </Field>
          <Field label="How it was destroyed" required hint="For example: deleted from OneDrive and from its recycle bin.">
            <Textarea value={how} onChange={(_, data) => setHow(data.value)} rows={2} />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary">
              Record destruction
            </Button>
            <Button onClick={() => setDestroying(false)}>Cancel</Button>
          </div>
        </form>
      ) : null}
      {failure ? (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {describeFailure(failure)}
        </Text>
      ) : null}
    </section>
  );
}

// ---------------------------------------------------------------- transcript import

type ImportState =
  | { readonly stage: 'idle' }
  | { readonly stage: 'reading'; readonly share: number; readonly fileName: string }
  | { readonly stage: 'failed'; readonly failure: Failure; readonly hint: string | null }
  | { readonly stage: 'preview'; readonly transcript: ParsedTranscript; readonly speakerMap: Record<string, SpeakerAssignment>; readonly suggested: Record<string, string> }
  | { readonly stage: 'kept'; readonly fileName: string };

function TranscriptImport({ conversation, participant, snapshot }: { conversation: Conversation; participant: Participant; snapshot: ReviewSnapshot }) {
  const styles = useStyles();
  const guide = useConversationGuide();
  const { mode, meetingTranscripts, userName } = useAppServices();
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ stage: 'idle' });
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [keepFailure, setKeepFailure] = useState<Failure | null>(null);
  const candidates = speakerCandidates(conversation, participant, snapshot.teamMembers);
  const existing = conversation.writtenRecord;

  const preview = (transcript: ParsedTranscript) => {
    const speakerMap = suggestSpeakerMap(speakersOf(transcript.cues), candidates);
    const suggested = Object.fromEntries(Object.entries(speakerMap).map(([label, assignment]) => [label, assignmentKey(assignment)]));
    setConfirmReplace(false);
    setKeepFailure(null);
    setState({ stage: 'preview', transcript, speakerMap, suggested });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setState({ stage: 'reading', share: 0, fileName: file.name });
    const read = await readTranscriptFile(file, (share) => setState({ stage: 'reading', share, fileName: file.name }));
    if (fileInput.current) fileInput.current.value = '';
    if (read.ok) preview(read.value);
    else setState({ stage: 'failed', failure: read.error, hint: null });
  };

  const fromTeams = async () => {
    if (!meetingTranscripts) return;
    setState({ stage: 'reading', share: 0, fileName: 'the Teams meeting' });
    const fetched = await meetingTranscripts.fetchTranscript(conversation.meetingLink);
    if (!fetched.ok) {
      const hint =
        fetched.error.kind === 'permissionDenied'
          ? 'Your organisation has turned off access to meeting transcripts for apps. Download the transcript (.vtt) from the meeting’s Recap tab and upload the file here instead.'
          : 'You can also download the transcript (.vtt) from the meeting’s Recap tab and upload the file here.';
      setState({ stage: 'failed', failure: fetched.error, hint });
      return;
    }
    const read = await readTranscript(fetched.value, 'Teams meeting transcript.vtt', (share) => setState({ stage: 'reading', share, fileName: 'the Teams meeting' }));
    if (read.ok) preview(read.value);
    else setState({ stage: 'failed', failure: read.error, hint: null });
  };

  const keep = async () => {
    if (state.stage !== 'preview') return;
    const record = buildTranscriptRecord({ transcript: state.transcript, speakerMap: state.speakerMap, importedAt: new Date().toISOString(), importedBy: userName });
    if (!record.ok) {
      setKeepFailure(record.error);
      return;
    }
    const kept = await guide.keepWrittenRecord(conversation, record.value, confirmReplace);
    if (!kept.ok) {
      setKeepFailure(kept.error);
      return;
    }
    setState({ stage: 'kept', fileName: state.transcript.fileName });
  };

  const assign = (label: string, key: string) => {
    if (state.stage !== 'preview') return;
    const assignment = key === 'unknown' ? ({ as: 'unknown' } as const) : candidates.find((candidate) => assignmentKey(candidate.assignment) === key)?.assignment;
    if (assignment) setState({ ...state, speakerMap: { ...state.speakerMap, [label]: assignment } });
  };

  return (
    <section className={styles.section} aria-labelledby="transcript-heading" data-testid="transcript-import">
      <h2 id="transcript-heading" className={styles.heading}>
        Written record and transcript
      </h2>
      <Text data-testid="written-record-summary">
        {existing
          ? `${existing.kind === 'transcript' ? `Transcript${existing.fileName ? ` (${existing.fileName})` : ''}` : 'Written notes'}: ${existing.text.length.toLocaleString('en-GB')} characters${existing.cues.length > 0 ? `, ${existing.cues.length.toLocaleString('en-GB')} cues` : ''}, added ${londonDateTimeText(existing.importedAt)} by ${existing.importedBy}.`
          : 'No written record yet. A written record or transcript of every conversation is essential.'}
      </Text>

      <div className={styles.actions}>
        <label htmlFor={fileInputId}>
          <Text weight="semibold">Upload a transcript (.vtt)</Text>
        </label>
        <input
          id={fileInputId}
          ref={fileInput}
          type="file"
          accept=".vtt,text/vtt"
          data-testid="transcript-file"
          disabled={state.stage === 'reading'}
          onChange={(event) => void onFile(event.target.files?.[0])}
        />
        {mode === 'microsoft365' && meetingTranscripts ? (
          <Button onClick={() => void fromTeams()} disabled={state.stage === 'reading' || conversation.meetingLink === ''}>
            Import from Teams meeting
          </Button>
        ) : null}
      </div>
      {mode === 'microsoft365' && meetingTranscripts && conversation.meetingLink === '' ? (
        <Text size={200}>This conversation has no Teams meeting link, so its transcript cannot be fetched: upload the file instead.</Text>
      ) : null}

      {state.stage === 'reading' ? (
        <Field label={`Reading ${state.fileName}…`} validationState="none">
          <ProgressBar value={state.share} aria-valuetext={`${Math.round(state.share * 100)}%`} data-testid="transcript-progress" />
        </Field>
      ) : null}

      {state.stage === 'failed' ? (
        <MessageBar intent="error" layout="multiline" data-testid="transcript-error">
          <MessageBarBody>
            <MessageBarTitle>Not imported</MessageBarTitle>
            {describeFailure(state.failure)} Nothing in the written record has changed.
            {state.hint ? <Text block>{state.hint}</Text> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {state.stage === 'kept' ? (
        <MessageBar intent="success" layout="multiline" data-testid="transcript-kept">
          <MessageBarBody>{state.fileName} is now this conversation’s written record.</MessageBarBody>
        </MessageBar>
      ) : null}

      {state.stage === 'preview' ? (
        <div className={styles.section} data-testid="transcript-preview">
          <Text>
            {state.transcript.fileName}: {state.transcript.cues.length.toLocaleString('en-GB')} cues, {Object.keys(state.speakerMap).length} speakers.
          </Text>
          {state.transcript.problemCount > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {state.transcript.problemCount} {state.transcript.problemCount === 1 ? 'part' : 'parts'} of the file could not be read and will be left out
                {state.transcript.problems[0] ? ` (first at line ${state.transcript.problems[0].line}: ${state.transcript.problems[0].message})` : ''}.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <pre className={styles.preview} aria-label="The first lines of the transcript" tabIndex={0}>
            {state.transcript.cues
              .slice(0, 6)
              .map((cue) => `[${cueTime(cue.startSeconds)}] ${cue.speaker ? `${cue.speaker}: ` : ''}${cue.text}`)
              .join('\n')}
          </pre>
          <fieldset style={{ border: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS }}>
            <legend>
              <Text weight="semibold">Who is speaking?</Text>
            </legend>
            {Object.entries(state.speakerMap).map(([label, assignment]) => (
              <SpeakerChoice
                key={label}
                label={label}
                value={assignmentKey(assignment)}
                suggested={state.suggested[label] ?? 'unknown'}
                candidates={candidates}
                onChange={(key) => assign(label, key)}
              />
            ))}
          </fieldset>
          {existing ? (
            <Checkbox
              checked={confirmReplace}
              onChange={(_, data) => setConfirmReplace(data.checked === true)}
              label={`Replace the existing written record (${existing.kind === 'transcript' ? 'a transcript' : 'notes'}, ${existing.text.length.toLocaleString('en-GB')} characters, added ${londonDateTimeText(existing.importedAt)} by ${existing.importedBy})`}
            />
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={existing !== null && !confirmReplace} onClick={() => void keep()}>
              Keep as the written record
            </Button>
            <Button onClick={() => setState({ stage: 'idle' })}>Cancel</Button>
          </div>
          {keepFailure ? (
            <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
              {describeFailure(keepFailure)}
            </Text>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function SpeakerChoice({
  label,
  value,
  suggested,
  candidates,
  onChange,
}: {
  label: string;
  value: string;
  suggested: string;
  candidates: readonly SpeakerCandidate[];
  onChange: (key: string) => void;
}) {
  const id = useId();
  return (
    <Field label={label || '(no speaker named)'} hint={suggested !== 'unknown' && value === suggested ? 'Suggested from the name: check it.' : undefined}>
      <Select id={id} value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="unknown">Not known</option>
        {candidates.map((candidate) => (
          <option key={assignmentKey(candidate.assignment)} value={assignmentKey(candidate.assignment)}>
            {candidate.name} ({candidate.role})
          </option>
        ))}
      </Select>
    </Field>
  );
}
