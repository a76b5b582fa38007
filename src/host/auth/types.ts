/**
 * What the rest of the host needs from sign-in, whatever does it (nested app auth in Teams, MSAL in a browser,
 * or the test sign-in against the Graph double in the `m365-double` build).
 */

/** The shape the Graph client's AuthenticationProvider expects; our Graph store takes the same function. */
export interface AccessTokenSource {
  /** A Graph token with the sign-in permissions plus `scopes` (asked for, with consent, the first time they are needed). */
  getAccessToken(scopes?: readonly string[]): Promise<string>;
}

export interface SignedInUser {
  /** Shown in the audit trail and the header. */
  readonly displayName: string;
  /** The user principal name. */
  readonly username: string;
}

export interface SignedIn {
  readonly user: SignedInUser;
  readonly tokens: AccessTokenSource;
}

/** How the sign-in screen should present itself. */
export interface SignInPrompt {
  readonly title: string;
  readonly explanation: string;
  /** The test sign-in asks which fictional person to be; real sign-in never does. */
  readonly asksForUsername: boolean;
  readonly suggestedUsername?: string;
  readonly buttonLabel: string;
  /** Set only by the test sign-in: the build test greps for it to prove production cannot use it. */
  readonly testOnlyMarker?: string;
}

export interface Authenticator {
  readonly prompt: SignInPrompt;
  /** Signs in without asking anything (cached account, Teams' account); `null` when the person must act. */
  trySilent(): Promise<SignedIn | null>;
  /** Asks the person (a popup); call it from a click so the browser allows the popup. */
  signInInteractively(username?: string): Promise<SignedIn>;
}
