import { describeChannelAdapter } from '@throughline/core/testing';
import { setupServer } from 'msw/node';
import { createShopify } from './create-shopify';
import { createShopifyDataset } from './testing/shopify-dataset';
import { createShopifyHandlers } from './testing/shopify-handlers';
import { createShopifyWebhookBuilder } from './testing/webhook-builder';

const secret = 'shpss_contract_secret';
const dataset = createShopifyDataset({ seed: 2, customers: 10, orders: 40 });
const order = dataset.orders.find((candidate) => candidate.fulfillments.length > 0)!;
const webhooks = createShopifyWebhookBuilder({ secret, url: 'https://app.example.com/webhooks/shopify', dataset });

describeChannelAdapter({
  name: 'shopify',
  tenantId: 'acme',
  createAdapter: () => createShopify({ clientSecrets: [secret], shops: { [dataset.shop]: 'acme' }, adminAccessTokens: 'shpat_contract' }),
  signedDelivery: () => webhooks.ordersFulfilled(order),
  tamperedDelivery: () => webhooks.ordersFulfilled(order, { tamper: (body) => body.replace('"paid"', '"refunded"') }),
  malformedDelivery: () => webhooks.build('orders/create', '{"id": 820982911946154508, "created_at": '),
  unknownTenantDelivery: () => webhooks.ordersFulfilled(order, { shop: 'someone-else.myshopify.com' }),
  backfill: {
    since: new Date('2026-01-01T00:00:00.000Z'),
    setup: () => {
      const server = setupServer(...createShopifyHandlers({ dataset, bucket: { size: 2000, restoreRate: 10_000 } }).handlers);
      server.listen({ onUnhandledRequest: 'error' });
      return () => server.close();
    },
  },
});
