import type { IdentityClaim, IncomingEvent } from '../src/model/index';

/** Minutes after the test epoch as an ISO instant. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2026, 10, 27, 9, 0) + minutes * 60_000).toISOString();
}

const base = (id: string, minutes: number, identities: IdentityClaim[], tenantId: string) => ({
  id,
  tenantId,
  occurredAt: at(minutes),
  source: { system: 'mock', externalId: id },
  identities,
});

/** An inbound customer message. */
export function inbound(id: string, minutes: number, identities: IdentityClaim[], channel: 'email' | 'web' | 'sms' | 'whatsapp' = 'web', tenantId = 'acme', body = 'Where is my order?'): IncomingEvent {
  return {
    ...base(id, minutes, identities, tenantId),
    channel,
    actor: { kind: 'customer' },
    type: 'message.received',
    data: { messageId: id, body, subject: null, media: [], from: null, to: null },
  };
}

/** A public agent reply. */
export function reply(id: string, minutes: number, identities: IdentityClaim[], channel: 'email' | 'web' | 'sms' | 'whatsapp' = 'web', tenantId = 'acme'): IncomingEvent {
  return {
    ...base(id, minutes, identities, tenantId),
    channel,
    actor: { kind: 'agent', id: 'agent-1' },
    type: 'message.sent',
    data: { messageId: id, body: 'It ships tomorrow.', to: null, templateId: null, facts: null },
  };
}

/** An order placed. */
export function order(id: string, minutes: number, identities: IdentityClaim[], tenantId = 'acme'): IncomingEvent {
  return {
    ...base(id, minutes, identities, tenantId),
    channel: null,
    actor: { kind: 'customer' },
    type: 'order.placed',
    data: {
      orderId: id,
      orderName: `#${id}`,
      orderNumber: id,
      financialStatus: 'paid',
      fulfillmentStatus: null,
      total: { amount: '19.99', currency: 'EUR' },
      itemCount: 1,
      statusUrl: null,
      cancelledAt: null,
      cancelReason: null,
    },
  };
}

/** A helpdesk status change on a thread. */
export function ticketStatus(id: string, minutes: number, identities: IdentityClaim[], status: 'open' | 'pending' | 'solved', thread: string, tenantId = 'acme'): IncomingEvent {
  return {
    ...base(id, minutes, identities, tenantId),
    channel: 'email',
    actor: { kind: 'agent' },
    thread,
    type: 'ticket.status_changed',
    data: { ticketId: thread, status, previousStatus: null, customStatusId: null },
  };
}

export const email = (value: string): IdentityClaim => ({ kind: 'email', value });
export const phone = (value: string): IdentityClaim => ({ kind: 'phone', value });
export const shopifyId = (value: string): IdentityClaim => ({ kind: 'platform', namespace: 'shopify:customer', value });
