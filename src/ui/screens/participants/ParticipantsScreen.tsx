import { Badge, Button, Field, Input, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { DateInput } from '../../kit/DateInput';
import { useMemo, useState } from 'react';
import type { FieldIssue } from '../../../domain/failures';
import type { AgencyId } from '../../../domain/ids';
import { PARTICIPANT_KIND_LABELS } from '../../../domain/labels';
import {
  LETTER_STATUSES,
  MEETING_ATTENDANCE,
  PARTICIPANT_KINDS,
  SIGNIFICANCE_LEVELS,
  isFamilyKind,
  type Agency,
  type Participant,
  type ParticipantKind,
} from '../../../domain/model';
import { compareParticipants, suggestReportLabel } from '../../../domain/rules/participants';
import { useAppServices } from '../../app-services';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { VirtualList } from '../../components/VirtualList';
import { Notice, ScreenTitle, TextListEditor } from '../../components/workspace/FormParts';
import { useWorkspaceStyles } from '../../components/workspace/RecordParts';
import { useRecordNavigation } from '../../kit/use-record-navigation';
import { RemoveRecord } from '../../kit/RemoveRecord';
import { InlineAddForm, RecordDetailPane, useAddRecordSubmit } from '../../components/workspace/RecordPanes';
import { useAutosave } from '../../hooks/use-autosave';
import { useReview } from '../../review-context';
import { issueFor, validationProps } from '../../kit/field-state';

export const SIGNIFICANCE_LABELS: Record<Participant['significance'], string> = {
  notYetKnown: 'Not yet known',
  peripheral: 'Peripheral',
  significant: 'Significant',
  key: 'Key',
};
export const LETTER_LABELS: Record<Participant['introductionLetter']['status'], string> = {
  notSent: 'Not sent',
  sent: 'Sent',
  acknowledged: 'Sent and acknowledged',
};
export const MEETING_LABELS: Record<Participant['introductoryMeeting'], string> = {
  notInvited: 'Not invited yet',
  invited: 'Invited',
  attended: 'Attended',
  couldNotAttend: 'Could not attend',
};

const FAMILY = '__family__';
const ALL = '__all__';

const agencyNameOf = (agencies: readonly Agency[], agencyId: string | null): string =>
  agencyId === null ? 'Family (no agency)' : (agencies.find((agency) => agency.id === agencyId)?.name ?? 'Unknown agency');

/** A friendlier word for an agency that has not been chosen (the schema only knows an id is missing). */
const friendlier = (issues: readonly FieldIssue[], agencyId: string | null): FieldIssue[] =>
  issues.map((issue) => (issue.path === 'agencyId' && agencyId === '' ? { ...issue, message: 'choose the agency this person works for' } : issue));

/** Everyone the review talks to: practitioners, managers and, as first-class participants, family members. */
export function ParticipantsScreen({ recordId }: { recordId?: string | undefined }) {
  const styles = useWorkspaceStyles();
  const { snapshot } = useReview();
  const { open } = useRecordNavigation('participants');
  const [adding, setAdding] = useState(false);
  const [agencyFilter, setAgencyFilter] = useState(ALL);
  const [kindFilter, setKindFilter] = useState(ALL);
  const agencies = snapshot.review.agencies;
  const participants = useMemo(() => {
    return [...snapshot.participants]
      .filter((participant) => agencyFilter === ALL || (agencyFilter === FAMILY ? participant.agencyId === null : participant.agencyId === agencyFilter))
      .filter((participant) => kindFilter === ALL || participant.kind === kindFilter)
      .sort(compareParticipants);
  }, [snapshot.participants, agencyFilter, kindFilter]);
  const selected = recordId ? snapshot.participants.find((participant) => participant.id === recordId) : undefined;
  const familyCount = snapshot.participants.filter((participant) => isFamilyKind(participant.kind)).length;

  return (
    <section aria-labelledby="screen-title" style={{ display: 'grid', gap: tokens.spacingVerticalM }}>
      <ScreenTitle title="Participants">
        <Button appearance="primary" onClick={() => setAdding(true)} data-testid="add-participant">
          Add participant
        </Button>
      </ScreenTitle>
      {snapshot.participants.length > 0 && familyCount === 0 ? (
        <Notice intent="warning">No family members are among the participants yet: their perspective would be missing from the review.</Notice>
      ) : null}
      <div className={styles.layout}>
        <div className={styles.listPane}>
          <div className={styles.row}>
            <Field label="Agency" className={styles.grow}>
              <Select value={agencyFilter} onChange={(_, data) => setAgencyFilter(data.value)} data-testid="filter-agency">
                <option value={ALL}>All agencies and family</option>
                <option value={FAMILY}>Family (no agency)</option>
                {agencies.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Kind" className={styles.grow}>
              <Select value={kindFilter} onChange={(_, data) => setKindFilter(data.value)} data-testid="filter-kind">
                <option value={ALL}>All kinds</option>
                {PARTICIPANT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {PARTICIPANT_KIND_LABELS[kind]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Text size={200} role="status">
            Showing {participants.length} of {snapshot.participants.length} participants; family members first.
          </Text>
          <VirtualList
            items={participants}
            getKey={(participant) => participant.id}
            label="Participants"
            selectedKey={recordId}
            onOpen={(participant) => {
              setAdding(false);
              open(participant.id);
            }}
            emptyText={
              snapshot.participants.length === 0
                ? 'No participants yet. Add the family members and professionals the review will talk to.'
                : 'No participants match these filters.'
            }
            testId="participant-list"
            renderItem={(participant) => (
              <div style={{ display: 'grid', gap: tokens.spacingVerticalXXS }}>
                <Text weight="semibold">{participant.reportLabel}</Text>
                <Text size={200}>
                  {PARTICIPANT_KIND_LABELS[participant.kind]}
                  {participant.agencyId !== null ? ` · ${agencyNameOf(agencies, participant.agencyId)}` : ''}
                </Text>
                <Text size={200}>Private: {participant.realName}</Text>
              </div>
            )}
          />
        </div>
        <RecordDetailPane
          adding={adding}
          stopAdding={() => setAdding(false)}
          recordId={recordId}
          selected={selected}
          what="participant"
          open={open}
          addForm={(done) => <AddParticipantForm {...done} />}
          editor={(participant, onRemoved) => <ParticipantEditor key={participant.id} participant={participant} onRemoved={onRemoved} />}
        />
      </div>
    </section>
  );
}

function KindSelect({ value, onChange }: { value: ParticipantKind; onChange: (kind: ParticipantKind) => void }) {
  return (
    <Select value={value} onChange={(_, data) => onChange(data.value as ParticipantKind)} data-testid="participant-kind">
      {PARTICIPANT_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {PARTICIPANT_KIND_LABELS[kind]}
        </option>
      ))}
    </Select>
  );
}

function AgencySelect({
  value,
  kind,
  agencies,
  onChange,
}: {
  value: string | null;
  kind: ParticipantKind;
  agencies: readonly Agency[];
  onChange: (agencyId: string | null) => void;
}) {
  if (isFamilyKind(kind)) {
    return (
      <Select value={value ?? FAMILY} onChange={(_, data) => onChange(data.value === FAMILY ? null : data.value)} data-testid="participant-agency">
        <option value={FAMILY}>No agency (family)</option>
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </Select>
    );
  }
  return (
    <Select value={value ?? ''} onChange={(_, data) => onChange(data.value)} data-testid="participant-agency">
      <option value="">Choose an agency</option>
      {agencies.map((agency) => (
        <option key={agency.id} value={agency.id}>
          {agency.name}
        </option>
      ))}
    </Select>
  );
}

const PRIVATE_HINT = 'Private: never in reports. Only the review team sees it.';
const LABEL_HINT = 'What reports print: a role for professionals, a pseudonym for family members.';

function AddParticipantForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (id: string) => void }) {
  const styles = useWorkspaceStyles();
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const [fields, setFields] = useState({
    kind: 'practitioner' as ParticipantKind,
    agencyId: '' as string | null,
    roleTitle: '',
    realName: '',
    reportLabel: '',
  });
  const agencies = snapshot.review.agencies;
  const changeKind = (kind: ParticipantKind) =>
    setFields((current) => ({ ...current, kind, agencyId: isFamilyKind(kind) ? null : current.agencyId === null ? '' : current.agencyId }));
  const suggest = () =>
    setFields((current) => ({
      ...current,
      reportLabel: suggestReportLabel(
        { id: '' as never, ...current, agencyId: (current.agencyId || null) as AgencyId | null },
        snapshot.participants,
        agencies,
      ),
    }));
  const { issues, failure, submit } = useAddRecordSubmit({
    kind: 'participant',
    signature: fields,
    add: (id) =>
      service.addRecord(
        'participant',
        snapshot.review.id,
        { ...fields, agencyId: fields.agencyId as AgencyId | null, introductionLetter: { status: 'notSent', on: null } },
        id,
      ),
    friendlier: (issues) => friendlier(issues, fields.agencyId),
    onAdded,
  });
  return (
    <InlineAddForm
      headingId="add-participant-title"
      heading="Add a participant"
      testId="add-participant-form"
      issues={issues}
      failure={failure}
      submitLabel="Add participant"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <Field label="Kind of participant">
        <KindSelect value={fields.kind} onChange={changeKind} />
      </Field>
      <Field label="Agency" required={!isFamilyKind(fields.kind)} {...validationProps(issueFor(issues, 'agencyId'))}>
        <AgencySelect value={fields.agencyId} kind={fields.kind} agencies={agencies} onChange={(agencyId) => setFields({ ...fields, agencyId })} />
      </Field>
      <Field
        label="Role title"
        hint={isFamilyKind(fields.kind) ? 'For example: mother, grandfather, foster carer.' : 'For example: social worker, health visitor.'}
        {...validationProps(issueFor(issues, 'roleTitle'))}
      >
        <Input value={fields.roleTitle} onChange={(_, data) => setFields({ ...fields, roleTitle: data.value })} data-testid="participant-role-title" />
      </Field>
      <Field label="Real name" required hint={PRIVATE_HINT} {...validationProps(issueFor(issues, 'realName'))}>
        <Input value={fields.realName} onChange={(_, data) => setFields({ ...fields, realName: data.value })} data-testid="participant-real-name" />
      </Field>
      <Field label="Report label" required hint={LABEL_HINT} {...validationProps(issueFor(issues, 'reportLabel'))}>
        <div className={styles.row}>
          <Input
            className={styles.grow}
            value={fields.reportLabel}
            onChange={(_, data) => setFields({ ...fields, reportLabel: data.value })}
            data-testid="participant-report-label"
          />
          <Button onClick={suggest}>Suggest a label</Button>
        </div>
      </Field>
    </InlineAddForm>
  );
}

