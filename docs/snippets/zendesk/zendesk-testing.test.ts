// #region testing
import { createMemoryStore, createThroughline } from '@throughline/core';
import { createZendesk } from '@throughline/zendesk';
import { buildCommentAddedWebhook, createVirtualTime, createZendeskHandlers, FakeZendeskAccount, seedZendeskAccount } from '@throughline/zendesk/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';

const credentials = { kind: 'api_token' as const, email: 'ops@acme.example', token: 'test-api-token' };
const account = new FakeZendeskAccount('acme', 12514403);
seedZendeskAccount(account, { tickets: 500 });
const time = createVirtualTime('2026-12-01T00:00:00Z');
const { handlers, stats } = createZendeskHandlers(account, { credentials, now: time.now });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

// The adapter paces itself on the same virtual time, so waits for the rate limit take no real time.
const secret = 'test-webhook-secret';
const zendesk = createZendesk({ subdomain: 'acme', credentials, webhookSecrets: [secret], accounts: { '12514403': 'acme' }, clock: time.clock, sleep: time.sleep });
const throughline = createThroughline({ store: createMemoryStore(), adapters: [zendesk] });

it('backfills the account within the export rate limit', async () => {
  const report = await throughline.backfill.run({ adapterId: 'zendesk', tenantId: 'acme', since: new Date('2026-11-01T00:00:00Z') });
  expect(report.complete).toBe(true);
  expect(report.events).toBeGreaterThan(500); // every ticket's opening, comments and changes
  expect(stats.throttled).toBe(0); // paced, never refused with a 429
  const gaps = stats.exportTimes.slice(1).map((at, index) => at - stats.exportTimes[index]!);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(6_000); // 10 export requests a minute
});

it('takes a signed comment webhook', async () => {
  const [ticket] = account.tickets.values();
  const comment = { id: 9_000_001, body: 'Any news on my order?', isPublic: true, author: { id: ticket!.requester_id, name: 'Customer 1', isStaff: false } };
  const delivery = await buildCommentAddedWebhook(ticket!, comment, { secret, accountId: 12514403, signedAt: time.now() });
  expect((await throughline.webhooks.handle(delivery)).status).toBe(200);
  expect((await throughline.store.getEvent('acme', 'zendesk:comment:9000001'))?.type).toBe('message.received');
});
// #endregion testing
