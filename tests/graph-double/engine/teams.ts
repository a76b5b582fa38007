// Teams channels: create (standard, private, shared), get, filesFolder (provisions a private or
// shared channel's own site), members on private/shared channels, and messages with reference
// attachments. Teams answers in its own error style (PascalCase codes).
import { SCOPES } from './auth';
import { GraphError } from './errors';
import { isRecord, isoSeconds, json, noContent, readJsonObject, type JsonObject } from './http-helpers';
import { createFolder, childByName, serializeDriveItem } from './drives';
import { applySelect, parseSelect } from './odata-select';
import { createChannel, createSite, membershipId } from './provisioning';
import { requireRoomInChannel } from './memberships';
import type { RouteContext, RouteDefinition } from './routing';
import type { ChannelMemberRecord, ChannelRecord, MembershipType, TeamRecord, UserRecord } from './state';

export const CHANNEL_NAME_MAX_LENGTH = 50;
export const PRIVATE_CHANNEL_MAX_MEMBERS_AT_CREATION = 200;
const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';

export const teamsBadRequest = (message: string): GraphError => new GraphError(400, 'BadRequest', message);
export const teamsForbidden = (message = 'Forbidden'): GraphError => new GraphError(403, 'Forbidden', message);

function isTeamMember(team: TeamRecord, userId: string): boolean {
  return team.memberIds.has(userId) || team.ownerIds.has(userId);
}

function isChannelMember(team: TeamRecord, channel: ChannelRecord, userId: string): boolean {
  if (channel.deletedAt !== undefined) return false;
  if (channel.membershipType === 'standard') return isTeamMember(team, userId);
  return [...channel.members.values()].some((member) => member.userId === userId);
}

export function teamAndChannel(context: RouteContext): { team: TeamRecord; channel: ChannelRecord } {
  const team = context.services.state.requireTeam(context.params.teamId ?? '');
  const channel = team.channels.get(context.params.channelId ?? '');
  if (channel === undefined) throw new GraphError(404, 'NotFound', 'Channel not found.');
  if (!isChannelMember(team, channel, context.principal.userId)) throw teamsForbidden('The caller is not a member of this channel.');
  return { team, channel };
}

function channelWebUrl(team: TeamRecord, channel: ChannelRecord, tenantId: string): string {
  return `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.id)}/${encodeURIComponent(channel.displayName)}?groupId=${team.id}&tenantId=${tenantId}`;
}

function serializeChannel(context: RouteContext, team: TeamRecord, channel: ChannelRecord): JsonObject {
  return {
    '@odata.context': `${context.request.serviceRoot}/$metadata#teams('${team.id}')/channels/$entity`,
    id: channel.id,
    createdDateTime: isoSeconds(channel.createdDateTime),
    displayName: channel.displayName,
    description: channel.description,
    isFavoriteByDefault: null,
    email: '',
    tenantId: context.services.state.tenantId,
    webUrl: channelWebUrl(team, channel, context.services.state.tenantId),
    membershipType: channel.membershipType,
    isArchived: channel.archivedAt !== undefined,
  };
}

function serializeMember(context: RouteContext, channel: ChannelRecord, member: ChannelMemberRecord): JsonObject {
  const user = context.services.state.users.get(member.userId);
  return {
    '@odata.type': MEMBER_TYPE,
    id: member.membershipId,
    roles: member.roles,
    displayName: user?.displayName ?? null,
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId: member.userId,
    email: user?.mail ?? null,
    tenantId: context.services.state.tenantId,
  };
}

/** Accepts users('id-or-upn') and users/id binds, as the docs show. */
function userFromBind(context: RouteContext, bind: unknown): UserRecord {
  if (typeof bind !== 'string') throw teamsBadRequest("A member needs 'user@odata.bind'.");
  const match = /users(?:\('([^']+)'\)|\/([^/?]+))$/.exec(bind);
  const reference = match?.[1] ?? match?.[2];
  if (reference === undefined) throw teamsBadRequest(`Invalid user@odata.bind value '${bind}'.`);
  const user = context.services.state.findUser(decodeURIComponent(reference));
  if (user === undefined) throw new GraphError(404, 'NotFound', `User '${reference}' was not found.`);
  return user;
}

