import type { EventEnvelope, IdentityClaim, IncomingEvent, TimelineEventData, TimelineEventType } from '@throughline/core';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** The shop the seeded customers buy from. */
const shop = 'acme-outfitters.myshopify.com';

interface SeedCustomer {
  key: string;
  identities: IdentityClaim[];
  profile: { name: string; firstName: string; lastName: string };
  shopifyCustomerId: string;
}

type EventFields<T extends TimelineEventType> = Partial<Omit<EventEnvelope, 'id' | 'tenantId' | 'occurredAt'>> & { data: TimelineEventData<T> };

/** Builds the seeded events of one tenant relative to `now`, so their SLA clocks count down when the console starts. */
class SeedTimeline {
  readonly events: IncomingEvent[] = [];
  private sequence = 0;

  constructor(
    private readonly tenantId: string,
    private readonly now: number,
  ) {}

  add<T extends TimelineEventType>(customer: SeedCustomer, type: T, agoMs: number, fields: EventFields<T>): void {
    this.sequence += 1;
    const id = `seed:${customer.key}:${this.sequence}`;
    this.events.push({
      id,
      tenantId: this.tenantId,
      occurredAt: new Date(this.now - agoMs).toISOString(),
      source: { system: 'seed', externalId: id },
      channel: null,
      actor: { kind: 'customer' },
      identities: customer.identities,
      profile: customer.profile,
      ...fields,
      type,
    } as IncomingEvent);
  }

  order(customer: SeedCustomer, agoMs: number, order: { orderId: string; name: string; total: string; currency: string; items: number }): void {
    this.add(customer, 'order.placed', agoMs, {
      source: { system: 'shopify', externalId: order.orderId, url: `https://admin.shopify.com/store/acme-outfitters/orders/${order.orderId}` },
      identities: [...customer.identities, { kind: 'platform', namespace: 'shopify:customer', value: customer.shopifyCustomerId }],
      entity: { key: `shopify:order:${order.orderId}`, version: this.now - agoMs },
      data: {
        orderId: order.orderId,
        orderName: order.name,
        orderNumber: order.name.replace('#', ''),
        financialStatus: 'paid',
        fulfillmentStatus: null,
        total: { amount: order.total, currency: order.currency },
        itemCount: order.items,
        statusUrl: `https://${shop}/orders/${order.orderId}/authenticate`,
        cancelledAt: null,
        cancelReason: null,
      },
    });
  }

  shipment(
    customer: SeedCustomer,
    agoMs: number,
    shipment: { orderId: string; orderName: string; fulfillmentId: string; shipmentStatus: string; carrier: string; tracking: string; trackingUrl: string; etaInMs: number | null },
  ): void {
    this.add(customer, 'fulfillment.updated', agoMs, {
      source: { system: 'shopify', externalId: shipment.fulfillmentId },
      actor: { kind: 'system' },
      entity: { key: `shopify:fulfillment:${shipment.fulfillmentId}`, version: this.now - agoMs },
      data: {
        orderId: shipment.orderId,
        orderName: shipment.orderName,
        fulfillmentId: shipment.fulfillmentId,
        status: 'success',
        shipmentStatus: shipment.shipmentStatus,
        carrier: shipment.carrier,
        trackingNumbers: [shipment.tracking],
        trackingUrls: [shipment.trackingUrl],
        estimatedDeliveryAt: shipment.etaInMs === null ? null : new Date(this.now + shipment.etaInMs).toISOString(),
      },
    });
  }
}

function customer(key: string, name: string, email: string, phone: string, shopifyCustomerId: string): SeedCustomer {
  const [firstName = name, lastName = ''] = name.split(' ');
  return {
    key,
    identities: [
      { kind: 'email', value: email },
      { kind: 'phone', value: phone },
    ],
    profile: { name, firstName, lastName },
    shopifyCustomerId,
  };
}

/** The seeded customers, by key: their emails, phones and order numbers are what the docs and tests search for. */
export const seedCustomers = {
  ana: customer('ana', 'Ana Silva', 'ana.silva@example.com', '+44 7700 900123', '7203958472'),
  ben: customer('ben', 'Ben Okafor', 'ben.okafor@example.com', '(502) 459-2181', '7203958473'),
  chloe: customer('chloe', 'Chloé Martin', 'chloe.martin@example.fr', '+33 6 12 34 56 78', '7203958474'),
  dev: customer('dev', 'Dev Patel', 'dev.patel@example.com', '+1 415 555 0142', '7203958475'),
  erin: customer('erin', 'Erin Walsh', 'erin.walsh@example.com', '+1 646 555 0199', '7203958476'),
} as const;

/**
 * A few realistic customers across Shopify, Zendesk and Twilio, timed relative to `now`:
 * Ana asks where order #1042 is by web form, then WhatsApp, then calls and hangs up in the queue;
 * Ben texts to change an address; Chloé's email exchange waits for a second reply (her message
 * holds markup); Dev leaves a voicemail; Erin's case is solved with a CSAT answer.
 *
 * @param tenantId - the tenant to seed
 * @param now - epoch ms the seed is relative to
 * @returns incoming events in time order, for `throughline.ingest`
 */
