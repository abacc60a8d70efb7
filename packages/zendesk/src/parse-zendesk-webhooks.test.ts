import { type IncomingEvent, incomingEventSchema, type WebhookParseResult } from '@throughline/core/adapter';
import { readDelivery } from '@throughline/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildAgentAssignmentChangedWebhook,
  buildCommentAddedWebhook,
  buildCustomStatusChangedWebhook,
  buildPriorityChangedWebhook,
  buildStatusChangedWebhook,
  buildTicketCreatedWebhook,
  buildTriggerWebhook,
  buildUserWebhook,
  buildZendeskEventWebhook,
  FakeZendeskAccount,
  signZendeskDelivery,
  triggerPlaceholders,
} from './testing/index';
import { createZendesk } from './zendesk-adapter';

const secret = 'whsec-zendesk-test';
const signedAt = '2026-11-27T09:00:05Z';
const delivery = { secret, accountId: 12514403, signedAt };

function adapter() {
  return createZendesk({
    subdomain: 'acme',
    webhookSecrets: [secret],
    accounts: { '12514403': 'acme' },
    customStatuses: { '777': 'pending' },
    clock: { now: () => Date.parse(signedAt) },
  });
}

async function parse(zendesk: ReturnType<typeof adapter>, request: Request): Promise<WebhookParseResult> {
  const incoming = await readDelivery(request);
  const verification = await zendesk.doVerifyWebhook(incoming);
  expect(verification.ok).toBe(true);
  return zendesk.doParseWebhook(incoming, 'acme');
}

function only(result: WebhookParseResult): IncomingEvent {
  if (!(result.ok && result.kind === 'events')) throw new Error(`expected events, got ${JSON.stringify(result)}`);
  expect(result.events).toHaveLength(1);
  const event = result.events[0]!;
  expect(incomingEventSchema.safeParse(event).success).toBe(true);
  return event;
}

