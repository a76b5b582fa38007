import { StrictMode, type ReactNode } from 'react';
import type { Root } from 'react-dom/client';
import { isThemeName, type ThemeName } from '../ui/theme';

export function render(root: Root, node: ReactNode): void {
  root.render(<StrictMode>{node}</StrictMode>);
}

/** The theme chosen outside Teams (the App keeps it under this key). */
export function storedTheme(): ThemeName {
  try {
    const stored = localStorage.getItem('lt.theme');
    return isThemeName(stored) ? stored : 'default';
  } catch {
    return 'default';
  }
}
