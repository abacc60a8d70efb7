export { type ApiClient, type ApiClientOptions, type ApiRequest, type ApiResponse, createApiClient } from './api-client';
export { fromBase64, toBase64, toHex } from './crypto/encoding';
export type { CryptoPrimitives, HmacAlgorithm, HmacSigner } from './crypto/hmac-types';
export { timingSafeEqual } from './crypto/timing-safe-equal';
export {
  createSignatureVerifier,
  hmac,
  type SignatureVerifier,
  type SignatureVerifierOptions,
  sha256Hex,
} from './crypto/webhook-signature';
export { idToString, type LosslessJsonOptions, type LosslessJsonValue, parseJsonLossless } from './lossless-json';
export { parseRetryAfter } from './retry-after';
export { paginate, type PageFetcher } from './paginate';
export { sleep } from './sleep';
