import { assertInRange, MetricsInputError } from '../metrics-error';
import { type ContactLoad, offeredTraffic } from './contact-load';
import { type QueueModel, predictQueue } from './queue-model';
import type { QueuePerformance } from './queue-performance';
import type { ServiceLevelTarget } from './service-level-target';

/**
 * Goals that the staffed queue must all meet.
 */
export interface StaffingGoals {
  /** Service-level goal, e.g. `{ share: 0.8, withinSeconds: 20 }`. */
  serviceLevel: ServiceLevelTarget;
  /** Optional ceiling on occupancy (e.g. 0.85) to keep agents from burning out. */
  maxOccupancy?: number;
  /** Optional ceiling on average speed of answer in seconds. */
  maxAverageSpeedOfAnswerSeconds?: number;
  /** Optional ceiling on the abandonment rate (only meaningful with Erlang A). */
  maxAbandonmentRate?: number;
}

/**
 * The smallest number of agents on the phones (before shrinkage) that meets every goal.
 */
export interface StaffingRequirement {
  /** Agents needed on the queue at once. */
  agents: number;
  /** Predicted performance with that many agents. */
  performance: QueuePerformance;
}

/** Safety cap for the upward search: no interval needs more agents than this. */
const MAX_AGENTS = 1_000_000;

function meetsGoals(performance: QueuePerformance, goals: StaffingGoals): boolean {
  if (performance.agents === 0 && performance.trafficErlangs === 0) return true;
  if (!performance.stable) return false;
  if (performance.serviceLevel < goals.serviceLevel.share) return false;
  if (goals.maxOccupancy !== undefined && performance.occupancy > goals.maxOccupancy) return false;
  if (goals.maxAverageSpeedOfAnswerSeconds !== undefined && performance.averageSpeedOfAnswerSeconds > goals.maxAverageSpeedOfAnswerSeconds) {
    return false;
  }
  if (goals.maxAbandonmentRate !== undefined && performance.abandonmentRate > goals.maxAbandonmentRate) return false;
  return true;
}

/**
 * Finds the fewest agents that meet a service-level target (and optional occupancy, speed of
 * answer and abandonment ceilings) for one interval's load.
 *
 * Every goal improves monotonically with more agents, so the answer is found by doubling
 * then bisecting; each probe is one stable Erlang evaluation.
 * @param load - offered contacts, handle time and interval
 * @param goals - the goals to meet
 * @param model - queueing model; Erlang C when omitted
 * @returns the agents needed and the predicted performance with them
 * @throws MetricsInputError when an input is out of range or the goals cannot be met
 * @example
 * agentsRequired({ contacts: 100, averageHandleSeconds: 180, intervalSeconds: 1800 }, { serviceLevel: { share: 0.8, withinSeconds: 20 } }).agents; // 14
 */
export function agentsRequired(load: ContactLoad, goals: StaffingGoals, model: QueueModel = { kind: 'erlang-c' }): StaffingRequirement {
  assertInRange('serviceLevel.share', goals.serviceLevel.share, 0, 1);
  if (goals.maxOccupancy !== undefined) assertInRange('maxOccupancy', goals.maxOccupancy, Number.MIN_VALUE, 1);
  const within = goals.serviceLevel.withinSeconds;
  const traffic = offeredTraffic(load);
  const probe = (agents: number) => predictQueue(load, agents, within, model);
  if (traffic === 0) return { agents: 0, performance: probe(0) };
  // Erlang C needs more agents than Erlangs; Erlang A may need fewer, so it starts from zero.
  let low = model.kind === 'erlang-c' ? Math.floor(traffic) : 0; // known to fail (or the lower bound)
  let step = Math.max(1, Math.ceil(Math.sqrt(traffic)));
  let high = low + step;
  let highPerformance = probe(high);
  while (!meetsGoals(highPerformance, goals)) {
    low = high;
    step *= 2;
    high = low + step;
    if (high > MAX_AGENTS) throw new MetricsInputError('the staffing goals cannot be met with any realistic number of agents');
    highPerformance = probe(high);
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const middlePerformance = probe(middle);
    if (meetsGoals(middlePerformance, goals)) {
      high = middle;
      highPerformance = middlePerformance;
    } else {
      low = middle;
    }
  }
  if (low === 0 && model.kind === 'erlang-a') {
    const zero = probe(0);
    if (meetsGoals(zero, goals)) return { agents: 0, performance: zero };
  }
  return { agents: high, performance: highPerformance };
}
