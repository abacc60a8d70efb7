import type { Customer, CustomerMerge, MergeProposal } from '../../model/customer';
import type { Identity } from '../../model/identity';
import type { Channel } from '../../model/primitives';
import type { SupportCase } from '../../model/support-case';
import type { TimelineEvent } from '../../model/timeline-event';
import type { DeadLetter, SlaTimer } from '../../store/timeline-store';

/** What a contract test says about an event; everything else gets a realistic default. */
export interface EventSpec {
  tenantId: string;
  id: string;
  customerId: string;
  caseId?: string | null;
  occurredAt: string;
  /** `message` (an inbound SMS by default), `order` (no channel), `note` or `breach`. */
  kind?: 'message' | 'order' | 'note' | 'breach';
  channel?: Channel;
  /** Personal data carried by the event (message body, sender, profile name). */
  email?: string;
  /** The person's name, in the profile and as the actor of messages. */
  name?: string;
  body?: string;
}

/** The personal values every fixture customer carries, so erasure tests can look for them. */
export const fixturePerson = {
  email: 'jane.roe@example.com',
  phone: '+15025550100',
  name: 'Jane Roe',
  body: 'My parcel to 12 Elm Street never came',
} as const;

/**
 * Builds a valid timeline event for the store contract.
 * @param spec - ids, placement, time and kind
 * @returns the event
 */
export function contractEvent(spec: EventSpec): TimelineEvent {
  const email = spec.email ?? fixturePerson.email;
  const name = spec.name ?? fixturePerson.name;
  const envelope = {
    id: spec.id,
    tenantId: spec.tenantId,
    occurredAt: spec.occurredAt,
    source: { system: 'mock', externalId: spec.id, url: `https://mock.example/${spec.id}` },
    identities: [{ kind: 'email' as const, value: email }],
    profile: { name },
    customerId: spec.customerId,
    caseId: spec.caseId ?? null,
    repeatContact: false,
  };
  switch (spec.kind ?? 'message') {
    case 'order':
      return {
        ...envelope,
        channel: null,
        actor: { kind: 'system' },
        type: 'order.placed',
        data: {
          orderId: `order-${spec.id}`,
          orderName: '#1001',
          orderNumber: '1001',
          financialStatus: 'paid',
          fulfillmentStatus: null,
          total: { amount: '49.90', currency: 'EUR' },
          itemCount: 2,
          statusUrl: `https://shop.example/orders/${spec.id}?email=${email}`,
          cancelledAt: null,
          cancelReason: null,
        },
      };
    case 'note':
      return {
        ...envelope,
        channel: spec.channel ?? 'email',
        actor: { kind: 'agent', id: 'agent-7', name: 'Sam Agent' },
        type: 'note.added',
        data: { noteId: `note-${spec.id}`, body: spec.body ?? `Called ${name} back` },
      };
    case 'breach':
      return {
        ...envelope,
        channel: null,
        identities: [],
        actor: { kind: 'system' },
        type: 'sla.breached',
        data: { policyId: 'vip', metric: 'first_reply', targetMs: 3_600_000, businessHours: true, dueAt: spec.occurredAt, elapsedMs: 3_600_000 },
      };
    default:
      return {
        ...envelope,
        channel: spec.channel ?? 'sms',
        actor: { kind: 'customer', name },
        type: 'message.received',
        data: {
          messageId: `message-${spec.id}`,
          body: spec.body ?? fixturePerson.body,
          subject: 'Where is my order? 📦',
          media: [{ url: `https://media.example/${spec.id}.jpg`, contentType: 'image/jpeg' }],
          from: email,
          to: 'support@shop.example',
        },
      };
  }
}

/**
 * Builds a customer.
 * @param tenantId - the tenant
 * @param id - the customer id
 * @param overrides - fields to change
 * @returns the customer
 */
export function contractCustomer(tenantId: string, id: string, overrides: Partial<Customer> = {}): Customer {
  return {
    tenantId,
    id,
    profile: { name: fixturePerson.name, firstName: 'Jane', lastName: 'Roe', locale: 'en-GB' },
    tier: 'standard',
    createdAt: '2026-11-27T09:00:00.000Z',
    createdByEventId: `first-${id}`,
    mergedInto: null,
    lastEventKey: `2026-11-27T09:00:00.000Z|first-${id}`,
    ...overrides,
  };
}

/**
 * Builds an identity.
 * @param tenantId - the tenant
 * @param key - the normalised key, such as `email:a@b.com`
 * @param customerId - the customer holding it
 * @returns the identity
 */
