import { z } from 'zod';
import { instantSchema } from './primitives';

/** What is known about a customer's person. */
export const customerProfileSchema = z.object({
  /** Full name as a platform gave it. */
  name: z.string().optional(),
  /** Given name, when a platform gives it apart. */
  firstName: z.string().optional(),
  /** Family name, when a platform gives it apart. */
  lastName: z.string().optional(),
  /** Preferred language, such as `en-GB`, when a platform knows it. */
  locale: z.string().optional(),
});
/** What is known about a customer's person. */
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

/** One person across every channel and platform. */
export const customerSchema = z.object({
  /** The tenant the customer belongs to. */
  tenantId: z.string().min(1),
  /** Throughline's id of the customer. */
  id: z.string().min(1),
  /** Name and locale as the platforms gave them; each field keeps the last value an event carried. */
  profile: customerProfileSchema,
  /** Service tier (`standard` unless set), which SLA policy conditions can match. */
  tier: z.string(),
  /** When the event that created the customer happened. */
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
  /** The tenant of both customers. */
  tenantId: z.string(),
  /** Id of the merge, used to undo it. */
  id: z.string(),
  /** The customer that holds everything after the merge. */
  survivorId: z.string(),
  /** The customer merged into the survivor. */
  absorbedId: z.string(),
  /** How the merge came about: identity resolution on its own, by hand, or by accepting a proposal. */
  kind: z.enum(['automatic', 'manual', 'accepted_proposal']),
  /** The identity both customers shared (automatic merges). */
  sharedIdentityKey: z.string().nullable(),
  /** The event that caused the merge (the one that carried the shared identity). */
  evidenceEventId: z.string(),
  /** When the merge was made. */
  mergedAt: instantSchema,
  /** Identity keys the absorbed customer held at the moment of the merge. */
  absorbedIdentityKeys: z.array(z.string()),
  /** Events the absorbed customer held at the moment of the merge. */
  absorbedEventIds: z.array(z.string()),
  /** When the merge was undone; null while it stands. */
  undoneAt: instantSchema.nullable(),
});
/** A merge of two customers with its evidence. */
export type CustomerMerge = z.infer<typeof customerMergeSchema>;

/** A link that identity resolution would make but must not make on its own. */
export const mergeProposalSchema = z.object({
  /** The tenant of both customers. */
  tenantId: z.string(),
  /** Id of the proposal, used to accept or reject it. */
  id: z.string(),
  /** The two customers the proposal would merge. */
  customerIds: z.tuple([z.string(), z.string()]),
  /** Why it is only proposed: the customers hold different ids of the same platform, or a person unmerged them before. */
  reason: z.enum(['conflicting_platform_ids', 'previously_unmerged']),
  /** The normalised identity both customers share, such as `phone:+15025550100`. */
  sharedIdentityKey: z.string().nullable(),
  /** The event that would have merged them. */
  evidenceEventId: z.string(),
  /** When the proposal was made. */
  proposedAt: instantSchema,
  /** Whether it still waits for a person, or was accepted or rejected. */
  status: z.enum(['open', 'accepted', 'rejected']),
});
/** A proposed merge waiting for a person to accept or reject it. */
export type MergeProposal = z.infer<typeof mergeProposalSchema>;
