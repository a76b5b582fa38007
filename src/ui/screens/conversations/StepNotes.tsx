import { Checkbox, Field, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConversationId, ReviewId } from '../../../domain/ids';
import { stepNoteIdFor } from '../../../domain/guide/capture';
import { CONVERSATION_STEPS, type ConversationStep } from '../../../domain/method/conversation-steps';
import type { StepNote } from '../../../domain/model';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { unsavedRecord, useAutosave } from '../../hooks/use-autosave';
import { issueFor, validationProps } from '../../kit/field-state';

/** The nine steps of the conversation (Appendix 3), each with its prompts as guidance and its own notes. */
export function StepNotes({ reviewId, conversationId, notes }: { reviewId: ReviewId; conversationId: ConversationId; notes: readonly StepNote[] }) {
  return (
    <div style={{ display: 'grid', gap: tokens.spacingVerticalL }} data-testid="step-notes">
      {CONVERSATION_STEPS.map((step) => {
        // One note per step (its id is derived from the conversation and step); older data may hold more: the earliest wins.
        const existing = notes.filter((note) => note.step === step.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
        return <StepNoteField key={step.id} step={step} reviewId={reviewId} conversationId={conversationId} existing={existing} />;
      })}
    </div>
  );
}

function StepNoteField({
  step,
  reviewId,
  conversationId,
  existing,
}: {
  step: ConversationStep;
  reviewId: ReviewId;
  conversationId: ConversationId;
  existing: StepNote | undefined;
}) {
  // Until the first word is written there is no record; the hook creates it on the first save.
  const [template] = useState(() =>
    unsavedRecord('stepNote', reviewId, stepNoteIdFor(conversationId, step.id), { conversationId, step: step.id, text: '', comments: '', checked: [] }),
  );
  const { draft, update, status, issues, message, conflict, resolve, flush } = useAutosave('stepNote', existing ?? template);
  const headingId = `step-${step.id}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`step-${step.id}`}
      style={{ display: 'grid', gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' }}>
        <h4 id={headingId} style={{ margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold }}>
          Step {step.number}
          {step.id.endsWith('a') || step.id.endsWith('b') ? ` (${step.id.slice(-1)})` : ''}: {step.title}
        </h4>
        <span style={{ flex: 1 }} />
        {draft.version > 0 || status !== 'saved' ? <SaveStatus status={status} message={message} /> : <Text size={200}>No notes yet</Text>}
      </div>
      {step.leadIn ? <Text size={200}>{step.leadIn}</Text> : null}
      {step.id === '1' ? (
        <div role="group" aria-label="Introduction covered">
          {step.prompts.map((prompt) => (
            <Checkbox
              key={prompt}
              label={prompt}
              checked={draft.checked.includes(prompt)}
              onChange={(_, data) =>
                update((current) => ({ ...current, checked: data.checked ? [...current.checked, prompt] : current.checked.filter((item) => item !== prompt) }))
              }
            />
          ))}
        </div>
      ) : step.prompts.length > 0 ? (
        <ul style={{ margin: 0, paddingLeft: tokens.spacingHorizontalL }} aria-label={`Prompts for step ${step.number}`}>
          {step.prompts.map((prompt) => (
            <li key={prompt}>
              <Text size={200}>{prompt}</Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text size={200}>Raise the queries from the overview: discrepancies and gaps the review has found that this participant can help with.</Text>
      )}
      <Field label={`Notes for step ${step.number}${step.id.length > 1 ? ` (${step.id.slice(-1)})` : ''}`} {...validationProps(issueFor(issues, 'text'))}>
        <Textarea
          value={draft.text}
          onChange={(_, data) => update({ text: data.value })}
          onBlur={() => void flush()}
          resize="vertical"
          rows={3}
          data-testid={`step-notes-${step.id}`}
        />
      </Field>
      <Field
        label={`Your own comments on step ${step.number}${step.id.length > 1 ? ` (${step.id.slice(-1)})` : ''} (never shown to the participant)`}
        {...validationProps(issueFor(issues, 'comments'))}
      >
        <Textarea
          value={draft.comments ?? ''}
          onChange={(_, data) => update({ comments: data.value })}
          onBlur={() => void flush()}
          resize="vertical"
          rows={2}
          data-testid={`step-comments-${step.id}`}
        />
      </Field>
      <ConflictDialog
        conflict={conflict}
        onResolve={resolve}
        fieldLabels={{ text: `Notes for step ${step.number}`, comments: `Your own comments on step ${step.number}` }}
      />
    </section>
  );
}
