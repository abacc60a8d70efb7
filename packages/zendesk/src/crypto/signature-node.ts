import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CreateZendeskSignatureCheck } from './signature-types';

/**
 * The signature check on node:crypto (chosen on Node through the `node` import condition): the HMAC is
 * fed the timestamp and the body without copying them together, and compared natively in constant time.
 * Every secret is tried, so timing does not reveal which one matched.
 */
export const createZendeskSignatureCheck: CreateZendeskSignatureCheck = (secrets) => (timestamp, rawBody, signature) => {
  const received = Buffer.from(signature, 'base64');
  if (received.length !== 32) return false;
  let matched = false;
  for (const secret of secrets) {
    if (timingSafeEqual(createHmac('sha256', secret).update(timestamp).update(rawBody).digest(), received)) matched = true;
  }
  return matched;
};
