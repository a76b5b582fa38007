// The engine: createGraphDouble() wires state, routing, auth, faults, latency, logging and the
// resource-unit counter together, and offers seeding and inspection helpers for tests.
import { ALL_SCOPES, GRAPH_AUDIENCE, mintToken, readBearerToken, requireScope, type Principal } from './auth';
import { batchRoutes } from './batch';
import { calendarRoutes } from './calendar';
import { deltaRoutes } from './delta';
import { DOWNLOAD_PATH_PREFIX, driveRoutes, handleDownloadUrl, itemPath } from './drives';
import { GraphError, errorBody, notFound, type ErrorMeta } from './errors';
import { FaultInjector, afterCommitError, faultError, type FaultRates, type FaultSpec, type ScriptedFault } from './faults';
import { header, json } from './http-helpers';
import { createItem, itemETag, listItemRoutes } from './list-items';
import { createList, listRoutes, resolveList } from './lists';
import { createOnlineMeeting, meetingRoutes } from './meetings';
import { IdFactory, createRandom, deriveSeed } from './prng';
import { createSite, createTeam, createUser, type SeedSiteOptions, type SeedTeamOptions, type SeedUserOptions } from './provisioning';
import {
  QueryOptions,
  Router,
  SITE_ADDRESS,
  checkQueryOptions,
  parseServicePath,
  type EngineServices,
  type ResolvedOptions,
  type RouteContext,
} from './routing';
import {
  GraphState,
  type ChannelRecord,
  type EventRecord,
  type ListItemRecord,
  type ListRecord,
  type OnlineMeetingRecord,
  type SiteRecord,
  type TranscriptRecord,
  type UserRecord,
} from './state';
import { teamRoutes } from './teams';
import { DEFAULT_PRIVATE_CHANNEL_MEMBER_LIMIT, membershipRoutes } from './memberships';
import { channelArchiveRoutes } from './channel-archive';
import type { EngineRequest, EngineResponse, GraphDoubleRequest, GraphDoubleResponse, RequestLogEntry } from './types';
import { UPLOAD_PATH_PREFIX, handleUploadUrl, uploadSessionRoutes } from './upload-sessions';

export interface GraphDoubleOptions {
  /** Seeds ids, random faults and $batch ordering (default 1). */
  readonly seed?: number;
  /** Clock for timestamps, token expiry and upload-session expiry (default: the real clock). */
  readonly now?: () => Date;
  readonly tenantId?: string;
  /** Page size for list items without $top (SharePoint's default is 200). */
  readonly defaultPageSize?: number;
  /** Largest page SharePoint returns whatever $top asks for (5,000, the list view threshold). */
  readonly maxPageSize?: number;
  /** Run independent $batch parts and return responses in a seeded shuffled order (default true). */
  readonly shuffleBatch?: boolean;
  /** Refuse uploadUrl requests that carry Authorization (default true). */
  readonly rejectAuthorizationOnUploadUrl?: boolean;
  readonly uploadSessionLifetimeMs?: number;
  /**
   * Start every list-item query with an empty page that only carries @odata.nextLink (default false).
   * Graph allows empty pages; this catches clients that stop paging when a page has no items.
   */
  readonly emptyFirstPage?: boolean;
  /**
   * How long a new private or shared channel's site is "not ready yet" (filesFolder answers 404), default 0.
   * In a tenant this is seconds to minutes, and sometimes longer (see README).
   */
  readonly channelSiteDelayMs?: number;
  /** After the channel site is ready, how long its members are still refused (403), default 0. */
  readonly channelSitePermissionLagMs?: number;
  /** Private channels per team, counting channels deleted within the retention period (default 30). */
  readonly privateChannelLimit?: number;
  /** How long a deleted channel still counts towards the limit (default 30 days). */
  readonly deletedChannelRetentionMs?: number;
  /** Lifetime of a pre-authenticated download URL (default 1 hour). */
  readonly downloadUrlLifetimeMs?: number;
  /** Members per private channel (default 5,000; 250 before the 2025 update). */
  readonly privateChannelMemberLimit?: number;
  /** Whether guests (#EXT# accounts) may be added to teams (default true). */
  readonly guestsAllowed?: boolean;
}

