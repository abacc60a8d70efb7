import { type DocumentNode, execute, GraphQLError, parse, validate } from 'graphql';
import { type HttpHandler, HttpResponse, http } from 'msw';
import { adminSchema } from './admin-schema';
import { FakeGraphqlError, rootResolvers } from './graphql-views';
import { stringifyWithBigInts } from './json-with-big-ints';
import { FakeLeakyBucket } from './leaky-bucket';
import { actualQueryCost, requestedQueryCost } from './query-cost';
import { restCustomerPayload, restOrderPayload } from './rest-payloads';
import type { ShopifyDataset } from './shopify-dataset';

/** How the fake Shopify behaves. */
export interface ShopifyFakeOptions {
  /** The shop the handlers serve. */
  dataset: ShopifyDataset;
  /** Accepted `X-Shopify-Access-Token` values; any non-empty token when not set. */
  accessTokens?: ReadonlyArray<string>;
  /** GraphQL cost bucket: size (`maximumAvailable`, default 2000) and restore rate (points a second, default 100). */
  bucket?: {
    /** Points the bucket holds when full. */
    size?: number;
    /** Points regained per second. */
    restoreRate?: number;
  };
  /** The single-query cost limit (default 1000). */
  maxQueryCost?: number;
  /** HTTP status of a THROTTLED answer: Shopify has been seen to send 200 and 429 (default 200). */
  throttledStatus?: 200 | 429;
  /** REST bucket: requests it holds (default 40) and leak rate a second (default 2). */
  restBucket?: {
    /** Requests the bucket holds. */
    size?: number;
    /** Requests it lets through per second. */
    leakRate?: number;
  };
  /** Clock in ms (default `performance.now`). */
  now?: () => number;
}

/** What the fake served, for assertions and benchmarks. */
export interface ShopifyFakeStats {
  /** GraphQL requests received. */
  graphqlRequests: number;
  /** GraphQL answers that were THROTTLED. */
  throttled: number;
  /** Queries refused for costing more than the single-query limit. */
  maxCostExceeded: number;
  /** Sum of actual query costs charged. */
  pointsSpent: number;
  /** REST requests received. */
  restRequests: number;
  /** REST requests refused with 429. */
  restThrottled: number;
}

/** A fake Shopify shop for msw: handlers, its GraphQL bucket and counters. */
export interface ShopifyFake {
  /** msw request handlers: pass them to `setupServer` or `setupWorker`. */
  handlers: HttpHandler[];
  /** The GraphQL cost bucket (drain it to provoke THROTTLED answers). */
  bucket: FakeLeakyBucket;
  /** What the fake served so far. */
  stats: ShopifyFakeStats;
  /**
   * Makes the next `count` GraphQL requests fail with a server error, as Shopify does during an incident:
   * the request may or may not have run, and the answer says nothing about it.
   * @param count - how many requests fail
   * @param status - the HTTP status (default 503)
   */
  failNextRequests(count: number, status?: 500 | 502 | 503 | 504): void;
}

const invalidToken = '[API] Invalid API key or access token (unrecognized login or wrong password)';

