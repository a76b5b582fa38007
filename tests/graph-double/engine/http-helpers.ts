// Small helpers for reading requests and building responses.
import { GraphError } from './errors';
import type { EngineBody, EngineRequest, EngineResponse } from './types';

export const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();

export function bodyBytes(body: EngineBody): Uint8Array {
  if (body === null) return new Uint8Array(0);
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return utf8Encoder.encode(body);
  // A $batch part may carry a base64 string for binary bodies.
  if (typeof body.json === 'string') return Uint8Array.from(Buffer.from(body.json, 'base64'));
  return utf8Encoder.encode(JSON.stringify(body.json));
}

/** Parses the request body as JSON; an empty body is undefined. Malformed JSON is a 400 as Graph gives. */
export function readJson(request: EngineRequest): unknown {
  const body = request.body;
  if (body !== null && !(body instanceof Uint8Array) && typeof body !== 'string') return body.json;
  const text = typeof body === 'string' ? body : utf8Decoder.decode(bodyBytes(body));
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}

/** Reads a JSON object body, refusing anything else. */
export function readJsonObject(request: EngineRequest): JsonObject {
  const value = readJson(request);
  if (!isRecord(value)) {
    throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  }
  return value;
}

export function header(request: EngineRequest, name: string): string | undefined {
  return request.headers.get(name.toLowerCase());
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): EngineResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body };
}

export function noContent(status = 204, headers: Record<string, string> = {}): EngineResponse {
  return { status, headers, body: null };
}

export function binary(status: number, data: Uint8Array, contentType: string): EngineResponse {
  return { status, headers: { 'content-type': contentType }, body: data };
}

export function text(status: number, value: string, contentType: string): EngineResponse {
  return { status, headers: { 'content-type': contentType }, body: value };
}

/** Encodes a query value for a link while keeping OData punctuation readable, as Graph's own links do. */
export function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value).replace(/%24/g, '$').replace(/%2F/gi, '/').replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%3D/gi, '=');
}

export function buildQueryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([key, value]) => `${encodeQueryComponent(key)}=${encodeQueryComponent(value)}`).join('&');
}

export function encodeUtf8(value: string): Uint8Array {
  return utf8Encoder.encode(value);
}

export function decodeUtf8(value: Uint8Array): string {
  return utf8Decoder.decode(value);
}

export function base64UrlEncode(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function base64UrlDecode(value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return undefined;
  return Buffer.from(value, 'base64url').toString('utf8');
}

/** Graph's date format for entity timestamps: whole seconds, 'Z'. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
