import { ThroughlineError } from './throughline-error';

/** Details of a failed call to a platform API. */
export interface ApiCallErrorDetails {
  /** The platform that answered (`shopify`, `zendesk`, `twilio`). */
  platform: string;
  /** HTTP method of the request. */
  method: string;
  /** Request URL with credentials removed. */
  url: string;
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  /** Whether the caller may retry the same request. */
  isRetryable: boolean;
  /** How long the platform asked to wait before retrying, in milliseconds. */
  retryAfterMs?: number;
  /** The platform's own error code (Twilio `20429`, Shopify `THROTTLED`). */
  platformCode?: string;
  /** The response body, truncated, with secrets redacted. */
  responseBody?: string;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * A platform API call failed; `status`, `isRetryable` and `retryAfterMs` say what to do next.
 *
 * @example
 * ```ts
 * if (error instanceof ApiCallError && error.isRetryable) await sleep(error.retryAfterMs ?? 1000);
 * ```
 */
export class ApiCallError extends ThroughlineError {
  /** The platform that answered. */
  readonly platform: string;
  /** HTTP method of the request. */
  readonly method: string;
  /** Request URL with credentials removed. */
  readonly url: string;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** Whether the same request may be retried. */
  readonly isRetryable: boolean;
  /** Requested wait before a retry, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** The platform's own error code. */
  readonly platformCode: string | undefined;
  /** The response body, truncated and redacted. */
  readonly responseBody: string | undefined;

  constructor(message: string, details: ApiCallErrorDetails) {
    super('api_call_failed', message, { cause: details.cause });
    this.name = 'ApiCallError';
    this.platform = details.platform;
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.isRetryable = details.isRetryable;
    this.retryAfterMs = details.retryAfterMs;
    this.platformCode = details.platformCode;
    this.responseBody = details.responseBody;
  }
}
