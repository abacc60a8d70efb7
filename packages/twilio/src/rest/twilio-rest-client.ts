import { ApiCallError } from '@throughline/core/adapter';
import { type ApiRequest, type ApiResponse, createApiClient, sleep, toBase64 } from '@throughline/core/adapter-utils';
import { twilioErrorBodySchema } from '../twilio-api-types';
import type { ResolvedTwilioSettings } from '../twilio-settings';
import { createConcurrencyLimit } from './concurrency-limit';

/** A request to Twilio's REST API. */
export type TwilioRestRequest = Omit<ApiRequest, 'json' | 'headers'>;

/** Twilio's REST API behind a concurrency limit, with retries that respect what may be repeated. */
export interface TwilioRestClient {
  /**
   * Sends a request, waiting for a free slot; retries 429 (always: Twilio refused it before doing
   * anything) and 5xx or network failures (idempotent requests only) with exponential backoff.
   * @param request - method, path (relative to the API origin, or a `next_page_uri`), query or form
   * @returns the parsed answer
   * @throws {ApiCallError} with `platformCode` (Twilio's error code, such as `20429`) when retries run out or the error is final
   */
  request(request: TwilioRestRequest): Promise<ApiResponse>;
  /** Requests in flight now. */
  readonly inFlight: number;
  /** The `Authorization` header value (for media downloads from Twilio's own host). */
  readonly authorization: string;
}

function twilioCode(body: string | undefined): { code?: string; message?: string } {
  if (!body) return {};
  try {
    const parsed = twilioErrorBodySchema.safeParse(JSON.parse(body));
    if (!parsed.success) return {};
    return {
      ...(parsed.data.code !== null && parsed.data.code !== undefined ? { code: String(parsed.data.code) } : {}),
      ...(parsed.data.message ? { message: parsed.data.message } : {}),
    };
  } catch {
    return {};
  }
}

function withTwilioCode(error: ApiCallError): ApiCallError {
  const { code, message } = twilioCode(error.responseBody);
  const detail = code ? ` (Twilio ${code}${message ? `: ${message}` : ''})` : '';
  return new ApiCallError(`${error.message}${detail}`, {
    platform: error.platform,
    method: error.method,
    url: error.url,
    status: error.status,
    isRetryable: error.isRetryable,
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    ...(code !== undefined ? { platformCode: code } : {}),
    ...(error.responseBody !== undefined ? { responseBody: error.responseBody } : {}),
    cause: error.cause,
  });
}

/**
 * Builds the REST client the adapter uses: HTTP Basic auth (account SID and auth token, or an API key),
 * a semaphore of `maxConcurrentRequests`, and backoff with jitter between retries.
 * https://www.twilio.com/docs/usage/rest-api-best-practices#concurrency
 *
 * @param settings - resolved adapter settings
 * @returns the client
 * @example
 * ```ts
 * const client = createTwilioRestClient(resolveTwilioSettings(settings));
 * const { body } = await client.request({ method: 'GET', path: `2010-04-01/Accounts/${sid}/Messages.json` });
 * ```
 */
export function createTwilioRestClient(settings: ResolvedTwilioSettings): TwilioRestClient {
  const username = settings.apiKey?.sid ?? settings.accountSid;
  const password = settings.apiKey?.secret ?? settings.authTokens[0]!;
  const encodedCredentials = toBase64(new TextEncoder().encode(`${username}:${password}`));
  const authorization = `Basic ${encodedCredentials}`;
  const client = createApiClient({
    platform: 'twilio',
    baseUrl: `${settings.apiBaseUrl}/`,
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
    headers: { authorization, accept: 'application/json' },
    retry: { limit: 0 },
    secrets: [...settings.authTokens, password, encodedCredentials],
  });
  const limit = createConcurrencyLimit(settings.maxConcurrentRequests);
  const { limit: retries, baseDelayMs, maxDelayMs } = settings.retry;

  function backoff(attempt: number, retryAfterMs: number | undefined): number {
    const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    const jittered = exponential / 2 + Math.random() * (exponential / 2);
    return retryAfterMs === undefined ? jittered : Math.min(maxDelayMs, Math.max(retryAfterMs, jittered));
  }

  return {
    async request(request) {
      const idempotent = request.method === 'GET' || request.method === 'PUT' || request.method === 'DELETE' || request.idempotent === true;
      for (let attempt = 0; ; attempt++) {
        try {
          return await limit.run(() => client.request(request));
        } catch (caught) {
          if (!(caught instanceof ApiCallError)) throw caught;
          const error = withTwilioCode(caught);
          // 429 / 20429 means Twilio refused the request for concurrency before acting on it: safe to repeat.
          const retryable = error.status === 429 || (idempotent && (error.status >= 500 || error.status === 408 || error.status === 0));
          if (!retryable || attempt >= retries || request.signal?.aborted) throw error;
          await sleep(backoff(attempt, error.retryAfterMs), request.signal);
        }
      }
    },
    get inFlight() {
      return limit.active;
    },
    authorization,
  };
}
