// Which delegated permission each kind of Graph call needs, least privileged first (each from that API's
// "Permissions" table). The one client asks the host for a token with exactly these, so consent is asked for
// incrementally, the first time a capability is used, and someone without it is told which permission is missing.

/** Every person using Microsoft 365 mode: sign-in, and list items, files and delta in the register and review sites. */
export const BASE_SCOPES: readonly string[] = ['User.Read', 'Sites.ReadWrite.All'];

interface Rule {
  readonly method?: string;
  readonly path: RegExp;
  readonly scopes: readonly string[];
}

const RULES: readonly Rule[] = [
  // list-create, columndefinition-post/update: Sites.Manage.All (Sites.ReadWrite.All does not create lists).
  { method: 'POST', path: /^\/sites\/[^/]+\/lists$/, scopes: ['Sites.Manage.All'] },
  { path: /^\/sites\/[^/]+\/lists\/[^/]+\/columns/, method: 'POST', scopes: ['Sites.Manage.All'] },
  { path: /^\/sites\/[^/]+\/lists\/[^/]+\/columns/, method: 'PATCH', scopes: ['Sites.Manage.All'] },
  // channel-post: Channel.Create; channel-list (recovering a lost answer, the quota): Channel.ReadBasic.All.
  { method: 'POST', path: /^\/teams\/[^/]+\/channels$/, scopes: ['Channel.Create'] },
  { method: 'GET', path: /^\/teams\/[^/]+\/channels$/, scopes: ['Channel.ReadBasic.All'] },
  { method: 'DELETE', path: /^\/teams\/[^/]+\/channels\/[^/]+$/, scopes: ['Channel.Delete.All'] },
  // channel-archive / channel-unarchive: ChannelSettings.ReadWrite.All (ADR 0908).
  { method: 'POST', path: /^\/teams\/[^/]+\/channels\/[^/]+\/(archive|unarchive)$/, scopes: ['ChannelSettings.ReadWrite.All'] },
  // channel-get-filesfolder: Files.Read is the least; Sites.ReadWrite.All is accepted and already held.
  { path: /^\/teams\/[^/]+\/channels\/[^/]+\/members/, method: 'GET', scopes: ['ChannelMember.Read.All'] },
  // team-list-members, team-post-members: a person must be in the LSCB's team before its private channels can take them.
  { path: /^\/teams\/[^/]+\/members/, method: 'GET', scopes: ['TeamMember.Read.All'] },
  { path: /^\/teams\/[^/]+\/members/, method: 'POST', scopes: ['TeamMember.ReadWriteNonOwnerRole.All'] },
  { path: /^\/teams\/[^/]+\/channels\/[^/]+\/members/, scopes: ['ChannelMember.ReadWrite.All'] },
  { method: 'POST', path: /^\/teams\/[^/]+\/channels\/[^/]+\/messages/, scopes: ['ChannelMessage.Send'] },
  { path: /^\/me\/onlineMeetings\/[^/]+\/transcripts/, scopes: ['OnlineMeetingTranscript.Read.All'] },
  { path: /^\/me\/onlineMeetings/, scopes: ['OnlineMeetings.Read'] },
  { path: /^\/me\/(events|calendar)/, scopes: ['Calendars.ReadWrite'] },
];

/** The scopes a request needs beyond BASE_SCOPES (a $batch needs the union of its parts'). */
export function requiredScopes(method: string, servicePath: string): string[] {
  const path = servicePath.split('?')[0] ?? servicePath;
  const rule = RULES.find((candidate) => (candidate.method === undefined || candidate.method === method.toUpperCase()) && candidate.path.test(path));
  return rule === undefined ? [] : [...rule.scopes];
}
