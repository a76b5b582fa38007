// Shared set-up for the double's own tests: a fresh double per test behind msw, and a tiny fetch
// wrapper. Requests go through the real global fetch, which msw intercepts.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createGraphDouble, type GraphDouble, type GraphDoubleOptions } from './engine/double';
import { GRAPH_BASE_URL, graphDoubleHandlers } from './front-ends/msw-handlers';
import { seedLscbTenant, type LscbTenant } from './lscb-fixture';

export const GRAPH = GRAPH_BASE_URL;

export interface Harness {
  readonly double: GraphDouble;
  readonly tenant: LscbTenant;
  /** Reviewer token with every scope. */
  readonly token: string;
}

/**
 * Registers msw for the file and gives each test a fresh, seeded double with the LSCB tenant.
 * Calling the accessor with options rebuilds the double for the current test.
 */
export function installGraphDouble(options: GraphDoubleOptions = {}): (rebuildWith?: GraphDoubleOptions) => Harness {
  const server = setupServer();
  let current: Harness | undefined;
  const build = (extra: GraphDoubleOptions): Harness => {
    const double = createGraphDouble({ seed: 42, ...options, ...extra });
    const tenant = seedLscbTenant(double);
    server.resetHandlers(...graphDoubleHandlers(double));
    current = { double, tenant, token: tenant.reviewerToken };
    return current;
  };
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    build({});
  });
  afterAll(() => server.close());
  return (rebuildWith) => {
    if (rebuildWith !== undefined) return build(rebuildWith);
    if (current === undefined) throw new Error('The Graph double is only available inside a test.');
    return current;
  };
}

export interface CallOptions {
  readonly token?: string | null;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Send the body as-is (bytes or text) instead of JSON. */
  readonly raw?: Uint8Array | string;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or the text for non-JSON bodies, or null for an empty body. */
  readonly body: unknown;
}

/** Calls a URL (absolute, or relative to the Graph service root) with real fetch. */
export async function call(method: string, pathOrUrl: string, options: CallOptions = {}): Promise<CallResult> {
  const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${GRAPH}${pathOrUrl}`;
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== null && options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined;
  if (options.raw !== undefined) {
    body = options.raw;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, { method, headers, body: body as BodyInit | undefined });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  const parsed: unknown = text === '' ? null : contentType.includes('json') ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, body: parsed };
}

/** Narrowing helper for JSON bodies in assertions. */
export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`Expected an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export function errorCode(result: CallResult): unknown {
  return asRecord(asRecord(result.body).error).code;
}

export function valueOf(result: CallResult): Array<Record<string, unknown>> {
  const value = asRecord(result.body).value;
  if (!Array.isArray(value)) throw new Error(`Expected a value array, got ${JSON.stringify(result.body)}`);
  return value as Array<Record<string, unknown>>;
}

/** The columns most tests use: an indexed status, a non-indexed note, a number and a date. */
export const REVIEW_COLUMNS = [
  { name: 'CaseRef', text: { maxLength: 20 }, indexed: true },
  { name: 'Status', choice: { choices: ['Draft', 'Open', 'Closed'] }, indexed: true },
  { name: 'Agency', text: {} },
  { name: 'Notes', text: { allowMultipleLines: true } },
  { name: 'Score', number: {}, indexed: true },
  { name: 'DueDate', dateTime: {}, indexed: true },
  { name: 'Urgent', boolean: {}, indexed: true },
];
