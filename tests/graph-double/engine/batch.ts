// JSON batching: POST /$batch with up to 20 parts, each routed through the same pipeline
// (auth, faults, scopes, logging). dependsOn orders execution and a failed dependency gives 424.
// Independent parts run, and responses come back, in a seeded shuffled order.
import { GraphError, badRequest, errorBody } from './errors';
import { isRecord, json, type JsonObject } from './http-helpers';
import { shuffle } from './prng';
import type { RouteContext, RouteDefinition } from './routing';
import type { EngineRequest, EngineResponse } from './types';
import { MAILBOX_CONCURRENCY_MESSAGE, overMailboxLimit } from './mailbox-concurrency';

export const MAX_BATCH_REQUESTS = 20;
const PART_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

interface BatchPart {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly hasBody: boolean;
  readonly dependsOn: readonly string[];
}

const malformed = (detail: string): GraphError => badRequest(`Invalid batch payload format. ${detail}`);

function parsePart(value: unknown, index: number): BatchPart {
  if (!isRecord(value)) throw malformed(`Request ${index} is not an object.`);
  const { id, method, url, headers, body, dependsOn } = value;
  if (typeof id !== 'string' || id === '') throw malformed(`Request ${index} needs a string id.`);
  if (typeof method !== 'string' || !PART_METHODS.includes(method.toUpperCase())) throw malformed(`Request '${id}' has an invalid method.`);
  if (typeof url !== 'string' || url === '') throw malformed(`Request '${id}' needs a url.`);
  const partHeaders: Record<string, string> = {};
  if (headers !== undefined) {
    if (!isRecord(headers)) throw malformed(`Request '${id}' has invalid headers.`);
    for (const [name, headerValue] of Object.entries(headers)) {
      if (typeof headerValue !== 'string') throw malformed(`Header '${name}' of request '${id}' must be a string.`);
      partHeaders[name.toLowerCase()] = headerValue;
    }
  }
  const hasBody = body !== undefined && body !== null;
  if (hasBody && partHeaders['content-type'] === undefined) {
    throw malformed(`Request '${id}' has a body but no Content-Type header.`);
  }
  let dependencies: string[] = [];
  if (dependsOn !== undefined) {
    if (!Array.isArray(dependsOn) || !dependsOn.every((entry) => typeof entry === 'string'))
      throw malformed(`dependsOn of request '${id}' must be an array of ids.`);
    dependencies = dependsOn as string[];
  }
  return { id, method: method.toUpperCase(), url, headers: partHeaders, body, hasBody, dependsOn: dependencies };
}

/** Validates the envelope: 400 for a malformed payload, too many parts, duplicate ids or bad dependencies. */
function parseBatch(payload: unknown): BatchPart[] {
  if (!isRecord(payload) || !Array.isArray(payload.requests)) throw malformed("The body must be an object with a 'requests' array.");
  if (payload.requests.length > MAX_BATCH_REQUESTS) throw badRequest('Number of requests inside batch exceeds the limit.');
  if (payload.requests.length === 0) throw malformed('The batch has no requests.');
  const parts = payload.requests.map(parsePart);
  const ids = new Set<string>();
  for (const part of parts) {
    // Ids are not case-sensitive.
    const key = part.id.toLowerCase();
    if (ids.has(key)) throw badRequest(`Batch request contains duplicate request id '${part.id}'.`);
    ids.add(key);
  }
  for (const part of parts) {
    for (const dependency of part.dependsOn) {
      if (!ids.has(dependency.toLowerCase()) || dependency.toLowerCase() === part.id.toLowerCase()) {
        throw malformed(`Request '${part.id}' depends on unknown request '${dependency}'.`);
      }
    }
  }
  return parts;
}

/** A topological order; among the parts that are ready, the seeded stream picks which runs next. */
function executionOrder(parts: readonly BatchPart[], random: (() => number) | undefined): BatchPart[] {
  const done = new Set<string>();
  const pending = [...parts];
  const order: BatchPart[] = [];
  while (pending.length > 0) {
    const ready = pending.filter((part) => part.dependsOn.every((dependency) => done.has(dependency.toLowerCase())));
    if (ready.length === 0) throw malformed('dependsOn forms a cycle.');
    const next = random === undefined ? ready[0] : ready[Math.floor(random() * ready.length)];
    if (next === undefined) break;
    order.push(next);
    done.add(next.id.toLowerCase());
    pending.splice(pending.indexOf(next), 1);
  }
  return order;
}