describe('Zendesk event webhooks', () => {
  let account: FakeZendeskAccount;
  let customer: ReturnType<FakeZendeskAccount['addUser']>;
  let agent: ReturnType<FakeZendeskAccount['addUser']>;
  let ticket: ReturnType<FakeZendeskAccount['openTicket']>;

  beforeEach(() => {
    account = new FakeZendeskAccount('acme', 12514403);
    customer = account.addUser({ name: 'Ana Lima', email: 'ana@example.com', phone: '+15025550100' });
    agent = account.addUser({ name: 'Sam Agent', email: 'sam@acme.com', role: 'agent' });
    ticket = account.openTicket({ requesterId: customer.id, subject: 'Where is my order?', body: 'Order 1001', at: '2026-11-27T09:00:00Z', via: 'native_messaging', priority: 'high', tags: ['wismo', 'vip'] });
  });

  it('maps ticket.created to ticket.opened on the ticket thread with priority, tags and channel', async () => {
    const event = only(await parse(adapter(), await buildTicketCreatedWebhook(ticket, delivery)));
    expect(event).toMatchObject({
      type: 'ticket.opened',
      tenantId: 'acme',
      thread: `zendesk:ticket:${ticket.id}`,
      channel: 'chat',
      priority: 'high',
      tags: ['wismo', 'vip'],
      actor: { kind: 'customer', id: String(customer.id) },
      data: { ticketId: String(ticket.id), subject: 'Where is my order?', status: 'new', priority: 'high', via: 'native_messaging' },
      identities: [{ kind: 'platform', namespace: 'zendesk:user', value: String(customer.id) }],
      source: { system: 'zendesk', url: `https://acme.zendesk.com/agent/tickets/${ticket.id}` },
    });
    expect(event.occurredAt).toBe('2026-11-27T09:00:05.000Z');
  });

  it('tells a public agent reply, a customer message and a private note apart', async () => {
    const zendesk = adapter();
    const reply = only(await parse(zendesk, await buildCommentAddedWebhook(ticket, { id: 501, body: 'It ships today', isPublic: true, author: { id: agent.id, name: agent.name, isStaff: true } }, delivery)));
    expect(reply).toMatchObject({ type: 'message.sent', id: 'zendesk:comment:501', actor: { kind: 'agent', id: String(agent.id), name: 'Sam Agent' }, data: { messageId: '501', body: 'It ships today' } });
    const message = only(await parse(zendesk, await buildCommentAddedWebhook(ticket, { id: 502, body: 'Thanks!', isPublic: true, author: { id: customer.id, name: customer.name, isStaff: false } }, delivery)));
    expect(message).toMatchObject({ type: 'message.received', actor: { kind: 'customer' }, data: { messageId: '502', subject: 'Where is my order?' } });
    const note = only(await parse(zendesk, await buildCommentAddedWebhook(ticket, { id: 503, body: 'Carrier delay', isPublic: false, author: { id: agent.id, name: agent.name, isStaff: true } }, delivery)));
    expect(note).toMatchObject({ type: 'note.added', data: { noteId: '503', body: 'Carrier delay' } });
    const endUserPrivate = only(await parse(zendesk, await buildCommentAddedWebhook(ticket, { id: 504, body: 'cc note', isPublic: false, author: { id: customer.id, name: customer.name, isStaff: false } }, delivery)));
    expect(endUserPrivate.type).toBe('note.added');
  });

  it('maps status changes (upper case) and custom statuses through their category', async () => {
    ticket.status = 'pending';
    const status = only(await parse(adapter(), await buildStatusChangedWebhook(ticket, 'open', delivery)));
    expect(status).toMatchObject({ type: 'ticket.status_changed', data: { status: 'pending', previousStatus: 'open' }, entity: { key: `zendesk:ticket:${ticket.id}:status` } });
    const custom = only(await parse(adapter(), await buildCustomStatusChangedWebhook(ticket, 777, null, delivery)));
    expect(custom).toMatchObject({ type: 'ticket.status_changed', data: { status: 'pending', customStatusId: '777' } });
    ticket.status = 'hold';
    const unknownCustom = await parse(adapter(), await buildCustomStatusChangedWebhook(ticket, 888, 777, delivery));
    expect(only(unknownCustom)).toMatchObject({ data: { status: 'hold', previousStatus: 'pending', customStatusId: '888' } });
  });

  it('maps priority changes and agent assignment', async () => {
    ticket.priority = 'urgent';
    expect(only(await parse(adapter(), await buildPriorityChangedWebhook(ticket, 'high', delivery)))).toMatchObject({
      type: 'ticket.priority_changed',
      data: { priority: 'urgent', previousPriority: 'high' },
      priority: 'urgent',
    });
    ticket.assignee_id = agent.id;
    ticket.group_id = 42;
    expect(only(await parse(adapter(), await buildAgentAssignmentChangedWebhook(ticket, null, delivery)))).toMatchObject({
      type: 'ticket.assigned',
      data: { assigneeId: String(agent.id), groupId: '42' },
    });
  });

  it('learns users from user events and names the requester of later ticket events by email and phone', async () => {
    const zendesk = adapter();
    const user = await parse(zendesk, await buildUserWebhook(customer, delivery));
    expect(user).toMatchObject({
      ok: true,
      kind: 'events',
      events: [{ type: 'customer.updated', channel: null, identities: expect.arrayContaining([{ kind: 'platform', namespace: 'zendesk:user', value: String(customer.id) }]) }],
    });
    const identity = await parse(zendesk, await buildUserWebhook(customer, { ...delivery, type: 'zen:event-type:user.identity_created', event: { id: 9, type: 'phone_number', value: '+15025550100' } }));
    expect(identity.ok).toBe(true);
    const opened = only(await parse(zendesk, await buildTicketCreatedWebhook(ticket, delivery)));
    expect(opened.identities).toEqual([
      { kind: 'platform', namespace: 'zendesk:user', value: String(customer.id) },
      { kind: 'email', value: 'ana@example.com' },
      { kind: 'phone', value: '+15025550100' },
    ]);
  });

  it('stops claiming an identity the user lost', async () => {
    const zendesk = adapter();
    await parse(zendesk, await buildUserWebhook(customer, delivery));
    const wrong = { id: 10, type: 'email', value: 'wrong@example.org' };
    await parse(zendesk, await buildUserWebhook(customer, { ...delivery, type: 'zen:event-type:user.identity_created', event: wrong }));
    expect(only(await parse(zendesk, await buildTicketCreatedWebhook(ticket, delivery))).identities).toContainEqual({ kind: 'email', value: 'wrong@example.org' });
    await parse(zendesk, await buildUserWebhook(customer, { ...delivery, type: 'zen:event-type:user.identity_deleted', event: { previous: wrong } }));
    const later = only(await parse(zendesk, await buildTicketCreatedWebhook(ticket, delivery)));
    expect(later.identities).not.toContainEqual({ kind: 'email', value: 'wrong@example.org' });
    expect(later.identities).toContainEqual({ kind: 'email', value: 'ana@example.com' });
  });

  it('claims only the Zendesk id of a requester the directory knows as an agent, never their work email', async () => {
    const zendesk = adapter();
    await parse(zendesk, await buildUserWebhook(agent, delivery));
    const internal = account.openTicket({ requesterId: agent.id, subject: 'Chase the carrier claim', body: 'Order 1001', at: '2026-11-27T09:30:00Z', via: 'web' });
    const opened = only(await parse(zendesk, await buildTicketCreatedWebhook(internal, delivery)));
    expect(opened.identities).toEqual([{ kind: 'platform', namespace: 'zendesk:user', value: String(agent.id) }]);
  });

  it('refuses an event webhook whose account id is not mapped, even when the subdomain is, and says how to map it', async () => {
    // Event bodies name no subdomain: the adapter's own is no proof the delivery came from that account.
    const zendesk = createZendesk({ subdomain: 'acme', webhookSecrets: [secret], accounts: { acme: 'acme' }, clock: { now: () => Date.parse(signedAt) } });
    const incoming = await readDelivery(await buildTicketCreatedWebhook(ticket, delivery));
    expect(incoming.request.headers.get('x-zendesk-account-id')).toBe('12514403');
    const verification = await zendesk.doVerifyWebhook(incoming);
    expect(verification).toMatchObject({ ok: false, reason: 'unknown_tenant' });
    expect(verification.ok ? '' : verification.message).toContain('key `accounts` by this account id');
  });

  it('gives the same ids to a redelivery and ignores event types it does not map', async () => {
    const first = only(await parse(adapter(), await buildStatusChangedWebhook(ticket, 'new', delivery)));
    const again = only(await parse(adapter(), await buildStatusChangedWebhook(ticket, 'new', { ...delivery, time: signedAt, signedAt: '2026-11-27T09:01:00Z', invocationId: 'retry' })));
    expect(again.id).toBe(first.id);
    const ignored = await parse(adapter(), await buildZendeskEventWebhook({ ...delivery, type: 'zen:event-type:ticket.brand_changed', subject: 'zen:ticket:1', detail: { id: '1' } }));
    expect(ignored).toMatchObject({ ok: true, kind: 'ignored' });
  });

  it('answers malformed and incomplete bodies with a reason', async () => {
    const zendesk = adapter();
    expect(await parse(zendesk, await signZendeskDelivery('{not json', delivery))).toMatchObject({ ok: false, reason: 'malformed_body' });
    expect(await parse(zendesk, await signZendeskDelivery('[1,2]', delivery))).toMatchObject({ ok: false, reason: 'missing_fields' });
    const noId = await buildZendeskEventWebhook({ ...delivery, type: 'zen:event-type:ticket.created', subject: 'zen:ticket:x', detail: {} });
    expect(await parse(zendesk, noId)).toMatchObject({ ok: false, reason: 'missing_fields' });
    const noComment = await buildZendeskEventWebhook({ ...delivery, type: 'zen:event-type:ticket.comment_added', subject: `zen:ticket:${ticket.id}`, detail: { id: String(ticket.id) } });
    expect(await parse(zendesk, noComment)).toMatchObject({ ok: false, reason: 'missing_fields' });
  });
});

