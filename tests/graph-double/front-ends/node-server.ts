// node:http front-end for Playwright: serves the double on 127.0.0.1 with CORS, so a browser app
// on another port can call it with Authorization and If-Match headers. A small /_double/ control
// API lets a test in another process mint tokens, inject faults and read state.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { GraphDouble } from '../engine/double';
import type { FaultRates, FaultSpec } from '../engine/faults';
import { encodeResponseBody } from './wire';

export interface GraphDoubleServerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Serve the /_double/ control API (default true). */
  readonly control?: boolean;
}

export interface GraphDoubleServer {
  /** Service root, e.g. http://127.0.0.1:5174/v1.0 */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'Location', 'Content-Location', 'Preference-Applied', 'request-id', 'client-request-id', 'x-ms-resource-unit'];
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
export const CONTROL_PREFIX = '/_double/';

function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-expose-headers': EXPOSED_HEADERS.join(', '),
    vary: 'Origin',
  };
}

function readBody(request: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

interface ControlFault {
  readonly fault: FaultSpec;
  readonly method?: string;
  readonly path?: string;
  readonly inBatch?: boolean;
  readonly times?: number;
  readonly skip?: number;
}

function parseJson(bytes: Uint8Array): Record<string, unknown> {
  const text = new TextDecoder().decode(bytes);
  const value: unknown = text === '' ? {} : JSON.parse(text);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Test-only control endpoints; not part of Graph. */
function handleControl(double: GraphDouble, method: string, path: string, bytes: Uint8Array): { status: number; body: unknown } {
  const body = parseJson(bytes);
  const route = `${method} ${path.slice(CONTROL_PREFIX.length)}`;
  switch (route) {
    case 'POST token': {
      if (typeof body.upn !== 'string') return { status: 400, body: { error: 'upn is required' } };
      const scopes = Array.isArray(body.scopes) ? body.scopes.filter((scope): scope is string => typeof scope === 'string') : undefined;
      return { status: 200, body: { token: double.issueToken({ upn: body.upn, scopes }) } };
    }
    case 'POST latency':
      double.setLatency(Number(body.ms ?? 0));
      return { status: 204, body: null };
    case 'POST faults': {
      if (body.clear === true) double.faults.clear();
      if (typeof body.rates === 'object' && body.rates !== null) double.faults.setRates(body.rates as FaultRates);
      const script = Array.isArray(body.script) ? (body.script as ControlFault[]) : [];
      double.faults.script(...script.map((entry) => ({ fault: entry.fault, times: entry.times, skip: entry.skip, match: { method: entry.method, path: entry.path, inBatch: entry.inBatch } })));
      return { status: 204, body: null };
    }
    case 'POST channel-site-delay':
      double.setChannelSiteDelay(Number(body.ms ?? 0));
      return { status: 204, body: null };
    case 'POST expire-delta-tokens':
      double.expireDeltaTokens();
      return { status: 204, body: null };
    case 'POST transcripts':
      double.setTranscriptsDisabled(body.disabled === true);
      return { status: 204, body: null };
    case 'GET requests':
      return { status: 200, body: { requests: double.requests, resourceUnits: double.resourceUnits } };
    default:
      return { status: 404, body: { error: `Unknown control route ${route}` } };
  }
}

export async function startGraphDoubleServer(double: GraphDouble, options: GraphDoubleServerOptions = {}): Promise<GraphDoubleServer> {
  const host = options.host ?? '127.0.0.1';
  const control = options.control ?? true;
  const sockets = new Set<Socket>();
  let origin = '';

  const server = createServer((request, response) => {
    void (async () => {
      const cors = corsHeaders(request);
      const method = (request.method ?? 'GET').toUpperCase();
      if (method === 'OPTIONS') {
        // CORS preflight: allow whatever headers the app asks for (Authorization, If-Match, Prefer, Content-Range…).
        const preflight: Record<string, string> = {
          ...cors,
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'authorization, content-type',
          'access-control-max-age': '600',
        };
        if (request.headers['access-control-request-private-network'] === 'true') preflight['access-control-allow-private-network'] = 'true';
        response.writeHead(204, preflight);
        response.end();
        return;
      }
      const bytes = await readBody(request);
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      if (control && path.startsWith(CONTROL_PREFIX)) {
        const result = handleControl(double, method, path, bytes);
        if (result.body === null) {
          response.writeHead(result.status, cors);
          response.end();
        } else {
          sendJson(response, result.status, result.body, cors);
        }
        return;
      }
      const answer = await double.handle({ method, url: `${origin}${request.url ?? '/'}`, headers: request.headers, body: bytes.length === 0 ? null : bytes });
      if (answer.dropConnection) {
        request.socket.destroy();
        return;
      }
      const payload = encodeResponseBody(answer);
      response.writeHead(answer.status, { ...answer.headers, ...cors });
      response.end(payload === null ? undefined : Buffer.from(payload));
    })().catch((error: unknown) => {
      sendJson(response, 500, { error: { code: 'generalException', message: error instanceof Error ? error.message : String(error) } }, corsHeaders(request));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;
  return {
    url: `${origin}/v1.0`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
