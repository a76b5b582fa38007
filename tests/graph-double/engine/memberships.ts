// Team and channel membership beyond create/add/remove (teams.ts): the team's own members (list, add), changing a
// private channel member's role (PATCH, owners only), and the member limit of a private channel. Who may read a
// channel's site follows its membership (state.canAccessSite), so a removed member's next read of the site's lists
// and files is a 403. Docs cited in ../README.md ("Membership").
import { SCOPES } from './auth';
import { GraphError } from './errors';
import { json, readJsonObject, type JsonObject } from './http-helpers';
import type { RouteContext, RouteDefinition } from './routing';
import type { ChannelRecord, TeamRecord, UserRecord } from './state';

const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';

/** Members per private channel. 250 for years; 5,000 since the 2025 private-channel update (README). */
export const DEFAULT_PRIVATE_CHANNEL_MEMBER_LIMIT = 5000;

/** A guest (B2B) account: its UPN carries #EXT#. */
export const isGuest = (user: UserRecord): boolean => user.userPrincipalName.toUpperCase().includes('#EXT#');

function teamMemberJson(context: RouteContext, team: TeamRecord, userId: string): JsonObject {
  const user = context.services.state.users.get(userId);
  const roles = team.ownerIds.has(userId) ? ['owner'] : user && isGuest(user) ? ['guest'] : [];
  return {
    '@odata.type': MEMBER_TYPE,
    id: `team-${team.id}-${userId}`,
    roles,
    displayName: user?.displayName ?? null,
    userId,
    email: user?.mail ?? null,
    tenantId: context.services.state.tenantId,
  };
}

function requireTeamMember(context: RouteContext, team: TeamRecord): void {
  const caller = context.principal.userId;
  if (!team.ownerIds.has(caller) && !team.memberIds.has(caller)) throw new GraphError(403, 'Forbidden', 'The caller is not a member of this team.');
}

function userFromBind(context: RouteContext, bind: unknown): UserRecord {
  if (typeof bind !== 'string') throw new GraphError(400, 'BadRequest', "A member needs 'user@odata.bind'.");
  const match = /users(?:\('([^']+)'\)|\/([^/?]+))$/.exec(bind);
  const reference = match?.[1] ?? match?.[2];
  if (reference === undefined) throw new GraphError(400, 'BadRequest', `Invalid user@odata.bind value '${bind}'.`);
  const user = context.services.state.findUser(decodeURIComponent(reference));
  // team-post-members: adding a disabled or unknown user is a 404.
  if (user === undefined) throw new GraphError(404, 'NotFound', `User '${reference}' was not found.`);
  return user;
}

function listTeamMembers(context: RouteContext) {
  const team = context.services.state.requireTeam(context.params.teamId ?? '');
  requireTeamMember(context, team);
  const ids = [...new Set([...team.ownerIds, ...team.memberIds])];
  return json(200, { value: ids.map((userId) => teamMemberJson(context, team, userId)) });
}

/** team-post-members: a team owner adds a person; roles [] (member), ['owner'], or ['guest'] for a guest account. */
function addTeamMember(context: RouteContext) {
  const team = context.services.state.requireTeam(context.params.teamId ?? '');
  if (!team.ownerIds.has(context.principal.userId)) throw new GraphError(403, 'Forbidden', 'Only team owners can add members to the team.');
  const body = readJsonObject(context.request);
  if (body['@odata.type'] !== MEMBER_TYPE) throw new GraphError(400, 'BadRequest', `The member must be a ${MEMBER_TYPE}.`);
  const user = userFromBind(context, body['user@odata.bind']);
  const roles = Array.isArray(body.roles) ? body.roles : [];
  if (!roles.every((role) => role === 'owner' || role === 'guest')) throw new GraphError(400, 'BadRequest', "roles must be empty, ['owner'] or ['guest'].");
  if (isGuest(user) && roles.includes('owner')) throw new GraphError(400, 'BadRequest', 'A guest cannot be a team owner.');
  if (!context.services.options.guestsAllowed && isGuest(user)) {
    throw new GraphError(403, 'Forbidden', 'Guest access is turned off for this organisation; people from outside it cannot be added.');
  }
  if (team.ownerIds.has(user.id) || team.memberIds.has(user.id))
    throw new GraphError(409, 'Conflict', `User '${user.userPrincipalName}' is already a member of the team.`);
  if (roles.includes('owner')) team.ownerIds.add(user.id);
  else team.memberIds.add(user.id);
  return json(201, {
    '@odata.context': `${context.request.serviceRoot}/$metadata#teams('${team.id}')/members/$entity`,
    ...teamMemberJson(context, team, user.id),
  });
}