describe('Zendesk trigger webhooks (the shipped template)', () => {
  const account = new FakeZendeskAccount('acme', 12514403);
  const customer = account.addUser({ name: 'Ana "Nana" Lima', email: 'ana@example.com', phone: '+15025550100' });
  const agent = account.addUser({ name: 'Sam Agent', role: 'agent' });
  const ticket = account.openTicket({ requesterId: customer.id, subject: 'Broken "lid"\nsecond line', body: 'x', at: '2026-11-27T08:59:00Z', via: 'email', priority: 'normal', tags: ['lid', 'damage'] });
  const values = triggerPlaceholders(ticket, customer, 'acme');

  it('parses ticket.created with the requester identities the template carries', async () => {
    const event = only(await parse(adapter(), await buildTriggerWebhook('ticket.created', values, { ...delivery, invocationId: 'inv-a' })));
    expect(event).toMatchObject({
      type: 'ticket.opened',
      id: `zendesk:ticket:${ticket.id}:opened`,
      channel: 'email',
      tags: ['lid', 'damage'],
      priority: 'normal',
      profile: { name: 'Ana "Nana" Lima' },
      data: { subject: 'Broken "lid"\nsecond line', status: 'new', via: 'Email' },
    });
    expect(event.identities).toEqual([
      { kind: 'platform', namespace: 'zendesk:user', value: String(customer.id) },
      { kind: 'email', value: 'ana@example.com' },
      { kind: 'phone', value: '+15025550100' },
    ]);
  });

  it('names the agent as the opener of a ticket an agent submitted for the customer', async () => {
    const event = only(await parse(adapter(), await buildTriggerWebhook('ticket.created', { ...values, 'ticket.submitter.id': String(agent.id) }, delivery)));
    expect(event).toMatchObject({ type: 'ticket.opened', actor: { kind: 'agent', id: String(agent.id) } });
    expect(event.identities[0]).toEqual({ kind: 'platform', namespace: 'zendesk:user', value: String(customer.id) });
  });

  it('maps a comment by its author and privacy, keyed by comment id when rendered', async () => {
    const comment = { 'ticket.latest_comment.id': '9001', 'ticket.latest_comment.value': 'On its way', 'ticket.latest_comment.is_public': 'true', 'ticket.latest_comment.author.id': String(agent.id), 'ticket.latest_comment.author.name': 'Sam Agent' };
    const sent = only(await parse(adapter(), await buildTriggerWebhook('ticket.comment_added', { ...values, ...comment }, delivery)));
    expect(sent).toMatchObject({ type: 'message.sent', id: 'zendesk:comment:9001', actor: { kind: 'agent' } });
    const fromCustomer = only(await parse(adapter(), await buildTriggerWebhook('ticket.comment_added', { ...values, ...comment, 'ticket.latest_comment.id': '', 'ticket.latest_comment.author.id': String(customer.id) }, { ...delivery, invocationId: 'inv-c' })));
    expect(fromCustomer).toMatchObject({ type: 'message.received', data: { messageId: `${ticket.id}-inv-c` } });
    const note = only(await parse(adapter(), await buildTriggerWebhook('ticket.comment_added', { ...values, ...comment, 'ticket.latest_comment.is_public': 'false' }, delivery)));
    expect(note.type).toBe('note.added');
  });

  it("counts a CC'd end user's comment as the customer's, not an agent reply, once the adapter knows the user", async () => {
    const zendesk = adapter();
    const cc = account.addUser({ name: 'Bea Lima', email: 'bea@example.com' });
    expect((await parse(zendesk, await buildUserWebhook(cc, delivery))).ok).toBe(true);
    const comment = { 'ticket.latest_comment.id': '9002', 'ticket.latest_comment.value': 'Any news?', 'ticket.latest_comment.is_public': 'true', 'ticket.latest_comment.author.id': String(cc.id), 'ticket.latest_comment.author.name': 'Bea Lima' };
    const fromCc = only(await parse(zendesk, await buildTriggerWebhook('ticket.comment_added', { ...values, ...comment }, { ...delivery, invocationId: 'inv-cc' })));
    expect(fromCc).toMatchObject({ type: 'message.received', actor: { kind: 'customer', id: String(cc.id), name: 'Bea Lima' } });
    const fromZendesk = only(await parse(zendesk, await buildTriggerWebhook('ticket.comment_added', { ...values, ...comment, 'ticket.latest_comment.id': '9003', 'ticket.latest_comment.author.id': '-1', 'ticket.latest_comment.author.name': 'Zendesk' }, delivery)));
    expect(fromZendesk.actor).toEqual({ kind: 'bot', id: '-1', name: 'Zendesk' });
    // A user the adapter has never seen, who is not the requester, still counts as an agent.
    const stranger = only(await parse(adapter(), await buildTriggerWebhook('ticket.comment_added', { ...values, ...comment, 'ticket.latest_comment.id': '9004' }, delivery)));
    expect(stranger).toMatchObject({ type: 'message.sent', actor: { kind: 'agent', id: String(cc.id), name: 'Bea Lima' } });
  });

  it('keys changes by invocation id so a retry signed later is the same event', async () => {
    const solved = { ...values, 'ticket.status': 'Solved' };
    const first = only(await parse(adapter(), await buildTriggerWebhook('ticket.status_changed', solved, { ...delivery, invocationId: 'inv-s' })));
    const retry = only(await parse(adapter(), await buildTriggerWebhook('ticket.status_changed', solved, { ...delivery, invocationId: 'inv-s', signedAt: '2026-11-27T09:02:00Z' })));
    expect(first).toMatchObject({ type: 'ticket.status_changed', data: { status: 'solved' } });
    expect(retry.id).toBe(first.id);
    const onHold = only(await parse(adapter(), await buildTriggerWebhook('ticket.status_changed', { ...values, 'ticket.status': 'On-hold' }, { ...delivery, invocationId: 'inv-h' })));
    expect(onHold.data).toMatchObject({ status: 'hold' });
  });

  it('maps satisfaction ratings to CSAT (good 5, bad 1) and ignores offers', async () => {
    const good = only(await parse(adapter(), await buildTriggerWebhook('ticket.satisfaction_rated', { ...values, 'satisfaction.current_rating': "Good, I'm satisfied", 'satisfaction.current_comment': 'Fast!' }, delivery)));
    expect(good).toMatchObject({ type: 'survey.answered', actor: { kind: 'customer' }, data: { kind: 'csat', score: 5, comment: 'Fast!' } });
    const bad = only(await parse(adapter(), await buildTriggerWebhook('ticket.satisfaction_rated', { ...values, 'satisfaction.current_rating': 'Bad' }, { ...delivery, invocationId: 'inv-b' })));
    expect(bad.data).toMatchObject({ score: 1 });
    const offered = await parse(adapter(), await buildTriggerWebhook('ticket.satisfaction_rated', { ...values, 'satisfaction.current_rating': 'Offered' }, delivery));
    expect(offered).toMatchObject({ ok: true, kind: 'ignored' });
  });

  it('ignores unknown trigger kinds and refuses a template without a ticket id', async () => {
    expect(await parse(adapter(), await buildTriggerWebhook('ticket.tags_changed', values, delivery))).toMatchObject({ ok: true, kind: 'ignored' });
    expect(await parse(adapter(), await buildTriggerWebhook('ticket.created', { ...values, 'ticket.id': '' }, delivery))).toMatchObject({ ok: false, reason: 'missing_fields' });
  });
});