const nullIfEmpty = (value: string): string | null => (value === '' ? null : value);

function ParticipantEditor({ participant, onRemoved }: { participant: Participant; onRemoved: () => void }) {
  const styles = useWorkspaceStyles();
  const { snapshot } = useReview();
  const { draft, update, status, issues: rawIssues, message, conflict, resolve, flush } = useAutosave('participant', participant);
  const issues = friendlier(rawIssues, draft.agencyId);
  const agencies = snapshot.review.agencies;
  const family = isFamilyKind(draft.kind);
  return (
    <div className={styles.form} data-testid="participant-editor" onBlur={() => void flush()}>
      <div className={styles.row} style={{ alignItems: 'center' }}>
        <h2 className={styles.heading}>{draft.reportLabel || 'Participant'}</h2>
        {family ? (
          <Badge appearance="tint" color="brand">
            Family
          </Badge>
        ) : null}
        <span style={{ flex: 1 }} />
        <SaveStatus status={status} message={message} />
      </div>
      <div className={styles.row}>
        <Field label="Kind of participant" className={styles.grow}>
          <KindSelect
            value={draft.kind}
            onChange={(kind) =>
              update((current) => ({ ...current, kind, agencyId: isFamilyKind(kind) ? null : current.agencyId === null ? ('' as AgencyId) : current.agencyId }))
            }
          />
        </Field>
        <Field label="Agency" className={styles.grow} required={!family} {...validationProps(issueFor(issues, 'agencyId'))}>
          <AgencySelect
            value={draft.agencyId}
            kind={draft.kind}
            agencies={agencies}
            onChange={(agencyId) => update({ agencyId: agencyId as AgencyId | null })}
          />
        </Field>
      </div>
      <Field label="Role title" {...validationProps(issueFor(issues, 'roleTitle'))}>
        <Input value={draft.roleTitle} onChange={(_, data) => update({ roleTitle: data.value })} data-testid="participant-role-title" />
      </Field>
      <Field label="Real name" required hint={PRIVATE_HINT} {...validationProps(issueFor(issues, 'realName'))}>
        <Input value={draft.realName} onChange={(_, data) => update({ realName: data.value })} data-testid="participant-real-name" />
      </Field>
      <Field label="Report label" required hint={LABEL_HINT} {...validationProps(issueFor(issues, 'reportLabel'))}>
        <div className={styles.row}>
          <Input
            className={styles.grow}
            value={draft.reportLabel}
            onChange={(_, data) => update({ reportLabel: data.value })}
            data-testid="participant-report-label"
          />
          <Button onClick={() => update((current) => ({ ...current, reportLabel: suggestReportLabel(current, snapshot.participants, agencies) }))}>
            Suggest a label
          </Button>
        </div>
      </Field>
      <Field label="Email" hint="Used for the introductory letter and invitations." {...validationProps(issueFor(issues, 'email'))}>
        <Input type="email" value={draft.email} onChange={(_, data) => update({ email: data.value })} />
      </Field>
      <div className={styles.row}>
        <Field label="Significance" hint="This may change as the review learns more." className={styles.grow}>
          <Select
            value={draft.significance}
            onChange={(_, data) => update({ significance: data.value as Participant['significance'] })}
            data-testid="participant-significance"
          >
            {SIGNIFICANCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {SIGNIFICANCE_LABELS[level]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Note on significance" {...validationProps(issueFor(issues, 'significanceNote'))}>
        <Textarea value={draft.significanceNote} onChange={(_, data) => update({ significanceNote: data.value })} resize="vertical" />
      </Field>
      <h3 className={styles.subheading}>Getting ready for the conversation</h3>
      <div className={styles.row}>
        <Field label="Introductory letter" className={styles.grow}>
          <Select
            value={draft.introductionLetter.status}
            onChange={(_, data) =>
              update({ introductionLetter: { ...draft.introductionLetter, status: data.value as Participant['introductionLetter']['status'] } })
            }
            data-testid="participant-letter-status"
          >
            {LETTER_STATUSES.map((letter) => (
              <option key={letter} value={letter}>
                {LETTER_LABELS[letter]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Letter sent on" className={styles.grow} {...validationProps(issueFor(issues, 'introductionLetter.on'))}>
          <DateInput
            value={draft.introductionLetter.on ?? ''}
            onChange={(value) => update({ introductionLetter: { ...draft.introductionLetter, on: nullIfEmpty(value) } })}
            data-testid="participant-letter-date"
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Introductory meeting" className={styles.grow}>
          <Select value={draft.introductoryMeeting} onChange={(_, data) => update({ introductoryMeeting: data.value as Participant['introductoryMeeting'] })}>
            {MEETING_ATTENDANCE.map((attendance) => (
              <option key={attendance} value={attendance}>
                {MEETING_LABELS[attendance]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Confidentiality terms acknowledged on" className={styles.grow} {...validationProps(issueFor(issues, 'confidentialityAcknowledgedOn'))}>
          <DateInput
            value={draft.confidentialityAcknowledgedOn ?? ''}
            onChange={(value) => update({ confidentialityAcknowledgedOn: nullIfEmpty(value) })}
            data-testid="participant-confidentiality-date"
          />
        </Field>
      </div>
      <TextListEditor
        legend="Other names and identifiers"
        hint="Nicknames, initials or other names this person is known by. Private: the report check looks for them so none reaches a published report."
        itemLabel={(index) => `Identifier ${index + 1}`}
        values={draft.otherIdentifiers}
        onChange={(otherIdentifiers) => update({ otherIdentifiers })}
        issues={issues}
        path="otherIdentifiers"
        addLabel="Add an identifier"
        testId="participant-identifiers"
      />
      <div>
        <RemoveRecord kind="participant" record={participant} what={participant.reportLabel} onRemoved={onRemoved} />
      </div>
      <ConflictDialog
        conflict={conflict}
        onResolve={resolve}
        fieldLabels={{ realName: 'Real name', reportLabel: 'Report label', significanceNote: 'Note on significance' }}
      />
    </div>
  );
}
