import { Badge, Dropdown, Link, Option, Text, tokens } from '@fluentui/react-components';
import { useAppServices } from '../app-services';
import { hrefOf, paths } from '../routes';
import { THEME_LABELS, THEME_NAMES, type ThemeName } from '../theme';

/** Product name, which mode this is (and, standalone, that the data stays in this browser), theme. */
export function AppHeader({ theme, onThemeChange }: { theme: ThemeName; onThemeChange?: ((theme: ThemeName) => void) | undefined }) {
  const { mode } = useAppServices();
  return (
    <header
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: tokens.spacingHorizontalM,
        alignItems: 'center',
        padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
        background: tokens.colorNeutralBackground1,
        borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      }}
    >
      <a href="#main" className="skip-link" style={{ position: 'absolute', left: '-10000px' }} onFocus={(event) => (event.currentTarget.style.left = '8px')} onBlur={(event) => (event.currentTarget.style.left = '-10000px')}>
        Skip to content
      </a>
      <Link href={hrefOf(paths.reviews())} appearance="subtle">
        <Text weight="semibold" size={400}>
          Learning Together
        </Text>
      </Link>
      {mode === 'standalone' ? (
        <Badge appearance="outline" color="informative" data-testid="mode-badge">
          Standalone: your data stays in this browser
        </Badge>
      ) : (
        <Badge appearance="outline" color="brand" data-testid="mode-badge">
          Microsoft 365: stored in your SharePoint
        </Badge>
      )}
      <span style={{ flex: 1 }} />
      {onThemeChange ? (
        <label style={{ display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' }}>
          <Text size={200}>Theme</Text>
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
        </label>
      ) : null}
    </header>
  );
}
