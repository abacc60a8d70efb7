import { assertInRange } from '../metrics-error';

/**
 * Agents to schedule so that, after shrinkage, `agentsNeeded` are actually on the queue.
 *
 * Shrinkage is the share of paid time agents are unavailable (breaks, training, absence,
 * meetings): scheduled = ⌈needed / (1 − shrinkage)⌉.
 * @param agentsNeeded - agents required on the queue (from {@link agentsRequired})
 * @param shrinkage - unavailable share of paid time, in [0, 1)
 * @returns agents to schedule
 * @throws MetricsInputError when shrinkage is outside [0, 0.99] or agentsNeeded is negative
 * @example
 * scheduledAgents(14, 0.3); // 20
 */
export function scheduledAgents(agentsNeeded: number, shrinkage: number): number {
  assertInRange('agentsNeeded', agentsNeeded, 0);
  assertInRange('shrinkage', shrinkage, 0, 0.99);
  // Guard against 14 / 0.7 = 20.000000000000004 rounding up to 21.
  return Math.max(0, Math.ceil(agentsNeeded / (1 - shrinkage) - 1e-9));
}

/**
 * Total shrinkage from its components, each a share of paid time (added, as workforce
 * planners usually do: 10 % breaks + 5 % training + 8 % absence = 23 %).
 * @param components - shares of paid time, each in [0, 1)
 * @returns the total share, in [0, 1)
 * @throws MetricsInputError when a component is out of range or the total reaches 100 %
 * @example
 * totalShrinkage({ breaks: 0.1, training: 0.05, absence: 0.08 }); // 0.23
 */
export function totalShrinkage(components: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [name, share] of Object.entries(components)) {
    assertInRange(`shrinkage.${name}`, share, 0, 0.99);
    total += share;
  }
  assertInRange('total shrinkage', total, 0, 0.99);
  return total;
}
