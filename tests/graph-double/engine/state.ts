// The double's in-memory tenant: users, sites with lists and drives, teams, calendars and meetings.
import { GraphError, accessDenied, notFound } from './errors';

export interface UserRecord {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly mail: string;
  /** SharePoint's per-site user id, shown as AuthorLookupId. Kept tenant-wide for simplicity. */
  readonly lookupId: number;
  allowedOnlineMeetingProviders: string[];
}

export type ColumnType = 'text' | 'number' | 'boolean' | 'dateTime' | 'choice' | 'personOrGroup';

export interface ColumnRecord {
  readonly id: string;
  readonly name: string;
  displayName: string;
  description: string;
  readonly type: ColumnType;
  indexed: boolean;
  required: boolean;
  readonly readOnly: boolean;
  /** Built-in columns (Title and the system columns) cannot be redefined. */
  readonly builtIn: boolean;
  readonly text?: {
    readonly allowMultipleLines: boolean;
    readonly maxLength: number;
    /** Multi-line only: plain text, or rich text (values come back as HTML). */
    readonly textType: 'plain' | 'richText';
    readonly linesForEditing: number;
    readonly appendChangesToExistingText: boolean;
  };
  readonly number?: { readonly minimum?: number; readonly maximum?: number; readonly decimalPlaces?: string };
  readonly choice?: { readonly choices: readonly string[]; readonly allowTextEntry: boolean };
  readonly dateTime?: { readonly format: 'dateOnly' | 'dateTime' };
  readonly personOrGroup?: { readonly allowMultipleSelection: boolean };
}

export interface ListItemRecord {
  readonly id: number;
  /** The GUID in the item's eTag. */
  readonly uniqueId: string;
  version: number;
  fields: Record<string, unknown>;
  readonly createdDateTime: Date;
  lastModifiedDateTime: Date;
  readonly createdByUserId: string;
  lastModifiedByUserId: string;
  /** Position in the list's change sequence, for delta. */
  changeSequence: number;
}

export interface TombstoneRecord {
  readonly id: number;
  readonly changeSequence: number;
}

export interface ListRecord {
  readonly id: string;
  readonly siteId: string;
  displayName: string;
  readonly name: string;
  description: string;
  readonly template: 'genericList';
  readonly columns: ColumnRecord[];
  readonly items: Map<number, ListItemRecord>;
  readonly tombstones: TombstoneRecord[];
  nextItemId: number;
  changeSequence: number;
  readonly createdDateTime: Date;
  lastModifiedDateTime: Date;
  readonly createdByUserId: string;
}

export type SiteAccess =
  | { readonly kind: 'open' }
  | { readonly kind: 'team'; readonly teamId: string }
  | { readonly kind: 'channel'; readonly teamId: string; readonly channelId: string };

export interface SiteRecord {
  /** hostname,site-collection-guid,web-guid */
  readonly id: string;
  readonly hostname: string;
  readonly siteCollectionId: string;
  readonly webId: string;
  /** Server-relative path, e.g. /sites/lscb */
  readonly serverRelativePath: string;
  readonly name: string;
  readonly displayName: string;
  readonly webUrl: string;
  readonly createdDateTime: Date;
  readonly lists: Map<string, ListRecord>;
  readonly driveId: string;
  readonly access: SiteAccess;
  /** A new channel site's permissions lag behind: until then its members are refused (ms since the epoch). */
  permissionsReadyAt?: number;
}

export interface DriveItemRecord {
  readonly id: string;
  name: string;
  readonly parentId: string | null;
  readonly isFolder: boolean;
  content: Uint8Array;
  mimeType: string;
  readonly uniqueId: string;
  version: number;
  readonly createdDateTime: Date;
  lastModifiedDateTime: Date;
  readonly createdByUserId: string;
  lastModifiedByUserId: string;
  /** SharePoint list item id of the file in the library, for sharepointIds. */
  readonly listItemId: number;
}

export interface DriveRecord {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  readonly webUrl: string;
  /** The document library's list id, for sharepointIds. */
  readonly listId: string;
  readonly rootId: string;
  readonly items: Map<string, DriveItemRecord>;
  nextListItemId: number;
}

