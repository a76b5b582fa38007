// Routing: one table of (method, pattern) → handler. Patterns are '/'-separated segments where
// ':name' captures a segment and '~path' stands for Graph's path addressing, as in
// root:/Folder/File.txt:/content or sites/contoso.sharepoint.com:/sites/lscb.
import type { Principal } from './auth';
import { GraphError, badRequest, methodNotAllowed, segmentNotFound } from './errors';
import type { FaultInjector } from './faults';
import type { IdFactory, Random } from './prng';
import type { GraphState } from './state';
import type { EngineRequest, EngineResponse } from './types';

export const PATH_ADDRESS = '~path';

export interface ResolvedOptions {
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  readonly shuffleBatch: boolean;
  readonly rejectAuthorizationOnUploadUrl: boolean;
  readonly uploadSessionLifetimeMs: number;
  readonly emptyFirstPage: boolean;
  /** How long a new private or shared channel's site answers filesFolder with 404 "not ready yet". */
  readonly channelSiteDelayMs: number;
  /** After the site is ready, how long its members are still refused (403) while permissions catch up. */
  readonly channelSitePermissionLagMs: number;
  /** Private channels a team may have, counting channels deleted within the retention period. */
  readonly privateChannelLimit: number;
  /** How long a deleted channel still counts towards the limit (and can be restored). */
  readonly deletedChannelRetentionMs: number;
  /** Lifetime of a pre-authenticated download URL. */
  readonly downloadUrlLifetimeMs: number;
  /** Members a private channel may have (memberships.ts). */
  readonly privateChannelMemberLimit: number;
  /** Whether the tenant lets people from outside it (guests, #EXT# accounts) be added to teams. */
  readonly guestsAllowed: boolean;
}

export interface EngineServices {
  readonly state: GraphState;
  readonly ids: IdFactory;
  /** Stream used to order $batch execution and responses. */
  readonly batchRandom: Random;
  readonly faults: FaultInjector;
  readonly options: ResolvedOptions;
  now(): Date;
  /** Routes a request through the whole pipeline (auth, faults, scopes, logging); used by $batch. */
  dispatch(request: EngineRequest): Promise<EngineResponse>;
}

export interface RouteContext {
  readonly request: EngineRequest;
  readonly params: Readonly<Record<string, string>>;
  /** The decoded path from ':/path:' addressing, without leading or trailing '/'. */
  readonly addressPath: string | undefined;
  readonly query: QueryOptions;
  readonly principal: Principal;
  readonly services: EngineServices;
}

export interface RouteDefinition {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly pattern: string;
  /** Accepted delegated scopes (any of). */
  readonly scopes: readonly string[];
  /** Resource units this request costs (Graph's SharePoint cost model). */
  readonly cost: number | ((context: RouteContext) => number);
  /** OData system query options this route implements; any other one is refused, never silently ignored. */
  readonly queryOptions?: readonly string[];
  handle(context: RouteContext): EngineResponse | Promise<EngineResponse>;
}

/** OData system query options Graph also accepts without the '$' prefix. */
const SYSTEM_OPTIONS = ['select', 'expand', 'filter', 'orderby', 'top', 'skip', 'skiptoken', 'count', 'search', 'format', 'deltatoken'];

export class QueryOptions {
  private readonly values = new Map<string, string>();

  constructor(private readonly params: URLSearchParams) {
    for (const [key, value] of params) {
      const normalised = key.toLowerCase();
      const bare = normalised.startsWith('$') ? normalised.slice(1) : normalised;
      // The $-prefixed form wins when both are present.
      if (normalised.startsWith('$') || !this.values.has(bare)) this.values.set(bare, value);
    }
  }

  /** Reads an option with or without its '$' prefix. */
  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }

  /** The system query options present (bare names). */
  systemOptions(): string[] {
    const found: string[] = [];
    for (const key of this.params.keys()) {
      const lower = key.toLowerCase();
      const bare = lower.startsWith('$') ? lower.slice(1) : lower;
      if (lower.startsWith('$') || SYSTEM_OPTIONS.includes(bare)) found.push(bare);
    }
    return found;
  }

  entries(): Array<[string, string]> {
    return [...this.params.entries()];
  }
}

