import { createSignatureVerifier } from '@throughline/core/adapter-utils';
import type { CreateZendeskSignatureCheck } from './signature-types';

/** The signature check on the core's runtime-neutral HMAC (WebCrypto outside Node). */
export const createZendeskSignatureCheck: CreateZendeskSignatureCheck = (secrets) => {
  const verifier = createSignatureVerifier({ algorithm: 'SHA-256', secrets, encoding: 'base64' });
  return (timestamp, rawBody, signature) => {
    const signed = new Uint8Array(timestamp.length + rawBody.length);
    // Timestamps are ASCII (RFC 3339); a non-ASCII one cannot verify and is refused before this.
    for (let index = 0; index < timestamp.length; index++) signed[index] = timestamp.charCodeAt(index);
    signed.set(rawBody, timestamp.length);
    return verifier.verify(signed, signature);
  };
};
