/** Computes base64 HMAC-SHA1 signatures with one auth token; synchronous where the runtime allows it (node:crypto). */
export type Sha1Signer = (data: string) => string | Promise<string>;

/** Prepares a signer for one auth token, once, so each check costs one HMAC and no key set-up. */
export type CreateSha1Signer = (key: string) => Sha1Signer;
