import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { FieldIssue } from '../../../domain/failures';
import { isDuplicateAgencyName } from '../../../domain/rules/review';
import { LIMITS } from '../../../domain/primitives';
import { issueFor, validationProps } from '../../kit/field-state';

// The zod-free parts live in ScreenParts.tsx (the reviews list uses them without the model); re-exported here.
export { Notice, ScreenTitle } from './ScreenParts';

/** A list of problems after a failed attempt; takes focus so a keyboard or screen-reader user hears it. */
export function ProblemSummary({ title, problems }: { title: string; problems: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = problems.join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} data-testid="problem-summary" style={{ outlineOffset: '2px' }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          <ul style={{ margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL }}>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** Edits a list of texts (questions for review, other identifiers): add, change, remove. */
export function TextListEditor({
  legend,
  itemLabel,
  values,
  onChange,
  issues = [],
  path,
  addLabel,
  minItems = 0,
  multiline = false,
  hint,
  testId,
}: {
  legend: string;
  itemLabel: (index: number) => string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  issues?: readonly FieldIssue[];
  /** The field path in the record, for its issues: "questions" → "questions[0]". */
  path: string;
  addLabel: string;
  minItems?: number;
  multiline?: boolean;
  hint?: string;
  testId?: string;
}) {
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const refs = useRef<Array<HTMLInputElement | HTMLTextAreaElement | null>>([]);
  useEffect(() => {
    if (focusIndex !== null) refs.current[focusIndex]?.focus();
  }, [focusIndex, values.length]);
  const listIssue = issues.find((issue) => issue.path === path)?.message;
  return (
    <fieldset
      data-testid={testId}
      style={{
        border: `1px solid ${tokens.colorNeutralStroke2}`,
        borderRadius: tokens.borderRadiusMedium,
        padding: tokens.spacingHorizontalM,
        margin: 0,
        display: 'grid',
        gap: tokens.spacingVerticalS,
      }}
    >
      <legend style={{ fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` }}>{legend}</legend>
      {hint ? <Text size={200}>{hint}</Text> : null}
      {values.map((value, index) => (
        <div key={index} style={{ display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' }}>
          <Field label={itemLabel(index)} style={{ flex: 1 }} {...validationProps(issueFor(issues, `${path}[${index}]`))}>
            {multiline ? (
              <Textarea
                ref={(element) => {
                  refs.current[index] = element;
                }}
                value={value}
                resize="vertical"
                onChange={(_, data) => onChange(values.map((old, at) => (at === index ? data.value : old)))}
              />
            ) : (
              <Input
                ref={(element) => {
                  refs.current[index] = element;
                }}
                value={value}
                onChange={(_, data) => onChange(values.map((old, at) => (at === index ? data.value : old)))}
              />
            )}
          </Field>
          <Button
            style={{ marginTop: '1.6rem' }}
            disabled={values.length <= minItems}
            aria-label={`Remove ${itemLabel(index).toLocaleLowerCase('en-GB')}`}
            onClick={() => {
              onChange(values.filter((_, at) => at !== index));
              setFocusIndex(Math.max(0, index - 1));
            }}
          >
            Remove
          </Button>
        </div>
      ))}
      {listIssue ? (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {listIssue}
        </Text>
      ) : null}
      <div>
        <Button
          onClick={() => {
            onChange([...values, '']);
            setFocusIndex(values.length);
          }}
        >
          {addLabel}
        </Button>
      </div>
    </fieldset>
  );
}

export interface AgencyDraft {
  readonly id: string;
  readonly name: string;
}

/** A new agency id: readable and unique enough for one review. */
export const newAgencyId = (name: string): string =>
  `ag-${
    name
      .toLocaleLowerCase('en-GB')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'agency'
  }-${crypto.randomUUID().slice(0, 8)}`;

/** The agencies taking part: add by name (duplicates refused), remove (unless still in use). */
export function AgenciesEditor({
  agencies,
  onChange,
  issues = [],
  cannotRemove,
}: {
  agencies: readonly AgencyDraft[];
  onChange: (agencies: AgencyDraft[]) => void;
  issues?: readonly FieldIssue[];
  /** Why an agency cannot be taken off (participants or documents belong to it), or null. */
  cannotRemove?: (agency: AgencyDraft) => string | null;
}) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const add = () => {
    const trimmed = name.trim();
    if (trimmed === '') return setProblem('Type the agency’s name first');
    if (trimmed.length > LIMITS.shortText) return setProblem(`Agency name is at most ${LIMITS.shortText} characters`);
    if (isDuplicateAgencyName(trimmed, agencies)) return setProblem(`${trimmed} is already listed`);
    onChange([...agencies, { id: newAgencyId(trimmed), name: trimmed }]);
    setName('');
    setProblem(null);
  };
  const listIssue = issueFor(issues, 'agencies');
  return (
    <fieldset
      data-testid="agencies-editor"
      style={{
        border: `1px solid ${tokens.colorNeutralStroke2}`,
        borderRadius: tokens.borderRadiusMedium,
        padding: tokens.spacingHorizontalM,
        margin: 0,
        display: 'grid',
        gap: tokens.spacingVerticalS,
      }}
    >
      <legend style={{ fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` }}>Agencies taking part</legend>
      {agencies.length === 0 ? <Text>No agencies yet.</Text> : null}
      <ul aria-label="Agencies" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS }}>
        {agencies.map((agency) => {
          const reason = cannotRemove?.(agency) ?? null;
          return (
            <li key={agency.id} style={{ display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' }}>
              <Text style={{ flex: 1 }}>{agency.name}</Text>
              <Button
                size="small"
                aria-label={`Remove ${agency.name}`}
                disabledFocusable={reason !== null}
                title={reason ?? undefined}
                onClick={() => onChange(agencies.filter((other) => other.id !== agency.id))}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
      {listIssue ? (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {listIssue}
        </Text>
      ) : null}
      <div style={{ display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <Field label="Agency name" style={{ flex: 1, minWidth: '14rem' }} {...validationProps(problem ?? undefined)}>
          <Input
            id={inputId}
            value={name}
            onChange={(_, data) => {
              setName(data.value);
              setProblem(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
        </Field>
        <Button onClick={add}>Add agency</Button>
      </div>
    </fieldset>
  );
}

/** Friendlier words for an empty date than the schema's format message. */
export function withEmptyDateMessages(issues: readonly FieldIssue[], dates: Readonly<Record<string, string>>): FieldIssue[] {
  return issues.map((issue) => (issue.path in dates && dates[issue.path] === '' ? { ...issue, message: 'enter a date' } : issue));
}
