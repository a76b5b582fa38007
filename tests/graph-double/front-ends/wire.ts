// Turning the engine's response body into bytes on the wire; shared by both front-ends.
import type { GraphDoubleResponse } from '../engine/types';

/** JSON values are serialised, text is UTF-8 encoded, bytes pass through; null means no body. */
export function encodeResponseBody(response: GraphDoubleResponse): ArrayBuffer | null {
  const { body } = response;
  if (body === null || body === undefined) return null;
  const bytes = body instanceof Uint8Array ? body : new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}
