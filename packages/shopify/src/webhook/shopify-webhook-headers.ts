// Two header families: classic webhooks send `X-Shopify-*`, Events deliveries send unprefixed `Shopify-*`:
// https://shopify.dev/docs/apps/build/webhooks/delivery-structure#headers
// https://shopify.dev/docs/apps/build/events/delivery-structure#headers

/** The headers of a Shopify delivery, whichever family carried them. */
export interface ShopifyWebhookHeaders {
  /** Base64 HMAC-SHA256 of the raw body. */
  hmac: string | null;
  /** Topic, such as `orders/create`. */
  topic: string | null;
  /** Lower-cased `{shop}.myshopify.com`. */
  shop: string | null;
  /** The Admin API version the payload follows, such as `2026-07`. */
  apiVersion: string | null;
  /** Unique per delivery. */
  webhookId: string | null;
  /** Shared by every delivery the same merchant action produced: the duplicate key. */
  eventId: string | null;
  /** When Shopify triggered the delivery. */
  triggeredAt: string | null;
  /** Which family the signature came in. */
  family: 'x-shopify' | 'shopify' | null;
}

type Family = 'x-shopify' | 'shopify';

/** Reads Shopify headers from the family the signature came in, falling back to the other family per header. */
export class ShopifyHeaderReader {
  /** The family the delivery's signature (or topic) came in. */
  readonly family: Family | null;
  /** Base64 HMAC-SHA256 of the raw body. */
  readonly hmac: string | null;

  constructor(private readonly headers: Headers) {
    const prefixed = nonEmpty(headers.get('x-shopify-hmac-sha256'));
    const unprefixed = prefixed === null ? nonEmpty(headers.get('shopify-hmac-sha256')) : null;
    this.hmac = prefixed ?? unprefixed;
    this.family = prefixed !== null ? 'x-shopify' : unprefixed !== null ? 'shopify' : null;
  }

  /**
   * One header by its name without prefix, such as `shop-domain`.
   * @param name - the header name after `X-Shopify-` / `Shopify-`
   * @returns the trimmed value, or null
   */
  get(name: string): string | null {
    const first = this.family === 'shopify' ? `shopify-${name}` : `x-shopify-${name}`;
    const second = this.family === 'shopify' ? `x-shopify-${name}` : `shopify-${name}`;
    return nonEmpty(this.headers.get(first)) ?? nonEmpty(this.headers.get(second));
  }
}

function nonEmpty(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Reads a delivery's Shopify headers, accepting both `X-Shopify-*` and unprefixed `Shopify-*` names (case-insensitive).
 * @param headers - the request headers
 * @returns the values, null where absent
 * @example
 * ```ts
 * readShopifyHeaders(request.headers).topic; // 'orders/create'
 * ```
 */
export function readShopifyHeaders(headers: Headers): ShopifyWebhookHeaders {
  const reader = new ShopifyHeaderReader(headers);
  return {
    hmac: reader.hmac,
    topic: reader.get('topic'),
    shop: reader.get('shop-domain')?.toLowerCase() ?? null,
    apiVersion: reader.get('api-version'),
    webhookId: reader.get('webhook-id'),
    eventId: reader.get('event-id'),
    triggeredAt: reader.get('triggered-at'),
    family: reader.family,
  };
}
