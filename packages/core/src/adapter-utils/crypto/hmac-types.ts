/** Hash algorithms the webhook signatures of the supported platforms use. */
export type HmacAlgorithm = 'SHA-1' | 'SHA-256';

/** Computes HMACs with one key; the key is prepared once and reused. */
export type HmacSigner = (data: string | Uint8Array) => Promise<Uint8Array>;

/** The runtime-specific crypto primitives (node:crypto on Node, WebCrypto elsewhere). */
export interface CryptoPrimitives {
  /** Prepares a signer for one key. */
  createHmacSigner(algorithm: HmacAlgorithm, key: string | Uint8Array): HmacSigner;
  /** SHA-256 digest of the data. */
  sha256(data: string | Uint8Array): Promise<Uint8Array>;
  /**
   * A synchronous signer, where the runtime has one (node:crypto): verification on every webhook
   * then costs no promise per secret. WebCrypto has none.
   */
  createHmacSignerSync?(algorithm: HmacAlgorithm, key: string | Uint8Array): (data: string | Uint8Array) => Uint8Array;
  /** Decodes a signature as sent (strict base64 or hex), or null when it is not one; native where the runtime has it. */
  decodeSignature?(signature: string, encoding: 'base64' | 'hex'): Uint8Array | null;
}