export interface UploadSessionRecord {
  readonly id: string;
  readonly secret: string;
  readonly driveId: string;
  readonly parentId: string;
  readonly name: string;
  readonly conflictBehavior: ConflictBehavior;
  readonly deferCommit: boolean;
  readonly expiresAt: Date;
  readonly userId: string;
  readonly declaredSize?: number;
  totalSize?: number;
  readonly chunks: Uint8Array[];
  nextExpected: number;
}

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export interface ChannelMemberRecord {
  readonly membershipId: string;
  readonly userId: string;
  roles: string[];
}

export interface ChatMessageRecord {
  readonly id: string;
  readonly createdDateTime: Date;
  readonly fromUserId: string;
  readonly body: { readonly contentType: 'text' | 'html'; readonly content: string };
  readonly attachments: ReadonlyArray<Record<string, unknown>>;
  readonly subject: string | null;
}

export type MembershipType = 'standard' | 'private' | 'shared';

export interface ChannelRecord {
  readonly id: string;
  readonly teamId: string;
  displayName: string;
  description: string | null;
  readonly membershipType: MembershipType;
  readonly createdDateTime: Date;
  readonly members: Map<string, ChannelMemberRecord>;
  readonly messages: ChatMessageRecord[];
  /** The channel's own site (private/shared), provisioned by filesFolder. */
  siteId?: string;
  filesFolderId?: string;
  /** When the channel was deleted (soft: it still counts towards the team's private-channel limit for a while). */
  deletedAt?: Date;
  /** When the channel was archived (read-only; still counts towards the limit). See engine/channel-archive.ts. */
  archivedAt?: Date;
}

export interface TeamRecord {
  readonly id: string;
  readonly displayName: string;
  readonly siteId: string;
  readonly ownerIds: Set<string>;
  readonly memberIds: Set<string>;
  readonly channels: Map<string, ChannelRecord>;
  readonly operations: Map<string, Record<string, unknown>>;
}

export interface AttendeeRecord {
  readonly address: string;
  readonly name: string;
  readonly type: 'required' | 'optional' | 'resource';
}

export interface EventRecord {
  readonly id: string;
  readonly mailboxUserId: string;
  readonly iCalUId: string;
  readonly organizerUserId: string;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  start: Date;
  end: Date;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  isAllDay: boolean;
  location: { displayName: string };
  attendees: AttendeeRecord[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: { joinUrl: string; conferenceId: string; tollNumber: string } | null;
  onlineMeetingId: string | null;
  showAs: string;
  sensitivity: string;
  importance: string;
  categories: string[];
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  allowNewTimeProposals: boolean;
  responseRequested: boolean;
  hideAttendees: boolean;
  isCancelled: boolean;
  changeKey: string;
  readonly createdDateTime: Date;
  lastModifiedDateTime: Date;
  readonly transactionId: string | null;
}

export interface TranscriptRecord {
  readonly id: string;
  readonly createdDateTime: Date;
  readonly endDateTime: Date;
  readonly content: string;
}

export interface OnlineMeetingRecord {
  readonly id: string;
  readonly joinWebUrl: string;
  subject: string;
  startDateTime: Date;
  endDateTime: Date;
  readonly organizerUserId: string;
  attendeeAddresses: string[];
  readonly transcripts: TranscriptRecord[];
}

export interface DeltaTokenRecord {
  readonly listId: string;
  readonly siteId: string;
  /** Changes after this sequence number are reported. */
  readonly sinceSequence: number;
  /** Upper bound for this round of pages; undefined for a deltaLink token. */
  readonly snapshotSequence?: number;
  /** Resume point inside a round: the last (sequence, id) returned. */
  readonly after?: { readonly sequence: number; readonly id: number };
  /** The first enumeration reports current items only, never deletions. */
  readonly initial: boolean;
  readonly pageSize: number;
  readonly expand: string | undefined;
  readonly select: string | undefined;
  expired: boolean;
}

export class GraphState {
  /** The engine's clock (set by createGraphDouble), for access rules that change with time. */
  clock: () => Date = () => new Date();
  readonly users = new Map<string, UserRecord>();
  readonly sites = new Map<string, SiteRecord>();
  readonly drives = new Map<string, DriveRecord>();
  readonly teams = new Map<string, TeamRecord>();
  readonly events = new Map<string, EventRecord>();
  readonly onlineMeetings = new Map<string, OnlineMeetingRecord>();
  readonly uploadSessions = new Map<string, UploadSessionRecord>();
  /** Pre-authenticated download URLs handed out as @microsoft.graph.downloadUrl, by their token. */
  readonly downloadUrls = new Map<string, { readonly driveId: string; readonly itemId: string; readonly expiresAt: number }>();
  readonly deltaTokens = new Map<string, DeltaTokenRecord>();
  transcriptsDisabled = false;
  nextUserLookupId = 7;

