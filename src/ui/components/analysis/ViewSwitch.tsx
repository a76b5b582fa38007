import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';

const useStyles = makeStyles({
  group: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

/**
 * Two or more ways of showing the same records, as pressed/unpressed buttons. (A Fluent TabList would add
 * Tabster's hidden focus catchers, which axe reports as aria-hidden-focus; plain toggle buttons need none.)
 */
export function ViewSwitch<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string; icon: ReactElement }>;
  onChange: (value: V) => void;
}) {
  const styles = useStyles();
  return (
    <div role="group" aria-label={label} className={styles.group}>
      {options.map((option) => (
        <ToggleButton
          key={option.value}
          checked={option.value === value}
          appearance={option.value === value ? 'primary' : 'secondary'}
          icon={option.icon}
          onClick={() => onChange(option.value)}
          data-view={option.value}
        >
          {option.label}
        </ToggleButton>
      ))}
    </div>
  );
}
