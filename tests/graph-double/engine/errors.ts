// Graph's error format: {"error":{"code","message","innerError":{"request-id","date","client-request-id"}}}.
// Clients key on `code`; messages follow the real service where it is known.

export interface GraphErrorOptions {
  /** Detailed code placed in innerError.code (e.g. entityTagDoesNotMatch). */
  readonly innerCode?: string;
  /** Extra innerError properties (e.g. status and message for throttling). */
  readonly innerExtras?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Thrown by route handlers; the engine turns it into a Graph error response. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: GraphErrorOptions = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface ErrorMeta {
  readonly requestId: string;
  readonly clientRequestId: string;
  readonly date: Date;
}

/** innerError.date has no fractional seconds and no zone, as in Graph's documented examples. */
export function innerErrorDate(date: Date): string {
  return date.toISOString().slice(0, 19);
}

export function errorBody(error: GraphError, meta: ErrorMeta): Record<string, unknown> {
  const innerError: Record<string, string> = {};
  if (error.options.innerCode !== undefined) innerError.code = error.options.innerCode;
  Object.assign(innerError, error.options.innerExtras ?? {});
  innerError.date = innerErrorDate(meta.date);
  innerError['request-id'] = meta.requestId;
  innerError['client-request-id'] = meta.clientRequestId;
  return { error: { code: error.code, message: error.message, innerError } };
}

export const notFound = (message = 'The resource could not be found.', code = 'itemNotFound'): GraphError =>
  new GraphError(404, code, message);

export const invalidRequest = (message: string, innerCode?: string): GraphError =>
  new GraphError(400, 'invalidRequest', message, innerCode === undefined ? {} : { innerCode });

export const badRequest = (message: string, code = 'BadRequest'): GraphError => new GraphError(400, code, message);

export const accessDenied = (message = 'Access denied. You do not have permission to perform this action or access this resource.'): GraphError =>
  new GraphError(403, 'accessDenied', message);

/** Graph's answer for a path it does not know. */
export const segmentNotFound = (segment: string): GraphError =>
  new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);

export const methodNotAllowed = (): GraphError =>
  new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');

/** Used where the double deliberately refuses a real Graph feature it does not model, rather than answering wrongly. */
export const notModelled = (what: string): GraphError =>
  new GraphError(501, 'notSupported', `${what} is not modelled by the Graph double.`);
