import { Badge, Link, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useAppServices } from '../app-services';
import { hrefOf, paths } from '../routes';
import { THEME_LABELS, type ThemeName } from '../theme';

// Fluent's Dropdown (with its positioning code) is about a quarter of the first screen's JS, so the theme switch is a
// chunk of its own, fetched as the header first renders; until then the current theme's name stands in its place.
const ThemeSwitch = lazy(async () => ({ default: (await import('./ThemeSwitch')).ThemeSwitch }));
// A chunk of its own, fetched as the header renders: its Dialog and the session's merge code (with zod and the
// record model) would otherwise be on the first screen (DESIGN §6, first-load-js and first-screen; ADR 0851).
const SyncIndicator = lazy(async () => ({ default: (await import('./sync/SyncIndicator')).SyncIndicator }));

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
      <a
        href="#main"
        className="skip-link"
        style={{ position: 'absolute', left: '-10000px' }}
        onFocus={(event) => (event.currentTarget.style.left = '8px')}
        onBlur={(event) => (event.currentTarget.style.left = '-10000px')}
      >
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
      <Link href={hrefOf(paths.collation())} data-testid="nav-collation">
        Learning across reviews
      </Link>
      <span style={{ flex: 1 }} />
      <Suspense fallback={null}>
        <SyncIndicator />
      </Suspense>
      {onThemeChange ? (
        <label style={{ display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' }}>
          <Text size={200}>Theme</Text>
          <Suspense
            fallback={
              <Text style={{ minWidth: '10rem', minHeight: tokens.lineHeightBase600, display: 'inline-flex', alignItems: 'center' }}>
                {THEME_LABELS[theme]}
              </Text>
            }
          >
            <ThemeSwitch theme={theme} onThemeChange={onThemeChange} />
          </Suspense>
        </label>
      ) : null}
    </header>
  );
}
