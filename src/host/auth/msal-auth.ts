import {
  BrowserCacheLocation,
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-browser';
import type { TenantConfig } from '../tenant-config';
import { MsalTokenProvider } from './msal-token-provider';
import { SIGN_IN_SCOPES, qualified } from './scopes';
import type { Authenticator, SignedIn } from './types';

/** Loaded lazily (dynamic import) only in Microsoft 365 mode: standalone never downloads MSAL. */
export interface MsalAuthOptions {
  readonly tenant: TenantConfig;
  /** Inside a Teams/Microsoft 365 host: whether the host recommends nested app auth, and its login hint. */
  readonly host: { readonly naaRecommended: boolean; readonly loginHint?: string | undefined } | null;
  /** The page's own URL; the popup returns to redirect.html beside it. */
  readonly pageUrl: string;
}

export function msalConfiguration(tenant: TenantConfig, pageUrl: string): Configuration {
  return {
    auth: {
      clientId: tenant.clientId,
      authority: tenant.authority,
      // msal-browser v5 returns popups through a bridge page that only calls broadcastResponseToMainFrame().
      redirectUri: new URL('redirect.html', pageUrl).href,
    },
    // Tokens live in this tab's session only: never localStorage, so closing the tab signs out.
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
  };
}

export async function createMsalAuthenticator(options: MsalAuthOptions): Promise<Authenticator> {
  const configuration = msalConfiguration(options.tenant, options.pageUrl);
  const nested = options.host?.naaRecommended === true;
  // Nested app auth goes through the host's bridge (installed by app.initialize), so Teams shows consent and MFA.
  // createNestablePublicClientApplication itself falls back to the standard client when there is no bridge.
  const msal = nested ? await createNestablePublicClientApplication(configuration) : await createStandardPublicClientApplication(configuration);
  const provider = new MsalTokenProvider(msal, { scopes: qualified(SIGN_IN_SCOPES), loginHint: options.host?.loginHint });

  const signedIn = (result: AuthenticationResult): SignedIn => ({
    user: {
      displayName: result.account?.name ?? result.account?.username ?? 'Signed-in user',
      username: result.account?.username ?? '',
    },
    tokens: provider,
  });

  return {
    prompt: {
      title: 'Sign in to Microsoft 365',
      explanation: options.host
        ? 'Learning Together needs your permission to keep this review in your organisation’s SharePoint and Teams.'
        : 'This deployment keeps reviews in your organisation’s Microsoft 365. Sign in with your work account to continue.',
      asksForUsername: false,
      buttonLabel: 'Sign in',
    },
    async trySilent() {
      const result = await provider.acquireSilently();
      return result ? signedIn(result) : null;
    },
    async signInInteractively() {
      return signedIn(await provider.acquireInteractively());
    },
  };
}
