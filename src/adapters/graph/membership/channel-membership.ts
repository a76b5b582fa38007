// A review's private-channel membership through the one Graph client: who can open the review (the channel's site
// holds its lists). channel-list-members, channel-post-members, channel-update-members, channel-delete-members, and
// team-list-members / team-post-members for a person not yet in the LSCB's team (tests/graph-double/README.md).
import type { ChannelRole } from '../../../domain/access/membership';
import type { Failure } from '../../../domain/failures';
import { err, ok, type Result } from '../../../domain/result';
import type { ChannelMember, ReviewChannelDirectory } from '../../../ports/directory';
import { failureFromOutcome, responseOf } from '../http/failures';
import type { GraphTransport } from '../http/transport';
import { createGraphContext, type GraphStoreOptions } from '../options';
import { ReviewRegister } from '../sites/register';

const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';
const WHAT = 'The review’s channel members';

interface GraphMember {
  readonly id?: unknown;
  readonly email?: unknown;
  readonly displayName?: unknown;
  readonly roles?: unknown;
}

const asMember = (raw: GraphMember): ChannelMember | null => {
  if (typeof raw.id !== 'string') return null;
  const roles = Array.isArray(raw.roles) ? raw.roles : [];
  return {
    membershipId: raw.id,
    email: typeof raw.email === 'string' ? raw.email : '',
    displayName: typeof raw.displayName === 'string' ? raw.displayName : '',
    role: roles.includes('guest') ? 'guest' : roles.includes('owner') ? 'owner' : 'member',
  };
};

const valueOf = (body: unknown): GraphMember[] => {
  const value = (body as { value?: unknown } | null)?.value;
  return Array.isArray(value) ? (value as GraphMember[]) : [];
};

const bind = (email: string) => `https://graph.microsoft.com/v1.0/users('${encodeURIComponent(email)}')`;
const sameEmail = (a: string, b: string): boolean => a.toLocaleLowerCase('en-GB') === b.toLocaleLowerCase('en-GB');

export function graphChannelDirectory(options: GraphStoreOptions): ReviewChannelDirectory {
  const context = createGraphContext(options);
  const transport: GraphTransport = context.transport;
  const team = `/teams/${encodeURIComponent(options.teamId)}`;
  let registerSite: string | undefined;
  const registerSiteId = async (): Promise<Result<string, Failure>> => {
    if (registerSite !== undefined) return ok(registerSite);
    if (!options.registerSiteId.includes(':/')) return ok((registerSite = options.registerSiteId));
    const sent = await transport.send({ method: 'GET', url: `/sites/${options.registerSiteId}?$select=id` });
    const id = (responseOf(sent)?.body as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return err(failureFromOutcome(sent, 'The LSCB team site'));
    return ok((registerSite = id));
  };
  const register = new ReviewRegister(context, registerSiteId);
  const channels = new Map<string, string>();

  const membersUrl = async (reviewId: string): Promise<Result<string, Failure>> => {
    let channelId = channels.get(reviewId);
    if (channelId === undefined) {
      const entry = await register.find(reviewId);
      if (!entry.ok) return entry;
      if (entry.value?.channelId == null) return err({ kind: 'notFound', what: 'The review’s private channel', id: reviewId });
      channelId = entry.value.channelId;
      channels.set(reviewId, channelId);
    }
    return ok(`${team}/channels/${encodeURIComponent(channelId)}/members`);
  };

  const members = async (reviewId: string): Promise<Result<readonly ChannelMember[], Failure>> => {
    const url = await membersUrl(reviewId);
    if (!url.ok) return url;
    const sent = await transport.send({ method: 'GET', url: url.value });
    const response = responseOf(sent);
    if (response?.status !== 200) return err(failureFromOutcome(sent, WHAT));
    return ok(
      valueOf(response.body)
        .map(asMember)
        .filter((member): member is ChannelMember => member !== null),
    );
  };

  /** A person must be in the LSCB's team before its private channels can take them. */
  const ensureInTeam = async (email: string): Promise<Result<void, Failure>> => {
    const listed = await transport.send({ method: 'GET', url: `${team}/members` });
    const response = responseOf(listed);
    if (response?.status !== 200) return err(failureFromOutcome(listed, 'The LSCB team’s members'));
    if (valueOf(response.body).some((member) => typeof member.email === 'string' && sameEmail(member.email, email))) return ok(undefined);
    const added = await transport.send({
      method: 'POST',
      url: `${team}/members`,
      json: { '@odata.type': MEMBER_TYPE, roles: [], 'user@odata.bind': bind(email) },
    });
    const status = responseOf(added)?.status;
    // 409: already there (an earlier attempt whose answer was lost).
    return status === 201 || status === 409 ? ok(undefined) : err(failureFromOutcome(added, 'Adding them to the LSCB team'));
  };

  return {
    members,
    async add(reviewId, person) {
      const url = await membersUrl(reviewId);
      if (!url.ok) return url;
      const inTeam = await ensureInTeam(person.email);
      if (!inTeam.ok) return inTeam;
      const roles: string[] = person.role === 'owner' ? ['owner'] : [];
      const sent = await transport.send({ method: 'POST', url: url.value, json: { '@odata.type': MEMBER_TYPE, roles, 'user@odata.bind': bind(person.email) } });
      const response = responseOf(sent);
      if (response?.status === 201) {
        const member = asMember(response.body as GraphMember);
        if (member) return ok(member);
      }
      if (response?.status === 409) {
        // Already a member (an earlier attempt whose answer was lost): what the channel lists is the answer.
        const listed = await members(reviewId);
        const found = listed.ok ? listed.value.find((member) => sameEmail(member.email, person.email)) : undefined;
        if (found) return ok(found);
      }
      return err(failureFromOutcome(sent, 'Adding them to the review’s channel'));
    },
    async setRole(reviewId, membershipId, role: ChannelRole) {
      const url = await membersUrl(reviewId);
      if (!url.ok) return url;
      const sent = await transport.send({
        method: 'PATCH',
        url: `${url.value}/${encodeURIComponent(membershipId)}`,
        json: { '@odata.type': MEMBER_TYPE, roles: role === 'owner' ? ['owner'] : [] },
      });
      return responseOf(sent)?.status === 200 ? ok(undefined) : err(failureFromOutcome(sent, 'Changing their role in the review’s channel'));
    },
    async remove(reviewId, membershipId) {
      const url = await membersUrl(reviewId);
      if (!url.ok) return url;
      const sent = await transport.send({ method: 'DELETE', url: `${url.value}/${encodeURIComponent(membershipId)}` });
      const status = responseOf(sent)?.status;
      return status === 204 || status === 200 ? ok(undefined) : err(failureFromOutcome(sent, 'Removing them from the review’s channel'));
    },
  };
}
