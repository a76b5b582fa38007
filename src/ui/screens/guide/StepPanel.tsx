import { Badge, Button, Checkbox, Field, Link, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useRef, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import {
  GUIDE_STEP_SHORT_TITLES,
  INTRODUCTION_CHECKLIST,
  QUERY_REASON_LABELS,
  SHARE_SUMMARY_ON_STAGE,
  describePeriod,
  hasConflictMarkers,
  stepSixQueries,
  type FacilitatorRole,
} from '../../../domain/guide';
import { NARRATIVE_KIND_LABELS } from '../../../domain/labels';
import { conversationStep, type ConversationStepId } from '../../../domain/method/conversation-steps';
import type { Conversation, ReviewSnapshot } from '../../../domain/model';
import { useAppServices } from '../../app-services';
import { hrefOf, paths } from '../../routes';
import { useOutboxState } from './OfflineIndicator';
import { CapturedItems, EpisodeCaptureForm, EpisodesRaised, FactorChips } from './QuickCapture';
import { useStepNote, type NoteStatus, type StepNoteEditor } from './use-step-note';

const useStyles = makeStyles({
  panel: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  promptsLarge: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  promptsSmall: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  leadInLarge: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  section: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  notesLarge: { minHeight: '16rem' },
  statusLine: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  queries: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  query: { padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, background: tokens.colorNeutralBackground1 },
});

const STATUS_TEXT: Record<NoteStatus, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes…',
  saving: 'Saving…',
  failed: 'Not saved',
};
const STATUS_COLOUR: Record<NoteStatus, 'success' | 'informative' | 'danger'> = { saved: 'success', unsaved: 'informative', saving: 'informative', failed: 'danger' };

export function StepPanel({ step, conversation, snapshot, role }: { step: ConversationStepId; conversation: Conversation; snapshot: ReviewSnapshot; role: FacilitatorRole }) {
  const styles = useStyles();
  const definition = conversationStep(step);
  const stored = snapshot.stepNotes.find((note) => note.conversationId === conversation.id && note.step === step) ?? null;
  const editor = useStepNote({ reviewId: conversation.reviewId, conversationId: conversation.id, step, stored });
  const questioner = role === 'questioner';

  return (
    <section className={styles.panel} aria-labelledby="step-heading" data-testid={`step-${step}`}>
      <div>
        <h2 id="step-heading" className={styles.heading}>
          Step {step}: {GUIDE_STEP_SHORT_TITLES[step]}
        </h2>
        {definition.title !== GUIDE_STEP_SHORT_TITLES[step] ? <Text size={200}>{definition.title}</Text> : null}
      </div>

      {definition.leadIn ? <Text className={questioner ? styles.leadInLarge : undefined} size={questioner ? undefined : 200}>{definition.leadIn}</Text> : null}
      {step === '1' ? (
        <IntroductionChecklist editor={editor} large={questioner} />
      ) : definition.prompts.length > 0 ? (
        <ul className={questioner ? styles.promptsLarge : styles.promptsSmall} aria-label="Prompts" data-testid="prompts">
          {definition.prompts.map((prompt) => (
            <li key={prompt}>{prompt}</li>
          ))}
        </ul>
      ) : null}

      {step === '3a' ? (
        <div className={styles.section}>
          <h3 className={styles.subheading}>Turning points captured</h3>
          <EpisodesRaised snapshotEpisodes={snapshot.episodes} conversation={conversation} />
          <EpisodeCaptureForm conversation={conversation} />
        </div>
      ) : null}
      {step === '4' ? <FactorChips conversation={conversation} episodes={snapshot.episodes} /> : null}
      {step === '5' ? <CapturedItems conversation={conversation} list="wentWell" /> : null}
      {step === '6' ? <StepSixQueries snapshot={snapshot} conversation={conversation} editor={editor} /> : null}
      {step === '7' ? <CapturedItems conversation={conversation} list="suggestedChanges" /> : null}

      <StepNotes editor={editor} step={step} large={!questioner} />
      {step === '8' ? <ShareSummary editor={editor} conversation={conversation} /> : null}
    </section>
  );
}

function IntroductionChecklist({ editor, large }: { editor: StepNoteEditor; large: boolean }) {
  const styles = useStyles();
  const toggle = (id: string, on: boolean) => editor.setChecked(on ? [...editor.checked.filter((item) => item !== id), id] : editor.checked.filter((item) => item !== id));
  return (
    <fieldset className={styles.section} style={{ border: 'none', padding: 0, margin: 0 }} data-testid="introduction-checklist">
      <legend className={styles.subheading}>Introduction: covered so far</legend>
      {INTRODUCTION_CHECKLIST.map((item) => (
        <Checkbox
          key={item.id}
          size={large ? 'large' : 'medium'}
          label={item.label}
          checked={editor.checked.includes(item.id)}
          onChange={(_, data) => toggle(item.id, data.checked === true)}
        />
      ))}
    </fieldset>
  );
}

