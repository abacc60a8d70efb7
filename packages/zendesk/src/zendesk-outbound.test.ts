import { ApiCallError, type IncomingEvent, incomingEventSchema } from '@throughline/core/adapter';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authorizationHeader } from './zendesk-rest-client';
import { createVirtualTime, createZendeskHandlers, FakeZendeskAccount } from './testing/index';
import { createZendesk } from './zendesk-adapter';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const credentials = { kind: 'api_token' as const, email: 'ops@acme.example', token: 'tok-secret-987' };

function setup(options: { accountLimit?: number } = {}) {
  const account = new FakeZendeskAccount('acme', 12514403);
  const customer = account.addUser({ name: 'Ana', email: 'ana@example.com' });
  const agent = account.addUser({ name: 'Sam', email: 'sam@acme.example', role: 'agent' });
  account.apiUserId = agent.id;
  const ticket = account.openTicket({ requesterId: customer.id, subject: 'Late parcel', body: 'Where is it?', at: '2026-11-27T08:00:00Z', via: 'email' });
  const time = createVirtualTime('2026-11-27T09:00:00Z');
  const fake = createZendeskHandlers(account, { credentials, now: time.now, ...(options.accountLimit ? { accountLimit: options.accountLimit } : {}) });
  server.use(...fake.handlers);
  const zendesk = createZendesk({ subdomain: 'acme', credentials, webhookSecrets: ['s'], accounts: { '12514403': 'acme' }, clock: time.clock, sleep: time.sleep });
  return { account, customer, agent, ticket, time, fake, zendesk };
}

describe('Zendesk REST client', () => {
  it('authenticates with email/token:token Basic auth, or a bearer token', () => {
    expect(authorizationHeader(credentials)).toBe(`Basic ${Buffer.from('ops@acme.example/token:tok-secret-987').toString('base64')}`);
    expect(authorizationHeader({ kind: 'oauth', accessToken: 'abc' })).toBe('Bearer abc');
  });

  it('waits out a 429 for Retry-After and succeeds, counting the throttle', async () => {
    const { zendesk, ticket, time, fake } = setup({ accountLimit: 3 });
    // Another integration spends the account's minute first.
    for (let index = 0; index < 3; index++) {
      await fetch(`https://acme.zendesk.com/api/v2/tickets/${ticket.id}.json`, { headers: { authorization: authorizationHeader(credentials) } });
    }
    const before = time.now();
    const result = await zendesk.doSend({ tenantId: 'acme', caseId: null, channel: 'email', to: String(ticket.id), body: 'Found it!' });
    expect(result.event.type).toBe('message.sent');
    expect(fake.stats.throttled).toBe(1);
    expect(zendesk.client!.pacers.account.stats.throttled).toBe(1);
    expect(time.now() - before).toBeGreaterThanOrEqual(60_000 - (Date.parse('2026-11-27T09:00:00Z') % 60_000));
  });

  it('paces ordinary requests from ratelimit-remaining/reset and is not throttled', async () => {
    const { zendesk, ticket, fake } = setup({ accountLimit: 5 });
    for (let index = 0; index < 12; index++) await zendesk.setTicketStatus('acme', String(ticket.id), index % 2 ? 'open' : 'pending');
    expect(fake.stats.throttled).toBe(0);
    expect(zendesk.client!.pacers.account.stats.waitedMs).toBeGreaterThan(0);
  });

  it('reads every page of a cursor-paginated list', async () => {
    const { zendesk, account, ticket, agent } = setup();
    for (let index = 0; index < 230; index++) account.updateTicket(ticket.id, { at: Date.parse('2026-11-27T08:10:00Z') + index * 1000, authorId: agent.id, comment: { body: `n${index}`, public: false } });
    const audits = await zendesk.client!.listAll(`tickets/${ticket.id}/audits.json`, 'audits');
    expect(audits).toHaveLength(231);
    expect(new Set(audits.map((audit) => (audit as { id: number }).id)).size).toBe(231);
  });

  it('fails with ApiCallError without leaking the token', async () => {
    const { account } = setup();
    const wrong = createZendesk({ subdomain: 'acme', credentials: { ...credentials, token: 'wrong-token-555' }, webhookSecrets: ['s'], accounts: { '1': 'acme' } });
    const error = await wrong.doSend({ tenantId: 'acme', caseId: null, channel: 'email', to: String([...account.tickets.keys()][0]), body: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).status).toBe(401);
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('wrong-token-555');
  });
});

