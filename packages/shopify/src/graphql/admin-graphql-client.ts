import { ApiCallError } from '@throughline/core/adapter';
import { createApiClient, parseJsonLossless, sleep } from '@throughline/core/adapter-utils';
import { graphqlOperationType } from './graphql-operation-type';
import { LeakyBucketEstimate, type QueryCost, readQueryCost, type ThrottleStatus } from './throttle-status';

/** How to reach one shop's Admin GraphQL API. */
export interface AdminGraphqlClientOptions {
  /** `{shop}.myshopify.com`. */
  shop: string;
  /** The shop's Admin API access token (`shpat_…`). */
  accessToken: string;
  /** Admin API version, such as `2026-07`. */
  apiVersion: string;
  /** Injected fetch (tests, edge runtimes); the global `fetch` otherwise. */
  fetch?: typeof fetch | undefined;
  /** Retries of a THROTTLED answer before giving up (default 8). */
  maxThrottleRetries?: number;
  /** Called whenever the client waits for points. */
  onWait?: ((kind: 'pace' | 'throttled', waitMs: number) => void) | undefined;
  /** Clock in ms (tests). */
  now?: () => number;
}

/** One GraphQL request. */
export interface GraphqlRequest {
  /** The GraphQL document. */
  query: string;
  /** Values of the document's variables. */
  variables?: Record<string, unknown>;
  /** Aborts the request, and any wait for points before it. */
  signal?: AbortSignal | undefined;
  /** Points the request is expected to need; the client remembers the last requested cost of each query text. */
  expectedCost?: number;
}

/** A successful answer with its cost report. */
export interface GraphqlAnswer<T> {
  /** The answer's `data`. */
  data: T;
  /** Shopify's cost report for the request; null when the answer carried none. */
  cost: QueryCost | null;
}

/** Counters over the client's life: the bench and progress reports read them. */
export interface AdminGraphqlStats {
  /** Requests sent, retries included. */
  requests: number;
  /** Answers that were THROTTLED (HTTP 200 or 429) and had to be retried. */
  throttled: number;
  /** Sum of `actualQueryCost`: points really spent. */
  actualCost: number;
  /** Time spent waiting for points before sending, in ms. */
  pacedMs: number;
}

/** A cost-aware client of one shop's Admin GraphQL API. */
export interface AdminGraphqlClient {
  /**
   * Sends a query or a mutation, waiting first until the bucket holds its expected cost, and retrying THROTTLED
   * answers; a query answered 5xx is retried too, a mutation never (it may have run).
   * @throws {ApiCallError} on HTTP errors, GraphQL errors (with `platformCode`, e.g. `MAX_COST_EXCEEDED`) or too many THROTTLED answers
   */
  query<T>(request: GraphqlRequest): Promise<GraphqlAnswer<T>>;
  /** The bucket as last reported. */
  throttleStatus(): ThrottleStatus | null;
  /** Counters since the client was created. */
  stats(): AdminGraphqlStats;
}

interface GraphqlError {
  message?: string;
  extensions?: { code?: string };
}

function errorsOf(body: unknown): GraphqlError[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (Array.isArray(errors)) return errors as GraphqlError[];
  // Some failures answer `{"errors": "message"}` (REST style).
  if (typeof errors === 'string') return [{ message: errors }];
  return [];
}

function isThrottled(errors: GraphqlError[]): boolean {
  return errors.some((error) => error.extensions?.code === 'THROTTLED' || error.message === 'Throttled');
}

/**
 * Builds a client that paces itself on `extensions.cost.throttleStatus`: before each request it waits
 * until the modelled bucket holds the request's expected cost, so a backfill runs at the restore rate
 * without being throttled; a THROTTLED answer (HTTP 200 or 429) waits for the refill and is retried.
 * Rate limits: https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits
 *
 * @param options - shop, token, API version, fetch
 * @returns the client
 * @example
 * ```ts
 * const client = createAdminGraphqlClient({ shop: 'acme.myshopify.com', accessToken, apiVersion: '2026-07' });
 * const { data } = await client.query<{ shop: { name: string } }>({ query: '{ shop { name } }' });
 * ```
 */
