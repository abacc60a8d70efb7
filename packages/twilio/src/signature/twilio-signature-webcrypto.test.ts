import { describe, expect, it, vi } from 'vitest';
import { createTwilioSignatureVerifier } from './twilio-signature';

// Runs the verifier on the WebCrypto signer (what workers, Deno and Bun get through the export condition).
vi.mock('#sha1', async () => await import('./hmac-sha1-web'));

const requestUrl = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = [
  ['CallSid', 'CA1234567890ABCDE'],
  ['Caller', '+14158675309'],
  ['Digits', '1234'],
  ['From', '+14158675309'],
  ['To', '+18005551212'],
] as const;

describe('Twilio signature on WebCrypto', () => {
  it('accepts the published vectors (exact URL and default port) with any token of a rotation, and refuses others', async () => {
    const verifier = createTwilioSignatureVerifier(['rotated', '12345']);
    expect(await verifier.verify({ url: requestUrl, params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toEqual({ tokenIndex: 1, url: requestUrl });
    expect((await verifier.verify({ url: requestUrl, params, signature: 'kvajT1Ptam85bY51eRf/AJRuM3w=' }))?.url).toBe('https://mycompany.com:443/myapp.php?foo=1&bar=2');
    expect(await verifier.verify({ url: requestUrl, params, signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' })).toBeNull();
    expect(await createTwilioSignatureVerifier(['12345']).sign(requestUrl, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });
});
