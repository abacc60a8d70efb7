import { z } from 'zod';
import { instantSchema } from './primitives';

/** What is known about a customer's person. */
export const customerProfileSchema = z.object({
  name: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  locale: z.string().optional(),
});
/** What is known about a customer's person. */
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

/** One person across every channel and platform. */
export const customerSchema = z.object({
  tenantId: z.string().min(1),
  id: z.string().min(1),
  profile: customerProfileSchema,
  tier: z.string(),
  createdAt: instantSchema,
  /** The event that first created this customer. */
  createdByEventId: z.string(),
  /** Set when this customer was merged into another one (the survivor). */
  mergedInto: z.string().nullable(),
  /** Canonical position of the customer's latest event: `occurredAt|eventId`. */
  lastEventKey: z.string(),
});
/** One person across every channel and platform. */
export type Customer = z.infer<typeof customerSchema>;

/** A merge of two customers, with the evidence that caused it and what it moved. */
export const customerMergeSchema = z.object({
  tenantId: z.string(),
  id: z.string(),
  survivorId: z.string(),
  absorbedId: z.string(),
  kind: z.enum(['automatic', 'manual', 'accepted_proposal']),
  /** The identity both customers shared (automatic merges). */
  sharedIdentityKey: z.string().nullable(),
  evidenceEventId: z.string(),
  mergedAt: instantSchema,
  /** Identity keys the absorbed customer held at the moment of the merge. */
  absorbedIdentityKeys: z.array(z.string()),
  /** Events the absorbed customer held at the moment of the merge. */
  absorbedEventIds: z.array(z.string()),
  undoneAt: instantSchema.nullable(),
});
/** A merge of two customers with its evidence. */
export type CustomerMerge = z.infer<typeof customerMergeSchema>;

/** A link that identity resolution would make but must not make on its own. */
export const mergeProposalSchema = z.object({
  tenantId: z.string(),
  id: z.string(),
  customerIds: z.tuple([z.string(), z.string()]),
  reason: z.enum(['conflicting_platform_ids', 'previously_unmerged']),
  sharedIdentityKey: z.string().nullable(),
  evidenceEventId: z.string(),
  proposedAt: instantSchema,
  status: z.enum(['open', 'accepted', 'rejected']),
});
/** A proposed merge waiting for a person to accept or reject it. */
export type MergeProposal = z.infer<typeof mergeProposalSchema>;
