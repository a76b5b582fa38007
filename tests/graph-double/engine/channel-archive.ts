// Archiving and unarchiving a channel (channel-archive, channel-unarchive): the channel becomes read-only and its
// site read-only for members when asked; it still exists, so a private one still counts towards the team's limit.
// Only deleting it (teams.ts) starts the 30 days after which it no longer counts.
import { SCOPES } from './auth';
import { isRecord, readJson } from './http-helpers';
import type { RouteContext, RouteDefinition } from './routing';
import { teamAndChannel, teamsBadRequest, teamsForbidden } from './teams';
import type { ChannelRecord, TeamRecord } from './state';

const isOwner = (team: TeamRecord, channel: ChannelRecord, userId: string): boolean =>
  team.ownerIds.has(userId) || [...channel.members.values()].some((member) => member.userId === userId && member.roles.includes('owner'));

/** 202 Accepted with no body: archiving is asynchronous (channel-archive), and the double completes it at once. */
const accepted = () => ({ status: 202, headers: {}, body: null });

function archiveRoute(context: RouteContext) {
  const { team, channel } = teamAndChannel(context);
  if (channel.id === [...team.channels.keys()][0]) throw teamsBadRequest('The General channel cannot be archived on its own; archive the team instead.');
  if (!isOwner(team, channel, context.principal.userId)) throw teamsForbidden('Only owners can archive a channel.');
  // The body is optional (channel-archive): an empty one is no parameters.
  const body = readJson(context.request) ?? {};
  if (!isRecord(body)) throw teamsBadRequest('The archive action takes a JSON object.');
  for (const key of Object.keys(body)) {
    if (key !== 'shouldSetSpoSiteReadOnlyForMembers') throw teamsBadRequest(`The property '${key}' does not exist on the archive action.`);
  }
  if (body.shouldSetSpoSiteReadOnlyForMembers !== undefined && typeof body.shouldSetSpoSiteReadOnlyForMembers !== 'boolean') {
    throw teamsBadRequest('shouldSetSpoSiteReadOnlyForMembers must be a boolean.');
  }
  channel.archivedAt ??= context.services.now();
  return accepted();
}

function unarchiveRoute(context: RouteContext) {
  const { team, channel } = teamAndChannel(context);
  if (!isOwner(team, channel, context.principal.userId)) throw teamsForbidden('Only owners can unarchive a channel.');
  channel.archivedAt = undefined;
  return accepted();
}

export const channelArchiveRoutes: RouteDefinition[] = [
  { method: 'POST', pattern: 'teams/:teamId/channels/:channelId/archive', scopes: SCOPES.channelSettingsWrite, cost: 2, handle: archiveRoute },
  { method: 'POST', pattern: 'teams/:teamId/channels/:channelId/unarchive', scopes: SCOPES.channelSettingsWrite, cost: 2, handle: unarchiveRoute },
];
