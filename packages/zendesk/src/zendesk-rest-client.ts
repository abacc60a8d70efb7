import { ApiCallError } from '@throughline/core/adapter';
import { type ApiClient, type ApiRequest, createApiClient, toBase64 } from '@throughline/core/adapter-utils';
import { RateLimitPacer } from './rate-limit-pacer';
import { zendeskCursorPageSchema } from './zendesk-api-types';
import type { ZendeskClock, ZendeskCredentials, ZendeskSleep } from './zendesk-settings';

/** Which rate budget a request spends: the account's per-minute limit, or the incremental-export limit. */
export type RateBucket = 'account' | 'exports';

/** How to build the Zendesk REST client. */
export interface ZendeskRestClientOptions {
  subdomain: string;
  credentials: ZendeskCredentials;
  fetch?: typeof fetch;
  clock: ZendeskClock;
  sleep: ZendeskSleep;
  /** Rate window length in ms (one minute at Zendesk). */
  windowMs: number;
  /** Incremental export requests per window (10 at Zendesk). */
  exportRequestsPerWindow: number;
  /** How many 429s one request may absorb before failing (default 5). */
  maxThrottledRetries?: number;
}

/** A request through the paced client. */
export interface ZendeskRequest extends Omit<ApiRequest, 'idempotent'> {
  bucket?: RateBucket;
}

/** The paced, authenticated Zendesk REST client. */
export interface ZendeskRestClient {
  /**
   * Sends a request once the rate budget allows it; a 429 waits `Retry-After` and tries again.
   * @throws {ApiCallError} when Zendesk answers an error, or keeps answering 429
   */
  request(request: ZendeskRequest): Promise<unknown>;
  /**
   * Reads every page of a cursor-paginated list (`page[size]`, `meta.has_more`, `links.next`).
   * @throws {ApiCallError} when a page fails
   */
  listAll(path: string, key: string, options?: { pageSize?: number; searchParams?: Record<string, string | number>; signal?: AbortSignal }): Promise<unknown[]>;
  /** The two pacers, for stats. */
  readonly pacers: Readonly<Record<RateBucket, RateLimitPacer>>;
}

/**
 * The `Authorization` header for a set of credentials: Basic `email/token:token` for API tokens,
 * Bearer for OAuth (https://developer.zendesk.com/api-reference/introduction/security-and-auth/).
 * @param credentials - the credentials
 * @returns the header value
 * @example
 * ```ts
 * authorizationHeader({ kind: 'oauth', accessToken: 'oauth-token' }); // 'Bearer oauth-token'
 * authorizationHeader({ kind: 'api_token', email: 'ops@acme.example', token: 'abc' }); // 'Basic b3BzQGFjbWUuZXhhbXBsZS90b2tlbjphYmM='
 * ```
 */
export function authorizationHeader(credentials: ZendeskCredentials): string {
  if (credentials.kind === 'oauth') return `Bearer ${credentials.accessToken}`;
  return `Basic ${toBase64(new TextEncoder().encode(`${credentials.email}/token:${credentials.token}`))}`;
}

/**
 * Builds the REST client: base URL `https://<subdomain>.zendesk.com/api/v2/`, paced on the account's
 * own rate-limit headers, incremental exports additionally held to their per-window budget.
 *
 * @param options - subdomain, credentials, fetch, clock and rate budget
 * @returns the client
 * @example
 * ```ts
 * const client = createZendeskRestClient({ subdomain: 'acme', credentials, clock: { now: Date.now }, sleep, windowMs: 60_000, exportRequestsPerWindow: 10 });
 * const body = await client.request({ method: 'GET', path: 'tickets/1.json' });
 * ```
 */
export function createZendeskRestClient(options: ZendeskRestClientOptions): ZendeskRestClient {
  const secrets =
    options.credentials.kind === 'oauth' ? [options.credentials.accessToken] : [options.credentials.token];
  const authorization = authorizationHeader(options.credentials);
  const pacers: Record<RateBucket, RateLimitPacer> = {
    account: new RateLimitPacer({ clock: options.clock, sleep: options.sleep, windowMs: options.windowMs }),
    exports: new RateLimitPacer({
      clock: options.clock,
      sleep: options.sleep,
      windowMs: options.windowMs,
      requestsPerWindow: options.exportRequestsPerWindow,
    }),
  };
  const build = (bucket: RateBucket): ApiClient =>
    createApiClient({
      platform: 'zendesk',
      baseUrl: `https://${options.subdomain}.zendesk.com/api/v2/`,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      headers: { authorization, accept: 'application/json' },
      secrets: [...secrets, authorization],
      // 429s are handled here, with the pacer, so the wait shows in the rate budget. Only reads are
      // retried on 5xx: a PUT that adds a comment is not safe to repeat.
      retry: { limit: 2, methods: ['get'], statusCodes: [408, 500, 502, 503, 504] },
      onResponse: (response) => {
        pacers[bucket].observe(response.status, response.headers);
        if (bucket === 'exports' && response.headers.has('x-rate-limit-remaining')) {
          const accountHeaders = new Headers({ 'x-rate-limit-remaining': response.headers.get('x-rate-limit-remaining')! });
          pacers.account.observe(response.status === 429 ? 200 : response.status, accountHeaders);
        }
      },
    });
  const clients: Record<RateBucket, ApiClient> = { account: build('account'), exports: build('exports') };
  const maxThrottled = options.maxThrottledRetries ?? 5;

  async function request(zendeskRequest: ZendeskRequest): Promise<unknown> {
    const bucket = zendeskRequest.bucket ?? 'account';
    const { bucket: _bucket, ...apiRequest } = zendeskRequest;
    for (let attempt = 0; ; attempt++) {
      await pacers[bucket].acquire(zendeskRequest.signal);
      try {
        return (await clients[bucket].request(apiRequest)).body;
      } catch (error) {
        if (error instanceof ApiCallError && error.status === 429 && attempt < maxThrottled) continue;
        throw error;
      }
    }
  }

  return {
    pacers,
    request,
    async listAll(path, key, listOptions = {}) {
      const items: unknown[] = [];
      let next: string | null = path;
      let searchParams: Record<string, string | number> | undefined = {
        ...listOptions.searchParams,
        'page[size]': listOptions.pageSize ?? 100,
      };
      while (next !== null) {
        const body = (await request({
          method: 'GET',
          path: next,
          ...(searchParams ? { searchParams } : {}),
          ...(listOptions.signal ? { signal: listOptions.signal } : {}),
        })) as Record<string, unknown>;
        const page = Array.isArray(body[key]) ? (body[key] as unknown[]) : [];
        items.push(...page);
        const meta = zendeskCursorPageSchema.safeParse(body);
        // `links.next` already carries page[size] and page[after].
        next = meta.success && meta.data.meta.has_more ? (meta.data.links?.next ?? null) : null;
        searchParams = undefined;
      }
      return items;
    },
  };
}
