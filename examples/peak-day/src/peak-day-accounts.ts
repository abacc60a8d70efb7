/**
 * The demo shop's platform accounts. One Throughline tenant (`acme`) owns the Shopify shop, the
 * Zendesk account and the Twilio account; every secret here is a made-up value for the fakes.
 */
import { twilioSid } from '@throughline/twilio/testing';

/** The Throughline tenant every platform account maps to. */
export const tenantId = 'acme';

/** Region assumed for phone numbers typed without a country code. */
export const defaultRegion = 'US';

/** The Shopify shop and its app's secret and Admin API token. */
export const shopifyAccount = {
  shop: 'acme.myshopify.com',
  clientSecret: 'peak-day-shopify-client-secret',
  adminAccessToken: 'shpat_peak_day_demo',
  currency: 'USD',
} as const;

/** The Zendesk account: subdomain, account id, webhook secret and API credentials. */
export const zendeskAccount = {
  subdomain: 'acme',
  accountId: 12514403,
  webhookSecret: 'peak-day-zendesk-webhook-secret',
} as const;

/** The Twilio account and the shop's numbers. */
export const twilioAccount = {
  accountSid: twilioSid('AC', 0xacbe),
  authToken: 'peak-day-twilio-auth-token',
  /** The WhatsApp sender. */
  whatsappNumber: '+12125550100',
  /** The support line and SMS sender. */
  supportNumber: '+12125550101',
} as const;
