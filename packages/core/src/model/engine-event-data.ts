import { z } from 'zod';
import { caseStatusSchema, instantSchema, prioritySchema } from './primitives';

/** Two customers became one. */
export const identityMergedDataSchema = z.object({
  mergeId: z.string(),
  survivorId: z.string(),
  absorbedId: z.string(),
  kind: z.enum(['automatic', 'manual', 'accepted_proposal']),
  sharedIdentityKey: z.string().nullable(),
});
/** A merge was undone. */
export const identityUnmergedDataSchema = z.object({ mergeId: z.string() });
/** A case's status changed through the API (not a helpdesk ticket). */
export const caseStatusChangedDataSchema = z.object({ status: caseStatusSchema, priority: prioritySchema.nullable() });
/** Cases were merged: `absorbedCaseId` now lives in the event's case. */
export const caseMergedDataSchema = z.object({ absorbedCaseId: z.string() });
/** Events were split off into a new case. */
export const caseSplitDataSchema = z.object({ newCaseId: z.string(), eventIds: z.array(z.string()) });
/** Automation handed the case to a person. */
export const automationHandoffDataSchema = z.object({
  reason: z.enum(['customer_request', 'automation_failed', 'vip', 'unanswerable']),
  queue: z.string(),
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
  policyId: z.string(),
  metric: slaMetricSchema,
  /** Target in milliseconds (business or calendar, as the policy says). */
  targetMs: z.number().nonnegative(),
  businessHours: z.boolean(),
  dueAt: instantSchema.nullable(),
  /** Business (or calendar) milliseconds elapsed when the event happened. */
  elapsedMs: z.number().nonnegative(),
});
/** The data of an SLA event. */
export type SlaEventData = z.infer<typeof slaEventDataSchema>;
