/**
 * What every adapter needs: an HTTP client with retries and `Retry-After`, pagination, HMAC and constant-time compare on WebCrypto or `node:crypto`, lossless JSON for 64-bit ids.
 * @module @throughline/core/adapter-utils
 */
export * from '../../packages/core/src/adapter-utils/index';
