import type { WebhookVerificationReason } from '../errors/webhook-verification-error';
import type { Customer } from '../model/customer';
import type { IdentityClaim } from '../model/identity';
import type { Channel, Priority } from '../model/primitives';
import type { SupportCase } from '../model/support-case';
import type { IncomingEvent, TimelineEvent } from '../model/timeline-event';

/** A webhook delivery as the ingest pipeline hands it to an adapter: the body is already read. */
export interface WebhookDelivery {
  /** The original request's method, URL and headers; its body was read already (or, served by `toNodeHandler`, never attached): use `rawBody`. */
  request: Request;
  /** The request URL, or the public URL the platform called when the app sits behind a proxy. */
  url: URL;
  /** The raw body bytes: signatures are computed over these. */
  rawBody: Uint8Array;
  /** The raw body decoded as UTF-8. */
  bodyText: string;
  /** When the pipeline received the delivery. */
  receivedAt: Date;
}

/** The result of checking a delivery's signature: the tenant it belongs to, or why it was refused. */
export type WebhookVerification =
  | {
      /** The signature is good. */
      ok: true;
      /** The tenant the platform account maps to. */
      tenantId: string;
      /** The platform's id of the delivery, which stays the same across its retries; null when it sends none. */
      deliveryId: string | null;
    }
  | {
      /** The delivery is refused (401). */
      ok: false;
      /** Why, as a code. */
      reason: WebhookVerificationReason;
      /** Why, in words (never a secret or a signature). */
      message: string;
    };

/** A privacy request a platform sends, which the core carries out against the store. */
export type PrivacyRequest =
  | {
      /** The customer asks for the data held about them. */
      kind: 'customer_data_request';
      /** The tenant the request is about. */
      tenantId: string;
      /** The platform's id of the request. */
      requestId: string;
      /** Every identifier the platform sent for the customer (matched as for `customer_redact`). */
      identities: IdentityClaim[];
    }
  | {
      /** The customer's personal data must be erased. */
      kind: 'customer_redact';
      /** The tenant the request is about. */
      tenantId: string;
      /** The platform's id of the request. */
      requestId: string;
      /**
       * Every identifier the platform sent for the customer. The core erases the customers these
       * name, so an adapter adds a reference per order to redact: the request is carried out even
       * when the platform sends no email, phone or customer id. A platform id, reference or email
       * decides; a phone adds only customers holding no other id of a platform the subject holds (a
       * household member who shares the phone is someone else).
       */
      identities: IdentityClaim[];
      /** The platform's ids of the orders to redact, as the platform listed them (kept for the record; `identities` decide what is erased). */
      orderIds: string[];
    }
  | {
      /** Everything held for the tenant must be erased (a Shopify shop uninstalled the app). */
      kind: 'tenant_redact';
      /** The tenant to erase. */
      tenantId: string;
      /** The platform's id of the request. */
      requestId: string;
    };

/** What the ingest pipeline learnt about a delivery's customer, for adapters that answer with content (TwiML). */
export interface DeliveryOutcome {
  /** Events placed on the timeline by this delivery (duplicates excluded). */
  events: TimelineEvent[];
  /** The customer the delivery resolved to, when there is one. */
  customer: Customer | null;
  /** That customer's open case after the delivery. */
  openCase: SupportCase | null;
  /** The open case's SLA clocks, soonest due first. */
  slaClocks: ReadonlyArray<SlaClockSummary>;
}

/** One SLA clock of a case, as adapters see it. */
export interface SlaClockSummary {
  /** Metric name, such as `first_reply`. */
  metric: string;
  /** `active`, `paused`, `fulfilled` or `breached`. */
  state: 'active' | 'paused' | 'fulfilled' | 'breached';
  /** When the clock breaches, if it is running. */
  dueAt: Date | null;
}

/** An adapter's reading of a verified delivery. */
export type WebhookParseResult =
  | {
      /** The delivery was understood. */
      ok: true;
      /** It carries timeline events. */
      kind: 'events';
      /** The events, to ingest. */
      events: IncomingEvent[];
      /** Builds the HTTP answer once the events are committed (TwiML for Twilio voice); 200 empty otherwise. */
      respond?: (outcome: DeliveryOutcome) => Response | Promise<Response>;
    }
  | {
      /** The delivery was understood. */
      ok: true;
      /** It is a privacy request. */
      kind: 'privacy';
      /** The request, which the core carries out. */
      request: PrivacyRequest;
    }
  | {
      /** The delivery was understood. */
      ok: true;
      /** It carries nothing for the timeline (a topic the adapter does not map); acknowledged with 200. */
      kind: 'ignored';
      /** What it was, for the ingest report. */
      reason: string;
    }
  | {
      /** The delivery could not be read (400; the raw delivery is kept as a dead letter). */
      ok: false;
      /** Why, as a code. */
      reason: 'malformed_body' | 'missing_fields' | 'unsupported_media_type';
      /** Why, in words. */
      message: string;
    };