describe('Zendesk outbound', () => {
  it('sends a public reply as message.sent keyed by the comment id the webhook will carry', async () => {
    const { zendesk, ticket, account, agent } = setup();
    const result = await zendesk.doSend({ tenantId: 'acme', caseId: 'case_1', channel: 'email', to: `zendesk:ticket:${ticket.id}`, body: 'It ships today.' });
    const audit = account.audits.get(ticket.id)!.at(-1)!;
    const comment = audit.events.find((event) => event.type === 'Comment')!;
    expect(comment).toMatchObject({ public: true, body: 'It ships today.' });
    expect(result.externalId).toBe(String(comment.id));
    expect(result.event).toMatchObject({ id: `zendesk:comment:${comment.id}`, type: 'message.sent', actor: { kind: 'agent', id: String(agent.id) }, thread: `zendesk:ticket:${ticket.id}`, channel: 'email' });
    expect(incomingEventSchema.safeParse(result.event).success).toBe(true);
  });

  it('adds an internal note, never a reply', async () => {
    const { zendesk, ticket, account } = setup();
    const result = await zendesk.doSend({ tenantId: 'acme', caseId: null, channel: 'email', to: String(ticket.id), body: 'Check carrier', internal: true });
    expect(result.event.type).toBe('note.added');
    expect(account.audits.get(ticket.id)!.at(-1)!.events.find((event) => event.type === 'Comment')).toMatchObject({ public: false });
  });

  it('changes status with its own method and reports the previous status', async () => {
    const { zendesk, ticket } = setup();
    const event = await zendesk.setTicketStatus('acme', String(ticket.id), 'pending');
    expect(event).toMatchObject({ type: 'ticket.status_changed', data: { status: 'pending', previousStatus: 'new' } });
    await expect(zendesk.doSend({ tenantId: 'acme', caseId: null, channel: 'email', to: 'not-a-ticket', body: 'x' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('refuses New and Closed before calling Zendesk, which never lets a ticket go back to New', async () => {
    const { zendesk, ticket, account } = setup();
    const audits = account.audits.get(ticket.id)?.length ?? 0;
    for (const status of ['new', 'closed']) {
      // Untyped callers can still pass them; the types do not offer them.
      const why = status === 'new' ? 'never goes back' : 'closes solved tickets itself';
      await expect(zendesk.setTicketStatus('acme', String(ticket.id), status as 'open')).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining(why) });
    }
    expect(account.audits.get(ticket.id)?.length ?? 0).toBe(audits);
  });

  it('creates a ticket for a case begun elsewhere with a timeline summary, linked both ways, once', async () => {
    const { zendesk, account } = setup();
    const envelope = { tenantId: 'acme', source: { system: 'twilio', externalId: 'SM1' }, identities: [{ kind: 'phone' as const, value: '+15025550100' }] };
    const timeline: IncomingEvent[] = [
      { ...envelope, id: 'twilio:SM1', occurredAt: '2026-11-27T07:58:00.000Z', channel: 'whatsapp', actor: { kind: 'customer' }, type: 'message.received', data: { messageId: 'SM1', body: 'Where is my order 1001?', subject: null, media: [], from: 'whatsapp:+15025550100', to: null } },
      { ...envelope, id: 'twilio:CA1', occurredAt: '2026-11-27T08:30:00.000Z', channel: 'voice', actor: { kind: 'customer' }, type: 'call.missed', data: { callId: 'CA1', reason: 'abandoned', waitSeconds: 240 } },
    ];
    const request = { tenantId: 'acme', caseId: 'case_42', caseUrl: 'https://console.example.com/cases/case_42', subject: 'Order 1001', requester: { name: 'Ana', email: 'ana@example.com', phone: '+15025550100' }, timeline, priority: 'high' as const };
    const created = await zendesk.createTicketForCase(request);
    expect(created).toMatchObject({ created: true, thread: `zendesk:ticket:${created.ticketId}`, ticketUrl: `https://acme.zendesk.com/agent/tickets/${created.ticketId}` });
    const ticket = account.tickets.get(Number(created.ticketId))!;
    expect(ticket).toMatchObject({ external_id: 'case_42', priority: 'high' });
    expect(ticket.tags).toContain('throughline');
    const note = account.audits.get(ticket.id)![0]!.events.find((event) => event.type === 'Comment')!;
    expect(note).toMatchObject({ public: false });
    const body = (note as { body: string }).body;
    expect(body).toContain('https://console.example.com/cases/case_42');
    expect(body).toContain('whatsapp · customer wrote: Where is my order 1001?');
    expect(body).toContain('voice · missed call (abandoned)');
    expect(body.indexOf('Where is my order')).toBeLessThan(body.indexOf('missed call'));
    expect(created.events.map((event) => event.type)).toEqual(['ticket.opened', 'note.added']);
    expect(created.events[0]!.identities).toEqual(expect.arrayContaining([{ kind: 'email', value: 'ana@example.com' }, { kind: 'phone', value: '+15025550100' }]));
    for (const event of created.events) expect(incomingEventSchema.safeParse(event).success).toBe(true);
    const again = await zendesk.createTicketForCase(request);
    expect(again).toMatchObject({ created: false, ticketId: created.ticketId, events: [] });
    expect([...account.tickets.values()].filter((candidate) => candidate.external_id === 'case_42')).toHaveLength(1);
  });

  it('needs credentials for API work and says so', async () => {
    const webhooksOnly = createZendesk({ subdomain: 'acme', webhookSecrets: ['s'], accounts: { '1': 'acme' } });
    expect(webhooksOnly.capabilities).toMatchObject({ backfill: false, send: false });
    await expect(webhooksOnly.doSend({ tenantId: 'acme', caseId: null, channel: 'email', to: '1', body: 'x' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('refuses bad settings with ValidationError and never echoes the secret', () => {
    const attempt = () => createZendesk({ subdomain: 'acme.zendesk.com/x', webhookSecrets: ['super-secret-value'], accounts: {} });
    expect(attempt).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    try {
      attempt();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('super-secret-value');
    }
  });
});
