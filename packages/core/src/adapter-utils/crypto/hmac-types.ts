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
}