/** Where a backfill page starts. */
export interface ListEventsOptions {
  /** The tenant whose records to read. */
  tenantId: string;
  /** Only records updated at or after this instant. */
  since: Date;
  /** The cursor returned with the previous page, null for the first page. */
  cursor: string | null;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** A record a backfill page held that the adapter could not turn into events: kept as a dead letter, never dropped. */
export interface UnreadableRecord {
  /** Machine-readable reason, such as `invalid_record`. */
  reason: string;
  /** What was wrong with it, for a person reading the dead letters. */
  message: string;
  /** The record as the platform returned it. */
  record: unknown;
  /** The API address the record came from. */
  url: string;
}

/** One page of a backfill. */
export interface EventPage {
  /** The page's events, in the order the platform gave the records. */
  events: IncomingEvent[];
  /** Cursor of the next page; null when the backfill is complete. */
  nextCursor: string | null;
  /** Records of the page the adapter could not read (the runner keeps each as a dead letter). */
  unreadable?: UnreadableRecord[];
}

/** A message to send to a customer. */
export interface OutboundMessage {
  /** The tenant sending. */
  tenantId: string;
  /** The case the message answers, when there is one. */
  caseId: string | null;
  /** The channel to send on. */
  channel: Channel;
  /** The recipient's address on that channel (E.164 phone, `whatsapp:+…`, a Zendesk ticket id for email). */
  to: string;
  /** The message text. */
  body: string;
  /** Set for an internal note where the platform supports one (Zendesk). */
  internal?: boolean;
  /** A pre-approved template, required for WhatsApp outside the 24-hour window. */
  template?: {
    /** The platform's id of the template (a Twilio Content SID, for instance). */
    id: string;
    /** Values of the template's placeholders, by placeholder name. */
    variables: Record<string, string>;
  };
  /** When the customer last wrote on this channel: WhatsApp's 24-hour rule needs it. */
  lastInboundAt?: Date | null;
  /** Priority hint for platforms that use it. */
  priority?: Priority;
}

/** What a platform answered to a send: the event to put on the timeline. */
export interface SendResult {
  /** The platform's id of what it created (a message SID, a comment id). */
  externalId: string;
  /** Segments billed (SMS), when the platform counts them. */
  segments?: number;
  /** The `message.sent` (or `note.added`) event to append. */
  event: IncomingEvent;
}

/** What an adapter can do. */
export interface AdapterCapabilities {
  /** The contact channels the platform carries. */
  channels: ReadonlyArray<Channel>;
  /** Whether it verifies and parses webhooks (`doVerifyWebhook`, `doParseWebhook`). */
  webhooks: boolean;
  /** Whether it can read history (`doListEvents`). */
  backfill: boolean;
  /** Whether it can send messages (`doSend`). */
  send: boolean;
  /**
   * The HTTP methods the platform may send webhooks with (default: `POST` only). Twilio lets a
   * number's voice and messaging webhooks be configured as `GET`, with the parameters in the query.
   */
  webhookMethods?: ReadonlyArray<'POST' | 'GET'>;
}

/**
 * The channel-adapter contract, version 1: what the core calls on Shopify, Zendesk, Twilio
 * or any platform an integrator connects. Methods the core calls are named `do…`.
 *
 * @example
 * ```ts
 * const adapter: ChannelAdapterV1 = createShopify({ clientSecrets: [secret], shops: { 'acme.myshopify.com': 'acme' } });
 * ```
 */
export interface ChannelAdapterV1 {
  /** The contract version this adapter implements. */
  readonly specificationVersion: 'v1';
  /** Stable name used for routing and checkpoints, such as `shopify`. */
  readonly id: string;
  /** What the adapter can do. */
  readonly capabilities: AdapterCapabilities;
  /** Whether a request is a webhook of this platform (by its headers), when the path does not say. */
  matchesWebhook(request: Request): boolean;
  /** Checks a delivery's signature and names its tenant; never throws for bad input. */
  doVerifyWebhook(delivery: WebhookDelivery): Promise<WebhookVerification>;
  /** Turns a verified delivery into events; never throws for bad input. */
  doParseWebhook(delivery: WebhookDelivery, tenantId: string): Promise<WebhookParseResult>;
  /** Lists one page of historical events for a backfill. */
  doListEvents?(options: ListEventsOptions): Promise<EventPage>;
  /** Sends a message to a customer. */
  doSend?(message: OutboundMessage): Promise<SendResult>;
}
