import type { Actor, Channel, TimelineEventData } from '@throughline/core/adapter';
import type { OrderFacts } from '../answer/order-facts';
import type { HandoffDetail, HandoffReason } from '../answer/order-status-answer';

/** Finds orders for automation; the Shopify adapter (or the store's order projection) implements it. */
export interface OrderLookup {
  /**
   * Finds the order with a shop-facing number (`1001` for `#1001`) in one tenant.
   * @param query - tenant and order number without `#`
   * @returns the order's facts, or `null` when the shop has no such order
   */
  findOrder(query: { readonly tenantId: string; readonly orderNumber: string }): Promise<OrderFacts | null>;
  /**
   * Lists a customer's recent orders, newest first, across every identity linked to them
   * (so a WhatsApp sender known only through a Shopify order's phone finds that order).
   * @param query - tenant and resolved customer id
   * @returns order facts, newest first
   */
  recentOrders(query: { readonly tenantId: string; readonly customerId: string }): Promise<readonly OrderFacts[]>;
}

/** A message automation sends; the core's `reply` records it as `message.sent` with actor kind `bot`. */
export interface AutomatedReply {
  readonly tenantId: string;
  readonly customerId: string;
  readonly body: string;
  /** The channel to answer on; `null` means the customer's last inbound channel. */
  readonly channel: Channel | null;
  /** Always a bot: a bot message never satisfies a human-reply SLA clock. */
  readonly actor: Actor & { readonly kind: 'bot' };
  /** The facts the message used, for audit on the timeline (`message.sent` `facts`). */
  readonly facts: Readonly<Record<string, string>>;
  /** Why automation sends it. */
  readonly purpose: 'order_status_answer' | 'handoff_notice' | 'knowledge_suggestion' | 'shipment_notice';
  readonly language: string;
  /**
   * The template behind the text, so a sender that must use a pre-approved template
   * (WhatsApp outside its 24-hour window) can map `key` to its own template id.
   */
  readonly template: { readonly key: string; readonly variables: Readonly<Record<string, string>> };
}

/** What sending a reply gave. */
export type ReplyOutcome =
  | { readonly ok: true; readonly messageId: string; readonly channel: Channel }
  | { readonly ok: false; readonly reason: string };

/** Sends automation's messages through the channel rules of the core and adapters. */
export interface ReplySender {
  /**
   * Sends a message on a case.
   * @param caseId - the case; `null` for a proactive message to a customer with no open case
   * @param message - the message with its facts and template
   * @returns the sent message id and channel, or why it was not sent
   */
  reply(caseId: string | null, message: AutomatedReply): Promise<ReplyOutcome>;
}

/** One line of the conversation automation had on a case. */
export interface TranscriptEntry {
  readonly at: string;
  readonly from: 'customer' | 'bot';
  readonly text: string;
  /** What automation made of it or did: `order_status 0.95`, `answered in_transit`, … */
  readonly note?: string;
}

/** A case handed from automation to people, with everything they need. */
export interface Handoff {
  readonly tenantId: string;
  readonly caseId: string;
  readonly customerId: string;
  readonly reason: HandoffReason;
  readonly detail: HandoffDetail;
  /** The queue it goes to. */
  readonly queue: string;
  /** One line for the agent: what was asked and why automation stopped. */
  readonly summary: string;
  readonly language: string;
  readonly channel: Channel | null;
  /** Automation's conversation on this case, oldest first. */
  readonly transcript: readonly TranscriptEntry[];
  /** Orders automation looked at. */
  readonly candidates: readonly OrderFacts[];
  /** The event that led to the handoff. */
  readonly triggeringEventId: string;
  readonly at: string;
}

/** Where handed-over cases go; the lead's routing (or Zendesk assignment) implements it. */
export interface HumanQueue {
  /**
   * Puts a case in front of people at once; the implementation attaches the case and its timeline.
   * @param handoff - the case, reason and transcript
   */
  enqueue(handoff: Handoff): Promise<void>;
}

/** What automation needs to know about a customer. */
export interface AutomationCustomer {
  readonly id: string;
  /** Customer tier (`vip`, `standard`, …). */
  readonly tier: string;
  /** Preferred locale, if known (BCP 47). */
  readonly locale?: string;
  /** The customer declined proactive messages. */
  readonly proactiveOptOut: boolean;
}

/** Reads customers; the core's store implements it. */
export interface CustomerDirectory {
  /**
   * Reads one customer.
   * @param query - tenant and customer id
   * @returns the customer, or `null` when unknown
   */
  getCustomer(query: { readonly tenantId: string; readonly customerId: string }): Promise<AutomationCustomer | null>;
}

/** Fields every automation event carries. */
interface AutomationEventBase {
  readonly tenantId: string;
  readonly customerId: string;
  readonly caseId: string | null;
  readonly occurredAt: string;
  /** The timeline event that caused it. */
  readonly causedBy: string;
}

/** What automation did, for the timeline and metrics (deflection, handoff reasons). */
export type AutomationEvent =
  | (AutomationEventBase & {
      readonly type: 'automation.handoff';
      /** The core's `automation.handoff` data. */
      readonly data: TimelineEventData<'automation.handoff'>;
      readonly detail: HandoffDetail;
      readonly transcript: readonly TranscriptEntry[];
    })
  | (AutomationEventBase & {
      readonly type: 'automation.answered';
      readonly intent: 'order_status';
      readonly confidence: number;
      readonly messageId: string;
      readonly facts: Readonly<Record<string, string>>;
    })
  | (AutomationEventBase & {
      readonly type: 'automation.suggested';
      readonly articleIds: readonly string[];
      /** Article ids also sent to the customer as self-service. */
      readonly sentToCustomer: readonly string[];
    })
  | (AutomationEventBase & {
      readonly type: 'automation.notified';
      readonly orderName: string;
      readonly shipmentStatus: string;
      readonly messageId: string;
    })
  | (AutomationEventBase & {
      readonly type: 'automation.skipped';
      readonly reason: 'opted_out' | 'rate_limited' | 'duplicate' | 'send_failed';
    });

/** Receives automation events; the core appends them to the timeline and emits them. */
export interface AutomationEventSink {
  /**
   * Records one event.
   * @param event - what automation did
   */
  record(event: AutomationEvent): void | Promise<void>;
}
