import type { SlaMetric } from '../../model/engine-event-data';
import type { Channel, Priority } from '../../model/primitives';
import type { SlaPolicy, SlaPolicyConditions, SlaTarget } from './sla-policy-schema';

/** What policy conditions are evaluated against, as of one instant of a case. */
export interface SlaPolicyContext {
  /** The case's tenant, matched against `tenantIds`. */
  readonly tenantId: string;
  /** The channel the case's latest (non-repeat) customer contact came in on, matched against `channels`; `null` matches no `channels` condition. */
  readonly channel: Channel | null;
  /** The case's priority, matched against `priorities`. */
  readonly priority: Priority;
  /** The customer's tier, such as `vip`, matched against `customerTiers`; `null` matches no `customerTiers` condition. */
  readonly customerTier: string | null;
  /** The case's tags, matched against `tags`. */
  readonly tags: ReadonlySet<string>;
}

function matches(conditions: SlaPolicyConditions | undefined, context: SlaPolicyContext): boolean {
  if (!conditions) return true;
  const { tenantIds, channels, priorities, customerTiers, tags } = conditions;
  if (tenantIds && !tenantIds.includes(context.tenantId)) return false;
  if (channels && (context.channel === null || !channels.includes(context.channel))) return false;
  if (priorities && !priorities.includes(context.priority)) return false;
  if (customerTiers && (context.customerTier === null || !customerTiers.includes(context.customerTier))) return false;
  if (tags) {
    if (tags.all && !tags.all.every((tag) => context.tags.has(tag))) return false;
    if (tags.any && !tags.any.some((tag) => context.tags.has(tag))) return false;
    if (tags.none?.some((tag) => context.tags.has(tag))) return false;
  }
  return true;
}

/**
 * Finds the policy that applies to a case: the first, in order, whose conditions all hold.
 *
 * @param policies - The ordered policies.
 * @param context - The case's tenant, channel, priority, customer tier and tags.
 * @returns The policy, or `undefined` when none matches.
 * @example
 * const policy = matchSlaPolicy(policies, { tenantId: 'shop-1', channel: 'email', priority: 'high', customerTier: null, tags: new Set() });
 */
export function matchSlaPolicy(policies: readonly SlaPolicy[], context: SlaPolicyContext): SlaPolicy | undefined {
  return policies.find((policy) => matches(policy.conditions, context));
}

/**
 * Returns a policy's target for a metric at a priority.
 *
 * @param policy - The applied policy.
 * @param metric - The metric.
 * @param priority - The case's priority.
 * @returns The target, or `undefined` when the policy sets none.
 */
export function targetOf(policy: SlaPolicy, metric: SlaMetric, priority: Priority): SlaTarget | undefined {
  return policy.targets.find((target) => target.metric === metric && target.priority === priority);
}