function StepNotes({ editor, step, large }: { editor: StepNoteEditor; step: ConversationStepId; large: boolean }) {
  const styles = useStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const typed = useRef<string | null>(null);
  const [caret, setCaret] = useState<{ text: string; at: number } | null>(null);

  // When the other facilitator's words are merged in, keep the caret where it was relative to what follows it.
  useLayoutEffect(() => {
    const element = area.current;
    if (!element || document.activeElement !== element || typed.current === editor.text || !caret) return;
    const before = caret.text.slice(0, caret.at);
    const at = editor.text.startsWith(before) ? caret.at : Math.max(0, caret.at + editor.text.length - caret.text.length);
    element.setSelectionRange(at, at);
  }, [editor.text, caret]);

  const conflicted = hasConflictMarkers(editor.text);
  const { state: outbox } = useOutboxState();
  // Stored in the outbox but not yet in SharePoint: say so rather than "saved".
  const waiting = editor.status === 'saved' && (!outbox.online || outbox.pending > 0);
  return (
    <div className={styles.section}>
      <Field
        label={`Notes for step ${step}`}
        hint={large ? 'Their words as close as you can. Your own comments go in the box below (anything in [brackets] here is treated as yours too and never shown to the participant).' : undefined}
      >
        <Textarea
          ref={area}
          value={editor.text}
          resize="vertical"
          rows={large ? 14 : 4}
          textarea={{ className: large ? styles.notesLarge : undefined }}
          data-testid="step-notes"
          onChange={(event, data) => {
            typed.current = data.value;
            setCaret({ text: data.value, at: event.target.selectionStart });
            editor.setText(data.value);
          }}
          onSelect={(event) => setCaret({ text: editor.text, at: (event.target as HTMLTextAreaElement).selectionStart })}
          onBlur={() => void editor.flush()}
        />
      </Field>
      <Field
        label="Your own comments (never shown to the participant)"
        hint={large ? 'Follow-ups, impressions, reminders to each other: kept apart from their words.' : undefined}
      >
        <Textarea
          value={editor.comments}
          resize="vertical"
          rows={large ? 4 : 2}
          data-testid="step-comments"
          onChange={(_, data) => editor.setComments(data.value)}
          onBlur={() => void editor.flush()}
        />
      </Field>
      <div className={styles.statusLine} role="status" aria-live="polite" data-testid="notes-status" data-status={editor.status}>
        <Badge appearance="tint" color={waiting ? 'warning' : STATUS_COLOUR[editor.status]}>
          {waiting ? 'Saved in this browser, waiting to sync' : STATUS_TEXT[editor.status]}
        </Badge>
        {editor.mergedFromOther && !conflicted ? <Text size={200}>Merged with the other facilitator’s changes.</Text> : null}
        {editor.message ? <Text size={200}>{editor.message}</Text> : null}
      </div>
      {conflicted ? (
        <MessageBar intent="warning" layout="multiline" data-testid="notes-conflict">
          <MessageBarBody>
            You both changed the same passage at the same time. Both versions are kept, between [[ ]] markers: keep what you need and delete the markers.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

function StepSixQueries({ snapshot, conversation, editor }: { snapshot: ReviewSnapshot; conversation: Conversation; editor: StepNoteEditor }) {
  const styles = useStyles();
  const queries = stepSixQueries(snapshot, conversation.id);
  const toggle = (id: string, on: boolean) => editor.setChecked(on ? [...editor.checked.filter((item) => item !== id), id] : editor.checked.filter((item) => item !== id));
  return (
    <div className={styles.section} data-testid="step-six-queries">
      <h3 className={styles.subheading}>From the overview so far</h3>
      {queries.length === 0 ? (
        <Text size={200}>No unresolved gaps or discrepancies involve this participant or their agency.</Text>
      ) : (
        <ul className={styles.queries}>
          {queries.map((query) => (
            <li key={query.entryId} className={styles.query}>
              <Text weight="semibold" size={200} block>
                {NARRATIVE_KIND_LABELS[query.kind]} · {describePeriod(query.period)} · {query.reasons.map((reason) => QUERY_REASON_LABELS[reason]).join('; ')}
              </Text>
              <Text block>{query.text}</Text>
              <Checkbox label="Raised with them" checked={editor.checked.includes(query.entryId)} onChange={(_, data) => toggle(query.entryId, data.checked === true)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ShareSummary({ editor, conversation }: { editor: StepNoteEditor; conversation: Conversation }) {
  const styles = useStyles();
  const { shareToStage } = useAppServices();
  const [shareProblem, setShareProblem] = useState<string | null>(null);
  const shared = editor.checked.includes(SHARE_SUMMARY_ON_STAGE);
  return (
    <div className={styles.section}>
      <Checkbox
        label="Show these notes to the participant on the stage, as our summary of their view (never your own comments)"
        checked={shared}
        onChange={(_, data) => editor.setChecked(data.checked === true ? [...editor.checked, SHARE_SUMMARY_ON_STAGE] : editor.checked.filter((item) => item !== SHARE_SUMMARY_ON_STAGE))}
      />
      <div className={styles.statusLine}>
        <Link href={hrefOf(paths.stage(conversation.reviewId, conversation.id))} target="_blank" rel="noopener">
          Open the participant’s view
        </Link>
        {shareToStage ? (
          <Button
            size="small"
            onClick={() =>
              void shareToStage({ reviewId: conversation.reviewId, conversationId: conversation.id }).then((result) => setShareProblem(result.ok ? null : describeFailure(result.error)))
            }
          >
            Share to the meeting stage
          </Button>
        ) : null}
      </div>
      {shareProblem ? <Text role="alert">{shareProblem}</Text> : null}
    </div>
  );
}
