import { Field, Input, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { instantFromLondonWallTime, londonWallTimeOf } from '../../../domain/rules/london-time';
import { useWorkspaceStyles } from '../../components/workspace/RecordParts';
import { validationProps } from '../../kit/field-state';
import { DateInput } from '../../kit/DateInput';
import { formatInstant } from '../../london-format';

/** Date and time typed as London wall time; stored as an instant only when both make a real time. */
export function ScheduleFields({
  value,
  onChange,
  error,
  warning,
}: {
  value: string | null;
  onChange: (instant: string | null) => void;
  error?: string | undefined;
  warning?: string | undefined;
}) {
  const styles = useWorkspaceStyles();
  const wall = value ? londonWallTimeOf(value) : null;
  const [date, setDate] = useState(wall?.date ?? '');
  const [time, setTime] = useState(wall?.time ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  // Someone else's change (another tab, a settled conflict) replaces what is typed here.
  useEffect(() => {
    const stored = value ? londonWallTimeOf(value) : null;
    setDate((current) => (stored ? stored.date : current && !value ? current : ''));
    setTime((current) => (stored ? stored.time : current && !value ? current : ''));
  }, [value]);
  const change = (nextDate: string, nextTime: string) => {
    setDate(nextDate);
    setTime(nextTime);
    if (nextDate === '' && nextTime === '') {
      setProblem(null);
      onChange(null);
      return;
    }
    if (nextDate === '' || nextTime === '') {
      setProblem('enter both a date and a time');
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(nextDate)) {
      setProblem('a date written as dd/mm/yyyy, such as 03/04/2025 for 3 April 2025');
      return;
    }
    const instant = instantFromLondonWallTime(nextDate, nextTime);
    if (instant === null) {
      setProblem('that time does not exist in London (the clocks go forward then)');
      return;
    }
    setProblem(null);
    onChange(instant);
  };
  const shown = problem ?? error;
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalXS }} data-testid="conversation-schedule">
      <legend style={{ fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS }}>When (UK time)</legend>
      <div className={styles.row}>
        <Field label="Date" {...validationProps(shown, warning)}>
          <DateInput value={date} onChange={(value) => change(value, time)} data-testid="conversation-date" />
        </Field>
        <Field label="Start time">
          <Input type="time" value={time} onChange={(_, data) => change(date, data.value)} data-testid="conversation-time" />
        </Field>
      </div>
      {value ? <Text size={200}>Stored as {formatInstant(value)} (Europe/London).</Text> : null}
    </fieldset>
  );
}
