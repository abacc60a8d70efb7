/** The body of a request read up to a cap. */
export type BodyReadResult =
  | {
      /** The whole body fitted under the cap. */
      ok: true;
      /** The body. */
      bytes: Uint8Array;
    }
  | {
      /** The body was over the cap. */
      ok: false;
      /** Why it was refused. */
      reason: 'body_too_large';
      /** What was read before stopping (at most the cap; empty when `Content-Length` refused it up front). */
      bytes: Uint8Array;
    };

/**
 * Reads a request body, stopping as soon as it exceeds `maxBytes` (a `Content-Length` that
 * already says so is refused before reading).
 * @param request - the incoming request
 * @param maxBytes - the cap
 * @returns the bytes, or the first `maxBytes` and a refusal
 * @example
 * ```ts
 * const read = await readBodyCapped(request, 1024 * 1024);
 * if (!read.ok) return new Response('Body too large', { status: 413 });
 * ```
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<BodyReadResult> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'body_too_large', bytes: new Uint8Array() };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  if (Number.isFinite(declared)) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.length > maxBytes ? { ok: false, reason: 'body_too_large', bytes: bytes.subarray(0, maxBytes) } : { ok: true, bytes };
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      chunks.push(value);
      return { ok: false, reason: 'body_too_large', bytes: concat(chunks, maxBytes) };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: concat(chunks, total) };
}

function concat(chunks: Uint8Array[], limit: number): Uint8Array {
  const out = new Uint8Array(Math.min(limit, chunks.reduce((sum, chunk) => sum + chunk.length, 0)));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, out.length - offset);
    out.set(part, offset);
    offset += part.length;
    if (offset >= out.length) break;
  }
  return out;
}