  constructor(readonly tenantId: string) {}

  /** Finds a user by object id or UPN/mail (case-insensitive). */
  findUser(reference: string): UserRecord | undefined {
    const byId = this.users.get(reference);
    if (byId !== undefined) return byId;
    const lower = reference.toLowerCase();
    for (const user of this.users.values()) {
      if (user.userPrincipalName.toLowerCase() === lower || user.mail.toLowerCase() === lower) return user;
    }
    return undefined;
  }

  requireUser(userId: string): UserRecord {
    const user = this.users.get(userId);
    if (user === undefined) throw notFound(`User '${userId}' not found.`, 'Request_ResourceNotFound');
    return user;
  }

  /** Resolves a composite site id (hostname,guid,guid), a site-collection GUID or hostname,guid. */
  findSite(reference: string): SiteRecord | undefined {
    const lower = reference.toLowerCase();
    for (const site of this.sites.values()) {
      if (
        site.id.toLowerCase() === lower ||
        site.siteCollectionId.toLowerCase() === lower ||
        `${site.hostname},${site.siteCollectionId}`.toLowerCase() === lower
      ) {
        return site;
      }
    }
    return undefined;
  }

  findSiteByPath(hostname: string, serverRelativePath: string): SiteRecord | undefined {
    const path = `/${serverRelativePath.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
    for (const site of this.sites.values()) {
      if (site.hostname.toLowerCase() === hostname.toLowerCase() && site.serverRelativePath.toLowerCase() === path) return site;
    }
    return undefined;
  }

  /** Who may use a site: anyone (open), team members, or the members of a private/shared channel. */
  canAccessSite(site: SiteRecord, userId: string): boolean {
    switch (site.access.kind) {
      case 'open':
        return true;
      case 'team': {
        const team = this.teams.get(site.access.teamId);
        return team !== undefined && (team.memberIds.has(userId) || team.ownerIds.has(userId));
      }
      case 'channel': {
        const channel = this.teams.get(site.access.teamId)?.channels.get(site.access.channelId);
        if (channel === undefined || channel.deletedAt !== undefined) return false;
        if (site.permissionsReadyAt !== undefined && this.clock().getTime() < site.permissionsReadyAt) return false;
        return [...channel.members.values()].some((member) => member.userId === userId);
      }
    }
  }

  /** The site, checked for the caller's access: 404 when unknown, 403 when the caller is not a member. */
  requireSite(reference: string, userId: string): SiteRecord {
    const site = this.findSite(reference);
    if (site === undefined) throw notFound('Requested site could not be found');
    if (!this.canAccessSite(site, userId)) throw accessDenied();
    return site;
  }

  requireDrive(driveId: string, userId: string): DriveRecord {
    const drive = this.drives.get(driveId);
    if (drive === undefined) throw notFound('The drive could not be found.');
    const site = this.sites.get(drive.siteId);
    if (site === undefined || !this.canAccessSite(site, userId)) throw accessDenied();
    return drive;
  }

  requireTeam(teamId: string): TeamRecord {
    const team = this.teams.get(teamId);
    if (team === undefined) throw new GraphError(404, 'NotFound', `No team found with Group Id ${teamId}`);
    return team;
  }
}
