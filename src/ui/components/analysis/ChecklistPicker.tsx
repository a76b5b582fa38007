import { Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Search16Regular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';

export interface ChecklistOption {
  readonly id: string;
  readonly label: string;
  /** Extra words to search, e.g. the full text behind a short label. */
  readonly searchText?: string;
}

const useStyles = makeStyles({
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, margin: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  list: { maxHeight: '14rem', overflowY: 'auto', display: 'grid', marginTop: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground2 },
});

const fold = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('en-GB');

/**
 * Link records with checkboxes, searchable. Chosen ones are listed first and always shown; long lists show the
 * first few matches so hundreds of entries stay quick.
 */
export function ChecklistPicker({
  legend,
  options,
  selected,
  onChange,
  limit = 30,
  hint,
  validationMessage,
}: {
  legend: string;
  options: readonly ChecklistOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  limit?: number;
  hint?: string;
  validationMessage?: string;
}) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const noteId = useId();
  const chosen = useMemo(() => new Set(selected), [selected]);
  const { shown, matching } = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const matches = options.filter((option) => words.every((word) => fold(`${option.label} ${option.searchText ?? ''}`).includes(word)));
    const picked = options.filter((option) => chosen.has(option.id));
    const rest = matches.filter((option) => !chosen.has(option.id)).slice(0, limit);
    return { shown: [...picked, ...rest], matching: matches.filter((option) => !chosen.has(option.id)).length };
  }, [options, query, chosen, limit]);
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((other) => other !== id));
  return (
    <fieldset className={styles.fieldset} aria-describedby={noteId}>
      <legend className={styles.legend}>{legend}</legend>
      {hint ? <Text size={200} block className={styles.note}>{hint}</Text> : null}
      {options.length > 8 ? (
        <Field label={`Search ${legend.toLocaleLowerCase('en-GB')}`}>
          <Input size="small" contentBefore={<Search16Regular />} value={query} onChange={(_, data) => setQuery(data.value)} />
        </Field>
      ) : null}
      <div className={styles.list}>
        {shown.map((option) => (
          <Checkbox key={option.id} label={option.label} checked={chosen.has(option.id)} onChange={(_, data) => toggle(option.id, data.checked === true)} />
        ))}
      </div>
      <Text size={200} id={noteId} className={styles.note} aria-live="polite">
        {options.length === 0
          ? 'Nothing to choose from yet.'
          : `${selected.length} chosen.${matching > limit ? ` Showing ${limit} of ${matching} others: search to narrow the list.` : ''}`}
      </Text>
      {validationMessage ? (
        <Text size={200} block style={{ color: tokens.colorPaletteDarkOrangeForeground1 }}>
          {validationMessage}
        </Text>
      ) : null}
    </fieldset>
  );
}