export function createSeedEvents(tenantId: string, now: number): IncomingEvent[] {
  const seed = new SeedTimeline(tenantId, now);
  const { ana, ben, chloe, dev, erin } = seedCustomers;
  const twilio = (externalId: string) => ({ system: 'twilio', externalId });
  const zendesk = (ticketId: string) => ({ system: 'zendesk', externalId: ticketId, url: `https://acme.zendesk.com/agent/tickets/${ticketId}` });

  // Erin: a solved email case with a CSAT answer.
  seed.order(erin, 8 * day, { orderId: '5824190001012', name: '#1012', total: '45.00', currency: 'USD', items: 1 });
  seed.add(erin, 'ticket.opened', 4 * day, { channel: 'email', source: zendesk('4988'), thread: 'zendesk:ticket:4988', data: { ticketId: '4988', subject: 'Gift receipt for #1012', status: 'new', priority: 'normal', via: 'email', tags: ['gift'] } });
  seed.add(erin, 'message.received', 4 * day - 1_000, { channel: 'email', source: zendesk('4988'), thread: 'zendesk:ticket:4988', data: { messageId: 'zd-4988-1', body: 'Could you email me a gift receipt for order #1012?', subject: 'Gift receipt for #1012', media: [], from: 'erin.walsh@example.com', to: 'support@acme.example' } });
  seed.add(erin, 'message.sent', 4 * day - hour, { channel: 'email', actor: { kind: 'agent', id: '901', name: 'Marta' }, source: zendesk('4988'), thread: 'zendesk:ticket:4988', data: { messageId: 'zd-4988-2', body: 'Here it is, attached. Have a lovely day!', to: 'erin.walsh@example.com', templateId: null, facts: null } });
  seed.add(erin, 'ticket.status_changed', 4 * day - 2 * hour, { channel: 'email', actor: { kind: 'agent', id: '901', name: 'Marta' }, source: zendesk('4988'), thread: 'zendesk:ticket:4988', data: { ticketId: '4988', status: 'solved', previousStatus: 'open', customStatusId: null } });
  seed.add(erin, 'survey.answered', 4 * day - 3 * hour, { channel: 'email', source: zendesk('4988'), thread: 'zendesk:ticket:4988', data: { surveyId: 'csat-4988', kind: 'csat', score: 5, comment: 'Quick and friendly, thanks!' } });

  // Chloé: wrong size; the agent answered, her second email waits (and holds markup that must show as text).
  seed.order(chloe, 5 * day, { orderId: '5824190001063', name: '#1063', total: '59.90', currency: 'EUR', items: 1 });
  seed.shipment(chloe, 2 * day, { orderId: '5824190001063', orderName: '#1063', fulfillmentId: '4410001063', shipmentStatus: 'delivered', carrier: 'Colissimo', tracking: '6A12345678901', trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901', etaInMs: null });
  seed.add(chloe, 'ticket.opened', 26 * hour, { channel: 'email', source: zendesk('5002'), thread: 'zendesk:ticket:5002', priority: 'high', data: { ticketId: '5002', subject: 'Wrong size delivered', status: 'new', priority: 'high', via: 'email', tags: ['exchange'] } });
  seed.add(chloe, 'message.received', 26 * hour - 1_000, { channel: 'email', source: zendesk('5002'), thread: 'zendesk:ticket:5002', data: { messageId: 'zd-5002-1', body: 'I received a size M instead of L. Can I exchange it?', subject: 'Wrong size delivered', media: [], from: 'chloe.martin@example.fr', to: 'support@acme.example' } });
  seed.add(chloe, 'message.sent', 25 * hour, { channel: 'email', actor: { kind: 'agent', id: '901', name: 'Marta' }, source: zendesk('5002'), thread: 'zendesk:ticket:5002', data: { messageId: 'zd-5002-2', body: "Sorry about that! I've created a free exchange label: could you confirm your address?", to: 'chloe.martin@example.fr', templateId: null, facts: null } });
  seed.add(chloe, 'message.received', 35 * minute, { channel: 'email', source: zendesk('5002'), thread: 'zendesk:ticket:5002', data: { messageId: 'zd-5002-3', body: 'Merci ! <img src=x onerror="alert(\'pwned\')"> The address is 12 <b>rue</b> des Lilas, Lyon.', subject: 'Re: Wrong size delivered', media: [], from: 'chloe.martin@example.fr', to: 'support@acme.example' } });

  // Ana: where is my order, asked three times on three channels.
  seed.order(ana, 3 * day, { orderId: '5824190001042', name: '#1042', total: '84.50', currency: 'GBP', items: 2 });
  seed.shipment(ana, 2 * day, { orderId: '5824190001042', orderName: '#1042', fulfillmentId: '4410001042', shipmentStatus: 'in_transit', carrier: 'Royal Mail', tracking: 'RM123456785GB', trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/RM123456785GB', etaInMs: -12 * hour });
  seed.shipment(ana, 20 * hour, { orderId: '5824190001042', orderName: '#1042', fulfillmentId: '4410001042', shipmentStatus: 'delayed', carrier: 'Royal Mail', tracking: 'RM123456785GB', trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/RM123456785GB', etaInMs: 2 * day });
  seed.add(ana, 'ticket.opened', 3 * hour, { channel: 'web', source: zendesk('5001'), thread: 'zendesk:ticket:5001', data: { ticketId: '5001', subject: 'Where is my order #1042?', status: 'new', priority: 'normal', via: 'web', tags: ['wismo'] } });
  seed.add(ana, 'message.received', 3 * hour - 1_000, { channel: 'web', source: zendesk('5001'), thread: 'zendesk:ticket:5001', data: { messageId: 'zd-5001-1', body: 'Hi, my order #1042 was due yesterday and the tracking says delayed. Can you help?', subject: 'Where is my order #1042?', media: [], from: 'ana.silva@example.com', to: null } });
  seed.add(ana, 'message.received', 50 * minute, { channel: 'whatsapp', source: twilio('SM5b1e0c3f2a9d4e7b8c6a1f0e2d3c4b5a'), identities: [{ kind: 'phone', value: 'whatsapp:+447700900123' }], data: { messageId: 'SM5b1e0c3f2a9d4e7b8c6a1f0e2d3c4b5a', body: 'Hello? Still no news about my parcel', subject: null, media: [], from: 'whatsapp:+447700900123', to: 'whatsapp:+442071838750' } });
  seed.add(ana, 'call.started', 12 * minute, { channel: 'voice', source: twilio('CA7e2f9a0b1c3d4e5f60718293a4b5c6d7'), identities: [{ kind: 'phone', value: '+447700900123' }], entity: { key: 'twilio:call:CA7e2f9a0b1c3d4e5f60718293a4b5c6d7', version: 1 }, data: { callId: 'CA7e2f9a0b1c3d4e5f60718293a4b5c6d7', direction: 'inbound', from: '+447700900123', to: '+442071838750' } });
  seed.add(ana, 'call.missed', 9 * minute, { channel: 'voice', actor: { kind: 'system' }, source: twilio('CA7e2f9a0b1c3d4e5f60718293a4b5c6d7'), identities: [{ kind: 'phone', value: '+447700900123' }], entity: { key: 'twilio:call:CA7e2f9a0b1c3d4e5f60718293a4b5c6d7', version: 3 }, data: { callId: 'CA7e2f9a0b1c3d4e5f60718293a4b5c6d7', reason: 'abandoned', waitSeconds: 184 } });

  // Ben: an address change by SMS; the carrier's tracking string and link are hostile.
  seed.order(ben, day, { orderId: '5824190001051', name: '#1051', total: '129.00', currency: 'USD', items: 3 });
  seed.shipment(ben, 6 * hour, { orderId: '5824190001051', orderName: '#1051', fulfillmentId: '4410001051', shipmentStatus: 'in_transit', carrier: 'UPS', tracking: '1Z999AA10123456784<script>alert("x")</script>', trackingUrl: 'javascript:alert(1)', etaInMs: 2 * day });
  seed.add(ben, 'message.received', 20 * minute, { channel: 'sms', source: twilio('SM0a9b8c7d6e5f40312233445566778899'), identities: [{ kind: 'phone', value: '+15024592181' }], data: { messageId: 'SM0a9b8c7d6e5f40312233445566778899', body: "Can I still change the delivery address for #1051? I'm moving on Friday.", subject: null, media: [], from: '+15024592181', to: '+18885550100' } });

  // Dev: a voicemail after a call nobody picked up.
  seed.order(dev, 2 * hour, { orderId: '5824190001077', name: '#1077', total: '18.75', currency: 'USD', items: 1 });
  seed.add(dev, 'call.started', 7 * minute, { channel: 'voice', source: twilio('CA11aa22bb33cc44dd55ee66ff77889900'), identities: [{ kind: 'phone', value: '+14155550142' }], entity: { key: 'twilio:call:CA11aa22bb33cc44dd55ee66ff77889900', version: 1 }, data: { callId: 'CA11aa22bb33cc44dd55ee66ff77889900', direction: 'inbound', from: '+14155550142', to: '+18885550100' } });
  seed.add(dev, 'voicemail.left', 6 * minute, { channel: 'voice', source: twilio('RE0f1e2d3c4b5a69788796a5b4c3d2e1f0'), identities: [{ kind: 'phone', value: '+14155550142' }], data: { callId: 'CA11aa22bb33cc44dd55ee66ff77889900', recordingId: 'RE0f1e2d3c4b5a69788796a5b4c3d2e1f0', recordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Recordings/RE0f1e2d3c4b5a69788796a5b4c3d2e1f0', durationSeconds: 42 } });

  return seed.events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}
