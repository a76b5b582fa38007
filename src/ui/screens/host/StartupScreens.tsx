import { Badge, Button, Field, FluentProvider, Input, MessageBar, MessageBarBody, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { describeFailure } from '../../../app/failure-messages';
import type { Failure } from '../../../domain/failures';
import { fluentTheme, type ThemeName } from '../../theme';

/** The frame around start-up screens (before the app's own shell exists): same theme, same landmarks. */
export function StartupFrame({ theme, children }: { theme: ThemeName; children: ReactNode }) {
  return (
    <FluentProvider theme={fluentTheme(theme)} data-theme={theme} style={{ minHeight: '100vh', background: tokens.colorNeutralBackground2 }}>
      <main id="main" style={{ padding: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' }}>
        {children}
      </main>
    </FluentProvider>
  );
}

export function StartingScreen({ theme, label }: { theme: ThemeName; label: string }) {
  return (
    <StartupFrame theme={theme}>
      <Spinner label={label} />
    </StartupFrame>
  );
}

/** Start-up cannot go on (a bad configuration, for example): say exactly why and what to do. */
export function StartupProblemScreen({ theme, failure }: { theme: ThemeName; failure: Failure }) {
  return (
    <StartupFrame theme={theme}>
      <Title2 as="h1">Learning Together could not start</Title2>
      <MessageBar intent="error" data-testid="startup-problem">
        <MessageBarBody>{describeFailure(failure)}</MessageBarBody>
      </MessageBar>
    </StartupFrame>
  );
}

export interface SignInScreenProps {
  readonly theme: ThemeName;
  readonly title: string;
  readonly explanation: string;
  readonly buttonLabel: string;
  readonly asksForUsername: boolean;
  readonly suggestedUsername?: string | undefined;
  /** Present only in test builds; shown so nobody mistakes the test sign-in for the real one. */
  readonly testOnlyMarker?: string | undefined;
  /** Resolves with a failure to show, or null once signed in. */
  readonly onSignIn: (username?: string) => Promise<Failure | null>;
}

export function SignInScreen(props: SignInScreenProps) {
  const [username, setUsername] = useState(props.suggestedUsername ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const signIn = async () => {
    setBusy(true);
    setFailure(null);
    const problem = await props.onSignIn(props.asksForUsername ? username : undefined);
    setBusy(false);
    setFailure(problem);
  };

  return (
    <StartupFrame theme={props.theme}>
      <div>
        <Badge appearance="outline" color="brand" data-testid="mode-badge">
          Microsoft 365: stored in your SharePoint
        </Badge>
      </div>
      <Title2 as="h1">{props.title}</Title2>
      <Text block>{props.explanation}</Text>
      {props.testOnlyMarker ? (
        <MessageBar intent="warning" data-test-only={props.testOnlyMarker}>
          <MessageBarBody>Test build: fictional users only.</MessageBarBody>
        </MessageBar>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void signIn();
        }}
        style={{ display: 'grid', gap: tokens.spacingVerticalM }}
      >
        {props.asksForUsername ? (
          <Field label="User principal name" required>
            <Input data-testid="sign-in-username" value={username} onChange={(_, data) => setUsername(data.value)} autoComplete="username" />
          </Field>
        ) : null}
        <div>
          <Button appearance="primary" type="submit" disabled={busy || (props.asksForUsername && username.trim() === '')} data-testid="sign-in">
            {busy ? 'Signing in…' : props.buttonLabel}
          </Button>
        </div>
      </form>
      {failure ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{describeFailure(failure)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </StartupFrame>
  );
}
