import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { FieldIssue } from '../../../domain/failures';
import { fieldState } from './field-state';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  field: { minWidth: '12rem', flex: 1 },
});

/** From and to dates; an empty "to" means the period is still open ("from March onwards"). */
export function PeriodFields({
  value,
  onChange,
  issues,
  warnings = [],
  hint,
  legend = 'When',
}: {
  value: { from: string; to: string | null };
  onChange: (period: { from: string; to: string | null }) => void;
  issues: readonly FieldIssue[];
  warnings?: readonly FieldIssue[];
  hint?: string;
  legend?: string;
}) {
  const styles = useStyles();
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS }}>{legend}</legend>
      <div className={styles.row}>
        <Field className={styles.field} label="From" required hint={hint} {...fieldState(issues, warnings, 'period.from')}>
          <Input type="date" value={value.from} onChange={(_, data) => onChange({ ...value, from: data.value })} />
        </Field>
        <Field className={styles.field} label="To" hint="Leave empty if it continues" {...fieldState(issues, warnings, 'period.to')}>
          <Input type="date" value={value.to ?? ''} onChange={(_, data) => onChange({ ...value, to: data.value === '' ? null : data.value })} />
        </Field>
      </div>
    </fieldset>
  );
}