function parseMember(context: RouteContext, team: TeamRecord, value: unknown): { user: UserRecord; roles: string[] } {
  if (!isRecord(value) || value['@odata.type'] !== MEMBER_TYPE) {
    throw teamsBadRequest(`Each member must be a ${MEMBER_TYPE} with user@odata.bind.`);
  }
  const user = userFromBind(context, value['user@odata.bind']);
  const roles = value.roles ?? [];
  if (!Array.isArray(roles) || !roles.every((role) => role === 'owner')) throw teamsBadRequest("roles must be empty or ['owner'].");
  if (!isTeamMember(team, user.id)) throw teamsBadRequest(`User '${user.userPrincipalName}' is not a member of the team; add them to the team first.`);
  return { user, roles: roles as string[] };
}

function addMember(context: RouteContext, channel: ChannelRecord, user: UserRecord, roles: string[]): ChannelMemberRecord {
  const member: ChannelMemberRecord = { membershipId: membershipId(context.services, channel.id, user.id), userId: user.id, roles };
  channel.members.set(member.membershipId, member);
  return member;
}

function createChannelRoute(context: RouteContext) {
  const team = context.services.state.requireTeam(context.params.teamId ?? '');
  if (!isTeamMember(team, context.principal.userId)) throw teamsForbidden('Only team members can create channels.');
  const body = readJsonObject(context.request);
  const { displayName, description } = body;
  if (typeof displayName !== 'string' || displayName.trim() === '') throw teamsBadRequest('displayName is required.');
  if (displayName.length > CHANNEL_NAME_MAX_LENGTH) {
    throw teamsBadRequest(`displayName must be at most ${CHANNEL_NAME_MAX_LENGTH} characters.`);
  }
  for (const existing of team.channels.values()) {
    // A deleted channel keeps its name until it is purged (it can be restored within the retention period).
    if (existing.displayName.toLowerCase() === displayName.toLowerCase()) {
      // channel-post documents 400 Bad Request for a refused create; the message is the one community reports quote.
      throw teamsBadRequest('Channel name already existed, please use other name.');
    }
  }
  const membershipType = (body.membershipType ?? 'standard') as MembershipType;
  if (!['standard', 'private', 'shared'].includes(membershipType)) throw teamsBadRequest(`Unknown membershipType '${String(body.membershipType)}'.`);
  if (membershipType === 'private') {
    const { privateChannelLimit, deletedChannelRetentionMs } = context.services.options;
    const nowMs = context.services.now().getTime();
    const counted = [...team.channels.values()].filter(
      (channel) => channel.membershipType === 'private' && (channel.deletedAt === undefined || nowMs - channel.deletedAt.getTime() < deletedChannelRetentionMs),
    ).length;
    if (counted >= privateChannelLimit) {
      throw new GraphError(
        403,
        'Forbidden',
        `This team has reached its limit of ${privateChannelLimit} private channels (deleted channels count for 30 days).`,
      );
    }
  }
  const requested = body.members ?? [];
  if (!Array.isArray(requested)) throw teamsBadRequest('members must be an array.');
  if (membershipType === 'standard' && requested.length > 0) throw teamsBadRequest('Members can only be given for private or shared channels.');
  if (membershipType === 'private' && requested.length > PRIVATE_CHANNEL_MAX_MEMBERS_AT_CREATION) {
    throw teamsBadRequest(`A private channel can be created with at most ${PRIVATE_CHANNEL_MAX_MEMBERS_AT_CREATION} members.`);
  }
  const members = requested.map((value) => parseMember(context, team, value));
  if (membershipType === 'shared' && members.filter((member) => member.roles.includes('owner')).length > 1) {
    throw teamsBadRequest('A shared channel can have only one owner when it is created.');
  }
  const channel = createChannel(context.services, team, {
    displayName,
    description: typeof description === 'string' ? description : null,
    membershipType,
  });
  if (membershipType !== 'standard') {
    for (const { user, roles } of members) addMember(context, channel, user, roles);
    // With delegated permissions the caller becomes an owner of the channel they create.
    if (![...channel.members.values()].some((member) => member.userId === context.principal.userId)) {
      const caller = context.services.state.requireUser(context.principal.userId);
      addMember(context, channel, caller, ['owner']);
    }
  }
  if (membershipType === 'shared') {
    // Shared channels are created asynchronously: 202 with a teamsAsyncOperation to poll.
    const operationId = context.services.ids.guid();
    const location = `/teams('${team.id}')/operations('${operationId}')`;
    const now = isoSeconds(context.services.now());
    team.operations.set(operationId, {
      id: operationId,
      operationType: 'createChannel',
      createdDateTime: now,
      status: 'succeeded',
      lastActionDateTime: now,
      attemptsCount: 1,
      targetResourceId: channel.id,
      targetResourceLocation: `/teams('${team.id}')/channels('${channel.id}')`,
      error: null,
    });
    return noContent(202, { location, 'content-location': location });
  }
  return json(201, serializeChannel(context, team, channel));
}

