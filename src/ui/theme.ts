import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

/** Teams' three themes; outside Teams the person can switch between them (also for testing). */
export type ThemeName = 'default' | 'dark' | 'contrast';
export const THEME_NAMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];
export const THEME_LABELS: Record<ThemeName, string> = { default: 'Light', dark: 'Dark', contrast: 'High contrast' };

export function fluentTheme(name: ThemeName): Theme {
  switch (name) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEME_NAMES as readonly string[]).includes(value);
}
