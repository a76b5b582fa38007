import { Dropdown, Option } from '@fluentui/react-components';
import { THEME_LABELS, THEME_NAMES, type ThemeName } from '../theme';

/** The theme choice outside Teams. Its own chunk (see AppHeader): Fluent's Dropdown brings its positioning code. */
export function ThemeSwitch({ theme, onThemeChange }: { theme: ThemeName; onThemeChange: (theme: ThemeName) => void }) {
  return (
    <Dropdown
      aria-label="Theme"
      data-testid="theme-switch"
      value={THEME_LABELS[theme]}
      selectedOptions={[theme]}
      onOptionSelect={(_, data) => onThemeChange(data.optionValue as ThemeName)}
      style={{ minWidth: '10rem' }}
    >
      {THEME_NAMES.map((name) => (
        <Option key={name} value={name}>
          {THEME_LABELS[name]}
        </Option>
      ))}
    </Dropdown>
  );
}
