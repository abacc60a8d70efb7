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
 * An in-memory `OrderLookup` over a list of order facts, for tests and demos.
 *
 * @param orders - the shop's orders (`customerId` must be the resolved customer)
 * @returns the lookup; `orders` can be pushed to later
 * @example
 * const lookup = createInMemoryOrderLookup([order]);
 */
export function createInMemoryOrderLookup(orders: OrderFacts[] = []): OrderLookup & { readonly orders: OrderFacts[] } {
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
  readonly caseId: string | null;
  readonly message: AutomatedReply;
  readonly messageId: string;
  readonly channel: Channel;
}

/**
 * A `ReplySender` that records what it is asked to send, for tests.
 *
 * @param options - `lastInboundChannel` answers `channel: null`; `failWith` makes every send fail
 * @returns the sender with its `sent` list
 */
export function createRecordingReplySender(
  options: { lastInboundChannel?: Channel; failWith?: string } = {},
): ReplySender & { readonly sent: RecordedReply[] } {
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
 */
export function createInMemoryHumanQueue(): HumanQueue & { readonly handoffs: Handoff[] } {
  const handoffs: Handoff[] = [];
  return {
    handoffs,
    async enqueue(handoff) {
      handoffs.push(handoff);
    },
  };
}

/**
 * A `CustomerDirectory` over a list of customers, for tests.
 *
 * @param customers - the customers (ids are unique per tenant in these tests)
 * @returns the directory
 */
export function createInMemoryCustomerDirectory(customers: AutomationCustomer[] = []): CustomerDirectory & { readonly customers: AutomationCustomer[] } {
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
 */
export function createRecordingEventSink(): AutomationEventSink & { readonly events: AutomationEvent[] } {
  const events: AutomationEvent[] = [];
  return {
    events,
    record(event) {
      events.push(event);
    },
  };
}
