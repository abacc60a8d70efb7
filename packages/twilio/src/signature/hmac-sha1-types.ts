/**
 * Computes the base64 HMAC-SHA1 signature of `head + tail` with one auth token; synchronous where the
 * runtime allows it (node:crypto). The two parts (the URL and the parameters) are hashed one after the
 * other, so the string to sign is never built as one piece.
 */
export type Sha1Signer = (head: string, tail?: string) => string | Promise<string>;

/** Prepares a signer for one auth token, once, so each check costs one HMAC and no key set-up. */
export type CreateSha1Signer = (key: string) => Sha1Signer;
