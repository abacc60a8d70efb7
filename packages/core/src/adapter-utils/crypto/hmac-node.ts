import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { CryptoPrimitives, HmacAlgorithm, HmacSigner } from './hmac-types';

const nodeAlgorithm: Record<HmacAlgorithm, string> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256' };

const base64Alphabet = /^[A-Za-z0-9+/]*$/;
const hexPattern = /^(?:[0-9a-fA-F]{2})*$/;

/** The key as a `KeyObject`, made once: a string key would be encoded again on every HMAC. */
function keyObjectOf(key: string | Uint8Array): KeyObject {
  return createSecretKey(typeof key === 'string' ? Buffer.from(key, 'utf8') : key);
}

function createHmacSignerSync(algorithm: HmacAlgorithm, key: string | Uint8Array): (data: string | Uint8Array) => Uint8Array {
  const name = nodeAlgorithm[algorithm];
  const prepared = keyObjectOf(key);
  // A Buffer is a Uint8Array: returned as it is, without a copy.
  return (data) => createHmac(name, prepared).update(data).digest();
}

function createHmacSigner(algorithm: HmacAlgorithm, key: string | Uint8Array): HmacSigner {
  const sign = createHmacSignerSync(algorithm, key);
  return (data) => Promise.resolve(sign(data));
}

function sha256(data: string | Uint8Array): Promise<Uint8Array> {
  return Promise.resolve(createHash('sha256').update(data).digest());
}

function decodeSignature(signature: string, encoding: 'base64' | 'hex'): Uint8Array | null {
  // Buffer.from skips characters it does not know; the patterns make decoding strict first.
  if (encoding === 'hex') return hexPattern.test(signature) ? Buffer.from(signature, 'hex') : null;
  return isForgivingBase64(signature.trim()) ? Buffer.from(signature.trim(), 'base64') : null;
}

/** What `atob` accepts (the WHATWG forgiving-base64 rules), without inner whitespace. */
function isForgivingBase64(text: string): boolean {
  let data = text;
  if (data.length % 4 === 0) data = data.endsWith('==') ? data.slice(0, -2) : data.endsWith('=') ? data.slice(0, -1) : data;
  return data.length % 4 !== 1 && base64Alphabet.test(data);
}

/** Crypto primitives on node:crypto (chosen on Node through the `node` export condition). */
export const cryptoPrimitives: CryptoPrimitives = { createHmacSigner, createHmacSignerSync, sha256, decodeSignature };