export interface ParsedPath {
  readonly segments: string[];
  /** Path from item addressing such as root:/Folder/File.txt: (decoded, no leading '/'). */
  readonly addressPath: string | undefined;
  /** Site addressed by path, as in sites/contoso.sharepoint.com:/sites/lscb: (then segments hold '~site'). */
  readonly siteAddress: { readonly hostname: string; readonly path: string } | undefined;
}

export const SITE_ADDRESS = '~site';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`The request URI contains an invalid escape sequence in '${segment}'.`);
  }
}

const splitSegments = (raw: string): string[] =>
  raw
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);

/** Splits at the first ':/' into the part before, the addressed path and the rest after the closing ':'. */
function splitAddress(raw: string): { prefix: string; address: string; tail: string } | undefined {
  const open = raw.indexOf(':/');
  if (open < 0) return undefined;
  const rest = raw.slice(open + 2);
  const close = rest.search(/:(\/|$)/);
  return {
    prefix: raw.slice(0, open),
    address: close < 0 ? rest : rest.slice(0, close),
    tail: close < 0 ? '' : rest.slice(close + 1),
  };
}

/** Splits a service path into decoded segments, lifting ':/path:' addressing into '~site' and '~path' segments. */
export function parseServicePath(servicePath: string): ParsedPath {
  const first = splitAddress(servicePath);
  if (first === undefined) return { segments: splitSegments(servicePath), addressPath: undefined, siteAddress: undefined };
  const prefixSegments = splitSegments(first.prefix);
  if (prefixSegments.length === 2 && prefixSegments[0]?.toLowerCase() === 'sites') {
    const inner = parseServicePath(first.tail);
    return {
      segments: ['sites', SITE_ADDRESS, ...inner.segments],
      addressPath: inner.addressPath,
      siteAddress: { hostname: prefixSegments[1] ?? '', path: splitSegments(first.address).join('/') },
    };
  }
  const addressPath = splitSegments(first.address).join('/');
  return { segments: [...prefixSegments, PATH_ADDRESS, ...splitSegments(first.tail)], addressPath, siteAddress: undefined };
}

interface CompiledRoute {
  readonly definition: RouteDefinition;
  readonly segments: readonly string[];
}

export interface RouteMatch {
  readonly definition: RouteDefinition;
  readonly params: Record<string, string>;
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(definitions: readonly RouteDefinition[]) {
    this.routes = definitions.map((definition) => ({ definition, segments: definition.pattern.split('/') }));
  }

  /** Finds the route or throws Graph's errors: 400 for an unknown segment, 405 for a known path with the wrong method. */
  match(method: string, segments: readonly string[]): RouteMatch {
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (params === undefined) continue;
      if (route.definition.method === method) return { definition: route.definition, params };
      pathMatched = true;
    }
    if (pathMatched) throw methodNotAllowed();
    throw segmentNotFound(this.firstUnknownSegment(segments));
  }

  private firstUnknownSegment(segments: readonly string[]): string {
    let deepest = 0;
    for (const route of this.routes) {
      let depth = 0;
      while (depth < segments.length && depth < route.segments.length && segmentMatches(route.segments[depth] ?? '', segments[depth] ?? '')) {
        depth += 1;
      }
      deepest = Math.max(deepest, depth);
    }
    const segment = segments[deepest] ?? segments[segments.length - 1] ?? '';
    return segment === PATH_ADDRESS ? ':' : segment;
  }
}

function segmentMatches(pattern: string, actual: string): boolean {
  if (pattern === PATH_ADDRESS || actual === PATH_ADDRESS) return pattern === actual;
  if (pattern.startsWith(':')) return actual !== '';
  return pattern.toLowerCase() === actual.toLowerCase();
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const expected = pattern[index] ?? '';
    const value = actual[index] ?? '';
    if (!segmentMatches(expected, value)) return undefined;
    if (expected.startsWith(':')) params[expected.slice(1)] = value;
  }
  return params;
}

/** Refuses OData options the route does not implement, so a client never gets a silently unfiltered answer. */
export function checkQueryOptions(definition: RouteDefinition, query: QueryOptions): void {
  const allowed = definition.queryOptions ?? [];
  for (const option of query.systemOptions()) {
    if (!allowed.includes(option)) {
      throw new GraphError(400, 'BadRequest', `Query option '$${option}' is not supported on this resource by the Graph double.`);
    }
  }
}
