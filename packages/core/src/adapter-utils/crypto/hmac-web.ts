import type { CryptoPrimitives, HmacAlgorithm, HmacSigner } from './hmac-types';

const encoder = new TextEncoder();

function bytes(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return (typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data)) as Uint8Array<ArrayBuffer>;
}

function createHmacSigner(algorithm: HmacAlgorithm, key: string | Uint8Array): HmacSigner {
  const prepared = crypto.subtle.importKey('raw', bytes(key), { name: 'HMAC', hash: algorithm }, false, ['sign']);
  return async (data) => new Uint8Array(await crypto.subtle.sign('HMAC', await prepared, bytes(data)));
}

async function sha256(data: string | Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes(data)));
}

/** Crypto primitives on WebCrypto (workers, Deno, Bun, browsers). */
export const cryptoPrimitives: CryptoPrimitives = { createHmacSigner, sha256 };
