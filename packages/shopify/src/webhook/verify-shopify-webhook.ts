import type { WebhookDelivery, WebhookVerification } from '@throughline/core/adapter';
import type { SignatureVerifier } from '@throughline/core/adapter-utils';
import { ShopifyHeaderReader } from './shopify-webhook-headers';

/**
 * Checks a delivery's HMAC (base64 HMAC-SHA256 of the raw body under any client secret, constant time)
 * and maps its shop to a tenant. The signature is checked first, so an unsigned probe learns nothing
 * about which shops are configured.
 *
 * @param delivery - the delivery with its raw body
 * @param verifier - the verifier holding every client secret
 * @param shops - shop domain → tenant id
 * @returns the tenant and the delivery's duplicate key, or why it was refused
 */
export async function verifyShopifyWebhook(
  delivery: WebhookDelivery,
  verifier: SignatureVerifier,
  shops: ReadonlyMap<string, string>,
): Promise<WebhookVerification> {
  // Only the headers verification needs are read: this runs on every delivery.
  const headers = new ShopifyHeaderReader(delivery.request.headers);
  if (headers.hmac === null) {
    return { ok: false, reason: 'missing_signature', message: 'X-Shopify-Hmac-Sha256 (or Shopify-Hmac-Sha256) is missing' };
  }
  if (!(await verifier.verify(delivery.rawBody, headers.hmac))) {
    return { ok: false, reason: 'invalid_signature', message: 'The HMAC does not match the body under any client secret' };
  }
  const shop = headers.get('shop-domain')?.toLowerCase() ?? null;
  if (shop === null) {
    return { ok: false, reason: 'missing_header', message: 'X-Shopify-Shop-Domain (or Shopify-Shop-Domain) is missing' };
  }
  const tenantId = shops.get(shop);
  if (tenantId === undefined) {
    return { ok: false, reason: 'unknown_tenant', message: `Shop ${shop} is not in the shops allow-list` };
  }
  return new AcceptedDelivery(tenantId, headers);
}

/**
 * The duplicate key of a delivery: the event id (shared by every retry of one merchant action) with the
 * topic (one action can fire several topics), else the webhook id.
 * @param headers - the delivery's headers
 * @returns the key, or null when the delivery carries neither id
 */
export function deliveryKey(headers: { eventId: string | null; webhookId: string | null; topic: string | null }): string | null {
  if (headers.eventId !== null) return `${headers.eventId}:${headers.topic ?? ''}`;
  return headers.webhookId;
}

/**
 * A verified delivery. The duplicate key is read from the headers when asked for: verification runs
 * on every delivery and most callers never need the key (a prototype getter keeps this cheap).
 */
class AcceptedDelivery {
  readonly ok = true as const;
  private cachedDeliveryId: string | null | undefined;

  constructor(
    readonly tenantId: string,
    private readonly headers: ShopifyHeaderReader,
  ) {}

  /** `X-Shopify-Event-Id` with the topic, else `X-Shopify-Webhook-Id`. */
  get deliveryId(): string | null {
    if (this.cachedDeliveryId === undefined) {
      const eventId = this.headers.get('event-id');
      this.cachedDeliveryId =
        eventId !== null ? deliveryKey({ eventId, webhookId: null, topic: this.headers.get('topic') }) : this.headers.get('webhook-id');
    }
    return this.cachedDeliveryId;
  }

  /** A plain object, for logs and JSON. */
  toJSON(): { ok: true; tenantId: string; deliveryId: string | null } {
    return { ok: true, tenantId: this.tenantId, deliveryId: this.deliveryId };
  }
}