export function createAdminGraphqlClient(options: AdminGraphqlClientOptions): AdminGraphqlClient {
  const now = options.now ?? (() => Date.now());
  const bucket = new LeakyBucketEstimate(now);
  const expectedCosts = new Map<string, number>();
  const maxRetries = options.maxThrottleRetries ?? 8;
  const stats: AdminGraphqlStats = { requests: 0, throttled: 0, actualCost: 0, pacedMs: 0 };
  const http = createApiClient({
    platform: 'shopify',
    baseUrl: `https://${options.shop}/admin/api/${options.apiVersion}/`,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { 'X-Shopify-Access-Token': options.accessToken, accept: 'application/json' },
    // 429 is handled here, with the bucket's own numbers; ky retries only transient server errors.
    retry: { limit: 3, statusCodes: [408, 500, 502, 503, 504] },
    secrets: [options.accessToken],
  });

  async function send(body: { query: string; variables?: Record<string, unknown> }, readOnly: boolean, signal?: AbortSignal) {
    stats.requests++;
    try {
      // A query answered 5xx or timed out is resent; a mutation is not: it may have run (a refund made twice).
      const response = await http.request({ method: 'POST', path: 'graphql.json', json: body, idempotent: readOnly, ...(signal ? { signal } : {}) });
      return { status: response.status, body: response.body, retryAfterMs: undefined as number | undefined };
    } catch (error) {
      if (error instanceof ApiCallError && error.status === 429) {
        let parsed: unknown = null;
        try {
          parsed = error.responseBody ? parseJsonLossless(error.responseBody) : null;
        } catch {
          parsed = null;
        }
        return { status: 429, body: parsed, retryAfterMs: error.retryAfterMs };
      }
      if (error instanceof ApiCallError && !readOnly && error.isRetryable) throw mayHaveRunError(error);
      throw error;
    }
  }

  async function query<T>(request: GraphqlRequest): Promise<GraphqlAnswer<T>> {
    const expected = request.expectedCost ?? expectedCosts.get(request.query) ?? 0;
    const readOnly = graphqlOperationType(request.query) === 'query';
    for (let attempt = 0; ; attempt++) {
      const wait = bucket.waitFor(expected);
      if (wait > 0) {
        options.onWait?.('pace', wait);
        stats.pacedMs += wait;
        await sleep(wait, request.signal);
        // Another request may have reserved points meanwhile: check again.
        if (bucket.waitFor(expected) > 0) {
          attempt--;
          continue;
        }
      }
      bucket.reserve(expected);
      let answer: Awaited<ReturnType<typeof send>>;
      try {
        answer = await send({ query: request.query, ...(request.variables ? { variables: request.variables } : {}) }, readOnly, request.signal);
      } finally {
        bucket.release(expected);
      }
      const cost = readQueryCost(answer.body);
      if (cost?.throttleStatus) bucket.observe(cost.throttleStatus);
      if (cost?.requestedQueryCost != null) expectedCosts.set(request.query, cost.requestedQueryCost);
      if (cost?.actualQueryCost != null) stats.actualCost += cost.actualQueryCost;
      const errors = errorsOf(answer.body);
      // THROTTLED is safe to resend, mutations included: Shopify checks the requested cost against the bucket
      // before it runs anything, and a throttled answer is charged nothing (`actualQueryCost: null`).
      // https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits
      // A bare 429 without that code says nothing of the kind, so only a query is resent on it.
      if (isThrottled(errors) || (answer.status === 429 && readOnly)) {
        stats.throttled++;
        if (attempt >= maxRetries) throw throttledError(options.shop, answer.status);
        const needed = cost?.requestedQueryCost ?? expected;
        const refillWait = cost?.throttleStatus ? bucket.waitFor(needed) : 0;
        const throttleWait = Math.max(refillWait, answer.retryAfterMs ?? (cost?.throttleStatus ? 0 : 1000), 50);
        options.onWait?.('throttled', throttleWait);
        await sleep(throttleWait, request.signal);
        continue;
      }
      if (answer.status === 429) throw rateLimitedError(options.shop, answer.retryAfterMs);
      if (errors.length > 0) throw graphqlError(options.shop, errors, answer.status);
      const data = (answer.body as { data?: unknown } | null)?.data;
      if (data === undefined || data === null) throw graphqlError(options.shop, [{ message: 'The answer has no data' }], answer.status);
      return { data: data as T, cost };
    }
  }

  return { query, throttleStatus: () => bucket.last(), stats: () => ({ ...stats }) };
}

function throttledError(shop: string, status: number): ApiCallError {
  return new ApiCallError(`shopify kept answering THROTTLED to POST https://${shop}/admin/api/…/graphql.json`, {
    platform: 'shopify',
    method: 'POST',
    url: `https://${shop}/admin/api/graphql.json`,
    status,
    isRetryable: true,
    platformCode: 'THROTTLED',
  });
}

/** A mutation answered 5xx, or not answered: it may have run, so neither this client nor its caller may resend it blind. */
function mayHaveRunError(error: ApiCallError): ApiCallError {
  return new ApiCallError(`${error.message}; the mutation may have run, so it is not retried`, {
    platform: error.platform,
    method: error.method,
    url: error.url,
    status: error.status,
    isRetryable: false,
    ...(error.platformCode !== undefined ? { platformCode: error.platformCode } : {}),
    ...(error.responseBody !== undefined ? { responseBody: error.responseBody } : {}),
    cause: error,
  });
}

function rateLimitedError(shop: string, retryAfterMs: number | undefined): ApiCallError {
  return new ApiCallError(`shopify answered 429 to a mutation POST https://${shop}/admin/api/…/graphql.json without saying it was THROTTLED`, {
    platform: 'shopify',
    method: 'POST',
    url: `https://${shop}/admin/api/graphql.json`,
    status: 429,
    isRetryable: true,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

function graphqlError(shop: string, errors: GraphqlError[], status: number): ApiCallError {
  const first = errors[0];
  const code = errors.find((error) => error.extensions?.code)?.extensions?.code ?? (/exceeds the single query max cost/i.test(first?.message ?? '') ? 'MAX_COST_EXCEEDED' : undefined);
  return new ApiCallError(`shopify GraphQL error: ${(first?.message ?? 'unknown error').slice(0, 300)}`, {
    platform: 'shopify',
    method: 'POST',
    url: `https://${shop}/admin/api/graphql.json`,
    status,
    isRetryable: false,
    ...(code ? { platformCode: code } : {}),
    responseBody: JSON.stringify(errors).slice(0, 2000),
  });
}
