import { Input, type InputProps } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { parseUkDate, ukNumericDate } from '../../domain/uk-date';

/**
 * A date typed and shown as a UK user expects, dd/mm/yyyy, whatever the browser's locale (a native date input
 * follows the browser: mm/dd/yyyy in a US-configured one). "3/4/2025" is 3 April 2025.
 *
 * `value` and `onChange` speak the stored form (YYYY-MM-DD, or '' when empty). Text that is not yet a date is
 * passed on as typed, so the form's own validation names the problem beside the field; on leaving the field a
 * date is shown again as dd/mm/yyyy.
 */
export function DateInput({
  value,
  onChange,
  onBlur,
  ...rest
}: Omit<InputProps, 'value' | 'onChange' | 'type' | 'defaultValue'> & { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(() => ukNumericDate(value));

  // A value changed elsewhere (a reload, the other tab, a merge) replaces what is shown, unless it is what was typed.
  useEffect(() => {
    setText((current) => (current.trim() === value || parseUkDate(current) === value ? current : ukNumericDate(value)));
  }, [value]);

  return (
    <Input
      {...rest}
      type="text"
      placeholder="dd/mm/yyyy"
      autoComplete="off"
      value={text}
      onChange={(_, data) => {
        setText(data.value);
        const typed = data.value.trim();
        onChange(typed === '' ? '' : (parseUkDate(typed) ?? typed));
      }}
      onBlur={(event) => {
        const parsed = parseUkDate(text);
        if (parsed) setText(ukNumericDate(parsed));
        onBlur?.(event);
      }}
    />
  );
}
