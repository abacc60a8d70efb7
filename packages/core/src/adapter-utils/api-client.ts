import ky, { HTTPError, type KyInstance, TimeoutError } from 'ky';
import { ApiCallError } from '../errors/api-call-error';
import { parseJsonLossless } from './lossless-json';
import { parseRetryAfter } from './retry-after';

/** How an adapter's HTTP client talks to its platform. */
export interface ApiClientOptions {
  /** Platform name for errors (`shopify`, `zendesk`, `twilio`). */
  platform: string;
  /** Base URL every path is resolved against. */
  baseUrl: string;
  /** Injected fetch (tests, edge runtimes); the global one by default. */
  fetch?: typeof fetch;
  /** Headers sent with every request (authentication). */
  headers?: Record<string, string>;
  /** Retries: how many, which methods, which statuses. Non-idempotent methods are not retried by default. */
  retry?: {
    /** Most retries after the first attempt (default 4). */
    limit?: number;
    /** Lower-case HTTP methods that may be retried (default `get`, `put`, `head`, `delete`, `options`, `trace`). */
    methods?: string[];
    /** Statuses that are retried (default 408, 429, 500, 502, 503, 504). */
    statusCodes?: number[];
    /** Longest wait a `Retry-After` header can ask for, in ms (default 120 s); a longer one is cut to this. */
    maxRetryAfterMs?: number;
  };
  /** Per-attempt timeout in ms (default 30 s). */
  timeoutMs?: number;
  /** Called with every response, before errors are raised: adapters read their rate-limit headers here. */
  onResponse?: (response: Response) => void | Promise<void>;
  /** Values (tokens, secrets) that must never appear in an error. */
  secrets?: ReadonlyArray<string>;
}

/** One request through the client. */
export interface ApiRequest {
  /** The HTTP method. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path relative to the base URL, or an absolute URL on the same host (next-page links). */
  path: string;
  /** Query parameters added to the URL. */
  searchParams?: Record<string, string | number>;
  /** A body sent as JSON (with `content-type: application/json`). */
  json?: unknown;
  /** Form-encoded body; a repeated key takes an array. */
  form?: Record<string, string | ReadonlyArray<string>>;
  /** Headers for this request only, over the client's own. */
  headers?: Record<string, string>;
  /** Marks a POST as safe to retry (the platform deduplicates it). */
  idempotent?: boolean;
  /** Aborts the request and any retry still to come. */
  signal?: AbortSignal;
}

/** A successful answer: status, headers and the body parsed with 64-bit ids kept as strings. */
export interface ApiResponse {
  /** The HTTP status (a success: errors are thrown as `ApiCallError`). */
  status: number;
  /** The response headers (rate-limit headers among them). */
  headers: Headers;
  /** The parsed JSON body, integers too large for a number kept as strings; null when the body is empty. */
  body: unknown;
}

/** A small HTTP client with retries that honour `Retry-After`, typed errors and redaction. */
export interface ApiClient {
  /**
   * Sends a request and parses the JSON answer.
   * @param request - method, path, query, body and headers
   * @returns the status, headers and parsed body of the successful answer
   * @throws {ApiCallError} when the platform answers an error status after retries, or no answer arrives
   */
  request(request: ApiRequest): Promise<ApiResponse>;
}

function redact(text: string, secrets: ReadonlyArray<string>): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

function encodeForm(form: Record<string, string | ReadonlyArray<string>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (typeof value === 'string') params.append(key, value);
    else for (const item of value) params.append(key, item);
  }
  return params;
}

/**
 * Builds the HTTP client adapters use: ky underneath, retries with jitter and `Retry-After`,
 * idempotent methods only unless a request says otherwise, and `ApiCallError` on failure.
 *
 * @param options - base URL, credentials, retry policy and hooks
 * @returns the client
 * @example
 * ```ts
 * const client = createApiClient({ platform: 'zendesk', baseUrl: 'https://acme.zendesk.com/api/v2/' });
 * const { body } = await client.request({ method: 'GET', path: 'tickets.json' });
 * ```
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const secrets = options.secrets ?? [];
  const retryMethods = options.retry?.methods ?? ['get', 'put', 'head', 'delete', 'options', 'trace'];
  const instance: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: options.headers ?? {},
    timeout: options.timeoutMs ?? 30_000,
    throwHttpErrors: true,
    retry: {
      limit: options.retry?.limit ?? 4,
      methods: retryMethods,
      statusCodes: options.retry?.statusCodes ?? [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [413, 429, 503],
      maxRetryAfter: options.retry?.maxRetryAfterMs ?? 120_000,
      backoffLimit: 30_000,
      jitter: true,
    },
    hooks: {
      afterResponse: options.onResponse
        ? [
            async (_request, _options, response) => {
              await options.onResponse?.(response);
            },
          ]
        : [],
    },
  });

  return {
    async request(request) {
      const url = request.path;
      const isAbsolute = /^https?:\/\//.test(url);
      const target = isAbsolute ? url : url.replace(/^\//, '');
      try {
        const response = await instance(target, {
          method: request.method,
          ...(isAbsolute ? { prefixUrl: '' } : {}),
          ...(request.searchParams ? { searchParams: request.searchParams } : {}),
          ...(request.json !== undefined ? { json: request.json } : {}),
          ...(request.form ? { body: encodeForm(request.form) } : {}),
          ...(request.headers ? { headers: request.headers } : {}),
          ...(request.signal ? { signal: request.signal } : {}),
          ...(request.idempotent ? { retry: { limit: options.retry?.limit ?? 4, methods: [...retryMethods, 'post'] } } : {}),
        });
        const text = await response.text();
        return { status: response.status, headers: response.headers, body: text ? parseJsonLossless(text) : null };
      } catch (error) {
        throw await toApiCallError(error, options.platform, request, options.baseUrl, secrets);
      }
    },
  };
}

async function toApiCallError(
  error: unknown,
  platform: string,
  request: ApiRequest,
  baseUrl: string,
  secrets: ReadonlyArray<string>,
): Promise<ApiCallError> {
  const url = redact(new URL(request.path.replace(/^\//, ''), baseUrl).toString(), secrets);
  if (error instanceof HTTPError) {
    const status = error.response.status;
    let body = '';
    try {
      body = redact((await error.response.text()).slice(0, 2000), secrets);
    } catch {
      body = '';
    }
    const retryAfterMs = parseRetryAfter(error.response.headers.get('retry-after'));
    return new ApiCallError(`${platform} answered ${status} to ${request.method} ${url}`, {
      platform,
      method: request.method,
      url,
      status,
      isRetryable: status === 429 || status >= 500 || status === 408,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      responseBody: body,
    });
  }
  const reason = error instanceof TimeoutError ? 'timed out' : redact(String(error), secrets);
  return new ApiCallError(`${platform} request ${request.method} ${url} failed: ${reason}`, {
    platform,
    method: request.method,
    url,
    status: 0,
    isRetryable: true,
    cause: error,
  });
}
