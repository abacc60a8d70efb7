import { type IdentityClaim, ValidationError } from '@throughline/core/adapter';
import { z } from 'zod';

/** A shop domain as Shopify sends it in `X-Shopify-Shop-Domain`, such as `acme.myshopify.com`. */
const shopDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'a myshopify.com domain, such as acme.myshopify.com');

/** Progress of a backfill page, reported through `onProgress`. */
export interface ShopifyBackfillProgress {
  /** The tenant being backfilled. */
  tenantId: string;
  /** The stream the page came from. */
  stream: 'customers' | 'orders';
  /** Records (customers or orders) read in this page. */
  records: number;
  /** Events the page produced. */
  events: number;
  /** Whether the stream has more pages. */
  hasNextPage: boolean;
  /** Query cost Shopify charged for the page. */
  actualQueryCost: number | null;
  /** Points left in the bucket after the page. */
  currentlyAvailable: number | null;
}

/** The identities and profile a Shopify customer record proves, delivered to `onCustomerIdentities`. */
export interface ShopifyCustomerIdentities {
  /** The tenant the shop maps to. */
  tenantId: string;
  /** The Shopify customer id, as a decimal string. */
  customerId: string;
  /** When Shopify last updated the customer, ISO-8601 UTC. */
  updatedAt: string | null;
  /** The customer's Shopify id, email and phone, as claims to link. */
  identities: IdentityClaim[];
  /** The customer's name as Shopify has it. */
  profile: {
    /** Given name. */
    firstName?: string;
    /** Family name. */
    lastName?: string;
    /** Full name, when Shopify gives one. */
    name?: string;
  };
}

/** What the throttle-aware GraphQL client reports when it waits. */
export interface ShopifyThrottleNotice {
  /** The tenant whose shop the client waits for. */
  tenantId: string;
  /** `pace`: waiting for points before sending; `throttled`: Shopify answered THROTTLED and the request is retried. */
  kind: 'pace' | 'throttled';
  /** How long it waits, in ms. */
  waitMs: number;
}

const functionSchema = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'a function');

/** Validates the settings of `createShopify`. */
export const shopifySettingsSchema = z.object({
  /** App client secrets, current first; every one is accepted (rotation). */
  clientSecrets: z.array(z.string().min(1)).min(1),
  /** Shop domain → Throughline tenant id: the allow-list of shops. */
  shops: z.record(shopDomainSchema, z.string().min(1)).refine((shops) => Object.keys(shops).length > 0, 'at least one shop'),
  /** Admin API access token: one for every shop, or one per shop domain. */
  adminAccessTokens: z.union([z.string().min(1), z.record(shopDomainSchema, z.string().min(1))]).optional(),
  /** Admin API version, such as `2026-07`. */
  apiVersion: z
    .string()
    .regex(/^(\d{4}-(01|04|07|10)|unstable)$/, 'a Shopify API version such as 2026-07')
    .default('2026-07'),
  /** Injected fetch (tests, edge runtimes). */
  fetch: functionSchema.optional(),
  /** Page size of backfill queries (Shopify allows at most 250 nodes a page). */
  backfillPageSize: z.number().int().min(1).max(250).default(250),
  /** How many times a THROTTLED request is retried before the call fails. */
  maxThrottleRetries: z.number().int().min(0).max(50).default(8),
  /** Called after every backfill page. */
  onProgress: functionSchema.optional(),
  /** Called with the identities a `customers/*` webhook or the customers backfill stream proves. */
  onCustomerIdentities: functionSchema.optional(),
  /** Called whenever the GraphQL client waits for its rate limit. */
  onThrottle: functionSchema.optional(),
});

/** Settings of `createShopify`, as the caller writes them. */
export interface ShopifySettings {
  /** App client secrets, current first; deliveries signed with any of them are accepted (rotation). */
  clientSecrets: ReadonlyArray<string>;
  /** Shop domain → Throughline tenant id: the allow-list of shops, such as `{ 'acme.myshopify.com': 'acme' }`. */
  shops: Readonly<Record<string, string>>;
  /** Admin API access token: one for every shop, or one per shop domain. Needed for backfill and order status. */
  adminAccessTokens?: string | Readonly<Record<string, string>>;
  /** Admin API version (default `2026-07`). */
  apiVersion?: string;
  /** Injected fetch (tests, edge runtimes); the global one by default. */
  fetch?: typeof fetch;
  /** Nodes per backfill page, at most 250 (default 250); halved automatically when a query would cost too much. */
  backfillPageSize?: number;
  /** Retries of a THROTTLED request before the call fails (default 8). */
  maxThrottleRetries?: number;
  /** Called after every backfill page. */
  onProgress?: (progress: ShopifyBackfillProgress) => void | Promise<void>;
  /** Called with the identities proved by `customers/create|update` webhooks and the customers backfill stream. */
  onCustomerIdentities?: (record: ShopifyCustomerIdentities) => void | Promise<void>;
  /** Called whenever the GraphQL client waits for its rate limit. */
  onThrottle?: (notice: ShopifyThrottleNotice) => void;
}

/** Settings after validation and defaults. */
export interface ResolvedShopifySettings {
  clientSecrets: ReadonlyArray<string>;
  /** Lower-cased shop domain → tenant id. */
  shops: ReadonlyMap<string, string>;
  /** Tenant id → shop domain. */
  shopByTenant: ReadonlyMap<string, string>;
  /** Shop domain → access token. */
  accessTokenFor: (shop: string) => string | undefined;
  apiVersion: string;
  fetch: typeof fetch | undefined;
  backfillPageSize: number;
  maxThrottleRetries: number;
  onProgress: ShopifySettings['onProgress'];
  onCustomerIdentities: ShopifySettings['onCustomerIdentities'];
  onThrottle: ShopifySettings['onThrottle'];
}

/**
 * Validates settings and applies defaults; secrets never appear in the error.
 * @param settings - the caller's settings
 * @returns the resolved settings
 * @throws {ValidationError} when a setting is missing or malformed, or two shops share a tenant
 */
export function resolveShopifySettings(settings: ShopifySettings): ResolvedShopifySettings {
  const parsed = shopifySettingsSchema.safeParse(settings);
  if (!parsed.success) throw ValidationError.fromZod('Shopify settings', parsed.error);
  const value = parsed.data;
  const shops = new Map(Object.entries(value.shops));
  const shopByTenant = new Map<string, string>();
  for (const [shop, tenantId] of shops) {
    if (shopByTenant.has(tenantId)) {
      throw new ValidationError(`Shopify settings are invalid: tenant ${tenantId} is mapped to two shops`, [
        { path: ['shops', shop], message: 'a tenant owns one shop' },
      ]);
    }
    shopByTenant.set(tenantId, shop);
  }
  const tokens = value.adminAccessTokens;
  return {
    clientSecrets: value.clientSecrets,
    shops,
    shopByTenant,
    accessTokenFor: (shop) => (typeof tokens === 'string' ? tokens : tokens?.[shop]),
    apiVersion: value.apiVersion,
    fetch: settings.fetch,
    backfillPageSize: value.backfillPageSize,
    maxThrottleRetries: value.maxThrottleRetries,
    onProgress: settings.onProgress,
    onCustomerIdentities: settings.onCustomerIdentities,
    onThrottle: settings.onThrottle,
  };
}
