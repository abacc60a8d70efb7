import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, createThroughline } from '../src/index';
import { toNodeHandler } from '../src/node/index';
import { createMockAdapter, signMockDelivery } from '../src/testing/fakes';
import { email, inbound } from './event-factory';

const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(handle: (request: Request) => Promise<Response>): Promise<string> {
  const server = createServer(toNodeHandler(handle));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeHandler', () => {
  it('serves webhooks.handle over real HTTP: body, headers and status survive the translation', async () => {
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [createMockAdapter({ secrets: ['s'], accounts: { acme: 'acme' } })] });
    const base = await serve(throughline.webhooks.handle);
    const { tenantId: _tenantId, ...event } = inbound('m1', 0, [email('ana@example.com')]);
    const signed = await signMockDelivery({ url: `${base}/webhooks/mock`, secret: 's', account: 'acme', body: { account: 'acme', deliveryId: 'd', events: [event] } });
    const response = await fetch(signed);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ accepted: 1 });
    const tampered = await fetch(`${base}/webhooks/mock`, { method: 'POST', headers: signed.headers, body: '{"account":"acme","events":[]}' });
    expect(tampered.status).toBe(401);
  });

  it('answers 500 with a JSON body when the handler throws', async () => {
    const base = await serve(async () => {
      throw new Error('boom');
    });
    const response = await fetch(`${base}/x`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'internal_error', message: 'boom' });
  });
});
