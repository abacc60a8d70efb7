import { ThroughlineError } from './throughline-error';

/** Why a webhook delivery was not accepted as authentic. */
export type WebhookVerificationReason =
  | 'missing_signature'
  | 'invalid_signature'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'missing_header'
  | 'unknown_tenant'
  | 'body_hash_mismatch';

/**
 * A webhook delivery failed authentication; `reason` says which check failed.
 *
 * @example
 * ```ts
 * throw new WebhookVerificationError('invalid_signature', 'X-Shopify-Hmac-Sha256 does not match the body');
 * ```
 */
export class WebhookVerificationError extends ThroughlineError {
  /** Which check failed. */
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super('webhook_verification_failed', message);
    this.name = 'WebhookVerificationError';
    this.reason = reason;
  }
}
