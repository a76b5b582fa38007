// Creating tenant objects: users, sites (each with a document library) and teams. Used by the
// seeding helpers and by filesFolder, which provisions a private or shared channel's own site.
import { createDrive } from './drives';
import type { EngineServices } from './routing';
import type { ChannelRecord, SiteAccess, SiteRecord, TeamRecord, UserRecord } from './state';

export interface SeedUserOptions {
  readonly userPrincipalName: string;
  readonly displayName?: string;
  readonly id?: string;
  readonly mail?: string;
  /** Defaults to ['teamsForBusiness']. */
  readonly allowedOnlineMeetingProviders?: readonly string[];
}

export function createUser(services: EngineServices, options: SeedUserOptions): UserRecord {
  const existing = services.state.findUser(options.userPrincipalName);
  if (existing !== undefined) return existing;
  const localPart = options.userPrincipalName.split('@')[0] ?? options.userPrincipalName;
  const user: UserRecord = {
    id: options.id ?? services.ids.guid(),
    userPrincipalName: options.userPrincipalName,
    displayName: options.displayName ?? localPart,
    mail: options.mail ?? options.userPrincipalName,
    lookupId: services.state.nextUserLookupId,
    allowedOnlineMeetingProviders: [...(options.allowedOnlineMeetingProviders ?? ['teamsForBusiness'])],
  };
  services.state.nextUserLookupId += 1;
  services.state.users.set(user.id, user);
  return user;
}

export interface SeedSiteOptions {
  readonly hostname?: string;
  /** Server-relative path, e.g. /sites/lscb */
  readonly path: string;
  readonly displayName?: string;
  readonly access?: SiteAccess;
}

export function createSite(services: EngineServices, options: SeedSiteOptions): SiteRecord {
  const hostname = options.hostname ?? 'contoso.sharepoint.com';
  const serverRelativePath = `/${options.path.replace(/^\/+|\/+$/g, '')}`;
  const siteCollectionId = services.ids.guid();
  const webId = services.ids.guid();
  const name = serverRelativePath.split('/').pop() ?? 'site';
  const site: SiteRecord = {
    id: `${hostname},${siteCollectionId},${webId}`,
    hostname,
    siteCollectionId,
    webId,
    serverRelativePath,
    name,
    displayName: options.displayName ?? name,
    webUrl: `https://${hostname}${serverRelativePath}`,
    createdDateTime: services.now(),
    lists: new Map(),
    driveId: `b!${Buffer.from(services.ids.hex(48), 'hex').toString('base64url')}`,
    access: options.access ?? { kind: 'open' },
  };
  services.state.sites.set(site.id, site);
  createDrive(services, site, site.driveId);
  return site;
}

export function createChannel(
  services: EngineServices,
  team: TeamRecord,
  options: { displayName: string; description: string | null; membershipType: ChannelRecord['membershipType'] },
): ChannelRecord {
  const channel: ChannelRecord = {
    id: `19:${services.ids.hex(32)}@thread.tacv2`,
    teamId: team.id,
    displayName: options.displayName,
    description: options.description,
    membershipType: options.membershipType,
    createdDateTime: services.now(),
    members: new Map(),
    messages: [],
  };
  team.channels.set(channel.id, channel);
  return channel;
}

export function membershipId(services: EngineServices, channelId: string, userId: string): string {
  return Buffer.from(`${services.state.tenantId}##${channelId}##${userId}`, 'utf8').toString('base64');
}

export interface SeedTeamOptions {
  readonly displayName: string;
  readonly owners: readonly string[];
  readonly members?: readonly string[];
  readonly hostname?: string;
  /** Team site path; defaults to /sites/<displayName without spaces>. */
  readonly sitePath?: string;
  readonly id?: string;
}

export function createTeam(services: EngineServices, options: SeedTeamOptions): { team: TeamRecord; site: SiteRecord; generalChannel: ChannelRecord } {
  const teamId = options.id ?? services.ids.guid();
  const site = createSite(services, {
    hostname: options.hostname,
    path: options.sitePath ?? `/sites/${options.displayName.replace(/[^A-Za-z0-9]/g, '')}`,
    displayName: options.displayName,
    access: { kind: 'team', teamId },
  });
  const team: TeamRecord = {
    id: teamId,
    displayName: options.displayName,
    siteId: site.id,
    ownerIds: new Set(options.owners.map((upn) => createUser(services, { userPrincipalName: upn }).id)),
    memberIds: new Set((options.members ?? []).map((upn) => createUser(services, { userPrincipalName: upn }).id)),
    channels: new Map(),
    operations: new Map(),
  };
  services.state.teams.set(team.id, team);
  const generalChannel = createChannel(services, team, { displayName: 'General', description: null, membershipType: 'standard' });
  return { team, site, generalChannel };
}
