import { FluentProvider, Link, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { AppServicesProvider, type AppServices } from './app-services';
import { AppHeader } from './components/AppHeader';
import { ActiveSessionProvider } from './components/sync/active-session';
import { fluentTheme, isThemeName, type ThemeName } from './theme';
import { ReviewsScreen } from './screens/ReviewsScreen';

// The reviews list is the first screen and ships in the entry chunk; every other route is its own chunk, fetched
// when first visited (DESIGN §6, first-load-js budget).
const NewReviewScreen = lazy(async () => ({
  default: (await import('./screens/NewReviewScreen')).NewReviewScreen,
}));
const Workspace = lazy(async () => ({
  default: (await import('./screens/Workspace')).Workspace,
}));
const TabConfigScreen = lazy(async () => ({
  default: (await import('./screens/host/TabConfigScreen')).TabConfigScreen,
}));
const CollationScreen = lazy(async () => ({
  default: (await import('./screens/collation/CollationScreen')).CollationScreen,
}));
const ProvisioningScreen = lazy(async () => ({
  default: (await import('./screens/setup/ProvisioningScreen')).ProvisioningScreen,
}));

const THEME_KEY = 'lt.theme';

/** While a screen's chunk downloads: a labelled spinner, which screen readers announce. */
function ScreenLoading() {
  return <Spinner label="Loading…" data-testid="screen-loading" style={{ padding: tokens.spacingVerticalXXL }} />;
}

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
        <ActiveSessionProvider>
          <Router hook={useHashLocation}>
            <Switch>
              <Route path="/reviews/:reviewId/conversations/:conversationId/guide" nest={false}>
                {(params) => (
                  <Suspense fallback={<ScreenLoading />}>
                    <Workspace reviewId={params.reviewId} bare />
                  </Suspense>
                )}
              </Route>
              <Route path="/reviews/:reviewId/conversations/:conversationId/stage">
                {(params) => (
                  <Suspense fallback={<ScreenLoading />}>
                    <Workspace reviewId={params.reviewId} bare />
                  </Suspense>
                )}
              </Route>
              <Route>
                <AppHeader theme={theme} onThemeChange={hostTheme ? undefined : chooseTheme} />
                <main id="main" style={{ padding: tokens.spacingHorizontalL }}>
                  <Suspense fallback={<ScreenLoading />}>
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
                      <Route path="/collation">
                        <CollationScreen />
                      </Route>
                      <Route path="/reviews/new">
                        <NewReviewScreen />
                      </Route>
                      <Route path="/reviews/:reviewId" nest>
                        {(params) => <Workspace reviewId={params.reviewId} />}
                      </Route>
                      <Route>
                        <PageNotFound />
                      </Route>
                    </Switch>
                  </Suspense>
                </main>
              </Route>
            </Switch>
          </Router>
        </ActiveSessionProvider>
      </AppServicesProvider>
    </FluentProvider>
  );
}

/** An address the app does not know: said plainly, with the way back to the reviews. */
function PageNotFound() {
  return (
    <section aria-labelledby="screen-title" role="alert" data-testid="page-not-found">
      <h1
        id="screen-title"
        style={{
          marginTop: 0,
          fontSize: tokens.fontSizeBase600,
          fontWeight: tokens.fontWeightSemibold,
        }}
      >
        Page not found
      </h1>
      <p>
        There is no page at this address. <Link href="#/">Go to the reviews</Link>.
      </p>
    </section>
  );
}
