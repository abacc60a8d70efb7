/**
 * Turns a planned platform event into the signed request the platform would send, with the
 * testing kits' builders: Shopify's HMAC over the body, Zendesk's timestamped HMAC over a trigger
 * body rendered from the shipped template, Twilio's signature over the URL and form parameters.
 */
import { createShopifyWebhookBuilder, type ShopifyDataset, type ShopifyWebhookBuilder } from '@throughline/shopify/testing';
import { withCallStart } from '@throughline/twilio';
import { createTwilioWebhookBuilder, type TwilioWebhookBuilder } from '@throughline/twilio/testing';
import { buildTriggerWebhook, triggerPlaceholders } from '@throughline/zendesk/testing';
import { shopifyAccount, twilioAccount, zendeskAccount } from './peak-day-accounts';
import type { ShopifyEventSpec, TwilioEventSpec, ZendeskEventSpec } from './peak-day-plan';

/** Builds signed webhook requests aimed at the demo's server. */
export interface WebhookFactory {
  /**
   * Builds the request for a planned event (deterministic: the same event gives the same bytes, so a
   * duplicate delivery is the same request sent again).
   * @param spec - the planned platform event
   * @param at - when the platform reports it (Zendesk signs with this instant; Twilio call statuses carry it)
   * @returns the signed request
   */
  build(spec: ShopifyEventSpec | ZendeskEventSpec | TwilioEventSpec, at: number): Promise<Request>;
}

/**
 * Creates the webhook factory for a server origin.
 * @param origin - `http://127.0.0.1:<port>`
 * @param dataset - the fake shop (order payloads read customers from it)
 * @returns the factory
 * @example
 * const request = await createWebhookFactory(origin, shop).build(event.spec, event.at);
 */
export function createWebhookFactory(origin: string, dataset: ShopifyDataset): WebhookFactory {
  const shopify: ShopifyWebhookBuilder = createShopifyWebhookBuilder({ secret: shopifyAccount.clientSecret, url: `${origin}/webhooks/shopify`, dataset });
  const twilioUrl = `${origin}/webhooks/twilio`;
  const twilio: TwilioWebhookBuilder = createTwilioWebhookBuilder({ authToken: twilioAccount.authToken, accountSid: twilioAccount.accountSid, url: twilioUrl });
  const zendeskUrl = `${origin}/webhooks/zendesk`;

  function buildShopify(spec: ShopifyEventSpec): Promise<Request> {
    switch (spec.topic) {
      case 'orders/create':
        return shopify.ordersCreate(spec.order);
      case 'orders/cancelled':
        return shopify.ordersCancelled(spec.order);
      case 'fulfillments/create':
        return shopify.fulfillmentsCreate(spec.fulfillment!, spec.order);
      case 'fulfillments/update':
        return shopify.fulfillmentsUpdate(spec.fulfillment!, spec.order);
      case 'refunds/create':
        return shopify.refundsCreate(spec.refund!);
    }
  }

  function buildTwilio(spec: TwilioEventSpec, at: number): Promise<Request> {
    const from = spec.from;
    switch (spec.kind) {
      case 'whatsapp':
        return twilio.inboundWhatsApp({ from, to: twilioAccount.whatsappNumber, body: spec.body, messageSid: spec.messageSid, profileName: spec.profileName });
      case 'incoming-call':
        return twilio.incomingCall({ callSid: spec.callSid, from, to: twilioAccount.supportNumber, callerName: spec.callerName });
      case 'queue-result':
        // The action URL the adapter wrote into the call's <Enqueue>, with the call's start.
        return twilio.enqueueAction(
          { callSid: spec.callSid, from, to: twilioAccount.supportNumber, queueResult: spec.queueResult, queueTime: spec.queueSeconds },
          { url: withCallStart(twilioUrl, twilioUrl, new Date(spec.callStartedAt).toISOString()) },
        );
      case 'call-completed':
        return twilio.callStatus({
          callSid: spec.callSid,
          status: 'completed',
          sequenceNumber: spec.sequenceNumber,
          timestamp: new Date(at),
          from,
          to: twilioAccount.supportNumber,
          callDuration: spec.durationSeconds,
        });
      case 'voicemail':
        return twilio.recording({ callSid: spec.callSid, from, to: twilioAccount.supportNumber, recordingSid: spec.recordingSid, durationSeconds: spec.durationSeconds });
    }
  }

  return {
    build(spec, at) {
      if (spec.source === 'shopify') return buildShopify(spec);
      if (spec.source === 'twilio') return buildTwilio(spec, at);
      const values = triggerPlaceholders(spec.ticket, spec.requester, zendeskAccount.subdomain, { ...spec.values });
      return buildTriggerWebhook(spec.trigger, values, {
        secret: zendeskAccount.webhookSecret,
        accountId: zendeskAccount.accountId,
        signedAt: at,
        invocationId: spec.invocationId,
        url: zendeskUrl,
      });
    },
  };
}