export function contractIdentity(tenantId: string, key: string, customerId: string): Identity {
  const kind = key.startsWith('email:') ? 'email' : key.startsWith('phone:') ? 'phone' : key.startsWith('social:') ? 'social' : 'platform';
  return { tenantId, key, kind, customerId, evidenceEventId: `evidence-${key}`, observedAt: '2026-11-27T09:00:00.000Z' };
}

/**
 * Builds a support case.
 * @param tenantId - the tenant
 * @param id - the case id
 * @param customerId - its customer
 * @param overrides - fields to change
 * @returns the case
 */
export function contractCase(tenantId: string, id: string, customerId: string, overrides: Partial<SupportCase> = {}): SupportCase {
  return {
    tenantId,
    id,
    customerId,
    status: 'open',
    priority: 'normal',
    channel: 'sms',
    lastInboundChannel: 'whatsapp',
    lastInboundAt: '2026-11-27T09:05:00.000Z',
    subject: `Parcel for ${fixturePerson.name} is late`,
    tags: ['wismo'],
    threads: [`zendesk:ticket:${id}`],
    openedAt: '2026-11-27T09:00:00.000Z',
    solvedAt: null,
    contactCount: 2,
    repeatContactCount: 1,
    awaitingReplySince: '2026-11-27T09:05:00.000Z',
    lastActivityAt: '2026-11-27T09:05:00.000Z',
    mergedInto: null,
    ...overrides,
  };
}

/**
 * Builds a merge record.
 * @param tenantId - the tenant
 * @param id - the merge id
 * @param survivorId - the customer that stays
 * @param absorbedId - the customer folded into it
 * @returns the merge
 */
export function contractMerge(tenantId: string, id: string, survivorId: string, absorbedId: string): CustomerMerge {
  return {
    tenantId,
    id,
    survivorId,
    absorbedId,
    kind: 'automatic',
    sharedIdentityKey: 'shopify:customer:42',
    evidenceEventId: `evidence-${id}`,
    mergedAt: '2026-11-27T10:00:00.000Z',
    absorbedIdentityKeys: ['zendesk:user:77'],
    absorbedEventIds: ['e-1', 'e-2'],
    undoneAt: null,
  };
}

/**
 * Builds a merge proposal.
 * @param tenantId - the tenant
 * @param id - the proposal id
 * @param customerIds - the two customers
 * @param proposedAt - when it was proposed
 * @param status - its status
 * @returns the proposal
 */
export function contractProposal(
  tenantId: string,
  id: string,
  customerIds: [string, string],
  proposedAt: string,
  status: MergeProposal['status'] = 'open',
): MergeProposal {
  return {
    tenantId,
    id,
    customerIds,
    reason: 'conflicting_platform_ids',
    sharedIdentityKey: 'shopify:customer:42',
    evidenceEventId: `evidence-${id}`,
    proposedAt,
    status,
  };
}

/**
 * Builds an SLA timer that emits a breach event.
 * @param tenantId - the tenant
 * @param id - the timer (and event) id
 * @param dueAt - when it fires
 * @param caseId - the case it watches
 * @returns the timer
 */
export function contractTimer(tenantId: string, id: string, dueAt: string, caseId = 'case-1'): SlaTimer {
  return { tenantId, id, caseId, dueAt, event: contractEvent({ tenantId, id, customerId: 'customer-1', caseId, occurredAt: dueAt, kind: 'breach' }) };
}

/**
 * Builds a dead letter.
 * @param tenantId - the tenant, or null when none could be named
 * @param id - the dead letter id
 * @param receivedAt - when it arrived
 * @returns the dead letter
 */
export function contractDeadLetter(tenantId: string | null, id: string, receivedAt: string): DeadLetter {
  return {
    tenantId,
    id,
    adapterId: tenantId === null ? null : 'mock',
    receivedAt,
    reason: 'malformed_body',
    message: 'Body is not JSON: Unexpected token',
    headers: { 'content-type': 'application/json', 'x-mock-signature': 'ab12' },
    url: 'https://app.example/webhooks/mock?shop=acme',
    // A malformed body may hold anything: quotes, a backslash, a NUL, text beyond the BMP.
    body: '{"events": [ {"body": "naïve café ✓ \u0000 \' \\ 𝄞 — 日本"} ',
  };
}

/**
 * Returns an ISO instant `minutes` after 2026-11-27T09:00Z, for readable ordering in tests.
 * @param minutes - offset in minutes (may be fractional)
 * @returns the instant
 */
export function minute(minutes: number): string {
  return new Date(Date.UTC(2026, 10, 27, 9, 0, 0) + Math.round(minutes * 60_000)).toISOString();
}
