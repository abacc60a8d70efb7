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
  /** The tenant (shop) the customer belongs to. */
  readonly tenantId: string;
  /** The resolved customer the message is for. */
  readonly customerId: string;
  /** The text to send, rendered in `language`. */
  readonly body: string;
  /** The channel to answer on; `null` means the customer's last inbound channel. */
  readonly channel: Channel | null;
  /** Always a bot: a bot message never satisfies a human-reply SLA clock. */
  readonly actor: Actor & {
    /** The actor kind, always `bot`. */
    readonly kind: 'bot';
  };
  /** The facts the message used, for audit on the timeline (`message.sent` `facts`). */
  readonly facts: Readonly<Record<string, string>>;
  /** Why automation sends it. */
  readonly purpose: 'order_status_answer' | 'handoff_notice' | 'knowledge_suggestion' | 'shipment_notice';
  /** The language `body` is written in (ISO 639-1), which may be the fallback language rather than the customer's. */
  readonly language: string;
  /**
   * The template behind the text, so a sender that must use a pre-approved template
   * (WhatsApp outside its 24-hour window) can map `key` to its own template id.
   */
  readonly template: {
    /** The template's key: an `OrderStatusTemplateKey` (`in_transit`, `delay_notice`, `handing_over`, …) or `knowledge_article`. */
    readonly key: string;
    /** The placeholder values the template was filled with (placeholders without a value are left out). */
    readonly variables: Readonly<Record<string, string>>;
  };
}

/** What sending a reply gave. */
export type ReplyOutcome =
  | {
      /** The message went out. */
      readonly ok: true;
      /** The id the sending platform gave the message. */
      readonly messageId: string;
      /** The channel it went out on (the one chosen when the reply asked for `null`). */
      readonly channel: Channel;
    }
  | {
      /** The message was not sent. */
      readonly ok: false;
      /** Why not, such as a closed WhatsApp window, no case to answer on, or the platform's error message. */
      readonly reason: string;
    };

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
  /** When it was written (ISO 8601): the customer message's `occurredAt`, or when automation sent or decided. */
  readonly at: string;
  /** Who wrote it: the customer, or automation (its replies and its handoff). */
  readonly from: 'customer' | 'bot';
  /** The message text; a handoff reads `handoff: <reason> (<detail>)`. */
  readonly text: string;
  /** What automation made of it or did: `order_status 0.95`, `answered in_transit`, … */
  readonly note?: string;
}

/** A case handed from automation to people, with everything they need. */
export interface Handoff {
  /** The tenant (shop) the case belongs to. */
  readonly tenantId: string;
  /** The case handed over; automation stays quiet on it until `release`. */
  readonly caseId: string;
  /** The resolved customer of the case. */
  readonly customerId: string;
  /** Why automation stopped: the customer asked, a VIP, an unanswerable question, or a failure. */
  readonly reason: HandoffReason;
  /** What exactly made automation stop (`several_orders`, `shipment_delayed`, `lookup_failed`, …). */
  readonly detail: HandoffDetail;
  /** The queue it goes to. */
  readonly queue: string;
  /** One line for the agent: what was asked and why automation stopped. */
  readonly summary: string;
  /** The customer's language as recognised from their message (ISO 639-1), for routing to an agent who speaks it. */
  readonly language: string;
  /** The channel the customer wrote on; `null` when the triggering event has none. */
  readonly channel: Channel | null;
  /** Automation's conversation on this case, oldest first. */
  readonly transcript: readonly TranscriptEntry[];
  /** Orders automation looked at. */
  readonly candidates: readonly OrderFacts[];
  /** The event that led to the handoff. */
  readonly triggeringEventId: string;
  /** When automation handed the case over (ISO 8601). */
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
  /** The resolved customer id, as on timeline events. */
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
  /** The tenant (shop) it happened in. */
  readonly tenantId: string;
  /** The customer it concerns. */
  readonly customerId: string;
  /** The case it happened on; `null` for a proactive notice to a customer with no case. */
  readonly caseId: string | null;
  /** When automation did it (ISO 8601). */
  readonly occurredAt: string;
  /** The timeline event that caused it. */
  readonly causedBy: string;
}

/** What automation did, for the timeline and metrics (deflection, handoff reasons). */
export type AutomationEvent =
  | (AutomationEventBase & {
      /** A case was handed to people. */
      readonly type: 'automation.handoff';
      /** The core's `automation.handoff` data. */
      readonly data: TimelineEventData<'automation.handoff'>;
      /** What exactly made automation stop. */
      readonly detail: HandoffDetail;
      /** Automation's conversation on the case up to the handoff, oldest first. */
      readonly transcript: readonly TranscriptEntry[];
    })
  | (AutomationEventBase & {
      /** An order-status question was answered from the shop's facts. */
      readonly type: 'automation.answered';
      /** The intent answered; only order-status questions are answered without a person. */
      readonly intent: 'order_status';
      /** The recogniser's confidence in the intent, from 0 to 1. */
      readonly confidence: number;
      /** The id of the sent answer. */
      readonly messageId: string;
      /** The sanitised facts the answer used (order id and name, carrier, tracking, template key, statuses). */
      readonly facts: Readonly<Record<string, string>>;
    })
  | (AutomationEventBase & {
      /** Knowledge-base articles were suggested for a message automation did not answer. */
      readonly type: 'automation.suggested';
      /** Articles suggested to the agent on the case, best first. */
      readonly articleIds: readonly string[];
      /** Article ids also sent to the customer as self-service. */
      readonly sentToCustomer: readonly string[];
    })
  | (AutomationEventBase & {
      /** A customer was told about a shipment problem before asking. */
      readonly type: 'automation.notified';
      /** The order the notice is about: its shop-facing name, or its id when the fulfilment names none. */
      readonly orderName: string;
      /** The shipment status that triggered the notice, lower case (`delayed`, `failure`, …). */
      readonly shipmentStatus: string;
      /** The id of the sent notice. */
      readonly messageId: string;
    })
  | (AutomationEventBase & {
      /** A proactive shipment notice was not sent. */
      readonly type: 'automation.skipped';
      /**
       * Why not: the customer opted out of proactive messages (or is unknown), reached the per-customer
       * limit, was already told about this fulfilment's status, or the message could not be sent.
       */
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
