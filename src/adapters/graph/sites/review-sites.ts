// Where a review's lists live. By default each review gets a private channel in the LSCB's team and
// its lists go in that channel's own SharePoint site, so channel membership is who can see the review
// (docs/decisions/0300-storage-layout.md). The allocator is a seam: a tenant that cannot create lists in
// private-channel sites can hand out dedicated sites instead.
import type { Failure } from '../../../domain/failures';
import type { Review } from '../../../domain/model';
import { err, ok, type Result } from '../../../domain/result';
import { failureFromOutcome, responseOf } from '../http/failures';
import type { GraphTransport } from '../http/transport';
import { queryString } from '../http/urls';

export interface ReviewSite {
  readonly siteId: string;
  /** The private channel whose membership guards the site, when there is one. */
  readonly channelId: string | null;
}

export interface ReviewSiteAllocator {
  /** A site for a review's lists. Called again with `existing` after an interrupted start, to carry on rather than start over. */
  allocate(transport: GraphTransport, review: Review, existing: { channelId: string | null }): Promise<Result<ReviewSite, Failure>>;
}

/** Fallback layout: every review in one dedicated site (access is then the site's, not per review). */
export const dedicatedSite = (siteId: string): ReviewSiteAllocator => ({
  allocate: async () => ok({ siteId, channelId: null }),
});

export interface PrivateChannelOptions {
  readonly teamId: string;
  /** Named as the channel's owner (UPN or object id); the creator otherwise becomes owner by default. */
  readonly owner?: string;
  readonly members?: (review: Review) => readonly string[];
}

/** A stable, short suffix for a review's channel name, so a retried creation finds the channel it made. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/**
 * Teams allows 50 characters and the files API trips over some punctuation in channel names, so the name
 * keeps letters, digits, spaces and hyphens only. The codename is not identifying (it is in the register too).
 */
export function reviewChannelName(review: Review): string {
  const cleaned = review.codename.replace(/[^A-Za-z0-9 -]/g, '').replace(/\s+/g, ' ').trim().slice(0, 30).trim();
  return `Review ${cleaned === '' ? 'untitled' : cleaned} ${shortHash(review.id)}`.slice(0, 50);
}

const memberBody = (baseUrl: string, reference: string, roles: string[]) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  'user@odata.bind': `${baseUrl}/users('${encodeURIComponent(reference)}')`,
  roles,
});

export function privateChannelSites(options: PrivateChannelOptions): ReviewSiteAllocator {
  const team = `/teams/${encodeURIComponent(options.teamId)}`;
  const what = 'The review’s private channel';

  async function findChannel(transport: GraphTransport, name: string): Promise<Result<string | null, Failure>> {
    const sent = await transport.send({ method: 'GET', url: `${team}/channels` });
    const response = responseOf(sent);
    if (response?.status !== 200) return err(failureFromOutcome(sent, what));
    const channels = (response.body as { value?: Array<{ id?: unknown; displayName?: unknown }> } | null)?.value ?? [];
    const found = channels.find((channel) => typeof channel.displayName === 'string' && channel.displayName.toLowerCase() === name.toLowerCase());
    return ok(typeof found?.id === 'string' ? found.id : null);
  }

  async function createChannel(transport: GraphTransport, review: Review): Promise<Result<string, Failure>> {
    const name = reviewChannelName(review);
    const members = [
      ...(options.owner === undefined ? [] : [memberBody(transport.baseUrl, options.owner, ['owner'])]),
      ...(options.members?.(review) ?? [])
        .filter((member) => member !== options.owner)
        .map((member) => memberBody(transport.baseUrl, member, [])),
    ];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const sent = await transport.send({
        method: 'POST',
        url: `${team}/channels`,
        json: {
          displayName: name,
          description: 'Learning Together case review workspace. Membership of this channel is access to the review.',
          membershipType: 'private',
          ...(members.length > 0 ? { members } : {}),
        },
      });
      const response = responseOf(sent);
      if (response?.status === 201) {
        const id = (response.body as { id?: unknown } | null)?.id;
        if (typeof id === 'string') return ok(id);
      }
      // A lost answer, or a name already taken by our own earlier attempt: look for the channel.
      if (sent.kind === 'dropped' || (response?.status === 400 && /NameAlreadyExists/i.exec(JSON.stringify(response.body)) !== null)) {
        const found = await findChannel(transport, name);
        if (!found.ok) return found;
        if (found.value !== null) return ok(found.value);
        continue;
      }
      return err(failureFromOutcome(sent, what));
    }
    return err({ kind: 'unavailable', what, detail: 'the connection to Microsoft Graph was lost', retryable: true });
  }

  /** filesFolder makes SharePoint provision the channel's site; a new channel's site can take a moment. */
  async function siteOfChannel(transport: GraphTransport, channelId: string): Promise<Result<string, Failure>> {
    let folder: ReturnType<typeof responseOf>;
    for (let attempt = 0; ; attempt += 1) {
      const sent = await transport.send({ method: 'GET', url: `${team}/channels/${encodeURIComponent(channelId)}/filesFolder` });
      folder = responseOf(sent);
      if (folder?.status === 200) break;
      if (folder?.status !== 404 || attempt >= 5) return err(failureFromOutcome(sent, what));
      await transport.sleep(1000 * 2 ** attempt);
    }
    const driveId = (folder.body as { parentReference?: { driveId?: unknown } } | null)?.parentReference?.driveId;
    if (typeof driveId !== 'string') return err({ kind: 'unavailable', what, detail: 'the channel’s files folder has no library', retryable: false });
    const root = await transport.send({ method: 'GET', url: `/drives/${encodeURIComponent(driveId)}/root${queryString([['$select', 'sharepointIds']])}` });
    const rootResponse = responseOf(root);
    if (rootResponse?.status !== 200) return err(failureFromOutcome(root, what));
    const ids = (rootResponse.body as { sharepointIds?: { siteId?: unknown; webId?: unknown; siteUrl?: unknown } } | null)?.sharepointIds;
    if (typeof ids?.siteId !== 'string' || typeof ids.webId !== 'string' || typeof ids.siteUrl !== 'string') {
      return err({ kind: 'unavailable', what, detail: 'SharePoint did not say which site holds the channel’s files', retryable: false });
    }
    // Graph's composite site id: hostname, site collection id, web id.
    return ok(`${new URL(ids.siteUrl).hostname},${ids.siteId},${ids.webId}`);
  }

  return {
    async allocate(transport, review, existing) {
      // An interrupted start that got as far as the channel carries on with it; a lost answer to the
      // create is recovered inside createChannel by the channel's stable name.
      let channelId = existing.channelId;
      if (channelId === null) {
        const created = await createChannel(transport, review);
        if (!created.ok) return created;
        channelId = created.value;
      }
      const site = await siteOfChannel(transport, channelId);
      return site.ok ? ok({ siteId: site.value, channelId }) : site;
    },
  };
}
