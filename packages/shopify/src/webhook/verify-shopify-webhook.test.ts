import { readDelivery } from '@throughline/core/testing';
import { describe, expect, it } from 'vitest';
import { createShopify } from '../create-shopify';
import { createShopifyDataset } from '../testing/shopify-dataset';
import { createShopifyWebhookBuilder } from '../testing/webhook-builder';

const currentSecret = 'shpss_current_secret_value';
const previousSecret = 'shpss_previous_secret_value';
const dataset = createShopifyDataset({ seed: 3, customers: 5, orders: 5 });
const order = dataset.orders[0]!;
const url = 'https://app.example.com/webhooks/shopify';

function adapter() {
  return createShopify({ clientSecrets: [currentSecret, previousSecret], shops: { 'acme.myshopify.com': 'acme' } });
}

describe('verifying Shopify deliveries', () => {
  it('accepts X-Shopify-* deliveries and names the tenant and the duplicate key', async () => {
    const webhooks = createShopifyWebhookBuilder({ secret: currentSecret, url, dataset });
    const verification = await adapter().doVerifyWebhook(await readDelivery(await webhooks.ordersCreate(order, { eventId: 'evt-1' })));
    expect(verification).toMatchObject({ ok: true, tenantId: 'acme' });
    expect(verification.ok && verification.deliveryId).toBe('evt-1:orders/create');
    expect(JSON.parse(JSON.stringify(verification))).toEqual({ ok: true, tenantId: 'acme', deliveryId: 'evt-1:orders/create' });
  });

  it('accepts the unprefixed Shopify-* header family of Events deliveries', async () => {
    const webhooks = createShopifyWebhookBuilder({ secret: currentSecret, url, dataset, headerFamily: 'shopify' });
    const request = await webhooks.ordersUpdated(order);
    expect(request.headers.get('x-shopify-hmac-sha256')).toBeNull();
    expect(request.headers.get('shopify-hmac-sha256')).not.toBeNull();
    expect(await adapter().doVerifyWebhook(await readDelivery(request))).toMatchObject({ ok: true, tenantId: 'acme' });
  });

  it('accepts a delivery signed with the previous secret during a rotation', async () => {
    const webhooks = createShopifyWebhookBuilder({ secret: previousSecret, url, dataset });
    expect(await adapter().doVerifyWebhook(await readDelivery(await webhooks.ordersCreate(order)))).toMatchObject({ ok: true });
  });

  it('refuses a delivery signed with a secret that is not configured', async () => {
    const webhooks = createShopifyWebhookBuilder({ secret: 'shpss_attacker', url, dataset });
    expect(await adapter().doVerifyWebhook(await readDelivery(await webhooks.ordersCreate(order)))).toMatchObject({
      ok: false,
      reason: 'invalid_signature',
    });
  });

  it('refuses a body changed after signing, by a single byte', async () => {
    const webhooks = createShopifyWebhookBuilder({ secret: currentSecret, url, dataset });
    const request = await webhooks.ordersCreate(order, { tamper: (body) => body.replace(order.totalPrice, `${order.totalPrice}1`) });
    expect(await adapter().doVerifyWebhook(await readDelivery(request))).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('refuses an unsigned delivery and a signature that is not base64, without throwing', async () => {
    const webhooks = createShopifyWebhookBuilder({ secret: currentSecret, url, dataset });
    const unsigned = await webhooks.ordersCreate(order, { unsigned: true });
    expect(await adapter().doVerifyWebhook(await readDelivery(unsigned))).toMatchObject({ ok: false, reason: 'missing_signature' });
    const garbage = await webhooks.ordersCreate(order);
    const headers = new Headers(garbage.headers);
    headers.set('x-shopify-hmac-sha256', '%%% not base64 %%%');
    const request = new Request(url, { method: 'POST', headers, body: await garbage.text() });
    expect(await adapter().doVerifyWebhook(await readDelivery(request))).toMatchObject({ ok: false, reason: 'invalid_signature' });
  });

  it('refuses a correctly signed delivery from a shop outside the allow-list as unknown_tenant', async () => {
    const webhooks = createShopifyWebhookBuilder({ secret: currentSecret, url, dataset, shop: 'stranger.myshopify.com' });
    const verification = await adapter().doVerifyWebhook(await readDelivery(await webhooks.ordersCreate(order)));
    expect(verification).toMatchObject({ ok: false, reason: 'unknown_tenant' });
    if (!verification.ok) expect(verification.message).not.toContain(currentSecret);
  });

  it('matches shop domains case-insensitively', async () => {
    const webhooks = createShopifyWebhookBuilder({ secret: currentSecret, url, dataset, shop: 'ACME.myshopify.com' });
    expect(await adapter().doVerifyWebhook(await readDelivery(await webhooks.ordersCreate(order)))).toMatchObject({ ok: true, tenantId: 'acme' });
  });

  it('recognises its deliveries by either header family and nothing else', async () => {
    const classic = await createShopifyWebhookBuilder({ secret: currentSecret, url, dataset }).ordersCreate(order);
    const events = await createShopifyWebhookBuilder({ secret: currentSecret, url, dataset, headerFamily: 'shopify' }).ordersCreate(order);
    expect(adapter().matchesWebhook(classic)).toBe(true);
    expect(adapter().matchesWebhook(events)).toBe(true);
    expect(adapter().matchesWebhook(new Request(url, { method: 'POST', headers: { 'x-twilio-signature': 'abc' } }))).toBe(false);
  });
});
