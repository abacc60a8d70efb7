/**
 * What the generator plans: the day's platform events (each as the platform will report it) and,
 * beside each, what it means for the support model, so the expected outcome can be derived from
 * the plan alone and checked against what Throughline computed from the webhooks.
 */
import type { Channel } from '@throughline/core';
import type { FakeCustomer, FakeFulfillment, FakeOrder, FakeRefund } from '@throughline/shopify/testing';
import type { FakeZendeskTicket, FakeZendeskUser } from '@throughline/zendesk/testing';

/** How a person's identifiers reach the shop. */
export type IdentityShape =
  /** Order carries email and phone: every channel finds the same customer at once. */
  | 'linked'
  /** Order carries no phone: a WhatsApp first makes a phone-only customer, merged when a web form links the phone to the email. */
  | 'phone-first'
  /** Shares a phone with the next person (a household); places the first order. */
  | 'household-owner'
  /** Shares the previous person's phone; a second Shopify customer id, so a merge proposal, never a merge. */
  | 'household-member';

/** How a person contacts support on the day. */
export type Journey = 'none' | 'web' | 'web-then-whatsapp-then-call' | 'whatsapp' | 'whatsapp-then-web' | 'call';

/** One simulated shopper. */
export interface PlannedPerson {
  index: number;
  name: string;
  email: string;
  /** E.164. */
  phone: string;
  shape: IdentityShape;
  journey: Journey;
  customer: FakeCustomer;
  order: FakeOrder;
  /** True when the order was placed on the peak day itself. */
  orderedOnPeakDay: boolean;
  /** True when the order's shipment is reported delayed on the day. */
  shipmentDelayed: boolean;
}

/** What an event means for the support model (what the expected outcome is derived from). */
export type PlannedEffect =
  | { kind: 'order-placed' }
  /** A customer contact: ticket opened, message received, call started, voicemail left. */
  | { kind: 'inbound'; channel: Channel; thread: string | null }
  /** A public agent reply (Zendesk comment, WhatsApp or SMS reply). */
  | { kind: 'agent-reply' }
  /** A queued call bridged to an agent: a reply for the clocks, and a call answered after `waitSeconds`. */
  | { kind: 'call-answered'; waitSeconds: number; /** When the agent picked up (epoch ms): Twilio reports it only after the call. */ answeredAt: number }
  | { kind: 'call-abandoned'; waitSeconds: number }
  | { kind: 'voicemail' }
  | { kind: 'solve' }
  | { kind: 'csat'; score: number };

/** A Shopify webhook, with the order as it stood. */
export interface ShopifyEventSpec {
  source: 'shopify';
  topic: 'orders/create' | 'orders/cancelled' | 'fulfillments/create' | 'fulfillments/update' | 'refunds/create';
  order: FakeOrder;
  fulfillment?: FakeFulfillment;
  refund?: FakeRefund;
}

/** A Zendesk trigger webhook (the shipped template), with the ticket as it stood. */
export interface ZendeskEventSpec {
  source: 'zendesk';
  trigger: 'ticket.created' | 'ticket.comment_added' | 'ticket.status_changed' | 'ticket.satisfaction_rated';
  ticket: FakeZendeskTicket;
  requester: FakeZendeskUser;
  /** Extra placeholder values (the comment, the rating). */
  values: Readonly<Record<string, string>>;
  /** `X-Zendesk-Webhook-Invocation-Id`, kept across retries. */
  invocationId: string;
}

/** A Twilio webhook. */
export type TwilioEventSpec =
  | { source: 'twilio'; kind: 'whatsapp'; messageSid: string; from: string; body: string; profileName: string }
  | { source: 'twilio'; kind: 'incoming-call'; callSid: string; from: string; callerName: string }
  | {
      source: 'twilio';
      kind: 'queue-result';
      callSid: string;
      from: string;
      queueResult: 'bridged' | 'hangup' | 'leave';
      queueSeconds: number;
      /** When the call reached the webhook (epoch ms): the adapter writes it into the `<Enqueue>` action URL. */
      callStartedAt: number;
    }
  | { source: 'twilio'; kind: 'call-completed'; callSid: string; from: string; sequenceNumber: number; durationSeconds: number }
  | { source: 'twilio'; kind: 'voicemail'; callSid: string; from: string; recordingSid: string; durationSeconds: number };

/** Something an agent does in Throughline itself (replying on the customer's channel, solving). */
export type AgentActionSpec =
  | { source: 'agent'; kind: 'reply'; channel: 'whatsapp' | 'sms'; body: string; orderNumber: string | null }
  | { source: 'agent'; kind: 'solve' };

/** One planned event of the day. */
export interface PlannedEvent {
  /** When it happened (epoch ms, whole seconds). */
  at: number;
  /** The person it concerns. */
  person: number;
  spec: ShopifyEventSpec | ZendeskEventSpec | TwilioEventSpec | AgentActionSpec;
  effects: ReadonlyArray<PlannedEffect>;
}

/** The simulated day. */
export interface PeakDayPlan {
  seed: number;
  /** Local midnight to midnight of the peak day, epoch ms. */
  day: { from: number; to: number; date: string; timeZone: string; utcOffsetMinutes: number };
  people: PlannedPerson[];
  /** Every event, sorted by time (events before the day are the order history). */
  events: PlannedEvent[];
}
