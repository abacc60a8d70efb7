import fc from 'fast-check';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError } from '../src/adapter/index';
import { createApiClient, createSignatureVerifier, parseJsonLossless, parseRetryAfter, sha256Hex, toBase64 } from '../src/adapter-utils/index';
import { cryptoPrimitives as nodeCrypto } from '../src/adapter-utils/crypto/hmac-node';
import { cryptoPrimitives as webCrypto } from '../src/adapter-utils/crypto/hmac-web';

describe('parseJsonLossless', () => {
  it('keeps 64-bit ids exact and leaves safe numbers and strings alone', () => {
    const text = '{"id":820982911946154508,"small":42,"price":"19.99","neg":-9007199254740993,"float":1.5e3,"gid":"gid://shopify/Order/820982911946154508","list":[12345678901234567890]}';
    expect(parseJsonLossless(text)).toEqual({
      id: '820982911946154508',
      small: 42,
      price: '19.99',
      neg: '-9007199254740993',
      float: 1500,
      gid: 'gid://shopify/Order/820982911946154508',
      list: ['12345678901234567890'],
    });
  });

  it('never changes digits inside strings, escapes included', () => {
    expect(parseJsonLossless('{"note":"call 12345678901234567 \\" 99999999999999999"}')).toEqual({ note: 'call 12345678901234567 " 99999999999999999' });
  });

  it('agrees with JSON.parse on every document without unsafe integers', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const text = JSON.stringify(value);
        const hasUnsafeInteger = (item: unknown): boolean =>
          typeof item === 'number'
            ? Number.isInteger(item) && !Number.isSafeInteger(item) && !/e/i.test(String(item))
            : typeof item === 'object' && item !== null && Object.values(item).some(hasUnsafeInteger);
        // Long digit runs are covered by the exact cases above; here the rest must match JSON.parse.
        fc.pre(!hasUnsafeInteger(JSON.parse(text)) && !/\d{16,}/.test(text));
        expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
        expect(parseJsonLossless(text, { expectUnsafeIntegers: true })).toEqual(JSON.parse(text));
      }),
    );
  });

  it('gives every integer token of any document as a string when JSON.parse would round it, and as a number otherwise', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), { minLength: 1, maxLength: 4 }), (value, integers) => {
        // Integers go where strings were: "\u0000<n>" placeholders replaced by raw digit tokens.
        let next = 0;
        const withPlaceholders = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' && next < integers.length ? `\u0000${next++}` : item));
        if (withPlaceholders === undefined) return;
        const text = withPlaceholders.replace(/"\\u0000(\d+)"/g, (_match, index: string) => integers[Number(index)]!.toString());
        const expected = JSON.parse(withPlaceholders, (_key, item: unknown) => {
          // A number of the document itself: written as digits alone and unsafe, it comes back as those digits.
          if (typeof item === 'number') return /^-?\d+$/.test(JSON.stringify(item)) && !Number.isSafeInteger(item) ? JSON.stringify(item) : item;
          if (typeof item !== 'string' || !item.startsWith('\u0000')) return item;
          const integer = integers[Number(item.slice(1))]!;
          return Number.isSafeInteger(Number(integer)) ? Number(integer) : integer.toString();
        });
        expect(parseJsonLossless(text)).toEqual(expected);
        // Told to expect such integers (Shopify), one pass over the text gives the same.
        expect(parseJsonLossless(text, { expectUnsafeIntegers: true })).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a deeply nested document without running out of stack', () => {
    const depth = 200_000;
    const value = parseJsonLossless(`${'['.repeat(depth)}12345678901234567890${']'.repeat(depth)}`);
    let inner: unknown = value;
    for (let level = 0; level < depth; level++) inner = (inner as unknown[])[0];
    expect(inner).toBe('12345678901234567890');
  });

  it('throws a SyntaxError on truncated JSON', () => {
    expect(() => parseJsonLossless('{"id":820982911946154508')).toThrow(SyntaxError);
  });
});

describe('HMAC primitives', () => {
  it('node:crypto and WebCrypto give the same digests', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('SHA-1' as const, 'SHA-256' as const), async (key, data, algorithm) => {
        const fromNode = await nodeCrypto.createHmacSigner(algorithm, key)(data);
        const fromWeb = await webCrypto.createHmacSigner(algorithm, key)(data);
        expect(toBase64(fromNode)).toBe(toBase64(fromWeb));
      }),
      { numRuns: 50 },
    );
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('accepts a signature from any rotated secret and refuses everything else', async () => {
    const old = createSignatureVerifier({ algorithm: 'SHA-256', secrets: ['old-secret'], encoding: 'base64' });
    const verifier = createSignatureVerifier({ algorithm: 'SHA-256', secrets: ['new-secret', 'old-secret'], encoding: 'base64' });
    const signature = await old.sign('{"id":1}');
    expect(await verifier.verify('{"id":1}', signature)).toBe(true);
    expect(await verifier.verify('{"id":2}', signature)).toBe(false);
    expect(await verifier.verify('{"id":1}', 'not base64!')).toBe(false);
    expect(await verifier.verify('{"id":1}', '')).toBe(false);
    expect(() => createSignatureVerifier({ algorithm: 'SHA-256', secrets: [], encoding: 'hex' })).toThrow(TypeError);
    expect(() => createSignatureVerifier({ algorithm: 'SHA-256', secrets: [''], encoding: 'hex' })).toThrow(/empty/);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds (fractional too) and HTTP dates', () => {
    expect(parseRetryAfter('2.5')).toBe(2500);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('2026-10-21T07:27:00Z'))).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('createApiClient', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('retries a 429 after the Retry-After the platform asked for, then succeeds', async () => {
    const seen: number[] = [];
    server.use(
      http.get('https://api.example/v1/things', () => {
        seen.push(Date.now());
        return seen.length === 1
          ? HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': '0.3' } })
          : HttpResponse.text('{"id":820982911946154508}', { headers: { 'content-type': 'application/json' } });
      }),
    );
    const client = createApiClient({ platform: 'example', baseUrl: 'https://api.example/v1/' });
    const response = await client.request({ method: 'GET', path: 'things' });
    expect(response.body).toEqual({ id: '820982911946154508' });
    expect(seen).toHaveLength(2);
    expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(250);
  });

  it('does not retry a POST by default and raises a typed error with the redacted body', async () => {
    let calls = 0;
    server.use(
      http.post('https://api.example/v1/things', () => {
        calls++;
        return HttpResponse.json({ message: 'token tok_secret_123 is invalid' }, { status: 503 });
      }),
    );
    const client = createApiClient({ platform: 'example', baseUrl: 'https://api.example/v1/', secrets: ['tok_secret_123'] });
    const error = await client.request({ method: 'POST', path: 'things', json: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ status: 503, isRetryable: true, platform: 'example' });
    expect((error as ApiCallError).responseBody).not.toContain('tok_secret_123');
    expect(calls).toBe(1);
  });

  it('maps a 404 to a non-retryable error', async () => {
    server.use(http.get('https://api.example/v1/missing', () => HttpResponse.json({ errors: 'Not Found' }, { status: 404 })));
    const client = createApiClient({ platform: 'example', baseUrl: 'https://api.example/v1/' });
    await expect(client.request({ method: 'GET', path: 'missing' })).rejects.toMatchObject({ status: 404, isRetryable: false });
  });
});