function json(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponse<string> {
  return text(stringifyWithBigInts(body), status, headers);
}

function text(body: string, status = 200, headers: Record<string, string> = {}): HttpResponse<string> {
  return new HttpResponse(body, { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/**
 * Creates msw handlers that behave like one shop's Admin API: a GraphQL endpoint validated against
 * Shopify's schema names, with calculated query cost, a real leaky bucket (`extensions.cost.throttleStatus`,
 * THROTTLED answers), the single-query cost limit and cursor connections over the dataset; REST order and
 * customer reads with `X-Shopify-Shop-Api-Call-Limit` and Shopify's error bodies (`{"errors":"Not Found"}`).
 *
 * @param options - dataset, tokens, bucket and limits
 * @returns the handlers, the bucket and counters
 * @example
 * ```ts
 * const fake = createShopifyHandlers({ dataset, bucket: { size: 1000, restoreRate: 50 } });
 * const server = setupServer(...fake.handlers);
 * ```
 */
export function createShopifyHandlers(options: ShopifyFakeOptions): ShopifyFake {
  const { dataset } = options;
  const now = options.now ?? (() => performance.now());
  const bucket = new FakeLeakyBucket(options.bucket?.size ?? 2000, options.bucket?.restoreRate ?? 100, now);
  const restBucket = new FakeLeakyBucket(options.restBucket?.size ?? 40, options.restBucket?.leakRate ?? 2, now);
  const maxQueryCost = options.maxQueryCost ?? 1000;
  const stats: ShopifyFakeStats = { graphqlRequests: 0, throttled: 0, maxCostExceeded: 0, pointsSpent: 0, restRequests: 0, restThrottled: 0 };
  const failures = { remaining: 0, status: 503 };
  const schema = adminSchema();
  const queryType = schema.getQueryType()!;
  const root = rootResolvers(dataset);
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const base = `https://${dataset.shop}/admin/api/:version`;

  function authorised(request: Request): boolean {
    const token = request.headers.get('x-shopify-access-token');
    if (!token) return false;
    return options.accessTokens === undefined || options.accessTokens.includes(token);
  }

  function compile(query: string): DocumentNode | readonly GraphQLError[] {
    let compiled = documents.get(query);
    if (compiled === undefined) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        compiled = errors.length > 0 ? errors : document;
      } catch (error) {
        compiled = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      if (documents.size > 100) documents.clear();
      documents.set(query, compiled);
    }
    return compiled;
  }

  const graphqlHandler = http.post(`${base}/graphql.json`, async ({ request }) => {
    if (!authorised(request)) return json({ errors: invalidToken }, 401);
    stats.graphqlRequests++;
    if (failures.remaining > 0) {
      failures.remaining--;
      const requestId = crypto.randomUUID();
      // Shopify's internal-error body: https://shopify.dev/docs/api/usage/response-codes
      return json(
        {
          errors: [
            {
              message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${requestId} (include this in support requests).`,
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
            },
          ],
        },
        failures.status,
        { 'x-request-id': requestId },
      );
    }
    let body: { query?: unknown; variables?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      return json({ errors: [{ message: 'Invalid JSON in request body' }] }, 400);
    }
    if (typeof body.query !== 'string') return json({ errors: [{ message: 'No query string was present' }] }, 400);
    const variables = (body.variables && typeof body.variables === 'object' ? body.variables : {}) as Record<string, unknown>;
    const document = compile(body.query);
    if (Array.isArray(document)) {
      return json({ errors: document.map((error) => ({ message: error.message, locations: error.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) });
    }
    const requested = requestedQueryCost(document as DocumentNode, queryType, variables);
    if (requested > maxQueryCost) {
      stats.maxCostExceeded++;
      return json({
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${maxQueryCost}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: maxQueryCost },
          },
        ],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() } },
      });
    }
    if (!bucket.holds(requested)) {
      stats.throttled++;
      const status = bucket.status();
      const retryAfter = Math.max(0, (requested - status.currentlyAvailable) / status.restoreRate);
      return json(
        {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
          extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: status } },
        },
        options.throttledStatus ?? 200,
        options.throttledStatus === 429 ? { 'retry-after': retryAfter.toFixed(1) } : {},
      );
    }
    const result = await execute({ schema, document: document as DocumentNode, rootValue: root, variableValues: variables });
    const errors = result.errors?.map((error) => ({
      message: error.originalError instanceof FakeGraphqlError ? error.originalError.message : error.message,
      path: error.path,
      extensions: { code: error.originalError instanceof FakeGraphqlError ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' },
    }));
    const actual = actualQueryCost(document as DocumentNode, queryType, variables, result.data);
    bucket.take(actual);
    stats.pointsSpent += actual;
    // GraphQL answers carry ids as strings (ID, UnsignedInt64): plain JSON is enough.
    return text(
      JSON.stringify({
        ...(errors ? { errors } : {}),
        data: result.data ?? null,
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } },
      }),
    );
  });

  function rest(resolve: (id: string) => unknown) {
    return ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
      if (!authorised(request)) return json({ errors: invalidToken }, 401);
      stats.restRequests++;
      if (!restBucket.holds(1)) {
        stats.restThrottled++;
        return json({ errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' }, 429, {
          'retry-after': '2.0',
          'x-shopify-shop-api-call-limit': `${restBucket.size}/${restBucket.size}`,
        });
      }
      restBucket.take(1);
      const used = Math.ceil(restBucket.size - restBucket.status().currentlyAvailable);
      const limit = { 'x-shopify-shop-api-call-limit': `${used}/${restBucket.size}` };
      const found = resolve(String(params.id).replace(/\.json$/, ''));
      return found === undefined ? json({ errors: 'Not Found' }, 404, limit) : json(found, 200, limit);
    };
  }

  const handlers: HttpHandler[] = [
    graphqlHandler,
    http.get(
      `${base}/orders/:id`,
      rest((id) => {
        const order = /^\d+$/.test(id) ? dataset.order(id) : undefined;
        return order ? { order: restOrderPayload(order, dataset) } : undefined;
      }),
    ),
    http.get(
      `${base}/customers/:id`,
      rest((id) => {
        const customer = /^\d+$/.test(id) ? dataset.customer(id) : undefined;
        return customer ? { customer: restCustomerPayload(customer) } : undefined;
      }),
    ),
    http.all(`https://${dataset.shop}/admin/*`, ({ request }) => (authorised(request) ? json({ errors: 'Not Found' }, 404) : json({ errors: invalidToken }, 401))),
  ];
  return {
    handlers,
    bucket,
    stats,
    failNextRequests(count, status = 503) {
      failures.remaining = count;
      failures.status = status;
    },
  };
}
