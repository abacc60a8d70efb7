import { z } from 'zod';
import { slaMetricSchema } from '../../model/engine-event-data';
import { channelSchema, prioritySchema } from '../../model/primitives';

/** The conditions a case must meet for a policy to apply; every given condition must hold. */
export const slaPolicyConditionsSchema = z
  .object({
    /** Tenants the policy is for. */
    tenantIds: z.array(z.string().min(1)).optional(),
    /** Channels the case's latest (non-repeat) customer contact came in on. */
    channels: z.array(channelSchema).optional(),
    /** Case priorities. */
    priorities: z.array(prioritySchema).optional(),
    /** Customer tiers, such as `vip`. */
    customerTiers: z.array(z.string().min(1)).optional(),
    /** Tags: the case must carry all of `all`, at least one of `any`, and none of `none`. */
    tags: z
      .object({
        /** Tags the case must carry, every one of them. */
        all: z.array(z.string()).optional(),
        /** Tags of which the case must carry at least one. */
        any: z.array(z.string()).optional(),
        /** Tags the case must not carry. */
        none: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** One target of a policy: a metric's limit for one priority, in business or calendar time. */
export const slaTargetSchema = z
  .object({
    /** The metric the target limits. */
    metric: slaMetricSchema,
    /** The case priority the target is for. */
    priority: prioritySchema,
    /** The limit in minutes (fractions allowed: 0.5 is 30 seconds). */
    targetMinutes: z.number().positive(),
    /** Count only business hours of the target's calendar (default: calendar time). */
    businessHours: z.boolean().optional(),
    /** The calendar for business hours; defaults to the policy's `calendarId`. */
    calendarId: z.string().min(1).optional(),
  })
  .strict();

/**
 * An SLA policy: conditions, and targets per metric and priority (Zendesk's model).
 *
 * @example
 * slaPolicySchema.parse({
 *   id: 'vip',
 *   conditions: { customerTiers: ['vip'] },
 *   calendarId: 'support-eu',
 *   targets: [{ metric: 'first_reply', priority: 'normal', targetMinutes: 60, businessHours: true }],
 * });
 */
export const slaPolicySchema = z
  .object({
    /** Unique id of the policy, named by its clocks and SLA events (`policyId`). */
    id: z.string().min(1),
    /** A display name. */
    name: z.string().optional(),
    /** When the policy applies; a policy without conditions applies to every case. */
    conditions: slaPolicyConditionsSchema.optional(),
    /** Default calendar of the policy's business-hours targets. */
    calendarId: z.string().min(1).optional(),
    /** The targets, at most one per metric and priority; a metric with no target at the case's priority is not measured. */
    targets: z.array(slaTargetSchema),
  })
  .strict()
  .refine(
    (policy) => new Set(policy.targets.map((target) => `${target.metric}/${target.priority}`)).size === policy.targets.length,
    { message: 'A policy has at most one target per metric and priority' },
  )
  .refine(
    (policy) =>
      policy.targets.every((target) => !target.businessHours || (target.calendarId ?? policy.calendarId) !== undefined),
    { message: 'A business-hours target needs a calendarId (on the target or the policy)' },
  );

/** The ordered policy list: the first matching policy applies. */
export const slaPoliciesSchema = z
  .array(slaPolicySchema)
  .refine((policies) => new Set(policies.map((policy) => policy.id)).size === policies.length, {
    message: 'Policy ids must be unique',
  });

/** Conditions of an SLA policy. */
export type SlaPolicyConditions = z.infer<typeof slaPolicyConditionsSchema>;
/** One target of an SLA policy. */
export type SlaTarget = z.infer<typeof slaTargetSchema>;
/** An SLA policy. */
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
