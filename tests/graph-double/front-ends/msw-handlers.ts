// msw 2 front-end for Vitest: one catch-all handler per host that hands every request to the
// engine. Routing lives in the engine, never in msw URL patterns.
import { HttpResponse, http, type HttpHandler } from 'msw';
import type { GraphDouble } from '../engine/double';
import { DOWNLOAD_PATH_PREFIX } from '../engine/drives';
import { UPLOAD_PATH_PREFIX } from '../engine/upload-sessions';
import { encodeResponseBody } from './wire';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export function graphDoubleHandlers(double: GraphDouble, baseUrl = GRAPH_BASE_URL): HttpHandler[] {
  const root = baseUrl.replace(/\/+$/, '');
  const { origin } = new URL(root);
  const resolver = async ({ request }: { request: Request }) => {
    const bytes = new Uint8Array(await request.arrayBuffer());
    const response = await double.handle({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      body: bytes.length === 0 ? null : bytes,
    });
    // A dropped connection reaches fetch as a network error (TypeError: Failed to fetch).
    if (response.dropConnection) return HttpResponse.error();
    return new HttpResponse(encodeResponseBody(response), { status: response.status, headers: response.headers });
  };
  // Upload and download URLs sit outside the service root, on the same host, as real ones sit on another host.
  return [http.all(`${root}/*`, resolver), http.all(`${origin}${UPLOAD_PATH_PREFIX}*`, resolver), http.all(`${origin}${DOWNLOAD_PATH_PREFIX}*`, resolver)];
}
