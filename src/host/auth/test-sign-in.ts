import { GRAPH_SCOPE_NAMES, SIGN_IN_SCOPES } from './scopes';
import type { AccessTokenSource, Authenticator, SignedIn } from './types';

/**
 * TEST ONLY: signs in to the Graph double (tests/graph-double) by asking the dev/test server for a token for a
 * fictional user. It is imported only behind `import.meta.env.MODE === 'm365-double'`, which Vite replaces with a
 * constant, so a production build drops this module entirely. src/host/auth/test-sign-in.build.test.ts greps the
 * production bundle for the marker below to prove it.
 */
export const TEST_SIGN_IN_MARKER = 'lt-test-sign-in:not-for-production';

const REMEMBERED_USER_KEY = 'lt.testSignIn.upn';
/** Renew a little before expiry so a request never leaves with a dead token. */
const RENEW_BEFORE_MS = 60_000;

export interface TestSignInOptions {
  /** The double's control API (tests/graph-double): POST { upn, scopes } → { token } (an unsigned JWT). */
  readonly tokenEndpoint: string;
  /** In the host harness, Teams' context names the user, as NAA would sign them in without asking. */
  readonly loginHint?: string | undefined;
  readonly suggestedUsername: string;
  readonly fetch?: typeof fetch;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

interface IssuedToken {
  readonly accessToken: string;
  readonly expiresAt: number;
  readonly displayName: string;
}

export function createTestSignIn(options: TestSignInOptions): Authenticator {
  const fetchImpl = options.fetch ?? fetch.bind(globalThis);
  const storage = options.storage ?? sessionStorage;

  async function issue(upn: string, scopes: readonly string[] = SIGN_IN_SCOPES): Promise<IssuedToken> {
    // Like MSAL: the sign-in permissions, plus whatever a request needs, each granted (in the double: always) when first asked.
    const known = new Set<string>(GRAPH_SCOPE_NAMES);
    const response = await fetchImpl(options.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn, scopes: [...new Set([...SIGN_IN_SCOPES, ...scopes.filter((scope) => known.has(scope) || scope === 'Sites.ReadWrite.All')])] }),
    });
    if (!response.ok) throw new Error(`The Graph double would not sign in ${upn} (${response.status}): ${await response.text()}`);
    const body = (await response.json()) as { token?: unknown };
    if (typeof body.token !== 'string') throw new Error('The Graph double sent no token');
    const claims = readClaims(body.token);
    return {
      accessToken: body.token,
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3_600_000,
      displayName: typeof claims.name === 'string' ? claims.name : upn,
    };
  }

  async function signIn(upn: string): Promise<SignedIn> {
    const current = new Map<string, IssuedToken>([['', await issue(upn)]]);
    storage.setItem(REMEMBERED_USER_KEY, upn);
    const tokens: AccessTokenSource = {
      async getAccessToken(scopes = []) {
        const key = [...scopes].sort().join(' ');
        let token = current.get(key);
        if (token === undefined || token.expiresAt - Date.now() < RENEW_BEFORE_MS) {
          token = await issue(upn, scopes);
          current.set(key, token);
        }
        return token.accessToken;
      },
    };
    return { user: { displayName: current.get('')?.displayName ?? upn, username: upn }, tokens };
  }

  return {
    prompt: {
      title: 'Test sign-in (Graph double)',
      explanation:
        'This build talks to the Graph double on this machine, not to Microsoft 365. Choose a fictional user to sign in as. Production builds do not contain this screen.',
      asksForUsername: true,
      suggestedUsername: options.suggestedUsername,
      buttonLabel: 'Sign in to the double',
      testOnlyMarker: TEST_SIGN_IN_MARKER,
    },
    async trySilent() {
      const remembered = storage.getItem(REMEMBERED_USER_KEY) ?? options.loginHint;
      return remembered ? signIn(remembered) : null;
    },
    signInInteractively(username) {
      return signIn((username ?? options.suggestedUsername).trim());
    },
  };
}

/** The double's tokens are unsigned JWTs; the test sign-in only reads their name and expiry. */
function readClaims(token: string): { exp?: unknown; name?: unknown } {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (char) => char.charCodeAt(0))));
    return typeof claims === 'object' && claims !== null ? (claims as { exp?: unknown; name?: unknown }) : {};
  } catch {
    return {};
  }
}
