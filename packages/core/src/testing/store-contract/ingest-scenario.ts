import type { IncomingEvent } from '../../model/timeline-event';
import type { TimelineStore } from '../../store/timeline-store';
import { seededRandom } from './store-contract-context';

/** One webhook delivery of the mock platform: its exact JSON body and the source events it carries. */
export interface ScenarioDelivery {
  index: number;
  /** The body as sent (sign it with `signMockDelivery`). */
  body: string;
  eventIds: string[];
}

/** Settings of a generated ingest workload. */
export interface IngestScenarioOptions {
  seed: number;
  /** Mock-platform account (the tenant it maps to is the caller's choice). */
  account: string;
  deliveries: number;
  /** People behind the events; fewer people means more merges and repeat contacts. */
  people: number;
}

type Envelope = Omit<IncomingEvent, 'tenantId'>;

/**
 * Generates a deterministic support workload for the mock adapter: people writing by SMS and
 * email, orders with versioned updates, and events that carry two identifiers, so customers get
 * merged, cases opened and joined, and entity versions raced. Used by the durability tests
 * (crash safety, several instances) and the store benchmarks.
 * @param options - seed, size and account
 * @returns the deliveries, in their canonical order
 */
export function createIngestScenario(options: IngestScenarioOptions): ScenarioDelivery[] {
  const random = seededRandom(options.seed);
  const start = Date.UTC(2026, 10, 27, 9, 0, 0);
  const pick = (limit: number) => Math.floor(random() * limit);
  const phone = (person: number) => `+1502555${String(100 + (person % 900)).padStart(4, '0')}`;
  const email = (person: number) => `person-${person}@example.com`;
  let sequence = 0;

  function event(person: number, at: number): Envelope {
    sequence++;
    const id = `mock:${options.seed}:${sequence}`;
    const occurredAt = new Date(at).toISOString();
    const source = { system: 'mock', externalId: String(sequence) };
    const roll = random();
    if (roll < 0.35) {
      return {
        id,
        occurredAt,
        source,
        channel: 'sms',
        actor: { kind: 'customer' },
        // Every fifth SMS also names the email: the link that merges two customers.
        identities: random() < 0.2 ? [{ kind: 'phone', value: phone(person) }, { kind: 'email', value: email(person) }] : [{ kind: 'phone', value: phone(person) }],
        type: 'message.received',
        data: { messageId: `sms-${sequence}`, body: `Where is order ${person}?`, subject: null, media: [], from: phone(person), to: '+15025550000' },
      };
    }
    if (roll < 0.65) {
      return {
        id,
        occurredAt,
        source,
        channel: 'email',
        actor: { kind: 'customer', name: `Person ${person}` },
        identities: [{ kind: 'email', value: email(person) }],
        profile: { name: `Person ${person}` },
        type: 'message.received',
        data: { messageId: `mail-${sequence}`, body: `Hello, about my parcel (${sequence})`, subject: 'Parcel', media: [], from: email(person), to: 'help@shop.example' },
      };
    }
    const orderId = `${person}-${pick(3)}`;
    return {
      id,
      occurredAt,
      source,
      channel: null,
      actor: { kind: 'system' },
      identities: [
        { kind: 'email', value: email(person) },
        { kind: 'platform', namespace: 'shopify:customer', value: String(7_000_000 + person) },
      ],
      entity: { key: `shopify:order:${orderId}`, version: at },
      type: roll < 0.8 ? 'order.placed' : 'order.updated',
      data: {
        orderId,
        orderName: `#${orderId}`,
        orderNumber: null,
        financialStatus: 'paid',
        fulfillmentStatus: roll < 0.8 ? null : 'fulfilled',
        total: { amount: '49.90', currency: 'EUR' },
        itemCount: 1 + pick(4),
        statusUrl: null,
        cancelledAt: null,
        cancelReason: null,
      },
    };
  }

  const deliveries: ScenarioDelivery[] = [];
  for (let index = 0; index < options.deliveries; index++) {
    const at = start + index * 45_000;
    const person = pick(options.people);
    const events = Array.from({ length: 1 + pick(3) }, (_, offset) => event(offset === 2 ? pick(options.people) : person, at + offset * 1000 - pick(2) * 60_000));
    deliveries.push({
      index,
      body: JSON.stringify({ account: options.account, deliveryId: `delivery-${options.seed}-${index}`, events }),
      eventIds: events.map((item) => item.id),
    });
  }
  return deliveries;
}

/**
 * The state a tenant ended in, in a canonical form two runs can be compared with: every event's
 * placement, every customer still in use with its identities, cases and merges, and apart from
 * them the customers merged into others (`absorbed`). Which absorbed records exist depends on the
 * order events arrived in (a customer created before the link to another person was known), so
 * runs in different orders compare `events` and `customers`, and runs in the same order compare
 * everything.
 * @param store - the store to read
 * @param tenantId - the tenant
 * @returns a plain, sorted object
 */
export async function canonicalTenantState(store: TimelineStore, tenantId: string) {
  const events: Array<{ id: string; type: string; customerId: string; caseId: string | null; repeatContact: boolean }> = [];
  const customerIds = new Set<string>();
  for await (const event of store.scanEvents(tenantId)) {
    events.push({ id: event.id, type: event.type, customerId: event.customerId, caseId: event.caseId, repeatContact: event.repeatContact });
    customerIds.add(event.customerId);
  }
  for (const id of [...customerIds]) for (const absorbed of await store.customersMergedInto(tenantId, id)) customerIds.add(absorbed.id);
  const customers = [];
  const absorbed = [];
  for (const id of [...customerIds].sort()) {
    const customer = await store.getCustomer(tenantId, id);
    const record = {
      customer,
      identities: (await store.identitiesOf(tenantId, id)).map((identity) => identity.key).sort(),
      cases: (await store.casesOf(tenantId, id)).sort((a, b) => (a.id < b.id ? -1 : 1)),
      merges: (await store.mergesOf(tenantId, id)).map((merge) => merge.id).sort(),
    };
    if (customer?.mergedInto) absorbed.push(record);
    else customers.push(record);
  }
  events.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { events, customers, absorbed };
}
