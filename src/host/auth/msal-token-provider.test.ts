import { BrowserAuthError, BrowserAuthErrorCodes, InteractionRequiredAuthError, type AccountInfo, type AuthenticationResult, type PopupRequest, type SilentRequest } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { MsalTokenProvider, type MsalClient } from './msal-token-provider';

const ACCOUNT: AccountInfo = {
  homeAccountId: 'oid-1.tid-1',
  environment: 'login.microsoftonline.com',
  tenantId: 'tid-1',
  username: 'coordinator@lscb.example',
  localAccountId: 'oid-1',
  name: 'Fictional Coordinator',
};

function result(accessToken: string, account: AccountInfo | null = ACCOUNT): AuthenticationResult {
  return {
    authority: 'https://login.microsoftonline.com/tid-1',
    uniqueId: 'oid-1',
    tenantId: 'tid-1',
    scopes: ['User.Read'],
    account,
    idToken: '',
    idTokenClaims: {},
    accessToken,
    fromCache: false,
    expiresOn: new Date(Date.now() + 3_600_000),
    tokenType: 'Bearer',
    correlationId: 'c-1',
  } as AuthenticationResult;
}

/** A stand-in for MSAL's public client, scripted per test: records what it was asked. */
class ScriptedMsal implements MsalClient {
  silentCalls: SilentRequest[] = [];
  popupCalls: PopupRequest[] = [];
  active: AccountInfo | null = null;
  accounts: AccountInfo[] = [];
  constructor(
    private readonly silent: () => Promise<AuthenticationResult>,
    private readonly popup: () => Promise<AuthenticationResult>,
  ) {}
  acquireTokenSilent = (request: SilentRequest) => {
    this.silentCalls.push(request);
    return this.silent();
  };
  acquireTokenPopup = (request: PopupRequest) => {
    this.popupCalls.push(request);
    return this.popup();
  };
  getActiveAccount = () => this.active;
  getAllAccounts = () => this.accounts;
  setActiveAccount = (account: AccountInfo | null) => {
    this.active = account;
  };
}

const SCOPES = ['https://graph.microsoft.com/User.Read', 'https://graph.microsoft.com/Sites.Manage.All'];

describe('MSAL access-token provider', () => {
  it('returns the silent token and never opens a popup when the cache can answer', async () => {
    const msal = new ScriptedMsal(() => Promise.resolve(result('silent-token')), () => Promise.reject(new Error('no popup expected')));
    msal.accounts = [ACCOUNT];
    const provider = new MsalTokenProvider(msal, { scopes: SCOPES });
    expect(await provider.getAccessToken()).toBe('silent-token');
    expect(msal.popupCalls).toHaveLength(0);
    expect(msal.silentCalls[0]?.scopes).toEqual(SCOPES);
    expect(msal.silentCalls[0]?.account).toEqual(ACCOUNT);
    expect(msal.active).toEqual(ACCOUNT);
  });

  it('falls back to a popup when MSAL says interaction is required, with the same scopes and login hint', async () => {
    const msal = new ScriptedMsal(
      () => Promise.reject(new InteractionRequiredAuthError('consent_required', 'c-1', 'AADSTS65001: consent needed')),
      () => Promise.resolve(result('popup-token')),
    );
    const provider = new MsalTokenProvider(msal, { scopes: SCOPES, loginHint: 'coordinator@lscb.example' });
    expect(await provider.getAccessToken()).toBe('popup-token');
    expect(msal.popupCalls).toHaveLength(1);
    expect(msal.popupCalls[0]?.scopes).toEqual(SCOPES);
    expect(msal.popupCalls[0]?.loginHint).toBe('coordinator@lscb.example');
  });

  it('also asks the person when nobody is signed in yet', async () => {
    const msal = new ScriptedMsal(
      () => Promise.reject(new BrowserAuthError(BrowserAuthErrorCodes.noAccountError, 'c-1')),
      () => Promise.resolve(result('popup-token')),
    );
    const provider = new MsalTokenProvider(msal, { scopes: SCOPES });
    expect(await provider.getAccessToken()).toBe('popup-token');
  });

  it('does not hide other failures behind a popup', async () => {
    const msal = new ScriptedMsal(
      () => Promise.reject(new BrowserAuthError(BrowserAuthErrorCodes.timedOut, 'c-1')),
      () => Promise.resolve(result('popup-token')),
    );
    const provider = new MsalTokenProvider(msal, { scopes: SCOPES });
    await expect(provider.getAccessToken()).rejects.toBeInstanceOf(BrowserAuthError);
    expect(msal.popupCalls).toHaveLength(0);
  });

  it('shares one popup between parallel requests that all need interaction', async () => {
    let release: (value: AuthenticationResult) => void = () => undefined;
    const msal = new ScriptedMsal(
      () => Promise.reject(new InteractionRequiredAuthError('interaction_required', 'c-1')),
      () => new Promise<AuthenticationResult>((resolve) => (release = resolve)),
    );
    const provider = new MsalTokenProvider(msal, { scopes: SCOPES });
    const tokens = Promise.all([provider.getAccessToken(), provider.getAccessToken(), provider.getAccessToken()]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    release(result('shared-popup-token'));
    expect(await tokens).toEqual(['shared-popup-token', 'shared-popup-token', 'shared-popup-token']);
    expect(msal.popupCalls).toHaveLength(1);
  });

  it('surfaces a cancelled popup as a rejection, and a later request may try again', async () => {
    let attempts = 0;
    const msal = new ScriptedMsal(
      () => Promise.reject(new InteractionRequiredAuthError('interaction_required', 'c-1')),
      () => (++attempts === 1 ? Promise.reject(new BrowserAuthError(BrowserAuthErrorCodes.userCancelled, 'c-1')) : Promise.resolve(result('second-try'))),
    );
    const provider = new MsalTokenProvider(msal, { scopes: SCOPES });
    await expect(provider.getAccessToken()).rejects.toBeInstanceOf(BrowserAuthError);
    expect(await provider.getAccessToken()).toBe('second-try');
  });
});

describe('silent sign-in at start', () => {
  it('returns null instead of opening a popup when interaction is required', async () => {
    const msal = new ScriptedMsal(
      () => Promise.reject(new InteractionRequiredAuthError('interaction_required', 'c-1')),
      () => Promise.reject(new Error('no popup at start-up')),
    );
    const provider = new MsalTokenProvider(msal, { scopes: SCOPES });
    expect(await provider.acquireSilently()).toBeNull();
    expect(msal.popupCalls).toHaveLength(0);
  });
});