/** filesFolder provisions the channel's folder (and, for private/shared channels, their own site). */
function filesFolder(context: RouteContext) {
  const { team, channel } = teamAndChannel(context);
  const { services } = context;
  let siteId = team.siteId;
  if (channel.membershipType !== 'standard') {
    const readyAt = channel.createdDateTime.getTime() + services.options.channelSiteDelayMs;
    if (channel.siteId === undefined && services.now().getTime() < readyAt) {
      // What tenants answer while SharePoint is still provisioning the channel's site (see README).
      throw new GraphError(404, 'NotFound', "Files folder not ready yet: the channel's SharePoint site is still being provisioned.");
    }
    if (channel.siteId === undefined) {
      const teamSite = services.state.sites.get(team.siteId);
      const site = createSite(services, {
        hostname: teamSite?.hostname,
        path: `${teamSite?.serverRelativePath ?? '/sites/team'}-${channel.displayName.replace(/[^A-Za-z0-9]/g, '')}`,
        displayName: `${team.displayName} - ${channel.displayName}`,
        access: { kind: 'channel', teamId: team.id, channelId: channel.id },
      });
      if (services.options.channelSitePermissionLagMs > 0) site.permissionsReadyAt = services.now().getTime() + services.options.channelSitePermissionLagMs;
      channel.siteId = site.id;
    }
    siteId = channel.siteId;
  }
  const site = services.state.sites.get(siteId);
  const drive = site === undefined ? undefined : services.state.drives.get(site.driveId);
  if (drive === undefined) throw new GraphError(404, 'NotFound', 'The channel files folder could not be provisioned.');
  let folder = channel.filesFolderId === undefined ? undefined : drive.items.get(channel.filesFolderId);
  if (folder === undefined) {
    // SharePoint provisions the folder itself, so it is created by the system account rather than the caller.
    const system = { services, principal: { userId: '', upn: '', scopes: new Set<string>() } };
    folder = childByName(drive, drive.rootId, channel.displayName) ?? createFolder(system, drive, drive.rootId, channel.displayName);
    channel.filesFolderId = folder.id;
  }
  const body = serializeDriveItem(services.state, drive, folder);
  return json(200, {
    '@odata.context': `${context.request.serviceRoot}/$metadata#teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/filesFolder/$entity`,
    ...body,
  });
}

function requireMembershipChannel(channel: ChannelRecord): void {
  if (channel.membershipType === 'standard') {
    throw teamsBadRequest('Members can only be added to or removed from private or shared channels; a standard channel follows the team.');
  }
}

/** Only a channel's owners manage its members (Teams: "owners of a private channel can add or remove members"). */
function requireChannelOwner(context: RouteContext, channel: ChannelRecord): void {
  const caller = [...channel.members.values()].find((member) => member.userId === context.principal.userId);
  if (caller === undefined || !caller.roles.includes('owner')) {
    throw teamsForbidden('Only owners of the channel can add, change or remove its members.');
  }
}

function addMemberRoute(context: RouteContext) {
  const { team, channel } = teamAndChannel(context);
  requireMembershipChannel(channel);
  requireChannelOwner(context, channel);
  requireRoomInChannel(context, channel);
  const { user, roles } = parseMember(context, team, readJsonObject(context.request));
  if ([...channel.members.values()].some((member) => member.userId === user.id)) {
    throw new GraphError(409, 'Conflict', `User '${user.userPrincipalName}' is already a member of the channel.`);
  }
  const member = addMember(context, channel, user, roles);
  return json(201, {
    '@odata.context': `${context.request.serviceRoot}/$metadata#teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/members/$entity`,
    ...serializeMember(context, channel, member),
  });
}

