import type { IncomingMessage, ServerResponse } from 'node:http';

/** Options for serving a Web handler from Node's http module. */
export interface NodeHandlerOptions {
  /** The public origin to build request URLs with (behind a proxy). Defaults to the Host header. */
  origin?: string;
}

/**
 * Translates a Node `IncomingMessage` into a Web `Request`.
 * @param message - Node's request
 * @param origin - scheme and host to use
 * @returns the Web request (body streamed)
 * @example
 * ```ts
 * // What `toNodeHandler` does, by hand: behind a proxy, rebuild the URL the platform signed.
 * http.createServer(async (message, response) => {
 *   const answer = await throughline.webhooks.handle(toWebRequest(message, 'https://support.acme.com'));
 *   await writeWebResponse(answer, response);
 * });
 * ```
 */
export function toWebRequest(message: IncomingMessage, origin?: string): Request {
  const base = origin ?? `http://${message.headers.host ?? 'localhost'}`;
  const headers = new Headers();
  for (const [key, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else headers.set(key, value);
  }
  const method = message.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(message.url ?? '/', base), {
    method,
    headers,
    ...(hasBody ? { body: message as unknown as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * Writes a Web `Response` to a Node `ServerResponse`.
 * @param response - the Web response
 * @param target - Node's response
 * @example
 * ```ts
 * // What `toNodeHandler` does, by hand: behind a proxy, rebuild the URL the platform signed.
 * http.createServer(async (message, response) => {
 *   const answer = await throughline.webhooks.handle(toWebRequest(message, 'https://support.acme.com'));
 *   await writeWebResponse(answer, response);
 * });
 * ```
 */
export async function writeWebResponse(response: Response, target: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  target.writeHead(response.status, headers);
  if (response.body) {
    const reader = response.body.getReader();
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      target.write(value);
    }
  }
  target.end();
}

/**
 * Serves a Web handler (such as `throughline.webhooks.handle`) from Node's `http` module or any
 * Express-style server.
 *
 * @param handle - the Web handler
 * @param options - the public origin
 * @returns a Node request listener
 * @example
 * ```ts
 * http.createServer(toNodeHandler(throughline.webhooks.handle)).listen(3000);
 * ```
 */
export function toNodeHandler(handle: (request: Request) => Promise<Response>, options: NodeHandlerOptions = {}) {
  return (message: IncomingMessage, response: ServerResponse): void => {
    handle(toWebRequest(message, options.origin))
      .then((answer) => writeWebResponse(answer, response))
      .catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'internal_error', message: error instanceof Error ? error.message : 'unknown error' }));
      });
  };
}
