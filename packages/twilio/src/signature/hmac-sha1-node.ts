import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { CreateSha1Signer, Sha1Signer } from './hmac-sha1-types';

/**
 * Prepares an HMAC-SHA1 signer on node:crypto: the key object is built once and each base64 signature
 * is computed synchronously, natively encoded, over the URL and the parameters in turn.
 * @param key - the auth token
 * @returns the signer
 */
export const createSha1Signer: CreateSha1Signer = (key: string): Sha1Signer => {
  const keyObject: KeyObject = createSecretKey(Buffer.from(key, 'utf8'));
  return (head, tail) => {
    const hmac = createHmac('sha1', keyObject).update(head);
    if (tail) hmac.update(tail);
    return hmac.digest('base64');
  };
};
