import type { IncomingMessage } from 'node:http';
import type { BodyReadResult } from '../engine/read-body';

/**
 * Reads a Node request's body into one byte array, stopping at `maxBytes`: a `Content-Length`
 * over the cap is refused before reading, and a body that grows past it is refused once it does
 * (the rest is drained unread, so the connection can carry the answer).
 * @param message - Node's request
 * @param maxBytes - the cap
 * @returns the bytes (a copy of their own, not a view of the socket's buffer), or the first `maxBytes` and a refusal
 * @throws Error when the request fails before its body ends (the client hung up), or its body was already read by another handler
 * @example
 * ```ts
 * const read = await readNodeBody(message, 1024 * 1024);
 * if (!read.ok) response.writeHead(413).end();
 * ```
 */
export function readNodeBody(message: IncomingMessage, maxBytes: number): Promise<BodyReadResult> {
  if (message.readableEnded) {
    // A body parser ran first: the raw bytes, which signatures are computed over, are gone.
    return Promise.reject(
      new Error('The request body was already read by another handler; mount the webhook handler before body parsers such as express.json()'),
    );
  }
  const declared = Number(message.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    message.resume();
    return Promise.resolve({ ok: false, reason: 'body_too_large', bytes: new Uint8Array() });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let refused = false;
    message.on('data', (chunk: Buffer) => {
      if (refused) return;
      total += chunk.length;
      chunks.push(chunk);
      if (total > maxBytes) {
        refused = true;
        // Buffer.concat cuts the result at the length given.
        resolve({ ok: false, reason: 'body_too_large', bytes: Buffer.concat(chunks, maxBytes) });
      }
    });
    let ended = false;
    message.on('end', () => {
      ended = true;
      if (!refused) resolve({ ok: true, bytes: Buffer.concat(chunks, total) });
    });
    message.on('error', reject);
    // A client that hangs up mid-body: nothing to answer, and nothing left waiting.
    message.on('close', () => {
      if (!ended) reject(new Error('The request closed before its body ended'));
    });
  });
}
