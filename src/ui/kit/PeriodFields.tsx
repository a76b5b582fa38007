import { Checkbox, Field, makeStyles, tokens } from '@fluentui/react-components';
import type { FieldIssue } from '../../domain/failures';
import { DateInput } from './DateInput';
import { fieldState } from './field-state';

const useStyles = makeStyles({
  fieldset: { border: 'none', padding: 0, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-start' },
  field: { minWidth: '12rem', flex: 1 },
});

/** The schema speaks of the stored form; beside a field, say how a UK user writes a date. */
export function ukDateMessage(message: string | undefined): string | undefined {
  if (!message) return message;
  const worded = message.replace('a date written as YYYY-MM-DD', 'a date written as dd/mm/yyyy, such as 03/04/2025 for 3 April 2025');
  return worded.charAt(0).toLocaleUpperCase('en-GB') + worded.slice(1);
}

const fieldMessage = (issues: readonly FieldIssue[], warnings: readonly FieldIssue[], path: string) =>
  fieldState(issues, warnings, path, (message) => ukDateMessage(message) ?? message);

interface CommonProps {
  legend?: string;
  issues?: readonly FieldIssue[];
  warnings?: readonly FieldIssue[];
  path?: string;
  hint?: string;
  testId?: string;
}

/** A closed period has both dates; an open-ended one (`openEnded`) may have no end, when the person says so. */
export type PeriodFieldsProps = CommonProps &
  (
    | { openEnded?: false; value: { from: string; to: string }; onChange: (period: { from: string; to: string }) => void }
    | { openEnded: true; value: { from: string; to: string | null }; onChange: (period: { from: string; to: string | null }) => void }
  );

/**
 * From and to dates, typed and shown dd/mm/yyyy (`DateInput`), for every period in the app.
 *
 * - A closed period (the period under review, a document's coverage) needs both dates.
 * - With `openEnded`, a period may run on: only when the person ticks "It continues". A "From" date alone is that
 *   one day (the "To" date follows it), never "from … onwards" by omission.
 *
 * Issues are found at `${path}.from` and `${path}.to`.
 */
export function PeriodFields(props: PeriodFieldsProps) {
  const { legend = 'When', issues = [], warnings = [], path = 'period', hint, testId } = props;
  const openEnded = props.openEnded === true;
  const value: { from: string; to: string | null } = props.value;
  const onChange = props.onChange as (period: { from: string; to: string | null }) => void;
  const styles = useStyles();
  const continues = openEnded && value.to === null;
  const setFrom = (from: string) => {
    // A single day (no "To" yet, or "To" was the same day) moves with its "From".
    const single = openEnded && value.to !== null && (value.to === '' || value.to === value.from);
    onChange({ from, to: single ? from : value.to });
  };
  const setTo = (to: string) => onChange({ ...value, to: openEnded && to === '' ? value.from : to });
  return (
    <fieldset className={styles.fieldset} data-testid={testId}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.row}>
        <Field className={styles.field} label="From" required hint={hint ?? 'dd/mm/yyyy'} {...fieldMessage(issues, warnings, `${path}.from`)}>
          <DateInput value={value.from} onChange={setFrom} />
        </Field>
        <Field
          className={styles.field}
          label="To"
          required={!openEnded}
          hint={openEnded ? (continues ? 'It continues: no end date' : 'dd/mm/yyyy; the same as "From" for a single day') : 'dd/mm/yyyy'}
          {...fieldMessage(issues, warnings, `${path}.to`)}
        >
          <DateInput value={value.to ?? ''} onChange={setTo} disabled={continues} />
        </Field>
      </div>
      {openEnded ? (
        <Checkbox
          label="It continues after this date (open-ended)"
          checked={continues}
          onChange={(_, data) => onChange({ ...value, to: data.checked === true ? null : value.from })}
        />
      ) : null}
    </fieldset>
  );
}
