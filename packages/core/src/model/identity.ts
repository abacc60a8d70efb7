import { z } from 'zod';
import { instantSchema } from './primitives';

/**
 * An identifier an event says belongs to its customer, before normalisation.
 * `platform` ids are namespaced (`shopify:customer`, `zendesk:user`); `social` handles name their network.
 */
export const identityClaimSchema = z.discriminatedUnion('kind', [
  /** An email address; trimmed and lower-cased when normalised. */
  z.object({
    /** An email address. */
    kind: z.literal('email'),
    /** The address as the platform gave it. */
    value: z.string().min(1),
  }),
  /** A phone number; normalised to E.164 (`whatsapp:+…` is a phone too). */
  z.object({
    /** A phone number. */
    kind: z.literal('phone'),
    /** The number as the platform gave it, in any format. */
    value: z.string().min(1),
  }),
  /** A platform's own id of the person, such as a Shopify customer id or a Zendesk user id. */
  z.object({
    /** A platform id. */
    kind: z.literal('platform'),
    /** `<platform>:<record>`, such as `shopify:customer` or `zendesk:user`. */
    namespace: z.string().regex(/^[a-z0-9_-]+:[a-z0-9_-]+$/),
    /** The id on that platform. */
    value: z.string().min(1),
  }),
  /** A social network handle. */
  z.object({
    /** A social handle. */
    kind: z.literal('social'),
    /** The network, such as `twitter`, `facebook` or `instagram`. */
    network: z.string().min(1),
    /** The handle on that network. */
    value: z.string().min(1),
  }),
  /**
   * A record that belongs to exactly one customer (a Shopify order, a Twilio call): it links later
   * events that carry no personal identifier (a refund, a recording) to that customer. Two
   * customers holding different references of one namespace is normal, never a conflict.
   */
  z.object({
    /** A reference to a record of the customer's. */
    kind: z.literal('reference'),
    /** `<platform>:<record>`, such as `shopify:order` or `twilio:call`. */
    namespace: z.string().regex(/^[a-z0-9_-]+:[a-z0-9_-]+$/),
    /** The record's id on that platform. */
    value: z.string().min(1),
  }),
]);
/** An identifier an event says belongs to its customer. */
export type IdentityClaim = z.infer<typeof identityClaimSchema>;

/** The kinds of identity a customer can hold. */
export type IdentityKind = IdentityClaim['kind'];

/** A normalised identity held by one customer, with the event that proved it. */
export const identitySchema = z.object({
  /** The tenant of the customer. */
  tenantId: z.string().min(1),
  /** Normalised key: `email:a@b.com`, `phone:+15025550100`, `shopify:customer:82098…`, `social:twitter:handle`, `ref:shopify:order:1`. */
  key: z.string().min(1),
  /** The kind of identifier. */
  kind: z.enum(['email', 'phone', 'platform', 'social', 'reference']),
  /** The customer that holds it. */
  customerId: z.string().min(1),
  /** The event that proved the identity belongs to the customer. */
  evidenceEventId: z.string().min(1),
  /** When that event happened. */
  observedAt: instantSchema,
});
/** A normalised identity held by one customer, with its evidence. */
export type Identity = z.infer<typeof identitySchema>;
