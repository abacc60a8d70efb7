import type { Channel } from '@throughline/core/adapter';
import type { OrderFacts } from '../answer/order-facts';
import type {
  AutomatedReply,
  AutomationCustomer,
  AutomationEvent,
  AutomationEventSink,
  CustomerDirectory,
  Handoff,
  HumanQueue,
  OrderLookup,
  ReplyOutcome,
  ReplySender,
} from '../runtime/automation-ports';

/**
 * An in-memory `OrderLookup` over a list of order facts, for tests and demos. `findOrder` ignores the
 * tenant and compares order names without `#` and case; `recentOrders` lists a customer's orders,
 * newest first.
 *
 * @param orders - the shop's orders (`customerId` must be the resolved customer)
 * @returns the lookup; `orders` can be pushed to later
 * @example
 * const lookup = createInMemoryOrderLookup([
 *   { orderId: 'gid://shopify/Order/1', customerId: 'cus_1', orderName: '#1001', placedAt: '2026-11-24T09:00:00Z',
 *     fulfilmentStatus: 'fulfilled', shipmentStatus: 'in_transit', carrier: 'UPS', trackingNumber: '1Z999AA10123456784',
 *     trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784', estimatedDelivery: '2026-11-29T18:00:00Z' },
 * ]);
 * (await lookup.findOrder({ tenantId: 'acme.myshopify.com', orderNumber: '1001' }))?.carrier; // 'UPS'
 */
export function createInMemoryOrderLookup(orders: OrderFacts[] = []): OrderLookup & {
  /** The orders the lookup reads, the same array that was passed in; push to add more. */
  readonly orders: OrderFacts[];
} {
  return {
    orders,
    async findOrder({ orderNumber }) {
      const wanted = orderNumber.replace(/^#/, '').toUpperCase();
      return orders.find((order) => order.orderName.replace(/^#/, '').toUpperCase() === wanted) ?? null;
    },
    async recentOrders({ customerId }) {
      return orders.filter((order) => order.customerId === customerId).sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt));
    },
  };
}

/** A message the recording sender accepted. */
export interface RecordedReply {
  /** The case it was sent on; `null` for a proactive message without a case. */
  readonly caseId: string | null;
  /** The message as automation asked to send it. */
  readonly message: AutomatedReply;
  /** The id the sender gave it: `msg_1`, `msg_2`, … in sending order. */
  readonly messageId: string;
  /** The channel it went out on: the message's own, else `lastInboundChannel`, else `sms`. */
  readonly channel: Channel;
}

/**
 * A `ReplySender` that records what it is asked to send, for tests.
 *
 * @param options - `lastInboundChannel` answers `channel: null`; `failWith` makes every send fail
 * @returns the sender with its `sent` list
 * @example
 * const replies = createRecordingReplySender({ lastInboundChannel: 'whatsapp' });
 * const automation = createAutomation({ orders, replies, humanQueue, customers });
 * await automation.handle(delayedFulfillment); // `fulfillment.updated` with shipment status `delayed`
 * replies.sent[0]?.message.channel; // null: a shipment notice asks for the customer's last inbound channel
 * replies.sent[0]?.channel; // 'whatsapp'
 */
export function createRecordingReplySender(
  options: {
    /** The channel used for a message that asks for `channel: null` (the customer's last inbound one). Default `sms`. */
    lastInboundChannel?: Channel;
    /** When set, every send fails with this reason and nothing is recorded. */
    failWith?: string;
  } = {},
): ReplySender & {
  /** Every message sent successfully, oldest first. */
  readonly sent: RecordedReply[];
} {
  const sent: RecordedReply[] = [];
  return {
    sent,
    async reply(caseId, message): Promise<ReplyOutcome> {
      if (options.failWith !== undefined) return { ok: false, reason: options.failWith };
      const channel = message.channel ?? options.lastInboundChannel ?? 'sms';
      const messageId = `msg_${sent.length + 1}`;
      sent.push({ caseId, message, messageId, channel });
      return { ok: true, messageId, channel };
    },
  };
}

/**
 * A `HumanQueue` that keeps handoffs in a list, for tests.
 *
 * @returns the queue with its `handoffs`
 * @example
 * const humanQueue = createInMemoryHumanQueue();
 * const automation = createAutomation({ orders, replies, humanQueue, customers });
 * await automation.handle(whatsappMessage); // 'I want to talk to a real person'
 * humanQueue.handoffs[0]?.reason; // 'customer_request'
 */
export function createInMemoryHumanQueue(): HumanQueue & {
  /** Every handoff enqueued, oldest first. */
  readonly handoffs: Handoff[];
} {
  const handoffs: Handoff[] = [];
  return {
    handoffs,
    async enqueue(handoff) {
      handoffs.push(handoff);
    },
  };
}

/**
 * A `CustomerDirectory` over a list of customers, for tests. It ignores the tenant and finds customers by id.
 *
 * @param customers - the customers (ids are unique per tenant in these tests)
 * @returns the directory
 * @example
 * const customers = createInMemoryCustomerDirectory([{ id: 'cus_1', tier: 'vip', locale: 'de-AT', proactiveOptOut: false }]);
 * (await customers.getCustomer({ tenantId: 'acme.myshopify.com', customerId: 'cus_1' }))?.tier; // 'vip'
 * await customers.getCustomer({ tenantId: 'acme.myshopify.com', customerId: 'cus_2' }); // null
 */
export function createInMemoryCustomerDirectory(customers: AutomationCustomer[] = []): CustomerDirectory & {
  /** The customers the directory reads, the same array that was passed in; push to add more. */
  readonly customers: AutomationCustomer[];
} {
  return {
    customers,
    async getCustomer({ customerId }) {
      return customers.find((customer) => customer.id === customerId) ?? null;
    },
  };
}

/**
 * An `AutomationEventSink` that keeps events in a list, for tests.
 *
 * @returns the sink with its `events`
 * @example
 * const events = createRecordingEventSink();
 * const automation = createAutomation({ orders, replies, humanQueue, customers, events });
 * await automation.handle(whatsappMessage); // 'where is my order?' from a customer with one order in transit
 * events.events.map((event) => event.type); // ['automation.answered']
 */
export function createRecordingEventSink(): AutomationEventSink & {
  /** Every event recorded, oldest first. */
  readonly events: AutomationEvent[];
} {
  const events: AutomationEvent[] = [];
  return {
    events,
    record(event) {
      events.push(event);
    },
  };
}