const PART_HEADER_NAMES: Readonly<Record<string, string>> = {
  'content-type': 'Content-Type',
  'retry-after': 'Retry-After',
  etag: 'ETag',
  location: 'Location',
  'preference-applied': 'Preference-Applied',
  'cache-control': 'Cache-Control',
};

function partResponse(id: string, response: EngineResponse): JsonObject {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (name === 'request-id' || name === 'client-request-id') continue;
    headers[PART_HEADER_NAMES[name] ?? name] = value;
  }
  let body: unknown = response.body;
  // Binary bodies travel base64-encoded inside the JSON envelope.
  if (body instanceof Uint8Array) body = Buffer.from(body).toString('base64');
  if (response.status === 204 || body === undefined) body = null;
  return { id, status: response.status, headers, body };
}

function partRequest(outer: EngineRequest, part: BatchPart): EngineRequest | GraphError {
  if (/^[a-z]+:\/\//i.exec(part.url) !== null) return badRequest('Batch request URLs must be relative to the service root, for example /sites/{site-id}.');
  const relative = part.url.startsWith('/') ? part.url : `/${part.url}`;
  const url = new URL(`${outer.serviceRoot}${relative}`);
  const headers = new Map(Object.entries(part.headers));
  const authorization = outer.headers.get('authorization');
  if (authorization !== undefined && !headers.has('authorization')) headers.set('authorization', authorization);
  const clientRequestId = outer.headers.get('client-request-id');
  if (clientRequestId !== undefined && !headers.has('client-request-id')) headers.set('client-request-id', clientRequestId);
  return {
    method: part.method,
    url,
    servicePath: url.pathname.slice(new URL(outer.serviceRoot).pathname.length),
    serviceRoot: outer.serviceRoot,
    headers,
    body: part.hasBody ? { json: part.body } : null,
    inBatch: true,
  };
}

async function runBatch(context: RouteContext): Promise<EngineResponse> {
  if (context.request.inBatch) throw badRequest('Nested batch requests are not supported.');
  const parts = parseBatch(readBatchBody(context.request));
  const { services } = context;
  const random = services.options.shuffleBatch ? services.batchRandom : undefined;
  const results = new Map<string, EngineResponse>();
  const order = executionOrder(parts, random);
  const overLimit = overMailboxLimit(parts, context.principal.userId);
  for (const part of order) {
    if (overLimit.has(part.id.toLowerCase())) {
      const error = new GraphError(429, 'ApplicationThrottled', MAILBOX_CONCURRENCY_MESSAGE);
      results.set(
        part.id.toLowerCase(),
        json(429, errorBody(error, { requestId: services.ids.guid(), clientRequestId: services.ids.guid(), date: services.now() }), { 'retry-after': '1' }),
      );
      continue;
    }
    const failedDependency = part.dependsOn.find((dependency) => (results.get(dependency.toLowerCase())?.status ?? 0) >= 400);
    if (failedDependency !== undefined) {
      const error = new GraphError(424, 'FailedDependency', `The request depends on request '${failedDependency}', which failed.`);
      results.set(
        part.id.toLowerCase(),
        json(424, errorBody(error, { requestId: services.ids.guid(), clientRequestId: services.ids.guid(), date: services.now() })),
      );
      continue;
    }
    const request = partRequest(context.request, part);
    if (request instanceof GraphError) {
      results.set(
        part.id.toLowerCase(),
        json(request.status, errorBody(request, { requestId: services.ids.guid(), clientRequestId: services.ids.guid(), date: services.now() })),
      );
      continue;
    }
    results.set(part.id.toLowerCase(), await services.dispatch(request));
  }
  const answered = random === undefined ? order : shuffle(order, random);
  const responses = answered.map((part) => {
    const result = results.get(part.id.toLowerCase());
    if (result === undefined) throw new GraphError(500, 'generalException', `No result for batch request '${part.id}'.`);
    return partResponse(part.id, result);
  });
  return json(200, { responses });
}

function readBatchBody(request: EngineRequest): unknown {
  try {
    const raw = request.body;
    if (raw === null) return undefined;
    if (raw instanceof Uint8Array || typeof raw === 'string') {
      const text = typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
      return JSON.parse(text) as unknown;
    }
    return raw.json;
  } catch {
    throw malformed('The body is not valid JSON.');
  }
}

export const batchRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    pattern: '$batch',
    scopes: [],
    // Each part is counted on its own.
    cost: 0,
    handle: runBatch,
  },
];
