import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { CreateSha1Signer, Sha1Signer } from './hmac-sha1-types';

/**
 * Prepares an HMAC-SHA1 signer on node:crypto: the key object is built once and each base64 signature
 * is computed synchronously, natively encoded.
 * @param key - the auth token
 * @returns the signer
 */
export const createSha1Signer: CreateSha1Signer = (key: string): Sha1Signer => {
  const keyObject: KeyObject = createSecretKey(Buffer.from(key, 'utf8'));
  return (data) => createHmac('sha1', keyObject).update(data).digest('base64');
};
