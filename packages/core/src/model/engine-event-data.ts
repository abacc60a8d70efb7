import { z } from 'zod';
import { caseStatusSchema, instantSchema, prioritySchema } from './primitives';

/** Two customers became one. */
export const identityMergedDataSchema = z.object({
  /** Id of the merge, used to undo it. */
  mergeId: z.string(),
  /** The customer that holds everything after the merge. */
  survivorId: z.string(),
  /** The customer merged into the survivor. */
  absorbedId: z.string(),
  /** How the merge came about: identity resolution on its own, by hand, or by accepting a proposal. */
  kind: z.enum(['automatic', 'manual', 'accepted_proposal']),
  /** The normalised identity both customers held (automatic merges). */
  sharedIdentityKey: z.string().nullable(),
});
/** A merge was undone. */
export const identityUnmergedDataSchema = z.object({
  /** The merge that was undone. */
  mergeId: z.string(),
});
/** A case's status changed through the API (not a helpdesk ticket). */
export const caseStatusChangedDataSchema = z.object({
  /** The new status. */
  status: caseStatusSchema,
  /** The new priority, when it changed too. */
  priority: prioritySchema.nullable(),
});
/** Cases were merged: `absorbedCaseId` now lives in the event's case. */
export const caseMergedDataSchema = z.object({
  /** The case folded into the event's case. */
  absorbedCaseId: z.string(),
});
/** Events were split off into a new case. */
export const caseSplitDataSchema = z.object({
  /** The case the events moved to. */
  newCaseId: z.string(),
  /** The events that moved. */
  eventIds: z.array(z.string()),
});
/** Automation handed the case to a person. */
export const automationHandoffDataSchema = z.object({
  /** Why automation handed over: the customer asked for a person, automation failed, the customer is a VIP, or it had no answer. */
  reason: z.enum(['customer_request', 'automation_failed', 'vip', 'unanswerable']),
  /** The queue the case goes to. */
  queue: z.string(),
  /** What automation saw and did, for the agent who takes over. */
  summary: z.string(),
});
/** SLA metrics, with Zendesk's names. */
export const slaMetricSchema = z.enum([
  'first_reply',
  'next_reply',
  'periodic_update',
  'pausable_update',
  'requester_wait',
  'agent_work',
  'total_resolution',
]);
/** An SLA metric. */
export type SlaMetric = z.infer<typeof slaMetricSchema>;
/** A clock of an SLA policy: which policy and metric, and when it is due. */
export const slaEventDataSchema = z.object({
  /** The SLA policy whose target the clock runs against. */
  policyId: z.string(),
  /** The metric the clock measures. */
  metric: slaMetricSchema,
  /** Target in milliseconds (business or calendar, as the policy says). */
  targetMs: z.number().nonnegative(),
  /** Whether the target counts business hours (of the policy's calendar) or calendar time. */
  businessHours: z.boolean(),
  /** When the target is reached if the clock keeps running; null while it is paused or once it stopped. */
  dueAt: instantSchema.nullable(),
  /** Business (or calendar) milliseconds elapsed when the event happened. */
  elapsedMs: z.number().nonnegative(),
});
/** The data of an SLA event. */
export type SlaEventData = z.infer<typeof slaEventDataSchema>;
