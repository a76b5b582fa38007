import { Button, Field, Input, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { FieldIssue } from '../../../domain/failures';
import type { AgencyId } from '../../../domain/ids';
import type { Agency, DocumentRecord } from '../../../domain/model';
import { describePeriod, documentIssues } from '../../../domain/rules/documents';
import { referencesTo } from '../../../domain/rules/references';
import { useAppServices } from '../../app-services';
import { ConflictDialog } from '../../components/ConflictDialog';
import { SaveStatus } from '../../components/SaveStatus';
import { VirtualList } from '../../components/VirtualList';
import { ScreenTitle, withEmptyDateMessages } from '../../components/workspace/FormParts';
import { PeriodFields } from '../../kit/PeriodFields';
import { useWorkspaceStyles } from '../../components/workspace/RecordParts';
import { useRecordNavigation } from '../../kit/use-record-navigation';
import { RemoveRecord } from '../../kit/RemoveRecord';
import { InlineAddForm, RecordDetailPane, useAddRecordSubmit } from '../../components/workspace/RecordPanes';
import { useAutosave } from '../../hooks/use-autosave';
import { formatPeriod } from '../../london-format';
import { useReview } from '../../review-context';
import { issueFor, validationProps } from '../../kit/field-state';

/** Common kinds of agency record; any other can be typed. */
const RECORD_TYPES = [
  'Case file',
  'Health records',
  'School records',
  'Police records',
  'Chronology',
  'Meeting minutes',
  'Assessment',
  'Referral',
  'Correspondence',
];
const ALL = '__all__';

const agencyNameOf = (agencies: readonly Agency[], agencyId: string): string => agencies.find((agency) => agency.id === agencyId)?.name ?? 'Unknown agency';

const friendlier = (issues: readonly FieldIssue[], document: { agencyId: string; coveredPeriod: { from: string; to: string } }): FieldIssue[] =>
  withEmptyDateMessages(issues, { 'coveredPeriod.from': document.coveredPeriod.from, 'coveredPeriod.to': document.coveredPeriod.to }).map((issue) =>
    issue.path === 'agencyId' && document.agencyId === '' ? { ...issue, message: 'choose the agency whose record this is' } : issue,
  );

/** The log of agency records the review has read: which agency, what, the period each covers, and who holds it. */
export function DocumentsScreen({ recordId }: { recordId?: string | undefined }) {
  const styles = useWorkspaceStyles();
  const { snapshot } = useReview();
  const { open } = useRecordNavigation('documents');
  const [adding, setAdding] = useState(false);
  const [agencyFilter, setAgencyFilter] = useState(ALL);
  const agencies = snapshot.review.agencies;
  const documents = useMemo(
    () =>
      [...snapshot.documents]
        .filter((document) => agencyFilter === ALL || document.agencyId === agencyFilter)
        .sort((a, b) => a.coveredPeriod.from.localeCompare(b.coveredPeriod.from) || a.title.localeCompare(b.title, 'en-GB')),
    [snapshot.documents, agencyFilter],
  );
  const selected = recordId ? snapshot.documents.find((document) => document.id === recordId) : undefined;

  return (
    <section aria-labelledby="screen-title" style={{ display: 'grid', gap: tokens.spacingVerticalM }}>
      <ScreenTitle title="Documents">
        <Button appearance="primary" onClick={() => setAdding(true)} data-testid="add-document">
          Log a document
        </Button>
      </ScreenTitle>
      <Text>The agency records the review has read. Period under review: {describePeriod(snapshot.review.periodUnderReview)}.</Text>
      <div className={styles.layout}>
        <div className={styles.listPane}>
          <Field label="Agency">
            <Select value={agencyFilter} onChange={(_, data) => setAgencyFilter(data.value)} data-testid="filter-agency">
              <option value={ALL}>All agencies</option>
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </Select>
          </Field>
          <Text size={200} role="status">
            Showing {documents.length} of {snapshot.documents.length} documents, earliest first.
          </Text>
          <VirtualList
            items={documents}
            getKey={(document) => document.id}
            label="Documents"
            selectedKey={recordId}
            onOpen={(document) => {
              setAdding(false);
              open(document.id);
            }}
            emptyText={snapshot.documents.length === 0 ? 'No documents logged yet.' : 'No documents from this agency.'}
            testId="document-list"
            renderItem={(document) => (
              <div style={{ display: 'grid', gap: tokens.spacingVerticalXXS }}>
                <Text weight="semibold">{document.title}</Text>
                <Text size={200}>
                  {agencyNameOf(agencies, document.agencyId)} · {document.recordType}
                </Text>
                <Text size={200}>{formatPeriod(document.coveredPeriod)}</Text>
              </div>
            )}
          />
        </div>
        <RecordDetailPane
          adding={adding}
          stopAdding={() => setAdding(false)}
          recordId={recordId}
          selected={selected}
          what="document"
          open={open}
          addForm={(done) => <AddDocumentForm {...done} />}
          editor={(document, onRemoved) => <DocumentEditor key={document.id} document={document} onRemoved={onRemoved} />}
        />
      </div>
    </section>
  );
}

function AgencySelect({ value, agencies, onChange }: { value: string; agencies: readonly Agency[]; onChange: (agencyId: string) => void }) {
  return (
    <Select value={value} onChange={(_, data) => onChange(data.value)} data-testid="document-agency">
      <option value="">Choose an agency</option>
      {agencies.map((agency) => (
        <option key={agency.id} value={agency.id}>
          {agency.name}
        </option>
      ))}
    </Select>
  );
}

/** Free text with the common kinds offered as suggestions (a native datalist: keyboard and screen-reader friendly). */
function RecordTypeInput({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const listId = useId();
  return (
    <>
      <Input value={value} onChange={(_, data) => onChange(data.value)} list={listId} autoComplete="off" data-testid="document-record-type" />
      <datalist id={listId}>
        {RECORD_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
    </>
  );
}

function AddDocumentForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (id: string) => void }) {
  const { service } = useAppServices();
  const { snapshot } = useReview();
  const agencies = snapshot.review.agencies;
  const [fields, setFields] = useState({
    agencyId: agencies.length === 1 ? (agencies[0]?.id ?? '') : '',
    title: '',
    recordType: '',
    coveredPeriod: { from: '', to: '' },
  });
  const { issues, failure, submit } = useAddRecordSubmit({
    kind: 'document',
    signature: fields,
    add: (id) => service.addRecord('document', snapshot.review.id, { ...fields, agencyId: fields.agencyId as AgencyId }, id),
    friendlier: (issues) => friendlier(issues, fields),
    onAdded,
  });
  const warnings =
    fields.coveredPeriod.from && fields.coveredPeriod.to
      ? documentIssues({ ...fields, agencyId: fields.agencyId as AgencyId }, snapshot.review.periodUnderReview, agencies).warnings
      : [];
  return (
    <InlineAddForm
      headingId="add-document-title"
      heading="Log a document"
      testId="add-document-form"
      problemTitle="Not logged yet. Please check:"
      issues={issues}
      failure={failure}
      submitLabel="Log document"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <Field label="Agency" required {...validationProps(issueFor(issues, 'agencyId'))}>
        <AgencySelect value={fields.agencyId} agencies={agencies} onChange={(agencyId) => setFields({ ...fields, agencyId })} />
      </Field>
      <Field label="Title" required {...validationProps(issueFor(issues, 'title'))}>
        <Input value={fields.title} onChange={(_, data) => setFields({ ...fields, title: data.value })} data-testid="document-title" />
      </Field>
      <Field label="Record type" required hint="Choose one or type your own." {...validationProps(issueFor(issues, 'recordType'))}>
        <RecordTypeInput value={fields.recordType} onChange={(recordType) => setFields({ ...fields, recordType })} />
      </Field>
      <PeriodFields
        legend="Period the record covers"
        value={fields.coveredPeriod}
        onChange={(coveredPeriod) => setFields({ ...fields, coveredPeriod })}
        issues={issues}
        warnings={warnings}
        path="coveredPeriod"
        testId="document-period"
      />
    </InlineAddForm>
  );
}

function DocumentEditor({ document, onRemoved }: { document: DocumentRecord; onRemoved: () => void }) {
  const styles = useWorkspaceStyles();
  const { snapshot } = useReview();
  const { draft, update, status, issues: rawIssues, message, conflict, resolve, flush } = useAutosave('document', document);
  const agencies = snapshot.review.agencies;
  const issues = friendlier(rawIssues, draft);
  const { warnings } = documentIssues(draft, snapshot.review.periodUnderReview, agencies);
  const references = referencesTo(snapshot, 'document', document.id);
  return (
    <div className={styles.form} data-testid="document-editor" onBlur={() => void flush()}>
      <div className={styles.row} style={{ alignItems: 'center' }}>
        <h2 className={styles.heading}>{draft.title || 'Document'}</h2>
        <span style={{ flex: 1 }} />
        <SaveStatus status={status} message={message} />
      </div>
      <Field label="Agency" required {...validationProps(issueFor(issues, 'agencyId'))}>
        <AgencySelect value={draft.agencyId} agencies={agencies} onChange={(agencyId) => update({ agencyId: agencyId as AgencyId })} />
      </Field>
      <Field label="Title" required {...validationProps(issueFor(issues, 'title'))}>
        <Input value={draft.title} onChange={(_, data) => update({ title: data.value })} data-testid="document-title" />
      </Field>
      <Field label="Record type" required {...validationProps(issueFor(issues, 'recordType'))}>
        <RecordTypeInput value={draft.recordType} onChange={(recordType) => update({ recordType })} />
      </Field>
      <PeriodFields
        legend="Period the record covers"
        value={draft.coveredPeriod}
        onChange={(coveredPeriod) => update({ coveredPeriod })}
        issues={issues}
        warnings={warnings}
        path="coveredPeriod"
        testId="document-period"
      />
      <Field
        label="Access restrictions"
        hint="For example: health records seen by the health reviewer only."
        {...validationProps(issueFor(issues, 'accessRestrictions'))}
      >
        <Textarea
          value={draft.accessRestrictions}
          onChange={(_, data) => update({ accessRestrictions: data.value })}
          resize="vertical"
          data-testid="document-access"
        />
      </Field>
      <Field label="Held by" hint="Who holds the original or the copy the review read." {...validationProps(issueFor(issues, 'heldBy'))}>
        <Input value={draft.heldBy} onChange={(_, data) => update({ heldBy: data.value })} data-testid="document-held-by" />
      </Field>
      <Field label="Notes" {...validationProps(issueFor(issues, 'notes'))}>
        <Textarea value={draft.notes} onChange={(_, data) => update({ notes: data.value })} resize="vertical" rows={5} data-testid="document-notes" />
      </Field>
      <div>
        <RemoveRecord
          kind="document"
          record={document}
          what={document.title}
          onRemoved={onRemoved}
          consequences={
            references.length > 0 ? (
              <Text block>The narrative cites this document ({references.length} entries); those entries would need another source first.</Text>
            ) : null
          }
        />
      </div>
      <ConflictDialog conflict={conflict} onResolve={resolve} />
    </div>
  );
}
