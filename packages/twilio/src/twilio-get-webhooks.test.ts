import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStore, createThroughline } from '@throughline/core';
import { toNodeHandler } from '@throughline/core/node';
import { afterEach, describe, expect, it } from 'vitest';
import { accountSid, authToken, customerNumber, shopNumber, testAdapter, webhookUrl } from './test-fixtures';
import { createTwilioWebhookBuilder } from './testing/twilio-webhook-builder';

const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

describe('Twilio webhooks configured as GET', () => {
  it('are verified and stored through webhooks.handle, the call answered with TwiML', async () => {
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [testAdapter()] });
    const webhooks = createTwilioWebhookBuilder({ authToken, accountSid, url: webhookUrl });
    const call = await webhooks.incomingCall({ from: customerNumber, to: shopNumber }, { method: 'GET' });
    expect(call.method).toBe('GET');
    const answer = await throughline.webhooks.handle(call);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/xml');
    expect(await answer.text()).toContain('<Response>');
    const view = await throughline.tenant('acme').customers.findByIdentity({ kind: 'phone', value: customerNumber });
    expect(view).toBeDefined();
    // A GET whose query was changed after signing is refused like a POST would be.
    const tampered = new Request(call.url.replace(encodeURIComponent(customerNumber), encodeURIComponent('+14155550199')), { headers: call.headers });
    expect((await throughline.webhooks.handle(tampered)).status).toBe(401);
    await throughline.close();
  });

  it('are served over real HTTP by toNodeHandler', async () => {
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [testAdapter()] });
    const server = createServer(toNodeHandler(throughline.webhooks.handle));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const webhooks = createTwilioWebhookBuilder({ authToken, accountSid, url: `${base}/webhooks/twilio` });
    const response = await fetch(await webhooks.inboundSms({ from: customerNumber, to: shopNumber, body: 'Where is my order?' }, { method: 'GET' }));
    expect(response.status).toBe(200);
    const view = await throughline.tenant('acme').customers.findByIdentity({ kind: 'phone', value: customerNumber });
    expect(view).toBeDefined();
    await throughline.close();
  });
});