function removeMemberRoute(context: RouteContext) {
  const { channel } = teamAndChannel(context);
  requireMembershipChannel(channel);
  requireChannelOwner(context, channel);
  const membership = context.params.membershipId ?? '';
  if (!channel.members.delete(membership)) throw new GraphError(404, 'NotFound', 'Membership not found.');
  return noContent();
}

/** Every <attachment id="…"> in the body must have an attachment, and every attachment must be referenced. */
function validateAttachments(content: string, attachments: unknown[]): void {
  const referenced = new Set([...content.matchAll(/<attachment\s+id\s*=\s*"([^"]*)"\s*>\s*<\/attachment>/gi)].map((match) => match[1] ?? ''));
  const given = new Set<string>();
  for (const attachment of attachments) {
    if (!isRecord(attachment) || typeof attachment.id !== 'string' || typeof attachment.contentType !== 'string') {
      throw teamsBadRequest('Each attachment needs an id and a contentType.');
    }
    if (attachment.contentType === 'reference' && typeof attachment.contentUrl !== 'string') {
      throw teamsBadRequest('A reference attachment needs a contentUrl.');
    }
    if (!referenced.has(attachment.id)) {
      throw teamsBadRequest(
        `Attachment with id '${attachment.id}' is not referenced in the message body. The attachment's id must be the same in the body and attachments elements.`,
      );
    }
    given.add(attachment.id);
  }
  for (const id of referenced) {
    if (!given.has(id)) throw teamsBadRequest(`The message body references attachment '${id}' but no such attachment was sent.`);
  }
}

function postMessage(context: RouteContext) {
  const { team, channel } = teamAndChannel(context);
  const body = readJsonObject(context.request);
  const messageBody = body.body;
  if (!isRecord(messageBody) || typeof messageBody.content !== 'string') throw teamsBadRequest('body.content is required.');
  const contentType = String(messageBody.contentType ?? 'text').toLowerCase();
  if (contentType !== 'text' && contentType !== 'html') throw teamsBadRequest(`Unknown body.contentType '${contentType}'.`);
  const attachments = body.attachments ?? [];
  if (!Array.isArray(attachments)) throw teamsBadRequest('attachments must be an array.');
  validateAttachments(messageBody.content, attachments);
  const now = context.services.now();
  const id = String(now.getTime() + channel.messages.length);
  const message = {
    id,
    createdDateTime: now,
    fromUserId: context.principal.userId,
    body: { contentType: contentType as 'text' | 'html', content: messageBody.content },
    attachments: attachments.map((attachment) => ({ content: null, thumbnailUrl: null, ...(attachment as JsonObject) })),
    subject: typeof body.subject === 'string' ? body.subject : null,
  };
  channel.messages.push(message);
  const user = context.services.state.users.get(context.principal.userId);
  const tenantId = context.services.state.tenantId;
  return json(201, {
    '@odata.context': `${context.request.serviceRoot}/$metadata#teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/messages/$entity`,
    id,
    replyToId: null,
    etag: id,
    messageType: 'message',
    createdDateTime: now.toISOString(),
    lastModifiedDateTime: now.toISOString(),
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: message.subject,
    summary: null,
    chatId: null,
    importance: 'normal',
    locale: 'en-us',
    webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${id}?groupId=${team.id}&tenantId=${tenantId}&createdTime=${id}&parentMessageId=${id}`,
    policyViolation: null,
    eventDetail: null,
    from: { application: null, device: null, user: { id: context.principal.userId, displayName: user?.displayName ?? null, userIdentityType: 'aadUser' } },
    body: message.body,
    channelIdentity: { teamId: team.id, channelId: channel.id },
    attachments: message.attachments,
    mentions: [],
    reactions: [],
  });
}

/** The two filters the channel list is used with: displayName eq '…' and membershipType eq '…' (joined by and). */
function channelFilter(expression: string | undefined): (channel: ChannelRecord) => boolean {
  if (expression === undefined) return () => true;
  const clauses = expression.split(/\s+and\s+/i).map((clause) => {
    const match = /^\s*(displayName|membershipType)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(clause);
    if (match === null) throw new GraphError(400, 'BadRequest', `Unsupported filter for channels: ${clause}`);
    return { property: (match[1] ?? '').toLowerCase(), value: (match[2] ?? '').replace(/''/g, "'") };
  });
  return (channel) =>
    clauses.every(({ property, value }) =>
      property === 'displayname' ? channel.displayName.toLowerCase() === value.toLowerCase() : channel.membershipType === value,
    );
}

const CHANNEL_PROPERTIES = ['id', 'createdDateTime', 'displayName', 'description', 'isFavoriteByDefault', 'email', 'tenantId', 'webUrl', 'membershipType'];

export const teamRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: 'teams/:teamId/channels',
    scopes: SCOPES.channelRead,
    cost: 2,
    queryOptions: ['filter'],
    handle: (context) => {
      const team = context.services.state.requireTeam(context.params.teamId ?? '');
      if (!isTeamMember(team, context.principal.userId)) throw teamsForbidden();
      const filter = channelFilter(context.query.get('filter'));
      const value = [...team.channels.values()]
        .filter((channel) => isChannelMember(team, channel, context.principal.userId) && filter(channel))
        .map((channel) => serializeChannel(context, team, channel));
      return json(200, { value });
    },
  },
  {
    method: 'DELETE',
    pattern: 'teams/:teamId/channels/:channelId',
    scopes: SCOPES.channelDelete,
    cost: 2,
    handle: (context) => {
      const { team, channel } = teamAndChannel(context);
      if (channel.id === [...team.channels.keys()][0]) throw teamsBadRequest('The General channel cannot be deleted.');
      const owner =
        team.ownerIds.has(context.principal.userId) ||
        [...channel.members.values()].some((member) => member.userId === context.principal.userId && member.roles.includes('owner'));
      if (!owner) throw teamsForbidden('Only owners can delete a channel.');
      channel.deletedAt = context.services.now();
      return noContent();
    },
  },
  { method: 'POST', pattern: 'teams/:teamId/channels', scopes: SCOPES.channelCreate, cost: 2, handle: createChannelRoute },
  {
    method: 'GET',
    pattern: 'teams/:teamId/channels/:channelId',
    scopes: SCOPES.channelRead,
    cost: 1,
    queryOptions: ['select'],
    handle: (context) => {
      const { team, channel } = teamAndChannel(context);
      return json(200, applySelect(serializeChannel(context, team, channel), parseSelect(context.query.get('select')), CHANNEL_PROPERTIES, 'channel'));
    },
  },
  {
    method: 'GET',
    pattern: 'teams/:teamId/operations/:operationId',
    scopes: SCOPES.channelRead,
    cost: 1,
    handle: (context) => {
      const team = context.services.state.requireTeam(context.params.teamId ?? '');
      const operation = team.operations.get(context.params.operationId ?? '');
      if (operation === undefined) throw new GraphError(404, 'NotFound', 'Operation not found.');
      return json(200, operation);
    },
  },
  { method: 'GET', pattern: 'teams/:teamId/channels/:channelId/filesFolder', scopes: SCOPES.filesRead, cost: 1, handle: filesFolder },
  {
    method: 'GET',
    pattern: 'teams/:teamId/channels/:channelId/members',
    scopes: SCOPES.channelMemberRead,
    cost: 2,
    handle: (context) => {
      const { team, channel } = teamAndChannel(context);
      const members: ChannelMemberRecord[] =
        channel.membershipType === 'standard'
          ? [...team.ownerIds]
              .map((userId) => ({ membershipId: membershipId(context.services, channel.id, userId), userId, roles: ['owner'] }))
              .concat(
                [...team.memberIds]
                  .filter((userId) => !team.ownerIds.has(userId))
                  .map((userId) => ({ membershipId: membershipId(context.services, channel.id, userId), userId, roles: [] })),
              )
          : [...channel.members.values()];
      return json(200, { value: members.map((member) => serializeMember(context, channel, member)) });
    },
  },
  { method: 'POST', pattern: 'teams/:teamId/channels/:channelId/members', scopes: SCOPES.channelMemberWrite, cost: 2, handle: addMemberRoute },
  {
    method: 'DELETE',
    pattern: 'teams/:teamId/channels/:channelId/members/:membershipId',
    scopes: SCOPES.channelMemberWrite,
    cost: 2,
    handle: removeMemberRoute,
  },
  { method: 'POST', pattern: 'teams/:teamId/channels/:channelId/messages', scopes: SCOPES.channelMessageSend, cost: 2, handle: postMessage },
];
