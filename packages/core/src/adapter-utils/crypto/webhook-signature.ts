import { cryptoPrimitives } from '#hmac';
import { fromBase64, toBase64, toHex } from './encoding';
import type { HmacAlgorithm, HmacSigner } from './hmac-types';
import { timingSafeEqual } from './timing-safe-equal';

/** Checks HMAC signatures against a list of secrets (several during a rotation). */
export interface SignatureVerifier {
  /**
   * Whether `signature` is the HMAC of `data` under any of the secrets.
   * @param data - the signed bytes or text
   * @param signature - the signature as sent, in the verifier's encoding
   * @returns true when it matches under one of the secrets; false for a mismatch or a signature that does not decode
   */
  verify(data: string | Uint8Array, signature: string): Promise<boolean>;
  /**
   * Signs data with the first (current) secret, in the verifier's encoding.
   * @param data - the bytes or text to sign
   * @returns the signature as the platform would send it
   */
  sign(data: string | Uint8Array): Promise<string>;
}

/** How to build a signature verifier. */
export interface SignatureVerifierOptions {
  /** The hash the platform signs with: `SHA-256` (Shopify, Zendesk) or `SHA-1` (Twilio). */
  algorithm: HmacAlgorithm;
  /** Secrets, current first; all are accepted. */
  secrets: ReadonlyArray<string>;
  /** How the platform encodes the signature. */
  encoding: 'base64' | 'hex';
}

function decode(signature: string, encoding: 'base64' | 'hex'): Uint8Array | null {
  if (cryptoPrimitives.decodeSignature) return cryptoPrimitives.decodeSignature(signature, encoding);
  if (encoding === 'base64') return fromBase64(signature);
  if (!/^[0-9a-f]*$/i.test(signature) || signature.length % 2 !== 0) return null;
  const out = new Uint8Array(signature.length / 2);
  for (let index = 0; index < out.length; index++) out[index] = Number.parseInt(signature.slice(index * 2, index * 2 + 2), 16);
  return out;
}

/**
 * Builds a verifier that checks signatures against every secret in constant time.
 * Keys are prepared once, so each check costs one HMAC per secret.
 *
 * @param options - algorithm, secrets and signature encoding
 * @returns a verifier
 * @throws {TypeError} when no secret is given
 * @example
 * ```ts
 * const verifier = createSignatureVerifier({ algorithm: 'SHA-256', secrets: [secret], encoding: 'base64' });
 * await verifier.verify(rawBody, request.headers.get('x-shopify-hmac-sha256') ?? '');
 * ```
 */
export function createSignatureVerifier(options: SignatureVerifierOptions): SignatureVerifier {
  if (options.secrets.length === 0) throw new TypeError('At least one signing secret is required');
  // WebCrypto refuses empty HMAC keys, and an empty secret would sign for anyone.
  if (options.secrets.some((secret) => secret.length === 0)) throw new TypeError('Signing secrets must not be empty');
  const signers: HmacSigner[] = options.secrets.map((secret) =>
    cryptoPrimitives.createHmacSigner(options.algorithm, secret),
  );
  const syncSigners = cryptoPrimitives.createHmacSignerSync
    ? options.secrets.map((secret) => cryptoPrimitives.createHmacSignerSync!(options.algorithm, secret))
    : null;
  return {
    async verify(data, signature) {
      const received = decode(signature, options.encoding);
      if (received === null || received.length === 0) return false;
      let matched = false;
      if (syncSigners) {
        // Every secret is tried, so timing does not reveal which one matched.
        for (const sign of syncSigners) if (timingSafeEqual(sign(data), received)) matched = true;
        return matched;
      }
      for (const signer of signers) {
        // Every secret is tried, so timing does not reveal which one matched.
        if (timingSafeEqual(await signer(data), received)) matched = true;
      }
      return matched;
    },
    async sign(data) {
      const digest = await signers[0]!(data);
      return options.encoding === 'hex' ? toHex(digest) : toBase64(digest);
    },
  };
}

/**
 * SHA-256 of the data, hex encoded (Twilio's `bodySHA256`).
 * @param data - bytes or text
 * @returns lower-case hex digest
 * @example
 * ```ts
 * await sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 * ```
 */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(await cryptoPrimitives.sha256(data));
}

/**
 * One HMAC with one key, returned as raw bytes.
 * @param algorithm - `SHA-1` or `SHA-256`
 * @param key - the secret
 * @param data - bytes or text
 * @returns the digest
 * @example
 * ```ts
 * toHex(await hmac('SHA-256', 'key', 'The quick brown fox jumps over the lazy dog'));
 * // 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8'
 * ```
 */
export function hmac(algorithm: HmacAlgorithm, key: string | Uint8Array, data: string | Uint8Array): Promise<Uint8Array> {
  return cryptoPrimitives.createHmacSigner(algorithm, key)(data);
}
