import { Button, Field, Input, Link, Radio, RadioGroup, Textarea, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { describeFailure } from '../../app/failure-messages';
import type { FieldIssue } from '../../domain/failures';
import { TRIGGER_LABELS } from '../../domain/labels';
import { REVIEW_TRIGGERS, type ReviewTrigger } from '../../domain/model';
import type { AgencyId } from '../../domain/ids';
import { useAppServices } from '../app-services';
import { PeriodFields } from '../kit/PeriodFields';
import { AgenciesEditor, ProblemSummary, ScreenTitle, TextListEditor, withEmptyDateMessages, type AgencyDraft } from '../components/workspace/FormParts';
import { hrefOf, paths } from '../routes';
import { TRIGGER_EXPLANATIONS } from './trigger-explanations';
import { ReviewProvisioningProgress } from './setup/ReviewProvisioningProgress';
import { issueFor, validationProps } from '../kit/field-state';

/** Starts a review: codename, the question(s) it asks, what prompted it, the period and the agencies. */
export function NewReviewScreen() {
  const { service } = useAppServices();
  const [, navigate] = useLocation();
  const [codename, setCodename] = useState('');
  const [questions, setQuestions] = useState<string[]>(['']);
  const [trigger, setTrigger] = useState<ReviewTrigger | ''>('');
  const [triggerNote, setTriggerNote] = useState('');
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [agencies, setAgencies] = useState<AgencyDraft[]>([]);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const created = await service.createReview({
      codename,
      questions,
      trigger: (trigger || undefined) as ReviewTrigger,
      triggerNote,
      periodUnderReview: period,
      agencies: agencies.map((agency) => ({ id: agency.id as AgencyId, name: agency.name })),
      fictional: false,
    });
    setBusy(false);
    if (created.ok) {
      navigate(paths.review(created.value.id));
      return;
    }
    if (created.error.kind === 'invalid') {
      const friendlier = withEmptyDateMessages(created.error.issues, { 'periodUnderReview.from': period.from, 'periodUnderReview.to': period.to }).map(
        (issue) => (issue.path === 'trigger' ? { ...issue, message: 'choose what prompted the review' } : issue),
      );
      setIssues(friendlier);
      setFailure(null);
    } else {
      setIssues([]);
      setFailure(describeFailure(created.error));
    }
  };

  const problems = [...firstIssuePerField(issues).map((issue) => describeIssue(issue)), ...(failure ? [failure] : [])];

  return (
    <section aria-labelledby="screen-title" style={{ maxWidth: '48rem' }}>
      <ScreenTitle title="New review">
        <Link href={hrefOf(paths.reviews())}>Back to all reviews</Link>
      </ScreenTitle>
      <form onSubmit={(event) => void submit(event)} noValidate style={{ display: 'grid', gap: tokens.spacingVerticalL }} aria-label="New review">
        <ProblemSummary title="The review was not created. Please check:" problems={problems} />
        <ReviewProvisioningProgress showQuota />
        <Field
          label="Codename"
          required
          hint="A name that identifies nobody, used in every document and message about the review."
          {...validationProps(issueFor(issues, 'codename'))}
        >
          <Input value={codename} onChange={(_, data) => setCodename(data.value)} data-testid="codename" />
        </Field>
        <TextListEditor
          legend="Questions for review"
          hint="What the review sets out to learn. At least one."
          itemLabel={(index) => `Question ${index + 1}`}
          values={questions}
          onChange={setQuestions}
          issues={issues}
          path="questions"
          addLabel="Add another question"
          minItems={1}
          multiline
          testId="questions"
        />
        <Field label="What prompted the review" required {...validationProps(issueFor(issues, 'trigger'))}>
          <RadioGroup value={trigger} onChange={(_, data) => setTrigger(data.value as ReviewTrigger)} data-testid="trigger">
            {REVIEW_TRIGGERS.map((kind) => (
              <Radio key={kind} value={kind} label={`${TRIGGER_LABELS[kind]}: ${TRIGGER_EXPLANATIONS[kind]}`} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="Note on what prompted it" hint="Optional." {...validationProps(issueFor(issues, 'triggerNote'))}>
          <Textarea value={triggerNote} onChange={(_, data) => setTriggerNote(data.value)} resize="vertical" />
        </Field>
        <PeriodFields legend="Period under review" value={period} onChange={setPeriod} issues={issues} path="periodUnderReview" testId="period" />
        <AgenciesEditor agencies={agencies} onChange={setAgencies} issues={issues} />
        <div style={{ display: 'flex', gap: tokens.spacingHorizontalM }}>
          <Button appearance="primary" type="submit" disabled={busy}>
            Create review
          </Button>
          <Button onClick={() => navigate(paths.reviews())}>Cancel</Button>
        </div>
      </form>
    </section>
  );
}

const FIELD_NAMES: Record<string, string> = {
  codename: 'Codename',
  questions: 'Questions for review',
  trigger: 'What prompted the review',
  triggerNote: 'Note',
  periodUnderReview: 'Period under review',
  agencies: 'Agencies',
};

/** One message per field: a date can fail two checks at once, and one message is enough. */
export function firstIssuePerField(issues: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => (seen.has(issue.path) ? false : (seen.add(issue.path), true)));
}

/** "Codename is required" stays as it is; "enter a date" gains its field: "Period under review, from: enter a date". */
function describeIssue(issue: FieldIssue): string {
  const name = fieldName(issue.path);
  // "Question for review is required" under question 2 reads better as "Question 2 is required".
  if (/^questions\[\d+\]$/.exec(issue.path) !== null && issue.message.startsWith('Question for review'))
    return `${name}${issue.message.slice('Question for review'.length)}`;
  return issue.message.toLocaleLowerCase('en-GB').startsWith(name.toLocaleLowerCase('en-GB')) ? issue.message : `${name}: ${issue.message}`;
}

function fieldName(path: string): string {
  const question = /^questions\[(\d+)\]/.exec(path);
  if (question) return `Question ${Number(question[1]) + 1}`;
  const agency = /^agencies\[(\d+)\]/.exec(path);
  if (agency) return `Agency ${Number(agency[1]) + 1}`;
  if (path === 'periodUnderReview.from') return 'Period under review, from';
  if (path === 'periodUnderReview.to') return 'Period under review, to';
  return FIELD_NAMES[path.split(/[.[]/)[0] ?? ''] ?? path;
}