function channelOf(context: RouteContext): { team: TeamRecord; channel: ChannelRecord } {
  const team = context.services.state.requireTeam(context.params.teamId ?? '');
  const channel = team.channels.get(context.params.channelId ?? '');
  if (channel === undefined || channel.deletedAt !== undefined) throw new GraphError(404, 'NotFound', 'Channel not found.');
  return { team, channel };
}

/** channel-update-members: only for private or shared channels; roles [] or ['owner']; a guest's role cannot change. */
function updateChannelMember(context: RouteContext) {
  const { team, channel } = channelOf(context);
  if (channel.membershipType === 'standard') throw new GraphError(400, 'BadRequest', 'Member roles can only be changed in private or shared channels.');
  const caller = [...channel.members.values()].find((member) => member.userId === context.principal.userId);
  if (caller === undefined) throw new GraphError(403, 'Forbidden', 'The caller is not a member of this channel.');
  if (!caller.roles.includes('owner')) throw new GraphError(403, 'Forbidden', 'Only owners of the channel can add, change or remove its members.');
  const member = channel.members.get(context.params.membershipId ?? '');
  if (member === undefined) throw new GraphError(404, 'NotFound', 'Membership not found.');
  const body = readJsonObject(context.request);
  const roles = body.roles;
  if (!Array.isArray(roles) || !roles.every((role) => role === 'owner')) throw new GraphError(400, 'BadRequest', "roles must be empty or ['owner'].");
  const user = context.services.state.users.get(member.userId);
  if (user !== undefined && isGuest(user)) throw new GraphError(400, 'BadRequest', "A guest's role is always guest and cannot be changed.");
  const updated = { ...member, roles: roles as string[] };
  channel.members.set(member.membershipId, updated);
  return json(200, {
    '@odata.context': `${context.request.serviceRoot}/$metadata#teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')/members/$entity`,
    '@odata.type': MEMBER_TYPE,
    id: updated.membershipId,
    roles: updated.roles,
    displayName: user?.displayName ?? null,
    userId: updated.userId,
    email: user?.mail ?? null,
    tenantId: context.services.state.tenantId,
  });
}

/**
 * Called by teams.ts before it adds anyone to a private channel: the channel's member limit. What Teams answers at the
 * limit is not documented on the API page; a 403 like the private-channel limit's is a guess (README).
 */
export function requireRoomInChannel(context: RouteContext, channel: ChannelRecord): void {
  const limit = context.services.options.privateChannelMemberLimit;
  if (channel.membershipType === 'private' && channel.members.size >= limit) {
    throw new GraphError(403, 'Forbidden', `This private channel has reached its limit of ${limit} members.`);
  }
}

export const membershipRoutes: RouteDefinition[] = [
  { method: 'GET', pattern: 'teams/:teamId/members', scopes: SCOPES.teamMemberRead, cost: 2, handle: listTeamMembers },
  { method: 'POST', pattern: 'teams/:teamId/members', scopes: SCOPES.teamMemberWrite, cost: 2, handle: addTeamMember },
  {
    method: 'PATCH',
    pattern: 'teams/:teamId/channels/:channelId/members/:membershipId',
    scopes: SCOPES.channelMemberUpdate,
    cost: 2,
    handle: updateChannelMember,
  },
];
