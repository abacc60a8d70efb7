import { describe, expect, it } from 'vitest';
import { createThroughline } from '../src/engine/throughline';
import { createMemoryStore } from '../src/store/memory-store';
import { describeChannelAdapter } from '../src/testing/describe-channel-adapter';
import { createMockAdapter, type MockDeliveryBody, signMockDelivery } from '../src/testing/mock-adapter';
import { inbound } from './event-factory';

const secret = 'mock-contract-secret';
const url = 'https://app.example/webhooks/mock';
const { tenantId: _tenant, ...event } = inbound('evt_contract_1', 0, [{ kind: 'email', value: 'ana@example.com' }]);
const body: MockDeliveryBody = { account: 'acme-shop', deliveryId: 'dlv_1', events: [event] };

describeChannelAdapter({
  name: 'mock',
  tenantId: 'acme',
  createAdapter: () => createMockAdapter({ secrets: [secret], accounts: { 'acme-shop': 'acme' } }),
  signedDelivery: () => signMockDelivery({ url, secret, account: 'acme-shop', body }),
  tamperedDelivery: () => signMockDelivery({ url, secret: 'not-the-secret', account: 'acme-shop', body }),
  malformedDelivery: () => signMockDelivery({ url, secret, account: 'acme-shop', body: '{"events":' }),
  unknownTenantDelivery: () => signMockDelivery({ url, secret, account: 'someone-else', body }),
});

describe('mock adapter through the pipeline', () => {
  it('leaves event validation to the pipeline, which answers 400 naming the bad field', async () => {
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [createMockAdapter({ secrets: [secret], accounts: { 'acme-shop': 'acme' } })] });
    const broken = { ...body, events: [{ ...event, occurredAt: 'yesterday' }] };
    const response = await throughline.webhooks.handle(await signMockDelivery({ url, secret, account: 'acme-shop', body: broken }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('occurredAt');
    const accepted = await throughline.webhooks.handle(await signMockDelivery({ url, secret, account: 'acme-shop', body }));
    expect(accepted.status).toBe(200);
    await throughline.close();
  });
});
