import {
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { AccessTokenSource } from './types';

/** The part of MSAL's public client this provider uses; both the nestable and the standard client have it. */
export type MsalClient = Pick<
  IPublicClientApplication,
  'acquireTokenSilent' | 'acquireTokenPopup' | 'getActiveAccount' | 'getAllAccounts' | 'setActiveAccount'
>;

export interface MsalTokenProviderOptions {
  readonly scopes: readonly string[];
  /** Teams' context.user.loginHint: lets nested app auth pick the host's account without asking. */
  readonly loginHint?: string | undefined;
}

/**
 * Access tokens for Graph: silently from MSAL's cache (or the Teams host, with nested app auth), and through a
 * popup only when MSAL says interaction is required (consent, MFA, an expired session). The Graph client's own
 * token middleware (src/adapters/graph/http/middleware.ts) calls it with the permissions each request needs; the
 * SDK's built-in MSAL provider is not used, because it is typed to a concrete class nested app auth does not return.
 */
export class MsalTokenProvider implements AccessTokenSource {
  /** One popup at a time: parallel Graph calls that all need interaction share it. */
  private interactive: Promise<AuthenticationResult> | null = null;

  constructor(
    private readonly msal: MsalClient,
    private readonly options: MsalTokenProviderOptions,
  ) {}

  /**
   * A token with the sign-in scopes plus `extra`: the Graph client passes the permissions a request needs, so
   * consent for a capability is asked for (by MSAL or the Teams host) the first time it is used, not at sign-in.
   */
  async getAccessToken(extra: readonly string[] = []): Promise<string> {
    return (await this.acquire(extra)).accessToken;
  }

  /** Silent first; a popup on InteractionRequiredAuthError (or when there is no account yet). */
  async acquire(extra: readonly string[] = []): Promise<AuthenticationResult> {
    const silent = await this.acquireSilently(extra);
    return silent ?? this.remember(await this.popup(this.account(), extra));
  }

  private scopesWith(extra: readonly string[]): string[] {
    const prefix = 'https://graph.microsoft.com/';
    const named = extra.map((scope) => (scope.startsWith('https://') ? scope : `${prefix}${scope}`));
    return [...new Set([...this.options.scopes, ...named])];
  }

  /** For start-up: a token without asking anyone, or `null` when the person has to act. */
  async acquireSilently(extra: readonly string[] = []): Promise<AuthenticationResult | null> {
    const account = this.account();
    try {
      return this.remember(
        // Without an account, nested app auth uses the host's; the standard client answers no_account_error.
        await this.msal.acquireTokenSilent({ scopes: this.scopesWith(extra), ...(account ? { account } : {}) }),
      );
    } catch (error) {
      if (needsInteraction(error)) return null;
      throw error;
    }
  }

  /** For the sign-in button: goes straight to the popup. */
  async acquireInteractively(): Promise<AuthenticationResult> {
    return this.remember(await this.popup(this.account()));
  }

  private account(): AccountInfo | undefined {
    return this.msal.getActiveAccount() ?? this.msal.getAllAccounts()[0] ?? undefined;
  }

  private popup(account: AccountInfo | undefined, extra: readonly string[] = []): Promise<AuthenticationResult> {
    this.interactive ??= this.msal
      .acquireTokenPopup({
        scopes: this.scopesWith(extra),
        ...(account ? { account } : {}),
        ...(this.options.loginHint ? { loginHint: this.options.loginHint } : {}),
      })
      .finally(() => {
        this.interactive = null;
      });
    return this.interactive;
  }

  private remember(result: AuthenticationResult): AuthenticationResult {
    if (result.account) this.msal.setActiveAccount(result.account);
    return result;
  }
}

/** MSAL's own signals that a person has to act: interaction required, or no account signed in yet. */
export function needsInteraction(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  return (
    typeof error === 'object' &&
    error !== null &&
    'errorCode' in error &&
    (error as { errorCode: unknown }).errorCode === BrowserAuthErrorCodes.noAccountError
  );
}
