import { toBase64 } from '@throughline/core/adapter-utils';
import type { CreateSha1Signer, Sha1Signer } from './hmac-sha1-types';

const encoder = new TextEncoder();

/**
 * Prepares an HMAC-SHA1 signer on WebCrypto (workers, Deno, Bun): the key is imported once and reused.
 * @param key - the auth token
 * @returns the signer, answering base64 signatures
 */
export const createSha1Signer: CreateSha1Signer = (key: string): Sha1Signer => {
  const imported = crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  return async (head, tail = '') => toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', await imported, encoder.encode(head + tail))));
};
