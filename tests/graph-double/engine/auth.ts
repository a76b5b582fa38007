// Test tokens and delegated-scope checks.
// Tokens are unsigned JWTs (alg "none") with the claims Graph reads from a delegated token:
// aud, upn, oid, tid and scp (space-separated scopes). Only the double accepts them.
import { GraphError } from './errors';
import { base64UrlDecode, base64UrlEncode, isRecord } from './http-helpers';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface TokenClaims {
  readonly aud: string;
  readonly upn: string;
  readonly oid: string;
  readonly tid: string;
  readonly name: string;
  readonly scp: string;
  readonly iat: number;
  readonly exp: number;
}

export interface Principal {
  readonly userId: string;
  readonly upn: string;
  readonly scopes: ReadonlySet<string>;
}

export function mintToken(claims: TokenClaims): string {
  const header = base64UrlEncode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
  const payload = base64UrlEncode(JSON.stringify(claims));
  return `${header}.${payload}.`;
}

const invalidToken = (message: string): GraphError =>
  new GraphError(401, 'InvalidAuthenticationToken', message, {
    headers: {
      'www-authenticate':
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    },
  });

/** Validates the Authorization header and returns the token's claims, or throws a 401 as Graph does. */
export function readBearerToken(authorization: string | undefined, nowSeconds: number): TokenClaims {
  if (authorization === undefined || authorization.trim() === '') throw invalidToken('Access token is empty.');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const token = match?.[1];
  if (token === undefined) throw invalidToken('IDX14100: JWT is not well formed, there are no dots (.).');
  const parts = token.split('.');
  const payloadText = parts.length === 3 ? base64UrlDecode(parts[1] ?? '') : undefined;
  let payload: unknown;
  try {
    payload = payloadText === undefined ? undefined : (JSON.parse(payloadText) as unknown);
  } catch {
    payload = undefined;
  }
  if (!isRecord(payload)) throw invalidToken('IDX14100: JWT is not well formed.');
  const { aud, upn, oid, tid, name, scp, iat, exp } = payload;
  if (
    typeof aud !== 'string' ||
    typeof upn !== 'string' ||
    typeof oid !== 'string' ||
    typeof tid !== 'string' ||
    typeof scp !== 'string' ||
    typeof exp !== 'number' ||
    typeof iat !== 'number'
  ) {
    throw invalidToken('Access token validation failure. Invalid audience.');
  }
  if (aud !== GRAPH_AUDIENCE && aud !== '00000003-0000-0000-c000-000000000000') {
    throw invalidToken('Access token validation failure. Invalid audience.');
  }
  if (exp <= nowSeconds) throw invalidToken('Lifetime validation failed, the token is expired.');
  return { aud, upn, oid, tid, name: typeof name === 'string' ? name : upn, scp, iat, exp };
}

export function hasAnyScope(principal: Principal, anyOf: readonly string[]): boolean {
  return anyOf.some((scope) => principal.scopes.has(scope.toLowerCase()));
}

/** 403 unless the token carries one of the accepted delegated scopes (least-privileged first). */
export function requireScope(principal: Principal, anyOf: readonly string[]): void {
  if (anyOf.length === 0 || hasAnyScope(principal, anyOf)) return;
  throw new GraphError(
    403,
    'accessDenied',
    `Either scp or roles claim need to be present in the token with a permission for this operation. Required one of: ${anyOf.join(', ')}.`,
  );
}

/** Accepted delegated scopes per operation, least-privileged first (from the Graph permission tables). */
export const SCOPES = {
  sitesRead: ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
  sitesWrite: ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
  sitesManage: ['Sites.Manage.All', 'Sites.FullControl.All'],
  filesRead: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
  filesWrite: ['Files.ReadWrite.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
  channelCreate: ['Channel.Create', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'],
  channelRead: [
    'Channel.ReadBasic.All',
    'ChannelSettings.Read.All',
    'ChannelSettings.ReadWrite.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    'Directory.Read.All',
  ],
  channelDelete: ['Channel.Delete.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'],
  channelSettingsWrite: ['ChannelSettings.ReadWrite.All'],
  channelMemberRead: ['ChannelMember.Read.All', 'ChannelMember.ReadWrite.All'],
  channelMemberWrite: ['ChannelMember.ReadWrite.All'],
  // team-list-members, team-post-members (access control, issue 13).
  teamMemberRead: ['TeamMember.Read.All', 'TeamMember.ReadWrite.All'],
  teamMemberWrite: ['TeamMember.ReadWriteNonOwnerRole.All', 'TeamMember.ReadWrite.All'],
  channelMemberUpdate: ['ChannelMember.ReadWrite.All', 'Directory.ReadWrite.All', 'Group.ReadWrite.All'],
  channelMessageSend: ['ChannelMessage.Send', 'Group.ReadWrite.All'],
  channelMessageRead: ['ChannelMessage.Read.All'],
  calendarsRead: ['Calendars.Read', 'Calendars.ReadWrite'],
  calendarsWrite: ['Calendars.ReadWrite'],
  schedule: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
  onlineMeetingsRead: ['OnlineMeetings.Read', 'OnlineMeetings.ReadWrite'],
  transcriptsRead: ['OnlineMeetingTranscript.Read.All'],
} as const satisfies Record<string, readonly string[]>;

/** Every scope the double knows; handy for an all-powerful test token. */
export const ALL_SCOPES: readonly string[] = [...new Set(Object.values(SCOPES).flat())];
