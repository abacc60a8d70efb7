import { createHash, createHmac } from 'node:crypto';
import type { CryptoPrimitives, HmacAlgorithm, HmacSigner } from './hmac-types';

const nodeAlgorithm: Record<HmacAlgorithm, string> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256' };

function createHmacSigner(algorithm: HmacAlgorithm, key: string | Uint8Array): HmacSigner {
  const name = nodeAlgorithm[algorithm];
  return (data) => Promise.resolve(new Uint8Array(createHmac(name, key).update(data).digest()));
}

function sha256(data: string | Uint8Array): Promise<Uint8Array> {
  return Promise.resolve(new Uint8Array(createHash('sha256').update(data).digest()));
}

/** Crypto primitives on node:crypto (chosen on Node through the `node` export condition). */
export const cryptoPrimitives: CryptoPrimitives = { createHmacSigner, sha256 };
