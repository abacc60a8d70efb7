import { z } from 'zod';
import { instantSchema } from './primitives';

/**
 * An identifier an event says belongs to its customer, before normalisation.
 * `platform` ids are namespaced (`shopify:customer`, `zendesk:user`); `social` handles name their network.
 */
export const identityClaimSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), value: z.string().min(1) }),
  z.object({ kind: z.literal('phone'), value: z.string().min(1) }),
  z.object({ kind: z.literal('platform'), namespace: z.string().regex(/^[a-z0-9_-]+:[a-z0-9_-]+$/), value: z.string().min(1) }),
  z.object({ kind: z.literal('social'), network: z.string().min(1), value: z.string().min(1) }),
  /**
   * A record that belongs to exactly one customer (a Shopify order, a Twilio call): it links later
   * events that carry no personal identifier (a refund, a recording) to that customer. Two
   * customers holding different references of one namespace is normal, never a conflict.
   */
  z.object({ kind: z.literal('reference'), namespace: z.string().regex(/^[a-z0-9_-]+:[a-z0-9_-]+$/), value: z.string().min(1) }),
]);
/** An identifier an event says belongs to its customer. */
export type IdentityClaim = z.infer<typeof identityClaimSchema>;

/** The kinds of identity a customer can hold. */
export type IdentityKind = IdentityClaim['kind'];

/** A normalised identity held by one customer, with the event that proved it. */
export const identitySchema = z.object({
  tenantId: z.string().min(1),
  /** Normalised key: `email:a@b.com`, `phone:+15025550100`, `shopify:customer:82098…`, `social:twitter:handle`, `ref:shopify:order:1`. */
  key: z.string().min(1),
  kind: z.enum(['email', 'phone', 'platform', 'social', 'reference']),
  customerId: z.string().min(1),
  evidenceEventId: z.string().min(1),
  observedAt: instantSchema,
});
/** A normalised identity held by one customer, with its evidence. */
export type Identity = z.infer<typeof identitySchema>;
