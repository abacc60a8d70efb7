import type { IncomingMessage, ServerResponse } from 'node:http';
import { type BufferedDeliveryEntry, bufferedDeliveryEntry, type WebhookAnswer } from '../engine/webhook-answer';
import { readNodeBody } from './read-node-body';

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
  const method = message.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(urlOf(message, origin), {
    method,
    headers: headersOf(message),
    ...(hasBody ? { body: message as unknown as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

function urlOf(message: IncomingMessage, origin: string | undefined): URL {
  return new URL(message.url ?? '/', origin ?? `http://${message.headers.host ?? 'localhost'}`);
}

function headersOf(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else headers.set(key, value);
  }
  return headers;
}

/** Reads the body itself and hands it to the buffered entry, with a `Request` that carries only method, URL and headers. */
async function answerBuffered(entry: BufferedDeliveryEntry, message: IncomingMessage, origin: string | undefined): Promise<WebhookAnswer> {
  const request = new Request(urlOf(message, origin), { method: message.method ?? 'GET', headers: headersOf(message) });
  if (request.method !== 'POST') {
    message.resume();
    return entry.answer(request, { ok: true, bytes: new Uint8Array() });
  }
  return entry.answer(request, await readNodeBody(message, entry.maxBodyBytes));
}

async function writeAnswer(answer: WebhookAnswer, target: ServerResponse): Promise<void> {
  if (answer instanceof Response) return writeWebResponse(answer, target);
  const text = JSON.stringify(answer.body);
  target.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  target.end(text);
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
 * Given `throughline.webhooks.handle` itself, it reads the body straight from the socket (up to the
 * instance's `maxBodyBytes`, 413 beyond) and writes the answer directly: no Web stream is built for
 * the request body or the response, which costs more than the rest of the translation. Adapters
 * still get a `Request` with the method, URL and headers; the body comes as the delivery's
 * `rawBody` and `bodyText`, as always. Any other handler gets a full `Request` and its `Response`
 * is streamed back.
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
  const fail = (response: ServerResponse) => (error: unknown) => {
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'internal_error', message: error instanceof Error ? error.message : 'unknown error' }));
  };
  const entry = (handle as { [bufferedDeliveryEntry]?: BufferedDeliveryEntry })[bufferedDeliveryEntry];
  if (entry !== undefined) {
    return (message: IncomingMessage, response: ServerResponse): void => {
      answerBuffered(entry, message, options.origin)
        .then((answer) => writeAnswer(answer, response))
        .catch(fail(response));
    };
  }
  return (message: IncomingMessage, response: ServerResponse): void => {
    handle(toWebRequest(message, options.origin))
      .then((answer) => writeWebResponse(answer, response))
      .catch(fail(response));
  };
}
