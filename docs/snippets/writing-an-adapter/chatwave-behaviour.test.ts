import { createMemoryStore, createThroughline } from '@throughline/core';
import { describe, expect, it } from 'vitest';
import { signChatwaveDelivery } from './chatwave-testing';
import { createChatwave } from './create-chatwave';

const secret = 'test-signing-secret';
const at = new Date('2026-11-27T09:00:00Z');
const visitor = { id: 'msg_1', conversation_id: 'conv_9', created_at: '2026-11-27T08:59:58Z', author: { role: 'visitor' as const }, visitor: { email: 'Ana@Example.com', name: 'Ana' }, text: 'Where is my order?' };

function setup() {
  const chatwave = createChatwave({ signingSecrets: ['new-secret', secret], workspaces: { ws_42: 'acme' }, now: () => at.getTime() });
  return createThroughline({ store: createMemoryStore(), adapters: [chatwave] });
}

describe('the Chatwave adapter of the guide', () => {
  it('puts a visitor message on a case, ignores other event types, and refuses replays', async () => {
    const throughline = setup();
    const deliver = async (body: unknown, signedAt = at) => (await throughline.webhooks.handle(await signChatwaveDelivery({ secret, workspace: 'ws_42', body, at: signedAt }))).status;
    expect(await deliver({ id: 'evt_1', type: 'message.created', message: visitor })).toBe(200);
    expect(await deliver({ id: 'evt_2', type: 'conversation.rated' })).toBe(200);
    expect(await deliver({ id: 'evt_1', type: 'message.created', message: visitor }, new Date(at.getTime() - 10 * 60_000))).toBe(401);
    const acme = throughline.tenant('acme');
    const ana = await acme.customers.findByIdentity({ kind: 'email', value: 'ana@example.com' });
    expect(ana?.customer.profile.name).toBe('Ana');
    const openCase = await acme.cases.openCaseOf(ana!.customer.id);
    expect(openCase).toMatchObject({ channel: 'chat', threads: ['chatwave:conversation:conv_9'], contactCount: 1 });
  });

  it('an operator reply answers the case; a bot reply does not', async () => {
    const throughline = setup();
    const deliver = async (id: string, message: unknown) => throughline.webhooks.handle(await signChatwaveDelivery({ secret, workspace: 'ws_42', body: { id, type: 'message.created', message }, at }));
    await deliver('evt_1', visitor);
    await deliver('evt_2', { ...visitor, id: 'msg_2', created_at: '2026-11-27T09:00:30Z', author: { role: 'bot' }, text: 'An agent will be with you shortly.' });
    const acme = throughline.tenant('acme');
    const customerId = (await acme.customers.findByIdentity({ kind: 'email', value: 'ana@example.com' }))!.customer.id;
    expect((await acme.cases.openCaseOf(customerId))?.awaitingReplySince).toBe('2026-11-27T08:59:58.000Z');
    await deliver('evt_3', { ...visitor, id: 'msg_3', created_at: '2026-11-27T09:01:00Z', author: { role: 'operator', name: 'Sam' }, text: 'It ships today.' });
    expect((await acme.cases.openCaseOf(customerId))?.awaitingReplySince).toBeNull();
  });
});
