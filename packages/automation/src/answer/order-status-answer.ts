import type { OrderFacts } from './order-facts';
import type { OrderStatusTemplateKey } from './default-order-status-templates';

/** Why automation hands a question to a person instead of answering it (the core's `automation.handoff` reasons). */
export type HandoffReason = 'customer_request' | 'automation_failed' | 'vip' | 'unanswerable';

/** What exactly made an order-status question unanswerable or the automation fail. */
export type HandoffDetail =
  | 'customer_asked_for_person'
  | 'vip_customer'
  | 'no_order_found'
  | 'order_not_found'
  | 'order_of_another_customer'
  | 'several_orders'
  | 'order_cancelled'
  | 'shipment_delayed'
  | 'shipment_failed'
  | 'shipment_overdue'
  | 'unknown_shipment_status'
  | 'low_confidence'
  | 'lookup_failed'
  | 'reply_failed';

/** The outcome of trying to answer an order-status question from facts. */
export type OrderStatusDecision =
  | {
      /** The facts answer the question. */
      readonly kind: 'answer';
      /** The text to send, in the customer's language. */
      readonly body: string;
      /** The language of the template used: the customer's (its primary subtag), or the default language when there is no template for it. */
      readonly language: string;
      /** The situation the answer describes, such as `in_transit` or `delivered`. */
      readonly templateKey: OrderStatusTemplateKey;
      /** The order the answer is about. */
      readonly order: OrderFacts;
      /** The sanitised facts the answer used, for the timeline (`message.sent` `facts`). */
      readonly facts: Readonly<Record<string, string>>;
    }
  | {
      /** A person must answer. */
      readonly kind: 'handoff';
      /** Why, in the core's terms (the answerer itself gives `unanswerable`). */
      readonly reason: HandoffReason;
      /** What exactly stood in the way: no or several orders, another customer's order, a cancelled or delayed one, … */
      readonly detail: HandoffDetail;
      /** The orders that were considered, for the agent. */
      readonly candidates: readonly OrderFacts[];
    };
