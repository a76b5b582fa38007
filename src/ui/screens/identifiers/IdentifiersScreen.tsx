import {
  Badge,
  Button,
  Field,
  Input,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import {
  buildIdentifierRegister,
  describeForm,
  formsOf,
  redactText,
  registerIssues,
  scanText,
  type IdentifierEntry,
  type LeakHit,
} from '../../../domain/identifiers';
import {
  IDENTIFIER_CATEGORIES,
  PLACE_KINDS,
  RECORD_SCHEMA_VERSION,
  type IdentifierCategory,
  type IdentifierRecord,
  type PlaceKind,
} from '../../../domain/model';
import { buildReport } from '../../../domain/report/build-report';
import { reportTexts } from '../../../domain/report/view-model';
import { Notice, ScreenTitle } from '../../components/workspace/FormParts';
import { InlineAddForm, useAddRecordSubmit } from '../../components/workspace/RecordPanes';
import { issueFor, validationProps } from '../../kit/field-state';
import { useReview } from '../../review-context';
import { LanguageCheckPanel } from './LanguageCheckPanel';

export const CATEGORY_LABELS: Record<IdentifierCategory, string> = {
  child: 'Child',
  familyMember: 'Family member',
  professional: 'Professional',
  agency: 'Agency',
  place: 'Place',
  other: 'Other',
};
const PLACE_KIND_LABELS: Record<PlaceKind, string> = {
  town: 'Town',
  street: 'Street',
  school: 'School',
  gpPractice: 'GP practice',
  hospital: 'Hospital',
  other: 'Other place',
};

/**
 * The identifier register (confidential to the review), the leak scan of the public report's text, and the
 * respectful-language check. See docs/decisions/1225–1228.
 */
export function IdentifiersScreen() {
  const { snapshot } = useReview();
  const register = useMemo(() => buildIdentifierRegister(snapshot), [snapshot]);
  const issues = useMemo(() => new Map(registerIssues(register).map((issue) => [issue.entryId, issue.message])), [register]);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="screen-title" style={{ display: 'grid', gap: tokens.spacingVerticalL }}>
      <ScreenTitle title="Identifiers and language">
        <Button appearance="primary" onClick={() => setAdding(true)} data-testid="add-identifier">
          Add a place or other name
        </Button>
      </ScreenTitle>
      <Notice intent="info">
        Everything here that identifies a child, a family member, a professional, an agency or a place. The public report prints each label instead, and cannot
        be published while the scan finds any of them. Confidential to this review: never pooled.
      </Notice>
      {adding ? <AddIdentifierForm onDone={() => setAdding(false)} /> : null}
      <ReportDatesSwitch />
      <Table aria-label="Identifier register" size="small" data-testid="identifier-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Category</TableHeaderCell>
            <TableHeaderCell>Identifier</TableHeaderCell>
            <TableHeaderCell>Also looks for</TableHeaderCell>
            <TableHeaderCell>The public report prints</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {register.map((entry) => (
            <TableRow key={entry.id} data-testid={`identifier-row-${entry.id}`}>
              <TableCell>
                {CATEGORY_LABELS[entry.category]}
                {entry.placeKind ? ` (${PLACE_KIND_LABELS[entry.placeKind]})` : ''}{' '}
                <Badge appearance="outline">{entry.origin === 'automatic' ? 'automatic' : 'added'}</Badge>
              </TableCell>
              <TableCell>{entry.text}</TableCell>
              <TableCell>
                <Text size={200}>{formsOf(entry).map(describeForm).join(', ')}</Text>
                <OtherFormAdder entry={entry} />
              </TableCell>
              <TableCell>
                <LabelEditor entry={entry} problem={issues.get(entry.id)} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ScanPanel register={register} />
      <LanguageCheckPanel />
    </section>
  );
}

/** Saves a change to an entry: into its identifier record, or a new one that refines the automatic entry. */
function useEntryWriter() {
  const { snapshot, session } = useReview();
  return async (entry: IdentifierEntry, change: { label?: string; addForm?: string }) => {
    const existing = entry.recordId === null ? null : (snapshot.identifiers.find((record) => record.id === entry.recordId) ?? null);
    if (existing) {
      const changes: Partial<IdentifierRecord> = {};
      if (change.label !== undefined) changes.label = change.label;
      if (change.addForm !== undefined) changes.otherForms = [...existing.otherForms, change.addForm];
      const base = Object.fromEntries(Object.keys(changes).map((key) => [key, existing[key as keyof IdentifierRecord]]));
      return session.apply({ type: 'editRecord', kind: 'identifier', id: existing.id, base, changes });
    }
    const now = session.now();
    const actor = session.actor();
    const refersTo =
      entry.source.of === 'participant'
        ? { to: 'participant' as const, participantId: entry.source.participantId }
        : entry.source.of === 'agency'
          ? { to: 'agency' as const, agencyId: entry.source.agencyId }
          : { to: 'added' as const };
    return session.apply({
      type: 'addRecord',
      kind: 'identifier',
      record: {
        schemaVersion: RECORD_SCHEMA_VERSION,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: actor,
        updatedBy: actor,
        reviewId: snapshot.review.id,
        id: session.newId('idn') as never,
        refersTo,
        category: entry.category,
        placeKind: entry.category === 'place' ? entry.placeKind : null,
        // An area name taken from an agency becomes an added entry of its own: it then keeps the team's label.
        text: refersTo.to === 'added' ? entry.text : '',
        otherForms: change.addForm === undefined ? [] : [change.addForm],
        label: change.label ?? (refersTo.to === 'added' ? entry.label : ''),
      },
    });
  };
}

function LabelEditor({ entry, problem }: { entry: IdentifierEntry; problem: string | undefined }) {
  const write = useEntryWriter();
  const [label, setLabel] = useState(entry.label);
  const [failure, setFailure] = useState<string | null>(null);
  const save = async () => {
    if (label.trim() === entry.label.trim()) return;
    if (label.trim() === '') {
      setFailure('A label is needed: the public report prints it instead of the identifier.');
      return;
    }
    const saved = await write(entry, { label: label.trim() });
    setFailure(saved.ok ? null : describeFailure(saved.error));
  };
  const message = failure ?? problem;
  return (
    <Field {...validationProps(message)}>
      <Input
        value={label}
        onChange={(_, data) => setLabel(data.value)}
        onBlur={() => void save()}
        data-testid={`label-${entry.id}`}
        aria-label={`Label for ${entry.text}`}
      />
    </Field>
  );
}

function OtherFormAdder({ entry }: { entry: IdentifierEntry }) {
  const write = useEntryWriter();
  const [form, setForm] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const add = async () => {
    const trimmed = form.trim();
    if (trimmed === '') {
      setFailure('Type the other name, nickname, initials or email address first.');
      return;
    }
    if (trimmed.length > 200) {
      setFailure('Keep it to 200 characters.');
      return;
    }
    const saved = await write(entry, { addForm: trimmed });
    if (saved.ok) setForm('');
    setFailure(saved.ok ? null : describeFailure(saved.error));
  };
  return (
    <div style={{ display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'start' }}>
      <Field {...validationProps(failure ?? undefined)}>
        <Input
          size="small"
          value={form}
          placeholder="Another form…"
          onChange={(_, data) => setForm(data.value)}
          aria-label={`Another form of ${entry.text}`}
          data-testid={`form-${entry.id}`}
        />
      </Field>
      <Button size="small" onClick={() => void add()} data-testid={`add-form-${entry.id}`}>
        Add
      </Button>
    </div>
  );
}

function ReportDatesSwitch() {
  const { snapshot, session } = useReview();
  const [failure, setFailure] = useState<string | null>(null);
  const relative = snapshot.review.reportDates === 'relativeToPeriod';
  const toggle = async (checked: boolean) => {
    const applied = await session.apply({
      type: 'editRecord',
      kind: 'review',
      id: snapshot.review.id,
      base: { reportDates: snapshot.review.reportDates },
      changes: { reportDates: checked ? 'relativeToPeriod' : 'calendar' },
    });
    setFailure(applied.ok ? null : describeFailure(applied.error));
  };
  return (
    <Field
      hint="Calendar dates can help identify a family. “Month 3” counts from the first day of the period under review."
      {...validationProps(failure ?? undefined)}
    >
      <Switch
        checked={relative}
        onChange={(_, data) => void toggle(data.checked)}
        label="Show dates in the public report relative to the review period"
        data-testid="relative-dates"
      />
    </Field>
  );
}

function AddIdentifierForm({ onDone }: { onDone: () => void }) {
  const { snapshot, session } = useReview();
  const [fields, setFields] = useState({ category: 'place' as IdentifierCategory, placeKind: 'town' as PlaceKind, text: '', label: '', otherForms: '' });
  const { issues, failure, submit } = useAddRecordSubmit({
    kind: 'identifier',
    signature: fields,
    add: async (id) => {
      const now = session.now();
      const actor = session.actor();
      const applied = await session.apply({
        type: 'addRecord',
        kind: 'identifier',
        record: {
          schemaVersion: RECORD_SCHEMA_VERSION,
          version: 1,
          createdAt: now,
          updatedAt: now,
          createdBy: actor,
          updatedBy: actor,
          reviewId: snapshot.review.id,
          id: id as never,
          refersTo: { to: 'added' },
          category: fields.category,
          placeKind: fields.category === 'place' ? fields.placeKind : null,
          text: fields.text,
          otherForms: fields.otherForms
            .split(',')
            .map((form) => form.trim())
            .filter((form) => form !== ''),
          label: fields.label,
        },
      });
      return applied.ok ? { ok: true as const, value: { id } } : applied;
    },
    onAdded: onDone,
  });
  return (
    <InlineAddForm
      headingId="add-identifier-title"
      heading="Add a place or other name"
      testId="add-identifier-form"
      issues={issues}
      failure={failure}
      submitLabel="Add to the register"
      onSubmit={() => void submit()}
      onCancel={onDone}
    >
      <Field label="Category">
        <Select
          value={fields.category}
          onChange={(_, data) => setFields({ ...fields, category: data.value as IdentifierCategory })}
          data-testid="identifier-category"
        >
          {IDENTIFIER_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABELS[category]}
            </option>
          ))}
        </Select>
      </Field>
      {fields.category === 'place' ? (
        <Field label="Kind of place">
          <Select
            value={fields.placeKind}
            onChange={(_, data) => setFields({ ...fields, placeKind: data.value as PlaceKind })}
            data-testid="identifier-place-kind"
          >
            {PLACE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {PLACE_KIND_LABELS[kind]}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field
        label="Identifier"
        required
        hint="As written: “Orchard Rise”, “St Anne’s Primary School”, a nickname."
        {...validationProps(issueFor(issues, 'text'))}
      >
        <Input value={fields.text} onChange={(_, data) => setFields({ ...fields, text: data.value })} data-testid="identifier-text" autoFocus />
      </Field>
      <Field label="The public report prints" required hint="A generic term: “a primary school”, “the town”." {...validationProps(issueFor(issues, 'label'))}>
        <Input value={fields.label} onChange={(_, data) => setFields({ ...fields, label: data.value })} data-testid="identifier-label" />
      </Field>
      <Field label="Other forms (comma-separated)" {...validationProps(issueFor(issues, 'otherForms'))}>
        <Input value={fields.otherForms} onChange={(_, data) => setFields({ ...fields, otherForms: data.value })} data-testid="identifier-other-forms" />
      </Field>
    </InlineAddForm>
  );
}

/**
 * The scan of the public report's text as it would be published (built and redacted through the register): each hit
 * with where it is and a label editor to fix it in place. The published file itself is scanned again on publishing.
 */
function ScanPanel({ register }: { register: readonly IdentifierEntry[] }) {
  const { snapshot } = useReview();
  const [hits, setHits] = useState<LeakHit[] | null>(null);
  const scan = () => {
    const model = buildReport(snapshot, { stage: 'finalPublic', anonymise: (text) => redactText(text, register) });
    setHits(
      scanText(
        reportTexts(model).map((text, index) => ({ location: `Public report, text ${index + 1}`, text })),
        register,
      ),
    );
  };
  const byId = new Map(register.map((entry) => [entry.id, entry]));
  return (
    <section aria-labelledby="scan-title" data-testid="scan-panel" style={{ display: 'grid', gap: tokens.spacingVerticalS }}>
      <h2 id="scan-title" style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>
        Leak scan of the public report
      </h2>
      <div>
        <Button onClick={scan} data-testid="run-scan">
          Scan the public report now
        </Button>
      </div>
      {hits === null ? null : hits.length === 0 ? (
        <Notice intent="success">No registered identifier found in the public report’s text.</Notice>
      ) : (
        <>
          <Notice intent="error">
            {hits.length} identifier{hits.length === 1 ? '' : 's'} found: the public report cannot be published until each is fixed.
          </Notice>
          <ul data-testid="scan-hits">
            {hits.map((hit, index) => {
              const entry = byId.get(hit.entryId);
              return (
                <li key={`${hit.location}-${index}`}>
                  <Text block>
                    “{hit.found}” ({entry ? `${CATEGORY_LABELS[entry.category].toLowerCase()}: ${entry.text}` : hit.entryId}) in {hit.location}: {hit.context}
                  </Text>
                  {entry ? <LabelEditor entry={entry} problem={undefined} /> : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
