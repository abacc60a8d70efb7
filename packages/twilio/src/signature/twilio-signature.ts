import { createSha1Signer } from '#sha1';
import type { TwilioParams } from './form-params';
import { learnParameterNames, parameterText } from './parameter-text';
import type { Sha1Signer } from './hmac-sha1-types';

const defaultPorts: Record<string, string> = { 'https:': '443', 'http:': '80' };
const schemeAndAuthority = /^(https?:)\/\/([^/?#]*)/i;

/**
 * Builds the text Twilio signs: the full URL, then every parameter sorted by name (code-unit order),
 * each as `name + value`, a repeated name contributing each of its values in sorted order.
 *
 * @param url - the URL Twilio requested, query included exactly as sent
 * @param params - the form parameters (none for GET and JSON deliveries)
 * @returns the string to sign
 * @example
 * ```ts
 * twilioStringToSign('https://example.com/sms', [['To', '+1555'], ['From', '+1666']]); // 'https://example.com/smsFrom+1666To+1555'
 * ```
 */
export function twilioStringToSign(url: string, params: TwilioParams): string {
  return url + parameterText(params).suffix;
}

/**
 * The same URL with its port the other way round: an explicit port removed, or the scheme's default port
 * added. Twilio signs either form depending on the product, so both are accepted.
 * https://www.twilio.com/docs/usage/webhooks/webhooks-security
 *
 * @param url - an http(s) URL as text; the rest of it is kept byte for byte (no percent-decoding)
 * @returns the other form, or null for a URL that is not http(s)
 * @example
 * ```ts
 * alternatePortUrl('https://example.com/hook?x=client%3AAnonymous'); // 'https://example.com:443/hook?x=client%3AAnonymous'
 * ```
 */
export function alternatePortUrl(url: string): string | null {
  const match = schemeAndAuthority.exec(url);
  if (!match) return null;
  const scheme = match[1]!;
  const authority = match[2]!;
  const at = authority.lastIndexOf('@');
  const userInfo = at === -1 ? '' : authority.slice(0, at + 1);
  const hostAndPort = at === -1 ? authority : authority.slice(at + 1);
  const rest = url.slice(match[0].length);
  const portMatch = /:(\d*)$/.exec(hostAndPort);
  if (portMatch && !hostAndPort.endsWith(']')) {
    return `${scheme}//${userInfo}${hostAndPort.slice(0, portMatch.index)}${rest}`;
  }
  const port = defaultPorts[scheme.toLowerCase()];
  return port === undefined ? null : `${scheme}//${userInfo}${hostAndPort}:${port}${rest}`;
}

/** A delivery to check: where Twilio sent it, what it signed and the signature it sent. */
export interface TwilioSignedRequest {
  /** The URL Twilio requested (the public URL behind a proxy), query kept verbatim. */
  url: string;
  /** Form parameters of a POST; empty for GET and for JSON bodies (those sign the URL alone). */
  params: TwilioParams;
  /** The `X-Twilio-Signature` header. */
  signature: string;
}

/** Which token and which form of the URL a valid signature was made with. */
export interface TwilioSignatureMatch {
  /** Index of the auth token in the configured list (0 = current). */
  tokenIndex: number;
  /** The URL form that matched. */
  url: string;
}

/** Checks `X-Twilio-Signature` against a list of auth tokens (several during a rotation). */
export interface TwilioSignatureVerifier {
  /**
   * Finds the token and URL form that produce the signature, or null when none does.
   * @param request - URL, parameters and signature
   */
  verify(request: TwilioSignedRequest): Promise<TwilioSignatureMatch | null>;
  /**
   * Signs like Twilio with the current (first) token.
   * @param url - the URL as Twilio would request it
   * @param params - the form parameters
   */
  sign(url: string, params: TwilioParams): Promise<string>;
}

/** A SHA-1 digest in standard base64 is 28 characters (20 bytes, one `=` of padding). */
const signatureLength = 28;

/**
 * Compares two strings in time that depends only on their length.
 * @param left - first value
 * @param right - second value
 * @returns true when both are equal
 */
function constantTimeEqual(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index++) difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}

/**
 * Builds a verifier that computes Twilio signatures the way Twilio does, cheaply: each token's key is
 * prepared once, the exact URL is tried first and the port variant only when it fails, and a header that
 * cannot be a base64 SHA-1 digest is refused without any HMAC. A rejection therefore costs two HMACs per
 * token (three with repeated identical values) and an acceptance usually one.
 *
 * @param authTokens - auth tokens, current first
 * @returns the verifier
 * @throws {TypeError} when no token is given
 * @example
 * ```ts
 * const verifier = createTwilioSignatureVerifier([process.env.TWILIO_AUTH_TOKEN!]);
 * const match = await verifier.verify({ url, params, signature: request.headers.get('x-twilio-signature') ?? '' });
 * ```
 */
export function createTwilioSignatureVerifier(authTokens: ReadonlyArray<string>): TwilioSignatureVerifier {
  if (authTokens.length === 0) throw new TypeError('At least one Twilio auth token is required');
  const signers: Sha1Signer[] = authTokens.map((token) => createSha1Signer(token));

  /** The index of the token whose signature of `url + suffix` is `received`, or -1; synchronous on node:crypto. */
  function firstMatch(received: string, url: string, suffix: string): number | Promise<number> {
    for (let index = 0; index < signers.length; index++) {
      const signature = signers[index]!(url, suffix);
      if (typeof signature !== 'string') return firstMatchAsync(received, url, suffix, index, signature);
      if (constantTimeEqual(signature, received)) return index;
    }
    return -1;
  }

  async function firstMatchAsync(received: string, url: string, suffix: string, from: number, pending: Promise<string>): Promise<number> {
    if (constantTimeEqual(await pending, received)) return from;
    for (let index = from + 1; index < signers.length; index++) {
      if (constantTimeEqual(await signers[index]!(url, suffix), received)) return index;
    }
    return -1;
  }

  function tryUrls(received: string, url: string, suffix: string): TwilioSignatureMatch | null | Promise<TwilioSignatureMatch | null> {
    const exact = firstMatch(received, url, suffix);
    if (typeof exact !== 'number') return tryUrlsAsync(received, url, suffix, exact);
    if (exact !== -1) return { tokenIndex: exact, url };
    // The other port form only when the exact URL fails: an accepted signature usually costs one HMAC.
    const alternate = alternatePortUrl(url);
    if (alternate === null) return null;
    const other = firstMatch(received, alternate, suffix);
    if (typeof other !== 'number') return other.then((tokenIndex) => (tokenIndex === -1 ? null : { tokenIndex, url: alternate }));
    return other === -1 ? null : { tokenIndex: other, url: alternate };
  }

  async function tryUrlsAsync(received: string, url: string, suffix: string, exact: Promise<number>): Promise<TwilioSignatureMatch | null> {
    const tokenIndex = await exact;
    if (tokenIndex !== -1) return { tokenIndex, url };
    const alternate = alternatePortUrl(url);
    if (alternate === null) return null;
    const other = await firstMatch(received, alternate, suffix);
    return other === -1 ? null : { tokenIndex: other, url: alternate };
  }

  return {
    async verify(request) {
      const received = request.signature;
      // Anything else cannot match: refused without computing an HMAC.
      if (received.length !== signatureLength || received.charCodeAt(27) !== 61) return null;
      const { suffix, deduplicated, usedGeneralSort } = parameterText(request.params);
      // Synchronous on node:crypto: nothing is awaited unless the runtime's HMAC is asynchronous.
      let match = tryUrls(received, request.url, suffix);
      if (match instanceof Promise) match = await match;
      if (match === null && deduplicated !== null) match = await tryUrls(received, request.url, deduplicated);
      if (match !== null && usedGeneralSort) learnParameterNames(request.params);
      return match;
    },
    async sign(url, params) {
      return signers[0]!(url, parameterText(params).suffix);
    },
  };
}
