import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TwilioParams } from './form-params';
import { alternatePortUrl, createTwilioSignatureVerifier, twilioStringToSign } from './twilio-signature';

// Vectors published with Twilio's own helper library (token "12345").
const token = '12345';
const requestUrl = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params: TwilioParams = [
  ['CallSid', 'CA1234567890ABCDE'],
  ['Caller', '+14158675309'],
  ['Digits', '1234'],
  ['From', '+14158675309'],
  ['To', '+18005551212'],
];
const verifier = createTwilioSignatureVerifier([token]);

describe('Twilio signature', () => {
  it('builds the string to sign from the URL and the sorted parameters without separators', () => {
    expect(twilioStringToSign('https://a.test/x', [['To', '+1'], ['Body', 'Hi'], ['From', '+2']])).toBe('https://a.test/xBodyHiFrom+2To+1');
  });

  it("accepts Twilio's published signature and computes the same one", async () => {
    expect(await verifier.sign(requestUrl, params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
    expect(await verifier.verify({ url: requestUrl, params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toEqual({ tokenIndex: 0, url: requestUrl });
  });

  it('accepts signatures over the URL with the default port added (https and http)', async () => {
    const https = await verifier.verify({ url: requestUrl, params, signature: 'kvajT1Ptam85bY51eRf/AJRuM3w=' });
    expect(https?.url).toBe('https://mycompany.com:443/myapp.php?foo=1&bar=2');
    const http = await verifier.verify({ url: requestUrl.replace('https', 'http'), params, signature: '0ZXoZLH/DfblKGATFgpif+LLRf4=' });
    expect(http?.url).toBe('http://mycompany.com:80/myapp.php?foo=1&bar=2');
  });

  it('accepts signatures over the URL with an explicit port removed, and with the port kept', async () => {
    const withPort = requestUrl.replace('.com', '.com:1234');
    expect((await verifier.verify({ url: withPort, params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' }))?.url).toBe(requestUrl);
    const httpWithPort = withPort.replace('https', 'http');
    expect(await verifier.verify({ url: httpWithPort, params, signature: 'Zmvh+3yNM1Phv2jhDCwEM3q5ebU=' })).toEqual({ tokenIndex: 0, url: httpWithPort });
  });

  it('signs each value of a repeated parameter in sorted order, whatever the arrival order', async () => {
    const forward: TwilioParams = [['MessagingBinding.Address', '+1325xxxxxxx'], ['MessagingBinding.Address', '+1415xxxxxxx']];
    const backward: TwilioParams = [forward[1]!, forward[0]!];
    for (const order of [forward, backward]) {
      expect(await verifier.verify({ url: requestUrl, params: order, signature: '83O6e2vORAoJHUNzJjDWN1jz+BA=' })).not.toBeNull();
    }
  });

  it('keeps both readings of a value repeated identically (each value, and each distinct value as the official SDK does)', async () => {
    const repeated: TwilioParams = [['Sid', 'CA123'], ['SidAccount', 'AC123'], ['Digits', '5678'], ['Digits', '1234'], ['Digits', '1234']];
    // The SDK's published vector signs the distinct values once each.
    expect(await verifier.verify({ url: requestUrl, params: repeated, signature: 'IK+Dwps556ElfBT0I3Rgjkr1wJU=' })).not.toBeNull();
    const eachValue = await verifier.sign(requestUrl, repeated);
    expect(eachValue).not.toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
    expect(await verifier.verify({ url: requestUrl, params: repeated, signature: eachValue })).not.toBeNull();
  });

  it('signs the URL alone for JSON deliveries (bodySHA256 in the query)', async () => {
    const url = `${requestUrl}&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620`;
    expect(await verifier.verify({ url, params: [], signature: 'a9nBmqA0ju/hNViExpshrM61xv4=' })).not.toBeNull();
  });

  it('keeps the query verbatim: a percent-encoded value is never decoded', async () => {
    const encoded = 'https://hooks.test/voice?From=client%3AAnonymous';
    const signature = await verifier.sign(encoded, []);
    expect(await verifier.verify({ url: encoded, params: [], signature })).not.toBeNull();
    expect(await verifier.verify({ url: 'https://hooks.test/voice?From=client:Anonymous', params: [], signature })).toBeNull();
    expect(alternatePortUrl(encoded)).toBe('https://hooks.test:443/voice?From=client%3AAnonymous');
  });

  it('refuses wrong signatures, other URLs, changed parameters and signatures that are not SHA-1 digests', async () => {
    expect(await verifier.verify({ url: requestUrl, params, signature: 'WRONG_SIGNATURE' })).toBeNull();
    expect(await verifier.verify({ url: `${requestUrl}&x=1`, params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBeNull();
    const changed: TwilioParams = params.map(([name, value]) => [name, name === 'Digits' ? '4321' : value]);
    expect(await verifier.verify({ url: requestUrl, params: changed, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toBeNull();
    expect(await verifier.verify({ url: requestUrl, params, signature: '' })).toBeNull();
    expect(await verifier.verify({ url: requestUrl, params, signature: 'c2hvcnQ=' })).toBeNull();
  });

  it('accepts every token of a rotation and says which one matched', async () => {
    const rotating = createTwilioSignatureVerifier(['new-token', token]);
    expect(await rotating.verify({ url: requestUrl, params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' })).toEqual({ tokenIndex: 1, url: requestUrl });
    expect(() => createTwilioSignatureVerifier([])).toThrow(TypeError);
  });

  it('computes the port variants without touching the rest of the URL', () => {
    expect(alternatePortUrl('https://user:pw@hooks.test/x?a=%2F')).toBe('https://user:pw@hooks.test:443/x?a=%2F');
    expect(alternatePortUrl('https://hooks.test:8443/x')).toBe('https://hooks.test/x');
    expect(alternatePortUrl('http://[::1]/x')).toBe('http://[::1]:80/x');
    expect(alternatePortUrl('http://[::1]:8080/x')).toBe('http://[::1]/x');
    expect(alternatePortUrl('ftp://hooks.test/x')).toBeNull();
  });

  it('verifies what it signs for any parameters in any order, and refuses any other signature (property)', async () => {
    const pair = fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 30 }));
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { maxLength: 12 }), fc.integer({ min: 0, max: 27 }), async (pairs, flip) => {
        const signature = await verifier.sign(requestUrl, pairs);
        const shuffled = [...pairs].reverse();
        expect(await verifier.verify({ url: requestUrl, params: shuffled, signature })).not.toBeNull();
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZab';
        const replacement = alphabet[flip]! === signature[3] ? alphabet[(flip + 1) % alphabet.length]! : alphabet[flip]!;
        const forged = signature.slice(0, 3) + replacement + signature.slice(4);
        expect(await verifier.verify({ url: requestUrl, params: pairs, signature: forged })).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
