// The first-load-js baseline (DESIGN §6): the smallest honest Teams tab built the same way: a Fluent UI v9
// provider with Teams' three themes, a few everyday controls, and teams-js initialised. The app's standalone first
// screen is measured against this in the same run.
import { Button, FluentProvider, Input, Text, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { app } from '@microsoft/teams-js';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

function BareTab() {
  const [theme, setTheme] = useState<keyof typeof THEMES>('default');
  useEffect(() => {
    app
      .initialize()
      .then(() => app.registerOnThemeChangeHandler((next) => setTheme(next in THEMES ? (next as keyof typeof THEMES) : 'default')))
      .catch(() => undefined);
  }, []);
  return (
    <FluentProvider theme={THEMES[theme]}>
      <Text as="h1">Hello from a bare tab</Text>
      <Input aria-label="Name" />
      <Button appearance="primary">Go</Button>
    </FluentProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BareTab />
    </StrictMode>,
  );
}