export interface IssueTokenOptions {
  readonly upn: string;
  readonly scopes?: readonly string[];
  readonly displayName?: string;
  readonly expiresInSeconds?: number;
}

export interface SeededTeam {
  readonly teamId: string;
  readonly siteId: string;
  readonly driveId: string;
  readonly generalChannelId: string;
}

export interface ListItemSnapshot {
  readonly id: string;
  readonly eTag: string;
  readonly version: number;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface DriveItemSnapshot {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly isFolder: boolean;
  readonly size: number;
  readonly content: Uint8Array;
}

export interface GraphDouble {
  handle(request: GraphDoubleRequest): Promise<GraphDoubleResponse>;
  readonly requests: readonly RequestLogEntry[];
  /** Resource units spent so far (throttled requests count too). */
  readonly resourceUnits: number;
  readonly faults: {
    script(...faults: ScriptedFault[]): void;
    setRates(rates: FaultRates): void;
    clear(): void;
    readonly pendingScripted: number;
  };
  readonly state: GraphState;
  setLatency(ms: number): void;
  /** Changes how long new channel sites stay "not ready yet" (applies to channels created from now on too). */
  setChannelSiteDelay(ms: number): void;
  clearRequestLog(): void;
  issueToken(options: IssueTokenOptions): string;
  seedUser(options: SeedUserOptions): UserRecord;
  seedSite(options: SeedSiteOptions): SiteRecord;
  seedList(siteId: string, definition: { displayName: string; columns?: unknown[]; description?: string }): ListRecord;
  seedListItem(siteId: string, listRef: string, fields: Record<string, unknown>, asUpn?: string): ListItemRecord;
  seedTeam(options: SeedTeamOptions): SeededTeam;
  seedOnlineMeeting(options: { organizerUpn: string; subject: string; start: Date; end: Date; attendees?: string[] }): OnlineMeetingRecord;
  seedTranscript(options: { joinWebUrl: string; content: string; createdDateTime?: Date }): TranscriptRecord;
  /** Makes every delta token issued so far answer 410 Gone. */
  expireDeltaTokens(): void;
  setTranscriptsDisabled(disabled: boolean): void;
  listItems(siteId: string, listRef: string): ListItemSnapshot[];
  getList(siteId: string, listRef: string): ListRecord;
  driveItems(driveId: string): DriveItemSnapshot[];
  channel(teamId: string, channelId: string): ChannelRecord;
  events(upn: string): EventRecord[];
}

const VERSION_SEGMENT = '/v1.0';

function toEngineRequest(input: GraphDoubleRequest): EngineRequest {
  const url = new URL(input.url);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (value === undefined) continue;
    headers.set(name.toLowerCase(), typeof value === 'string' ? value : value.join(', '));
  }
  const versionIndex = url.pathname.indexOf(`${VERSION_SEGMENT}/`);
  const exact = url.pathname.endsWith(VERSION_SEGMENT) ? url.pathname.length - VERSION_SEGMENT.length : -1;
  const rootEnd = versionIndex >= 0 ? versionIndex + VERSION_SEGMENT.length : exact >= 0 ? url.pathname.length : -1;
  const serviceRoot = rootEnd >= 0 ? `${url.origin}${url.pathname.slice(0, rootEnd)}` : `${url.origin}${VERSION_SEGMENT}`;
  const servicePath = rootEnd >= 0 ? url.pathname.slice(rootEnd) : url.pathname;
  return { method: input.method.toUpperCase(), url, servicePath, serviceRoot, headers, body: input.body ?? null, inBatch: false };
}

