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
  allocate(
    transport: GraphTransport,
    review: Review,
    existing: { channelId: string | null; onChannel?: (channelId: string) => Promise<void> },
  ): Promise<Result<ReviewSite, Failure>>;
}

/** Fallback layout: every review in one dedicated site (access is then the site's, not per review). */
export const dedicatedSite = (siteId: string): ReviewSiteAllocator => ({
  allocate: async () => ok({ siteId, channelId: null }),
});

export interface PrivateChannelOptions {
  readonly teamId: string;
  /** Named as the channel's owner (UPN or object id); the creator otherwise becomes owner by default. */
  readonly owner?: string;
  /**
   * Others who must be owners too (UPN or object id): the review's lead reviewer and the LSCB coordinators. In Teams
   * only a private channel's owners can add or remove its members, so whoever manages access must be one.
   */
  readonly owners?: (review: Review) => readonly string[];
  readonly members?: (review: Review) => readonly string[];
  /** How long to keep asking for a new channel's site (filesFolder answers 404 while SharePoint provisions it). */
  readonly siteReadyTimeoutMs?: number;
  /** Told about each wait for the site, so the person creating the review sees progress. */
  readonly onWaiting?: (review: Review, attempt: number, waitMs: number) => void;
}

/** Teams counts private channels per team, deleted ones included for 30 days (limits-specifications-teams). */
export const DEFAULT_PRIVATE_CHANNEL_LIMIT = 30;

/** The backoff while a channel's site is not ready: 2, 4, 8, 16, 30, 30 … seconds. */
export const siteWaitMs = (attempt: number): number => Math.min(30_000, 2000 * 2 ** attempt);

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

  /** Lists the team's channels by name ($filter on displayName), to recover a channel whose creation answer was lost. */
  async function findChannel(transport: GraphTransport, name: string): Promise<Result<string | null, Failure>> {
    const sent = await transport.send({ method: 'GET', url: `${team}/channels${queryString([['$filter', `displayName eq '${name.replace(/'/g, "''")}'`]])}` });
    const response = responseOf(sent);
    if (response?.status !== 200) return err(failureFromOutcome(sent, what));
    const channels = (response.body as { value?: Array<{ id?: unknown; displayName?: unknown }> } | null)?.value ?? [];
    const found = channels.find((channel) => typeof channel.displayName === 'string' && channel.displayName.toLowerCase() === name.toLowerCase());
    return ok(typeof found?.id === 'string' ? found.id : null);
  }

  async function createChannel(transport: GraphTransport, review: Review): Promise<Result<string, Failure>> {
    const name = reviewChannelName(review);
    const owners = [...new Set([...(options.owner === undefined ? [] : [options.owner]), ...(options.owners?.(review) ?? [])])];
    const lower = new Set(owners.map((owner) => owner.toLowerCase()));
    const members = [
      ...owners.map((owner) => memberBody(transport.baseUrl, owner, ['owner'])),
      ...[...new Set(options.members?.(review) ?? [])]
        .filter((member) => !lower.has(member.toLowerCase()))
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
      // A lost answer (dropped, or a 5xx that may have come after Teams made it), or a refusal that may mean the
      // name is taken by our own earlier attempt (Teams answers 400 Bad Request; the code is not documented, so it is
      // not matched): look for the channel by its stable name.
      if (sent.kind === 'dropped' || response?.status === 400 || response?.status === 409) {
        const found = await findChannel(transport, name);
        if (!found.ok) return found;
        if (found.value !== null) return ok(found.value);
        if (sent.kind === 'dropped') continue;
      }
      if (response?.status === 403 && /limit|maximum/i.exec(JSON.stringify(response.body)) !== null) {
        return err({
          kind: 'blocked',
          what,
          reasons: [`The team has no private channels left (Teams allows ${DEFAULT_PRIVATE_CHANNEL_LIMIT} per team, counting deleted ones for 30 days). Archive a finished review and remove its channel, or use a dedicated site for reviews.`],
        });
      }
      return err(failureFromOutcome(sent, what));
    }
    return err({ kind: 'unavailable', what, detail: 'the connection to Microsoft Graph was lost', retryable: true });
  }

  /**
   * filesFolder makes SharePoint provision the channel's site. A new channel's site is "not ready yet" (404) for
   * seconds to minutes (channel-post: "if the site fails to provision after five minutes, use Get filesFolder"), so
   * it is asked again with backoff for up to `siteReadyTimeoutMs` (default ten minutes).
   */
  async function siteOfChannel(transport: GraphTransport, review: Review, channelId: string): Promise<Result<string, Failure>> {
    let folder: ReturnType<typeof responseOf>;
    const budget = options.siteReadyTimeoutMs ?? 600_000;
    let waited = 0;
    for (let attempt = 0; ; attempt += 1) {
      const sent = await transport.send({ method: 'GET', url: `${team}/channels/${encodeURIComponent(channelId)}/filesFolder` });
      folder = responseOf(sent);
      if (folder?.status === 200) break;
      const wait = siteWaitMs(attempt);
      if (folder?.status !== 404) return err(failureFromOutcome(sent, what));
      if (waited + wait > budget) {
        return err({ kind: 'unavailable', what: 'The review’s channel site', detail: 'SharePoint has not finished setting up the channel’s site yet', retryable: true });
      }
      options.onWaiting?.(review, attempt + 1, wait);
      await transport.sleep(wait);
      waited += wait;
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
        await existing.onChannel?.(channelId);
      }
      const site = await siteOfChannel(transport, review, channelId);
      return site.ok ? ok({ siteId: site.value, channelId }) : site;
    },
  };
}
