import { FluentProvider, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { AppServicesProvider, type AppServices } from './app-services';
import { AppHeader } from './components/AppHeader';
import { fluentTheme, isThemeName, type ThemeName } from './theme';
import { ReviewsScreen } from './screens/ReviewsScreen';
import { NewReviewScreen } from './screens/NewReviewScreen';
import { Workspace } from './screens/Workspace';
import { TabConfigScreen } from './screens/host/TabConfigScreen';
import { ProvisioningScreen } from './screens/setup/ProvisioningScreen';

const THEME_KEY = 'lt.theme';

export interface AppProps {
  readonly services: AppServices;
  /** Inside Teams the host dictates the theme; outside it the person chooses. */
  readonly hostTheme?: ThemeName;
  readonly onThemeRequest?: (listener: (theme: ThemeName) => void) => void;
}

export function App({ services, hostTheme, onThemeRequest }: AppProps) {
  const [theme, setTheme] = useState<ThemeName>(() => {
    if (hostTheme) return hostTheme;
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(THEME_KEY);
    return isThemeName(stored) ? stored : 'default';
  });

  useEffect(() => onThemeRequest?.(setTheme), [onThemeRequest]);

  const chooseTheme = (next: ThemeName) => {
    setTheme(next);
    localStorage.setItem(THEME_KEY, next);
  };

  return (
    <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: '100vh', background: tokens.colorNeutralBackground2 }} data-theme={theme}>
      <AppServicesProvider services={services}>
        <Router hook={useHashLocation}>
          <Switch>
            <Route path="/reviews/:reviewId/conversations/:conversationId/guide" nest={false}>
              {(params) => <Workspace reviewId={params.reviewId} bare />}
            </Route>
            <Route path="/reviews/:reviewId/conversations/:conversationId/stage">
              {(params) => <Workspace reviewId={params.reviewId} bare />}
            </Route>
            <Route>
              <AppHeader theme={theme} onThemeChange={hostTheme ? undefined : chooseTheme} />
              <main id="main" style={{ padding: tokens.spacingHorizontalL }}>
                <Switch>
                  <Route path="/">
                    <ReviewsScreen />
                  </Route>
                  <Route path="/config">
                    <TabConfigScreen />
                  </Route>
                  <Route path="/setup">
                    <ProvisioningScreen />
                  </Route>
                  <Route path="/reviews/new">
                    <NewReviewScreen />
                  </Route>
                  <Route path="/reviews/:reviewId" nest>
                    {(params) => <Workspace reviewId={params.reviewId} />}
                  </Route>
                  <Route>Page not found.</Route>
                </Switch>
              </main>
            </Route>
          </Switch>
        </Router>
      </AppServicesProvider>
    </FluentProvider>
  );
}
