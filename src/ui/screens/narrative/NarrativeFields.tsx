import { Checkbox, Field, Link, Radio, RadioGroup, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import {
  describeSource,
  NARRATIVE_KIND_HINTS,
  REVIEWERS_JUDGEMENT_TITLE,
  compareEntries,
  describePerspective,
  type NarrativeEntryDraft,
} from '../../../domain/analysis';
import type { FieldIssue } from '../../../domain/failures';
import { asId } from '../../../domain/ids';
import { NARRATIVE_KIND_LABELS } from '../../../domain/labels';
import { NARRATIVE_KINDS, type NarrativeKind } from '../../../domain/model';
import { ChecklistPicker } from '../../components/analysis/ChecklistPicker';
import { fieldState } from '../../kit/field-state';
import { excerpt, formatPeriod } from '../../london-format';
import { PeriodFields } from '../../kit/PeriodFields';
import { useReview } from '../../review-context';
import { hrefOf, paths } from '../../routes';
import { perspectiveFromValue, perspectiveOptionLabel, perspectiveValue, sourceFromValue, sourceValue, useNarrativeContext } from './narrative-context';

const useStyles = makeStyles({
  kinds: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  note: { color: tokens.colorNeutralForeground2 },
  judgement: {
    padding: tokens.spacingHorizontalS,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    background: tokens.colorBrandBackground2,
  },
});

export interface NarrativeFieldsValue extends NarrativeEntryDraft {
  readonly resolved?: boolean;
}

/** The fields of a narrative entry, shared by the "add" dialog and the editor. */
export function NarrativeFields({
  value,
  onChange,
  issues,
  warnings,
  ownId,
}: {
  value: NarrativeFieldsValue;
  onChange: (changes: Partial<NarrativeFieldsValue>) => void;
  issues: readonly FieldIssue[];
  warnings: readonly FieldIssue[];
  ownId: string | null;
}) {
  const styles = useStyles();
  const { snapshot } = useReview();
  const context = useNarrativeContext();
  const isJudgement = value.kind === 'reviewersJudgement';
  const reviewId = snapshot.review.id;

  const entryOptions = useMemo(
    () =>
      [...snapshot.narrative]
        .filter((entry) => entry.id !== ownId)
        .sort(compareEntries)
        .map((entry) => ({
          id: entry.id,
          label: `${describePerspective(entry.perspective, context).title}, ${formatPeriod(entry.period)}: ${excerpt(entry.text, 70)} (${NARRATIVE_KIND_LABELS[entry.kind]})`,
          searchText: entry.text,
        })),
    [snapshot.narrative, ownId, context],
  );
  const participantOptions = useMemo(
    () =>
      snapshot.participants.map((participant) => ({
        id: participant.id,
        label: perspectiveOptionLabel({ of: 'participant', participantId: participant.id }, context),
      })),
    [snapshot.participants, context],
  );

  const chooseKind = (kind: NarrativeKind) => {
    if (kind === 'reviewersJudgement') onChange({ kind, perspective: { of: 'reviewTeam' }, source: { kind: 'reviewTeam' } });
    else if (isJudgement) onChange({ kind, perspective: null, source: null });
    else onChange({ kind });
  };

  return (
    <>
      <Field label="Kind of entry" required hint={NARRATIVE_KIND_HINTS[value.kind]}>
        <RadioGroup className={styles.kinds} layout="horizontal" value={value.kind} onChange={(_, data) => chooseKind(data.value as NarrativeKind)}>
          {NARRATIVE_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={NARRATIVE_KIND_LABELS[kind]} />
          ))}
        </RadioGroup>
      </Field>

      {isJudgement ? (
        <Text block className={styles.judgement}>
          {REVIEWERS_JUDGEMENT_TITLE}: the review team’s own view. It is shown in its own lane, apart from participants’ and agencies’ accounts.
        </Text>
      ) : (
        <>
          <Field label="Whose perspective" required {...fieldState(issues, warnings, 'perspective')}>
            <Select value={perspectiveValue(value.perspective)} onChange={(_, data) => onChange({ perspective: perspectiveFromValue(data.value) })}>
              <option value="">Choose a participant or an agency’s records…</option>
              {snapshot.participants.length > 0 ? (
                <optgroup label="Participants">
                  {snapshot.participants.map((participant) => (
                    <option key={participant.id} value={`participant:${participant.id}`}>
                      {perspectiveOptionLabel({ of: 'participant', participantId: participant.id }, context)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              <optgroup label="Agencies’ records">
                {snapshot.review.agencies.map((agency) => (
                  <option key={agency.id} value={`agency:${agency.id}`}>
                    {agency.name}
                  </option>
                ))}
              </optgroup>
            </Select>
          </Field>
          <Field label="Source" required hint="Every entry says where it comes from: a conversation or a document." {...fieldState(issues, warnings, 'source')}>
            <Select value={sourceValue(value.source)} onChange={(_, data) => onChange({ source: sourceFromValue(data.value) })}>
              <option value="">Choose the conversation or document…</option>
              {snapshot.conversations.length > 0 ? (
                <optgroup label="Conversations">
                  {snapshot.conversations.map((conversation) => (
                    <option key={conversation.id} value={`conversation:${conversation.id}`}>
                      {describeSource({ kind: 'conversation', conversationId: conversation.id }, context)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {snapshot.documents.length > 0 ? (
                <optgroup label="Documents">
                  {snapshot.documents.map((document) => (
                    <option key={document.id} value={`document:${document.id}`}>
                      {describeSource({ kind: 'document', documentId: document.id }, context)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </Select>
          </Field>
          {snapshot.conversations.length === 0 && snapshot.documents.length === 0 ? (
            <Text size={200} className={styles.note}>
              This review has no conversations or documents yet. Add one under{' '}
              <Link href={hrefOf(paths.section(reviewId, 'conversations'))}>Conversations</Link> or{' '}
              <Link href={hrefOf(paths.section(reviewId, 'documents'))}>Documents</Link> first.
            </Text>
          ) : null}
        </>
      )}

      <PeriodFields
        openEnded
        legend="The period it refers to"
        value={value.period}
        onChange={(period) => onChange({ period })}
        issues={issues}
        warnings={warnings}
        hint={`Within the period under review: ${formatPeriod(snapshot.review.periodUnderReview)}`}
      />

      <Field label={isJudgement ? 'The review team’s judgement' : 'What the entry says'} required {...fieldState(issues, warnings, 'text')}>
        <Textarea resize="vertical" rows={5} value={value.text} onChange={(_, data) => onChange({ text: data.value })} />
      </Field>

      <ChecklistPicker
        legend={value.kind === 'discrepancy' ? 'Entries this disputes' : 'Related entries'}
        options={entryOptions}
        selected={value.relatedEntryIds}
        onChange={(ids) => onChange({ relatedEntryIds: ids.map((id) => asId(id)) })}
        validationMessage={fieldState(issues, warnings, 'relatedEntryIds').validationMessage as string | undefined}
      />
      <ChecklistPicker
        legend="Participants it involves"
        hint="So the facilitators can raise it with them (conversation step 6)."
        options={participantOptions}
        selected={value.involvesParticipantIds}
        onChange={(ids) => onChange({ involvesParticipantIds: ids.map((id) => asId(id)) })}
      />
      {value.resolved !== undefined && (value.kind === 'gap' || value.kind === 'discrepancy') ? (
        <Checkbox
          checked={value.resolved}
          onChange={(_, data) => onChange({ resolved: data.checked === true })}
          label={value.kind === 'gap' ? 'Resolved: the missing information was found' : 'Resolved: the discrepancy was followed up'}
        />
      ) : null}
    </>
  );
}