function readable(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createGraphDouble(options: GraphDoubleOptions = {}): GraphDouble {
  const seed = options.seed ?? 1;
  const now = options.now ?? (() => new Date());
  const ids = new IdFactory(createRandom(deriveSeed(seed, 'ids')));
  const state = new GraphState(options.tenantId ?? ids.guid());
  const faults = new FaultInjector(createRandom(deriveSeed(seed, 'faults')));
  const resolved: ResolvedOptions = {
    defaultPageSize: options.defaultPageSize ?? 200,
    maxPageSize: options.maxPageSize ?? 5000,
    shuffleBatch: options.shuffleBatch ?? true,
    rejectAuthorizationOnUploadUrl: options.rejectAuthorizationOnUploadUrl ?? true,
    uploadSessionLifetimeMs: options.uploadSessionLifetimeMs ?? 60 * 60 * 1000,
    emptyFirstPage: options.emptyFirstPage ?? false,
    channelSiteDelayMs: options.channelSiteDelayMs ?? 0,
    channelSitePermissionLagMs: options.channelSitePermissionLagMs ?? 0,
    privateChannelLimit: options.privateChannelLimit ?? 30,
    deletedChannelRetentionMs: options.deletedChannelRetentionMs ?? 30 * 24 * 60 * 60 * 1000,
    downloadUrlLifetimeMs: options.downloadUrlLifetimeMs ?? 60 * 60 * 1000,
    privateChannelMemberLimit: options.privateChannelMemberLimit ?? DEFAULT_PRIVATE_CHANNEL_MEMBER_LIMIT,
    guestsAllowed: options.guestsAllowed ?? true,
  };
  state.clock = now;
  const log: RequestLogEntry[] = [];
  let resourceUnits = 0;
  let latencyMs = 0;

  // Order matters only where patterns overlap: items/delta must be tried before items/{id}.
  const router = new Router([
    ...deltaRoutes,
    ...listItemRoutes,
    ...listRoutes,
    ...batchRoutes,
    ...uploadSessionRoutes,
    ...driveRoutes,
    ...teamRoutes,
    ...membershipRoutes,
    ...channelArchiveRoutes,
    ...calendarRoutes,
    ...meetingRoutes,
  ]);

  const services: EngineServices = {
    state,
    ids,
    batchRandom: createRandom(deriveSeed(seed, 'batch')),
    faults,
    options: resolved,
    now,
    dispatch,
  };

  function principalFor(request: EngineRequest): Principal {
    const claims = readBearerToken(header(request, 'authorization'), Math.floor(now().getTime() / 1000));
    const user = state.users.get(claims.oid);
    if (user === undefined) throw new GraphError(401, 'InvalidAuthenticationToken', 'The user in the access token does not exist in this tenant.');
    return {
      userId: user.id,
      upn: user.userPrincipalName,
      scopes: new Set(
        claims.scp
          .split(' ')
          .filter((scope) => scope !== '')
          .map((scope) => scope.toLowerCase()),
      ),
    };
  }

  type AfterFault = Extract<FaultSpec, { kind: 'drop' | 'dropAfterCommit' | 'errorAfterCommit' }>;

  /** Applies a status fault by throwing it, or reports a connection or after-commit fault to the caller. */
  function applyFault(request: EngineRequest, path: string, onFault: (name: string) => void): AfterFault | undefined {
    const fault = faults.pick({ method: request.method, path, inBatch: request.inBatch });
    if (fault === undefined) return undefined;
    onFault(fault.kind);
    const error = faultError(fault);
    if (error !== undefined) throw error;
    return fault as AfterFault;
  }

  /** What the client gets for a request that was applied: the answer, a dropped connection, or a 5xx. */
  function afterCommit(response: EngineResponse, fault: AfterFault | undefined): EngineResponse {
    if (fault?.kind === 'dropAfterCommit') return { ...response, dropConnection: true };
    if (fault?.kind === 'errorAfterCommit') throw afterCommitError(fault);
    return response;
  }

  async function route(request: EngineRequest, path: string, onCost: (units: number) => void, onFault: (name: string) => void): Promise<EngineResponse> {
    if (request.url.pathname.startsWith(UPLOAD_PATH_PREFIX)) {
      onCost(request.method === 'PUT' ? 2 : 1);
      const connection = applyFault(request, path, onFault);
      if (connection?.kind === 'drop') return { status: 0, headers: {}, body: null, dropConnection: true };
      return afterCommit(handleUploadUrl(request, services), connection);
    }
    if (request.url.pathname.startsWith(DOWNLOAD_PATH_PREFIX)) {
      onCost(1);
      const connection = applyFault(request, path, onFault);
      if (connection?.kind === 'drop') return { status: 0, headers: {}, body: null, dropConnection: true };
      return afterCommit(handleDownloadUrl(request, services), connection);
    }
    const principal = principalFor(request);
    if (!request.url.pathname.startsWith(new URL(request.serviceRoot).pathname)) {
      throw new GraphError(400, 'BadRequest', `Invalid version: only ${VERSION_SEGMENT.slice(1)} is served by the Graph double.`);
    }
    const parsed = parseServicePath(request.servicePath);
    let segments = parsed.segments;
    if (parsed.siteAddress !== undefined) {
      const site = state.findSiteByPath(parsed.siteAddress.hostname, parsed.siteAddress.path);
      if (site === undefined) throw notFound('Requested site could not be found');
      segments = segments.map((segment) => (segment === SITE_ADDRESS ? site.id : segment));
    }
    const match = router.match(request.method, segments);
    const context: RouteContext = {
      request,
      params: match.params,
      addressPath: parsed.addressPath,
      query: new QueryOptions(request.url.searchParams),
      principal,
      services,
    };
    // Cost is known before faults are drawn, so throttled requests still count.
    onCost(typeof match.definition.cost === 'number' ? match.definition.cost : match.definition.cost(context));
    const connection = applyFault(request, path, onFault);
    if (connection?.kind === 'drop') return { status: 0, headers: {}, body: null, dropConnection: true };
    requireScope(principal, match.definition.scopes);
    checkQueryOptions(match.definition, context.query);
    const response = await match.definition.handle(context);
    // A request that failed on its own merits is answered as it is; only an applied one can be lost after commit.
    return response.status < 400 ? afterCommit(response, connection) : response;
  }

  function errorResponse(error: unknown, meta: ErrorMeta): EngineResponse {
    const graphError =
      error instanceof GraphError
        ? error
        : new GraphError(500, 'generalException', `The Graph double failed: ${error instanceof Error ? error.message : String(error)}`);
    return json(graphError.status, errorBody(graphError, meta), { ...graphError.options.headers });
  }

  async function dispatch(request: EngineRequest): Promise<EngineResponse> {
    const received = now();
    const meta: ErrorMeta = { requestId: ids.guid(), clientRequestId: header(request, 'client-request-id') ?? ids.guid(), date: received };
    const path = readable(request.servicePath);
    let cost = 0;
    let faultName: string | undefined;
    let response: EngineResponse;
    try {
      response = await route(
        request,
        path,
        (units) => (cost = units),
        (name) => (faultName = name),
      );
    } catch (error) {
      response = errorResponse(error, meta);
    }
    response.headers = { ...response.headers, 'request-id': meta.requestId, 'client-request-id': meta.clientRequestId };
    if (cost > 0) response.headers['x-ms-resource-unit'] = String(cost);
    resourceUnits += cost;
    log.push({
      method: request.method,
      path,
      query: readable(request.url.search.replace(/^\?/, '')),
      status: response.dropConnection === true ? 0 : response.status,
      time: received.toISOString(),
      inBatch: request.inBatch,
      resourceUnits: cost,
      ...(faultName === undefined ? {} : { fault: faultName }),
    });
    return response;
  }

  function systemContext(userId = ''): Pick<RouteContext, 'services' | 'principal'> {
    return { services, principal: { userId, upn: '', scopes: new Set<string>() } };
  }

  function requireSiteRecord(reference: string): SiteRecord {
    const site = state.findSite(reference);
    if (site === undefined) throw new Error(`No site '${reference}' in the Graph double.`);
    return site;
  }

  return {
    async handle(input) {
      if (latencyMs > 0) await delay(latencyMs);
      let response: EngineResponse;
      try {
        response = await dispatch(toEngineRequest(input));
      } catch (error) {
        response = errorResponse(error, { requestId: ids.guid(), clientRequestId: ids.guid(), date: now() });
      }
      return { status: response.status, headers: response.headers, body: response.body, dropConnection: response.dropConnection === true };
    },
    get requests() {
      return log;
    },
    get resourceUnits() {
      return resourceUnits;
    },
    faults: {
      script: (...entries) => faults.script(...entries),
      setRates: (rates) => faults.setRates(rates),
      clear: () => faults.clear(),
      get pendingScripted() {
        return faults.pendingScripted;
      },
    },
    state,
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    setChannelSiteDelay(ms) {
      (resolved as { channelSiteDelayMs: number }).channelSiteDelayMs = Math.max(0, ms);
    },
    clearRequestLog() {
      log.length = 0;
      resourceUnits = 0;
    },
    issueToken({ upn, scopes = ALL_SCOPES, displayName, expiresInSeconds = 3600 }) {
      const user = createUser(services, { userPrincipalName: upn, displayName });
      const issuedAt = Math.floor(now().getTime() / 1000);
      return mintToken({
        aud: GRAPH_AUDIENCE,
        upn: user.userPrincipalName,
        oid: user.id,
        tid: state.tenantId,
        name: user.displayName,
        scp: scopes.join(' '),
        iat: issuedAt,
        exp: issuedAt + expiresInSeconds,
      });
    },
    seedUser: (seedOptions) => createUser(services, seedOptions),
    seedSite: (seedOptions) => createSite(services, seedOptions),
    seedList(siteId, definition) {
      return createList(services, requireSiteRecord(siteId), { ...definition }, '');
    },
    seedListItem(siteId, listRef, fields, asUpn) {
      const list = resolveList(requireSiteRecord(siteId), listRef);
      const userId = asUpn === undefined ? '' : createUser(services, { userPrincipalName: asUpn }).id;
      return createItem(systemContext(userId), list, fields);
    },
    seedTeam(teamOptions) {
      const { team, site, generalChannel } = createTeam(services, teamOptions);
      return { teamId: team.id, siteId: site.id, driveId: site.driveId, generalChannelId: generalChannel.id };
    },
    seedOnlineMeeting({ organizerUpn, subject, start, end, attendees = [] }) {
      const organizer = createUser(services, { userPrincipalName: organizerUpn });
      return createOnlineMeeting(services, { organizerUserId: organizer.id, subject, start, end, attendeeAddresses: attendees });
    },
    seedTranscript({ joinWebUrl, content, createdDateTime }) {
      const meeting = [...state.onlineMeetings.values()].find((candidate) => candidate.joinWebUrl === joinWebUrl);
      if (meeting === undefined) throw new Error(`No online meeting with joinWebUrl ${joinWebUrl}.`);
      const created = createdDateTime ?? now();
      const transcript: TranscriptRecord = {
        id: Buffer.from(`1*${meeting.organizerUserId}*0**${ids.guid()}`, 'utf8').toString('base64'),
        createdDateTime: created,
        endDateTime: new Date(created.getTime() + 60 * 60 * 1000),
        content,
      };
      meeting.transcripts.push(transcript);
      return transcript;
    },
    expireDeltaTokens() {
      for (const token of state.deltaTokens.values()) token.expired = true;
    },
    setTranscriptsDisabled(disabled) {
      state.transcriptsDisabled = disabled;
    },
    listItems(siteId, listRef) {
      const list = resolveList(requireSiteRecord(siteId), listRef);
      return [...list.items.values()]
        .sort((a, b) => a.id - b.id)
        .map((item) => ({ id: String(item.id), eTag: itemETag(item), version: item.version, fields: { ...item.fields } }));
    },
    getList(siteId, listRef) {
      return resolveList(requireSiteRecord(siteId), listRef);
    },
    driveItems(driveId) {
      const drive = state.drives.get(driveId);
      if (drive === undefined) throw new Error(`No drive '${driveId}' in the Graph double.`);
      return [...drive.items.values()]
        .filter((item) => item.parentId !== null)
        .map((item) => ({
          id: item.id,
          name: item.name,
          path: itemPath(drive, item),
          isFolder: item.isFolder,
          size: item.content.length,
          content: item.content,
        }));
    },
    channel(teamId, channelId) {
      const channel = state.teams.get(teamId)?.channels.get(channelId);
      if (channel === undefined) throw new Error(`No channel '${channelId}' in team '${teamId}'.`);
      return channel;
    },
    events(upn) {
      const user = state.findUser(upn);
      return user === undefined ? [] : [...state.events.values()].filter((event) => event.mailboxUserId === user.id);
    },
  };
}
