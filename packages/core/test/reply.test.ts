import { describe, expect, it } from 'vitest';
import type { ChannelAdapterV1, OutboundMessage } from '../src/index';
import { createMemoryStore, createThroughline, ReplyRoutingError } from '../src/index';
import { email, inbound, phone } from './event-factory';

function smsAdapter(sent: OutboundMessage[]): ChannelAdapterV1 {
  return {
    specificationVersion: 'v1',
    id: 'sms-fake',
    capabilities: { channels: ['sms', 'whatsapp'], webhooks: false, backfill: false, send: true },
    matchesWebhook: () => false,
    doVerifyWebhook: async () => ({ ok: false, reason: 'missing_signature', message: 'no webhooks' }),
    doParseWebhook: async () => ({ ok: true, kind: 'ignored', reason: 'no webhooks' }),
    async doSend(message) {
      sent.push(message);
      const id = `out-${sent.length}`;
      return {
        externalId: id,
        event: {
          id,
          tenantId: message.tenantId,
          occurredAt: '2026-11-27T10:00:00.000Z',
          source: { system: 'sms-fake', externalId: id },
          channel: message.channel,
          actor: { kind: 'agent' },
          identities: [{ kind: 'phone', value: message.to }],
          type: 'message.sent',
          data: { messageId: id, body: message.body, to: message.to, templateId: null, facts: null },
        },
      };
    },
  };
}

describe('cases.reply', () => {
  it('answers on the customer\'s last inbound channel and records the message on the case', async () => {
    const sent: OutboundMessage[] = [];
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [smsAdapter(sent)] });
    const acme = throughline.tenant('acme');
    await throughline.ingest('acme', [inbound('m1', 0, [email('ana@example.com'), phone('+14155550100')], 'email'), inbound('m2', 5, [phone('+14155550100')], 'whatsapp')]);
    const customer = (await acme.customers.findByIdentity(phone('+14155550100')))!;
    const supportCase = (await acme.cases.openCaseOf(customer.customer.id))!;
    await acme.cases.reply(supportCase.id, { body: 'Your parcel is out for delivery.' });
    expect(sent[0]).toMatchObject({ channel: 'whatsapp', to: 'whatsapp:+14155550100', caseId: supportCase.id });
    expect(sent[0]!.lastInboundAt?.toISOString()).toBe('2026-11-27T09:05:00.000Z');
    const page = await acme.timeline.forCase(supportCase.id, { types: ['message.sent'] });
    expect(page.events.map((event) => event.id)).toEqual(['out-1']);
    expect((await acme.cases.get(supportCase.id))?.awaitingReplySince).toBeNull();
  });

  it('refuses a channel no adapter serves, with a typed error', async () => {
    const throughline = createThroughline({ store: createMemoryStore(), adapters: [smsAdapter([])] });
    const acme = throughline.tenant('acme');
    await throughline.ingest('acme', [inbound('m1', 0, [email('ana@example.com')], 'email')]);
    const customer = (await acme.customers.findByIdentity(email('ana@example.com')))!;
    const supportCase = (await acme.cases.openCaseOf(customer.customer.id))!;
    await expect(acme.cases.reply(supportCase.id, { body: 'hi' })).rejects.toBeInstanceOf(ReplyRoutingError);
    await expect(acme.cases.reply(supportCase.id, { body: 'hi', channel: 'sms' })).rejects.toThrow(/no sms address/);
  });
});
