import { describeChannelAdapter } from '@throughline/core/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import {
  buildCommentAddedWebhook,
  createVirtualTime,
  createZendeskHandlers,
  FakeZendeskAccount,
  seedZendeskAccount,
  signZendeskDelivery,
} from './testing/index';
import { createZendesk } from './zendesk-adapter';

const secret = 'contract-secret';
const credentials = { kind: 'api_token' as const, email: 'ops@acme.example', token: 'tok-contract' };
const account = new FakeZendeskAccount('acme', 12514403);
const seeded = seedZendeskAccount(account, { tickets: 25, start: '2026-11-20T00:00:00Z' });
const time = createVirtualTime(seeded.lastUpdateAt + 3_600_000);
const signedAt = time.now();
const customer = seeded.customers[0]!;
const ticket = [...account.tickets.values()][0]!;
const delivery = { secret, accountId: 12514403, signedAt, invocationId: 'inv-contract' };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const signed = () =>
  buildCommentAddedWebhook(ticket, { id: 77, body: 'Where is my parcel?', isPublic: true, author: { id: customer.id, name: customer.name, isStaff: false } }, delivery);

describeChannelAdapter({
  name: 'zendesk',
  tenantId: 'acme',
  createAdapter: () =>
    createZendesk({
      subdomain: 'acme',
      credentials,
      webhookSecrets: [secret],
      accounts: { '12514403': 'acme' },
      clock: time.clock,
      sleep: time.sleep,
    }),
  signedDelivery: signed,
  tamperedDelivery: async () => {
    const request = await signed();
    const body = (await request.text()).replace('Where is my parcel?', 'Refund me twice');
    return new Request(request.url, { method: 'POST', headers: request.headers, body });
  },
  malformedDelivery: () => signZendeskDelivery('{"type":"zen:event-type:ticket.comment_added",', delivery),
  unknownTenantDelivery: () => buildCommentAddedWebhook(ticket, { id: 78, body: 'x', isPublic: true, author: { id: customer.id, name: customer.name, isStaff: false } }, { ...delivery, accountId: 999 }),
  backfill: {
    since: new Date('2026-11-01T00:00:00Z'),
    setup: () => {
      server.use(...createZendeskHandlers(account, { credentials, now: time.now }).handlers);
      return () => server.resetHandlers();
    },
  },
});
