// Turning the engine's response body into bytes on the wire; shared by both front-ends.
import type { GraphDoubleResponse } from '../engine/types';

/** JSON values are serialised, text is UTF-8 encoded, bytes pass through; null means no body. */
export function encodeResponseBody(response: GraphDoubleResponse): ArrayBuffer | null {
  const { body } = response;
  if (body === null || body === undefined) return null;
  const bytes = body instanceof Uint8Array ? body : utf8(typeof body === 'string' ? body : JSON.stringify(body));
  // A fresh encoding owns its whole buffer; only a view into a larger one is copied.
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer && !(body instanceof Uint8Array))
    return bytes.buffer;
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

/** Node's own UTF-8 encoder where there is one: TextEncoder is many times slower on megabyte-sized answers. */
function utf8(text: string): Uint8Array {
  return typeof Buffer === 'undefined' ? new TextEncoder().encode(text) : Buffer.from(text, 'utf8');
}
